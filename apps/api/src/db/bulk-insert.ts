import type { DbClient } from "./database.js";

/** PostgreSQL types a bulk-inserted column may have. */
export type BulkColumnType = "int" | "text" | "date" | "numeric" | "bool";

type BulkValue = string | number | boolean | Date | { toFixed(): string } | null | undefined;

/**
 * Inserts many rows with one statement per chunk: each column travels as a single array
 * parameter and `unnest` turns the arrays back into rows. On both engines this is about
 * three to four times faster than Prisma's createMany, which binds every value separately.
 * Table and column names come from code, never from input.
 */
export async function bulkInsert<Row extends Record<string, BulkValue>>(
  db: DbClient,
  table: string,
  columns: { [K in keyof Row & string]: BulkColumnType },
  rows: Row[],
  chunkSize = 20_000,
): Promise<number> {
  const names = Object.keys(columns) as (keyof Row & string)[];
  const sql =
    `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) ` +
    `SELECT * FROM unnest(${names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(", ")})`;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += chunkSize) {
    const chunk = rows.slice(start, start + chunkSize);
    const arrays = names.map((name) => chunk.map((row) => toParameter(row[name], columns[name])));
    inserted += await db.$executeRawUnsafe(sql, ...arrays);
  }
  return inserted;
}

function toParameter(value: BulkValue, type: BulkColumnType): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === "object") return value.toFixed();
  return value;
}
