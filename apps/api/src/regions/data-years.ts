import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * What a year can have on record: progress reports, indicator values for the whole year, funds'
 * budget years, and community service (needs collected or falling due, services on cards).
 */
export const DATA_KINDS = ["PROGRESS", "ANNUAL_INDICATORS", "FUNDS", "COMMUNITY_SERVICE"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/**
 * The years from the first to the last with anything of the given kinds on record for a region
 * or below it. The dashboard offers these as its periods, and opens on the last year with
 * whole-year indicator values so that its scorecard (which reads those) is not empty.
 *
 * Every page asks for this, so it must not read every report of a province (half a million
 * rows, 3.8 s): it looks up each project's first and last report and each region's first and
 * last value through the (project, period end) and (region, period end) indexes, two index
 * probes per project and per region, and fills the years in between.
 */
export async function dataYears(db: DbClient, regionId: number, kinds: readonly DataKind[] = DATA_KINDS): Promise<number[]> {
  const sources: Record<DataKind, Prisma.Sql> = {
    PROGRESS: Prisma.sql`
      SELECT min(first.period_end) AS first, max(last.period_end) AS last
        FROM project p
        CROSS JOIN LATERAL (SELECT period_end FROM progress_report WHERE project_id = p.id ORDER BY period_end LIMIT 1) first
        CROSS JOIN LATERAL (SELECT period_end FROM progress_report WHERE project_id = p.id ORDER BY period_end DESC LIMIT 1) last
       WHERE p.region_id IN (SELECT id FROM scope)`,
    ANNUAL_INDICATORS: Prisma.sql`
      SELECT min(first.period_end), max(last.period_end)
        FROM scope s
        CROSS JOIN LATERAL (SELECT period_end FROM indicator_value
                             WHERE region_id = s.id AND period ~ '^[0-9]{4}$' ORDER BY period_end LIMIT 1) first
        CROSS JOIN LATERAL (SELECT period_end FROM indicator_value
                             WHERE region_id = s.id AND period ~ '^[0-9]{4}$' ORDER BY period_end DESC LIMIT 1) last`,
    FUNDS: Prisma.sql`
      SELECT make_date(min(f.start_year), 1, 1), make_date(max(f.year), 12, 31)
        FROM fund f WHERE f.region_id IN (SELECT id FROM scope)`,
    COMMUNITY_SERVICE: Prisma.sql`
      SELECT least(min(n.raised_on), min(e.first)), greatest(max(coalesce(n.due_on, n.raised_on)), max(e.last))
        FROM (SELECT raised_on, due_on FROM community_need WHERE region_id IN (SELECT id FROM scope)) n
        FULL JOIN (SELECT min(served_on) AS first, max(served_on) AS last FROM service_entry
                    WHERE region_id IN (SELECT id FROM scope)) e ON true`,
  };
  const chosen = DATA_KINDS.filter((kind) => kinds.includes(kind));
  if (chosen.length === 0) return [];
  const [span] = await db.$queryRaw<{ first: number | null; last: number | null }[]>`
    WITH scope AS (SELECT id FROM region WHERE path @> ARRAY[${regionId}::int]),
    spans (first, last) AS (${Prisma.join(
      chosen.map((kind) => sources[kind]),
      " UNION ALL ",
    )})
    SELECT extract(year FROM min(first))::int AS first, extract(year FROM max(last))::int AS last FROM spans`;
  if (span?.first == null || span.last == null) return [];
  return Array.from({ length: span.last - span.first + 1 }, (_, index) => span.first! + index);
}
