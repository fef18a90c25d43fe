import { batchLoader, perRequestLoader } from "../common/batch-loader.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * What a year can have on record: progress reports, indicator values for the whole year, funds'
 * budget years, and community service (needs collected or falling due, services on cards).
 */
export const DATA_KINDS = ["PROGRESS", "ANNUAL_INDICATORS", "FUNDS", "COMMUNITY_SERVICE"] as const;
export type DataKind = (typeof DATA_KINDS)[number];

/** Each kind's first and last date within `scope` (the region's subtree, a CTE of the statement). */
const SOURCES: Record<DataKind, Prisma.Sql> = {
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

/** Each of the kinds' first and last dates for each region, in one statement whatever their number. */
async function dataSpans(db: DbClient, regionIds: readonly number[], kinds: readonly DataKind[]): Promise<Map<string, Span>> {
  const spans = new Map<string, Span>();
  const chosen = DATA_KINDS.filter((kind) => kinds.includes(kind));
  if (chosen.length === 0 || regionIds.length === 0) return spans;
  const rows = await db.$queryRaw<{ region_id: number; kind: DataKind; first: number | null; last: number | null }[]>`
    SELECT roots.id AS region_id, k.kind, extract(year FROM k.first)::int AS first, extract(year FROM k.last)::int AS last
      FROM unnest(${[...regionIds]}::int[]) AS roots(id)
     CROSS JOIN LATERAL (
       WITH scope AS (SELECT id FROM region WHERE path @> ARRAY[roots.id])
       ${Prisma.join(
         chosen.map(
           (kind) =>
             Prisma.sql`SELECT ${kind}::text AS kind, * FROM (${SOURCES[kind]}) ${Prisma.raw(`s_${kind.toLowerCase()}`)}(first, last)`,
         ),
         " UNION ALL ",
       )}
     ) k`;
  for (const row of rows) spans.set(spanKey(row.region_id, row.kind), { first: row.first, last: row.last });
  return spans;
}

interface Span {
  first: number | null;
  last: number | null;
}

const spanKey = (regionId: number, kind: DataKind) => `${regionId}:${kind}`;

/** The years from the earliest first to the latest last of some spans. */
function yearsOf(spans: (Span | undefined)[]): number[] {
  const firsts = spans.flatMap((span) => (span?.first == null ? [] : [span.first]));
  const lasts = spans.flatMap((span) => (span?.last == null ? [] : [span.last]));
  if (firsts.length === 0 || lasts.length === 0) return [];
  const first = Math.min(...firsts);
  const last = Math.max(...lasts);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * The spans of one request's dataYears fields: the kinds every such field of a region asks (a
 * page's years and its scorecard's years) are looked up once, in one statement — asked apart,
 * the annual indicators' probes ran twice (a 100-county province: 154 ms each).
 */
const requestDataSpans = perRequestLoader((context: { prisma: DbClient }) =>
  batchLoader(async (keys: string[]) => {
    const regionIds = [...new Set(keys.map((key) => Number(key.split(":")[0])))];
    const kinds = [...new Set(keys.map((key) => key.split(":")[1] as DataKind))];
    return dataSpans(context.prisma, regionIds, kinds);
  }),
);

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
export async function dataYearsOfRequest(
  context: { prisma: DbClient },
  regionId: number,
  kinds: readonly DataKind[],
): Promise<number[]> {
  return yearsOf(await Promise.all(kinds.map((kind) => requestDataSpans(context, spanKey(regionId, kind)))));
}
