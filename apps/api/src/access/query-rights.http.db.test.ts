import { getIntrospectionQuery } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";

// In production, as a county would run it.
const testServer = useTestServer({ production: true });
let viewer: Record<string, string> = {};
let analyst: Record<string, string> = {};
let admin: Record<string, string> = {};
beforeAll(async () => {
  viewer = await testServer.signIn("cengong.viewer");
  analyst = await testServer.signIn("cengong.analyst");
  admin = await testServer.signIn("cengong.admin");
});

/** Every village under the county, and under each of them its villages again: about 40,000 objects at most. */
const WIDE_QUERY = `{ region(code: "522626000000") {
  descendants(level: VILLAGE, first: 100) { edges { node { code
    descendants(level: VILLAGE, first: 100) { edges { node { code nameZh } } } } } } } }`;

describe("production mode", () => {
  it("gives no hints about the schema to anyone who guesses at field names", async () => {
    for (const headers of [{}, viewer]) {
      const { body } = await testServer.graphql(`{ provinces { cod } }`, {}, headers);
      expect(JSON.stringify(body.errors)).not.toMatch(/Did you mean/);
    }
  });

  it("sends the security headers on pages, files and answers, and no source maps", async () => {
    for (const path of ["/", "/graphql?query=%7B__typename%7D", "/api/imports", "/healthz"]) {
      const response = await fetch(`${testServer.server.url}${path}`, { headers: { accept: "application/json" } });
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
    }
    expect((await fetch(`${testServer.server.url}/assets/main.js.map`)).status).toBe(404);
  });
});

describe("free-form queries", () => {
  it("are introspectable in production by analysts and admins only", async () => {
    const introspection = getIntrospectionQuery();
    const refused = await testServer.graphql(introspection, {}, viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: "接口结构查询和查询编辑器仅供分析员和管理员使用",
      extensions: { code: "FORBIDDEN", reason: "INTROSPECTION_REFUSED" },
    });
    expect((await testServer.graphql(introspection)).status).toBe(401);
    for (const headers of [analyst, admin]) {
      const allowed = await testServer.graphql(introspection, {}, headers);
      expect(allowed.body.errors).toBeUndefined();
      expect(allowed.body.data.__schema.queryType.name).toBe("Query");
    }
    // __typename is not introspection: the dashboard's own queries ask for it.
    expect((await testServer.graphql(`{ me { __typename username } }`, {}, viewer)).body.data.me.username).toBe("cengong.viewer");
  });

  it("have a larger budget for analysts than for viewers", async () => {
    const forViewer = await testServer.graphql(WIDE_QUERY, {}, viewer);
    expect(forViewer.status).toBe(400);
    expect(forViewer.body.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COSTLY");
    const forAnalyst = await testServer.graphql(WIDE_QUERY, {}, analyst);
    expect(forAnalyst.body.errors).toBeUndefined();
    expect(forAnalyst.body.data.region.descendants.edges.length).toBeGreaterThan(0);
  });

  it("tell each user what they may do where, and in each region", async () => {
    const here = await testServer.graphql(
      `{ inside: region(code: "522626107000") { access { read edit administer } } outside: region(code: "421003000000") { access { read } } }`,
      {},
      admin,
    );
    expect(here.body.data).toEqual({
      inside: { access: { read: true, edit: false, administer: true } },
      outside: { access: { read: false } },
    });
    const { body } = await testServer.graphql(
      `{ me { scope { read { code } edit { code } administer { code } queriesFreely } } }`,
      {},
      admin,
    );
    expect(body.data.me.scope).toEqual({
      read: [{ code: "522626000000" }],
      edit: [],
      administer: [{ code: "522626000000" }],
      queriesFreely: true,
    });
  });
});
