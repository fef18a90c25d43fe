import { beforeAll, describe, expect, it } from "vitest";
import { useTestServer } from "../test/test-server.js";

/**
 * What an attacker or a careless script sends that is not a GraphQL request as it should be:
 * each is refused with a code (4xx), in the asker's language, and never with a stack trace, a
 * path on the server or a line of source.
 */
const testServer = useTestServer();
let editor: Record<string, string> = {};
beforeAll(async () => {
  editor = await testServer.signIn("cengong.editor");
});

const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${testServer.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

async function expectRefused(response: Response, status: number, reason: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(text).not.toMatch(/at \w+ \(|node_modules|\/work\/|\.ts:\d+|Prisma|SELECT|stack/i);
  const body = JSON.parse(text) as { errors?: { extensions?: { reason?: string } }[]; error?: { reason?: string } };
  expect(body.errors?.[0]?.extensions?.reason ?? body.error?.reason).toBe(reason);
}

describe("malformed requests", () => {
  it("refuses bodies that are not a JSON request, too large, or in another charset", async () => {
    await expectRefused(await post('{"query": '), 400, "BAD_JSON");
    await expectRefused(await post("null"), 400, "BAD_JSON");
    await expectRefused(await post(Buffer.from(`{"query":"${"a".repeat(1_100_000)}"}`)), 413, "REQUEST_TOO_LARGE");
    const gbk = await post('{"query":"{ provinces { code } }"}', {
      "content-type": "application/json; charset=gbk",
      "accept-language": "en",
    });
    expect(gbk.status).toBe(415);
    expect(await gbk.json()).toMatchObject({ errors: [{ message: "the charset gbk is not supported: send UTF-8" }] });
  });

  it("treats a mangled session cookie as a wrong token, and a subscription as unsupported", async () => {
    await expectRefused(
      await post('{"query":"{ provinces { code } }"}', { cookie: "revita_session=%E0%A4%A" }),
      401,
      "TOKEN_INVALID",
    );
    const subscription = await testServer.graphql("subscription { provinces { code } }", {}, editor);
    expect(subscription.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_REQUEST", reason: "SUBSCRIPTIONS_UNSUPPORTED" });
  });

  it("names the field of a NUL byte, a date before 1900 and a 20-digit number, and answers an id of the wrong shape as a mistake", async () => {
    const update = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { code } }`;
    const refusedFields = async (query: string, variables: Record<string, unknown>) =>
      ((await testServer.graphql(query, variables, editor)).body.errors?.[0]?.extensions?.issues as {
        field: string;
        reason: string;
      }[]) ?? [];
    expect(await refusedFields(update, { i: { code: "CG-FH-CBSTD-3", expectedVersion: 1, nameZh: "坏\u0000名" } })).toEqual([
      expect.objectContaining({ field: "nameZh", reason: "UNPRINTABLE_TEXT" }),
    ]);
    expect(
      await refusedFields(update, { i: { code: "CG-FH-CBSTD-3", expectedVersion: 1, plannedFinish: "0000-01-01" } }),
    ).toEqual([expect.objectContaining({ field: "plannedFinish", reason: "DATE_OUT_OF_RANGE" })]);
    const value = `mutation($i: EnterIndicatorValueInput!) { enterIndicatorValue(input: $i) { period } }`;
    expect(
      await refusedFields(value, {
        i: { indicatorCode: "MAJOR_PROJECTS_STARTED", regionCode: "522626107000", period: "2026", value: "12345678901234567890" },
      }),
    ).toEqual([expect.objectContaining({ field: "value", reason: "NUMBER_TOO_LARGE" })]);
    const wrongShape = Buffer.from("Region:abc").toString("base64");
    const node = await testServer.graphql(`{ node(id: "${wrongShape}") { id } }`, {}, editor);
    expect(node.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(JSON.stringify(node.body)).not.toMatch(/Prisma|invocation/);
  });

  it("refuses a region code with a NUL byte in an export by its field", async () => {
    const response = await fetch(`${testServer.server.url}/api/exports/progress.csv?regionCode=%00`, { headers: editor });
    await expectRefused(response, 400, "INVALID_INPUT");
  });
});
