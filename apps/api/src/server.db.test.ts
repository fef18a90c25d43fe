import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../test/test-server.js";

const testServer = useTestServer();
let viewer: Record<string, string> = {};
beforeAll(async () => {
  // A viewer: the standard query budget (analysts get a larger one).
  viewer = await testServer.signIn("cengong.viewer");
});
const graphql = (query: string, variables: Record<string, unknown> = {}) => testServer.graphql(query, variables, viewer);

describe("the GraphQL endpoint", () => {
  it("serves Cengong County with its towns and its embankment phases as exact strings", async () => {
    const { body } = await graphql(`
      query CengongOverview {
        region(code: "522626000000") { nameZh level children { nameZh } }
        projects(regionCode: "522626000000", first: 50) {
          totalCount
          edges { node { code totalInvestment phases { phaseNumber totalInvestment progressReports(first: 1) { edges { node { period completedInvestment physicalProgress } } } } } }
        }
      }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.region).toMatchObject({ nameZh: "岑巩县", level: "COUNTY" });
    expect(body.data.region.children).toHaveLength(12); // "全县12个乡镇（街道）"
    type Phase = { totalInvestment: string; progressReports: { edges: { node: { completedInvestment: string } }[] } };
    type Edge = { node: { code: string; totalInvestment: string; phases: Phase[] } };
    const ecological = (body.data.projects.edges as Edge[]).find((e) => e.node.code === "CG-FH-CBSTD")!.node;
    expect(ecological.totalInvestment).toBe("260000000");
    expect(ecological.phases.map((p) => [p.totalInvestment, p.progressReports.edges[0]?.node.completedInvestment])).toEqual([
      ["43375700", "15340000"],
      ["35061400", "7870000"],
      ["51075400", "39800000"],
    ]);
    expect(body.data.projects.totalCount).toBe(body.data.projects.edges.length);
  });

  it("answers an unknown region with NOT_FOUND and no internals", async () => {
    const { body } = await graphql(`{ projects(regionCode: "000000000000", first: 5) { totalCount } }`);
    expect(body.errors?.[0]).toMatchObject({
      message: "没有区划代码为 000000000000 的地区",
      extensions: { code: "NOT_FOUND", reason: "NO_SUCH_REGION", params: { code: "000000000000" } },
    });
    expect(JSON.stringify(body.errors)).not.toMatch(/stack|prisma|SELECT/i);
  });

  it.each([
    ["too deep", `{ provinces { ${"children { ".repeat(12)} code ${"} ".repeat(12)} } }`, "QUERY_TOO_DEEP"],
    ["an alias flood", `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: provinces { code }`).join(" ")} }`, "TOO_MANY_ALIASES"],
    ["a huge page", `{ projects(regionCode: "522626000000", first: 100000) { totalCount } }`, "PAGE_TOO_LARGE"],
  ])("refuses a query that is %s with HTTP 400 and its code", async (_what, query, code) => {
    const { status, body } = await graphql(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code });
    expect(body.data).toBeUndefined();
  });

  it("names the field of every variable value refused for its type, as it names the fields a rule refuses", async () => {
    const { body } = await graphql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { code } }`, {
      input: {
        nameZh: "产业路",
        categoryCode: "RURAL_ROADS",
        status: "SOMEDAY",
        regionCode: "522626107000",
        totalInvestment: "350万",
        plannedStart: "2026/3/1",
        phaseNumber: "二",
      },
    });
    type Issue = { field: string; message: string };
    const issues = (body.errors ?? []).flatMap((error) => {
      expect(error.extensions?.code).toBe("BAD_USER_INPUT");
      return (error.extensions?.issues ?? []) as Issue[];
    });
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      "code",
      "phaseNumber",
      "plannedStart",
      "status",
      "totalInvestment",
    ]);
    expect(issues.find((issue) => issue.field === "totalInvestment")?.message).toBe(
      "应为数字，如 1298.50，不带单位（填写的是“350万”）",
    );
    expect(issues.find((issue) => issue.field === "code")?.message).toBe("必填");
    expect(body.data).toBeUndefined();
  });

  it("refuses a batch of operations in one request", async () => {
    const response = await fetch(`${testServer.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ provinces { code } }" }, { query: "{ provinces { code } }" }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batch/i);
  });

  it("refuses an anonymous fragment bomb before validating it, and keeps answering others meanwhile", async () => {
    const fragments = [`fragment F0 on Region { code }`];
    for (let level = 1; level <= 30; level++)
      fragments.push(`fragment F${level} on Region { ...F${level - 1} children { ...F${level - 1} } }`);
    const bomb = `{ provinces { ...F30 } } ${fragments.join(" ")}`;
    const started = performance.now();
    const [refused, health] = await Promise.all([testServer.graphql(bomb), fetch(`${testServer.server.url}/healthz`)]);
    // Validating 2^30 selections would take hours; refused before that, the answer is immediate.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY", reason: "QUERY_TOO_LARGE" } });
    expect(refused.body.errors?.[0]?.message).toContain("10,000");
    expect(health.status).toBe(200);
  });

  it("reports a health check", async () => {
    const response = await fetch(`${testServer.server.url}/healthz`);
    expect(await response.json()).toEqual({ status: "ok", database: testServer.db.engine });
  });
});

describe("the pages it serves", () => {
  it("serves GraphiQL at /graphiql from its own bundled assets, nothing from elsewhere", async () => {
    const page = await fetch(`${testServer.server.url}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("GraphiQL");
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset, "an asset of the query editor").toMatch(/^\/assets\//);
      const response = await fetch(`${testServer.server.url}${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get("cache-control"), asset).toContain("immutable");
    }
  });

  it("sends a browser that opens /graphql to the query editor, and keeps missing assets 404", async () => {
    const browser = await fetch(`${testServer.server.url}/graphql`, { headers: { accept: "text/html" }, redirect: "manual" });
    expect(browser.status).toBe(302);
    expect(browser.headers.get("location")).toBe("/graphiql");
    expect((await fetch(`${testServer.server.url}/assets/no-such-file.js`)).status).toBe(404);
    const dashboardRoute = await fetch(`${testServer.server.url}/projects/CG-FH-CBSTD`);
    expect(dashboardRoute.status).toBe(200);
    expect(await dashboardRoute.text()).toContain('<div id="root">');
  });
});
