import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseExampleQueries } from "@revita/schema/example-queries";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";

const examples = parseExampleQueries(readFileSync(resolve(import.meta.dirname, "../../../../docs/queries.md"), "utf8"));

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
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
