import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";

/**
 * Database.readInTransaction, the driver's own path for the compiled reads (on PostgreSQL one
 * pipeline: pipelined-read.ts): the first statement's settings hold for the rest, nothing sent
 * this way can change data, a failure leaves the connection fit for the next caller, and a
 * statement run again (prepared, on PostgreSQL) answers as the first time.
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

  it("sends text, numbers and nulls, and reads each column as its type", async () => {
    const typed = {
      sql: "SELECT $1::text IS NULL AS missing, $2::int * 2 AS doubled, $3::text AS said, '{1,2}'::int[] AS list, 1.50::numeric AS amount, NULL::int AS nothing",
      params: [null, 21, "岑巩县 'quoted'"],
    };
    const rows = await db.readInTransaction([setting, typed]);
    expect(rows).toEqual([{ missing: true, doubled: 42, said: "岑巩县 'quoted'", list: [1, 2], amount: "1.50", nothing: null }]);
    expect(await db.readInTransaction([setting, { sql: "SELECT 1 AS n WHERE false", params: [] }])).toEqual([]);
  });

  it("refuses to change data and leaves the connection usable", async () => {
    const rename = { sql: "UPDATE region SET name_zh = name_zh || '!'", params: [] };
    await expect(db.readInTransaction([setting, rename])).rejects.toThrow(/read-only/);
    expect(await db.prisma.region.count({ where: { nameZh: { endsWith: "!" } } })).toBe(0);
    // Every pooled connection still answers (a failed transaction was rolled back, not lent out).
    const answers = await Promise.all(Array.from({ length: 12 }, () => db.readInTransaction([setting, actor])));
    expect(answers.every(([row]) => row!.next === 42)).toBe(true);
  });

  it("fails the same way every time a statement fails, whether it was prepared before or not", async () => {
    const divide = { sql: "SELECT 10 / $1::int AS q", params: [0] };
    // The first failure comes after the statement was parsed: the next attempt must not parse it
    // again on a connection that has it, nor run it where it is missing.
    await expect(db.readInTransaction([setting, divide])).rejects.toThrow(/division by zero/);
    await expect(db.readInTransaction([setting, divide])).rejects.toThrow(/division by zero/);
    expect(await db.readInTransaction([setting, { ...divide, params: [5] }])).toEqual([{ q: 2 }]);
    await expect(db.readInTransaction([setting, divide])).rejects.toThrow(/division by zero/);
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => db.readInTransaction([setting, { ...divide, params: [index + 1] }])),
    );
    expect(answers.map(([row]) => row!.q)).toEqual(Array.from({ length: 12 }, (_, index) => Math.trunc(10 / (index + 1))));
  });

  it("answers a statement run many times, with other values, as the first time", async () => {
    const count = { sql: "SELECT count(*)::int AS n FROM region WHERE code <> $1", params: ["x"] };
    const first = await db.readInTransaction([setting, count]);
    for (let round = 0; round < 8; round++) expect(await db.readInTransaction([setting, count])).toEqual(first);
    const other = await db.readInTransaction([setting, { ...count, params: [(await db.prisma.region.findFirstOrThrow()).code] }]);
    expect(other[0]!.n).toBe((first[0]!.n as number) - 1);
  });

  it("refuses a parameter it cannot send as text, before sending anything", async () => {
    await expect(db.readInTransaction([setting, { sql: "SELECT $1::text AS v", params: [{ not: "text" }] }])).rejects.toThrow(
      /parameter/,
    );
    expect(await db.readInTransaction([setting, actor])).toEqual([{ actor: "user:it's me", next: 42 }]);
  });
});
