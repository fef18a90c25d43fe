import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

/** What a year can have on record: progress reports, indicator values for the whole year, funds' budget years. */
export const DATA_KINDS = ["PROGRESS", "ANNUAL_INDICATORS", "FUNDS"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * The years with anything of the given kinds on record for a region or below it. The dashboard
 * offers these as its periods, and opens on the last year with indicator values so that its
 * scorecard (which reads whole-year values) is not empty.
 */
export async function dataYears(db: DbClient, regionId: number, kinds: readonly DataKind[] = DATA_KINDS): Promise<number[]> {
  const sources: Record<DataKind, Prisma.Sql> = {
    PROGRESS: Prisma.sql`SELECT extract(year FROM pr.period_end)::int AS year
        FROM progress_report pr JOIN project p ON p.id = pr.project_id
       WHERE p.region_id IN (SELECT id FROM scope)`,
    ANNUAL_INDICATORS: Prisma.sql`SELECT extract(year FROM iv.period_end)::int AS year
        FROM indicator_value iv WHERE iv.region_id IN (SELECT id FROM scope) AND iv.period ~ '^[0-9]{4}$'`,
    FUNDS: Prisma.sql`SELECT generate_series(f.start_year, f.year) AS year
        FROM fund f WHERE f.region_id IN (SELECT id FROM scope)`,
  };
  const chosen = DATA_KINDS.filter((kind) => kinds.includes(kind));
  if (chosen.length === 0) return [];
  const rows = await db.$queryRaw<{ year: number }[]>`
    WITH scope AS (SELECT id FROM region WHERE path @> ARRAY[${regionId}::int])
    SELECT DISTINCT year FROM (${Prisma.join(
      chosen.map((kind) => sources[kind]),
      " UNION ",
    )}) years
     ORDER BY year`;
  return rows.map((row) => Number(row.year));
}
