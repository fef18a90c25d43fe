import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { withLiterals } from "./database.js";

/**
 * Database.readInTransaction, the driver's own path for the compiled reads: the first
 * statement's settings hold for the rest, nothing sent this way can change data, a failure
 * leaves the connection fit for the next caller, and a statement run again (prepared, on
 * PostgreSQL) answers as the first time.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const setting = { sql: "SELECT set_config('revita.actor', $1, true)", params: ["user:it's me"] };
const actor = { sql: "SELECT current_setting('revita.actor') AS actor, $1::int + 1 AS next", params: [41] };

describe("readInTransaction", () => {
  it("runs the statements in one transaction and answers with the last one's rows", async () => {
    expect(await db.readInTransaction([setting, actor])).toEqual([{ actor: "user:it's me", next: 42 }]);
    // Transaction-local: the next transaction does not see the setting.
    const [after] = await db.readInTransaction([{ sql: "SELECT current_setting('revita.actor', true) AS actor", params: [] }]);
    expect(after!.actor === null || after!.actor === "").toBe(true);
  });

  it("refuses to change data and leaves the connection usable", async () => {
    const rename = { sql: "UPDATE region SET name_zh = name_zh || '!'", params: [] };
    await expect(db.readInTransaction([setting, rename])).rejects.toThrow(/read-only/);
    expect(await db.prisma.region.count({ where: { nameZh: { endsWith: "!" } } })).toBe(0);
    // Every pooled connection still answers (a failed transaction was rolled back, not lent out).
    const answers = await Promise.all(Array.from({ length: 12 }, () => db.readInTransaction([setting, actor])));
    expect(answers.every(([row]) => row!.next === 42)).toBe(true);
  });

  it("answers a statement run many times, with other values, as the first time", async () => {
    const count = { sql: "SELECT count(*)::int AS n FROM region WHERE code <> $1", params: ["x"] };
    const first = await db.readInTransaction([setting, count]);
    for (let round = 0; round < 8; round++) expect(await db.readInTransaction([setting, count])).toEqual(first);
    const other = await db.readInTransaction([setting, { ...count, params: [(await db.prisma.region.findFirstOrThrow()).code] }]);
    expect(other[0]!.n).toBe((first[0]!.n as number) - 1);
  });
});

describe("withLiterals", () => {
  it("quotes every parameter, quotes and backslashes included", () => {
    expect(withLiterals({ sql: "SELECT $1, $2, $10", params: ["a'b", "c\\d", "", "", "", "", "", "", "", "z"] })).toBe(
      "SELECT 'a''b',  E'c\\\\d', 'z'",
    );
    expect(() => withLiterals({ sql: "SELECT $1", params: [1] })).toThrow(/not a string/);
  });
});
