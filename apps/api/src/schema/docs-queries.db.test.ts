import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseExampleQueries } from "@revita/schema/example-queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { DEMO_USERS } from "../seed/demo/users.js";

const examples = parseExampleQueries(readFileSync(resolve(import.meta.dirname, "../../../../docs/queries.md"), "utf8"));

let db: TestDatabase;
const demoUsers: [string, Authenticated][] = [];
beforeAll(async () => {
  db = await openTestDatabase("demo");
  for (const { username } of DEMO_USERS) demoUsers.push([username, await demoUser(db.prisma, username)]);
});
afterAll(async () => {
  await db?.close();
});

/** The rows an answer holds: connection edges and plain lists, counted through every level. */
function countRows(value: unknown): number {
  if (Array.isArray(value)) return value.length + value.reduce((sum: number, item) => sum + countRows(item), 0);
  if (value && typeof value === "object") return Object.values(value).reduce((sum: number, v) => sum + countRows(v), 0);
  return 0;
}

describe("docs/queries.md", () => {
  it.each(examples.map((example) => [example.name, example] as const))(
    "%s is answered with rows for at least one demo user",
    async (_name, example) => {
      const answeredFor: string[] = [];
      for (const [username, as] of demoUsers) {
        const outcome = await tryGraphql<Record<string, unknown>>(db.prisma, example.query, {}, as);
        const data = outcome.data;
        if (!outcome.code && data && Object.values(data).every((answer) => answer !== null && countRows(answer) > 0)) {
          answeredFor.push(username);
        }
      }
      expect(answeredFor.length, example.name).toBeGreaterThan(0);
    },
  );

  it("shows Jingzhou City's analyst Wuqiao's 66 households and 231 people (监利市, under the city)", async () => {
    const as = demoUsers.find(([username]) => username === "jingzhoucity.analyst")![1];
    const values = await db.prisma.indicatorValue.findMany({
      where: {
        region: { nameZh: "吴桥村" },
        period: "2020",
        indicator: { code: { in: ["REGISTERED_POOR_HOUSEHOLDS", "REGISTERED_POOR_PERSONS"] } },
      },
      include: { indicator: true, region: true },
    });
    const wuqiao = values[0]!.region.code;
    const read = await runGraphql<{ indicatorValues: { edges: { node: { value: string; indicator: { code: string } } }[] } }>(
      db.prisma,
      `query ($code: String!) { indicatorValues(regionCode: $code, first: 100) { edges { node { value indicator { code } } } } }`,
      { code: wuqiao },
      { as },
    );
    const byCode = Object.fromEntries(read.indicatorValues.edges.map((edge) => [edge.node.indicator.code, edge.node.value]));
    expect(Number(byCode.REGISTERED_POOR_HOUSEHOLDS)).toBe(66);
    expect(Number(byCode.REGISTERED_POOR_PERSONS)).toBe(231);
  });

  it("answers ten questions", () => {
    expect(examples).toHaveLength(10);
  });

  it.each(examples.map((example) => [example.name, example] as const))(
    "%s runs on the demo data and finds rows",
    async (_name, example) => {
      const data = await runGraphql(db.prisma, example.query);
      for (const [field, answer] of Object.entries(data)) {
        expect(answer, `${example.name}.${field}`).not.toBeNull();
        expect(countRows(answer), `${example.name}.${field}`).toBeGreaterThan(0);
      }
    },
  );
});
