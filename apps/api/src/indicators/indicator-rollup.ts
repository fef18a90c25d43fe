import { NotFoundError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

/**
 * The values a roll-up starts from: those entered, or for an indicator computed from a module's
 * records (and its numerator and denominator, computed alike) the figures its view works out.
 */
function reportedValues(
  computedFrom: string | null,
  replacedByRecords: string | null,
  indicatorIds: number[],
  indicatorCodes: string[],
  periods: string[],
): Prisma.Sql {
  // The codes as well as the ids: each module's view gives each indicator's figures in a branch
  // of its own, labelled with the code as a constant, and a condition on the code lets the planner
  // leave out every other branch — without it, every module's figures were worked out for each
  // computed indicator (20–60 ms each for a county's scorecard).
  const codes = indicatorCodes.length ? indicatorCodes : [""];
  if (replacedByRecords !== null) {
    // Typed values stand where no record below (or at) their region gives a figure for the period.
    return Prisma.sql`
      WITH figures AS MATERIALIZED (
        SELECT f.region_id, i.id AS indicator_id, f.period, f.value, r.path
          FROM computed_figure f JOIN indicator i ON i.code = f.indicator_code JOIN region r ON r.id = f.region_id
         WHERE f.period = ANY(${periods}::text[]) AND f.indicator_code IN (${Prisma.join(codes)})
           AND i.id IN (${Prisma.join(indicatorIds)})
      )
      SELECT v.region_id, v.indicator_id, v.period, v.value FROM indicator_value v
       WHERE v.period = ANY(${periods}::text[]) AND v.indicator_id IN (${Prisma.join(indicatorIds)})
         AND v.region_id IN (SELECT id FROM sub)
         AND NOT EXISTS (SELECT 1 FROM figures f
                          WHERE f.indicator_id = v.indicator_id AND f.period = v.period AND f.path @> ARRAY[v.region_id])
      UNION ALL
      SELECT region_id, indicator_id, period, value FROM figures WHERE region_id IN (SELECT id FROM sub)`;
  }
  if (computedFrom !== null) {
    // Worked out once, then matched to the subtree: joined directly, the planner looped over the
    // subtree's regions and worked a module's figures out again for each.
    return Prisma.sql`
      WITH figures AS MATERIALIZED (
        SELECT f.indicator_code, f.region_id, f.period, f.value FROM computed_figure f
         WHERE f.period = ANY(${periods}::text[]) AND f.indicator_code IN (${Prisma.join(codes)})
      )
      SELECT f.region_id, i.id AS indicator_id, f.period, f.value
        FROM figures f JOIN indicator i ON i.code = f.indicator_code
       WHERE i.id IN (${Prisma.join(indicatorIds)}) AND f.region_id IN (SELECT id FROM sub)`;
  }
  return Prisma.sql`
      SELECT region_id, indicator_id, period, value FROM indicator_value
       WHERE period = ANY(${periods}::text[]) AND indicator_id IN (${Prisma.join(indicatorIds)})
         AND region_id IN (SELECT id FROM sub)`;
}

export interface RolledUpValue {
  period: string;
  regionId: number;
  parentId: number | null;
  regionCode: string;
  regionNameZh: string;
  value: Prisma.Decimal | null;
  /** True when the region reported this value itself; false when it was rolled up. */
  reported: boolean;
}

/**
 * One indicator's value for every region of a subtree in each of some periods, in one SQL statement.
 * A region's reported value wins; otherwise it is rolled up from its children by the
 * indicator's rule: SUM adds them; WEIGHTED_AVERAGE weighs them by the weight indicator (itself
 * rolled up as a sum); RATIO divides the rolled-up numerator by the rolled-up denominator and
 * multiplies by the scale; NOT_AGGREGATED keeps reported values only. Levels are fixed, so the
 * roll-up runs level by level, villages first.
 */
export async function rollUpIndicator(
  db: DbClient,
  indicatorCode: string,
  rootRegionId: number,
  periods: string[],
): Promise<RolledUpValue[]> {
  if (periods.length === 0) return [];
  const indicator = await db.indicator.findUnique({
    where: { code: indicatorCode },
    select: {
      id: true,
      code: true,
      aggregation: true,
      weightIndicatorId: true,
      numeratorIndicatorId: true,
      denominatorIndicatorId: true,
      ratioScale: true,
      computedFrom: true,
      replacedByRecords: true,
      weightIndicator: { select: { code: true } },
      numeratorIndicator: { select: { code: true } },
      denominatorIndicator: { select: { code: true } },
    },
  });
  if (!indicator) throw new NotFoundError("NO_SUCH_INDICATOR", { code: indicatorCode }, "indicatorCode");
  const aggregation = indicator.aggregation;
  // a: the indicator's own reported value; b, c: the inputs rolled up as sums (weight, or numerator and denominator).
  const inputB =
    aggregation === "WEIGHTED_AVERAGE"
      ? indicator.weightIndicatorId
      : aggregation === "RATIO"
        ? indicator.numeratorIndicatorId
        : null;
  const inputC = aggregation === "RATIO" ? indicator.denominatorIndicatorId : null;
  const scale = indicator.ratioScale ?? new Prisma.Decimal(1);

  const levels = [...REGION_LEVELS].reverse();
  // Each level joins its children's figures grouped once per parent (a correlated sub-select per
  // region read every child row for each parent: a province's 1,000 towns × 12,000 villages took
  // 27 s for one scorecard).
  const childA =
    aggregation === "SUM"
      ? Prisma.sql`sum(ch.a)`
      : aggregation === "WEIGHTED_AVERAGE"
        ? Prisma.sql`sum(ch.a * ch.b) / nullif(sum(ch.b) FILTER (WHERE ch.a IS NOT NULL), 0)`
        : aggregation === "RATIO"
          ? Prisma.sql`sum(ch.b) / nullif(sum(ch.c), 0) * ${scale}::numeric`
          : Prisma.sql`NULL::numeric`;
  const levelCtes = levels.map((level, index) => {
    const below = index === 0 ? null : Prisma.raw(`lv${index - 1}`);
    const children = below
      ? Prisma.sql`LEFT JOIN (SELECT ch.parent_id, ch.period, ${childA} AS a, sum(ch.b) AS b, sum(ch.c) AS c
                                FROM ${below} ch GROUP BY ch.parent_id, ch.period) ch
                         ON ch.parent_id = s.id AND ch.period = s.period`
      : Prisma.sql`LEFT JOIN (SELECT NULL::int AS parent_id, NULL::numeric AS a, NULL::numeric AS b, NULL::numeric AS c) ch ON false`;
    return Prisma.sql`${Prisma.raw(`lv${index}`)} AS (
      SELECT s.period, s.id, s.parent_id, s.code, s.name_zh, (s.ra IS NOT NULL) AS reported,
             coalesce(s.ra, ch.a) AS a,
             coalesce(s.rb, ch.b) AS b,
             coalesce(s.rc, ch.c) AS c
        FROM valued s
        ${children}
       WHERE s.level = ${level}::"RegionLevel"
    )`;
  });
  const rows = await db.$queryRaw<
    {
      period: string;
      id: number;
      parent_id: number | null;
      code: string;
      name_zh: string;
      reported: boolean;
      a: Prisma.Decimal | null;
      b: Prisma.Decimal | null;
      c: Prisma.Decimal | null;
    }[]
  >`
    WITH sub AS (
      SELECT r.id, r.parent_id, r.level, r.code, r.name_zh, p.period
        FROM region r CROSS JOIN unnest(${periods}::text[]) AS p(period)
       WHERE r.path @> ARRAY[${rootRegionId}::int]
    ),
    reported AS (${reportedValues(
      indicator.computedFrom,
      indicator.replacedByRecords,
      [indicator.id, inputB ?? -1, inputC ?? -1],
      [
        indicator.code,
        ...(aggregation === "WEIGHTED_AVERAGE" && indicator.weightIndicator ? [indicator.weightIndicator.code] : []),
        ...(aggregation === "RATIO" && indicator.numeratorIndicator ? [indicator.numeratorIndicator.code] : []),
        ...(aggregation === "RATIO" && indicator.denominatorIndicator ? [indicator.denominatorIndicator.code] : []),
      ],
      periods,
    )}),
    -- Each region's reported a, b and c, joined once for the whole subtree. Joined level by level
    -- instead, the planner took each level's regions for a handful (a filter on a CTE) and ran
    -- three nested loops over every reported value per region: a 10-county province's weighted
    -- average took 400 ms, of which a few for the figures themselves.
    valued AS MATERIALIZED (
      SELECT s.period, s.id, s.parent_id, s.level, s.code, s.name_zh,
             max(r.value) FILTER (WHERE r.indicator_id = ${indicator.id}) AS ra,
             max(r.value) FILTER (WHERE r.indicator_id = ${inputB ?? -1}) AS rb,
             max(r.value) FILTER (WHERE r.indicator_id = ${inputC ?? -1}) AS rc
        FROM sub s LEFT JOIN reported r ON r.region_id = s.id AND r.period = s.period
       GROUP BY s.period, s.id, s.parent_id, s.level, s.code, s.name_zh
    ),
    ${Prisma.join(levelCtes, ",\n")}
    SELECT period, id, parent_id, code, name_zh, reported, a, b, c FROM (${Prisma.join(
      levels.map((_, index) => Prisma.sql`SELECT * FROM ${Prisma.raw(`lv${index}`)}`),
      " UNION ALL ",
    )}) rolled`;
  return rows.map((row) => {
    // A RATIO region that reported its numerator and denominator but not the ratio itself.
    let value = row.a === null ? null : new Prisma.Decimal(row.a);
    if (value === null && aggregation === "RATIO" && row.b !== null && row.c !== null && !new Prisma.Decimal(row.c).isZero()) {
      value = new Prisma.Decimal(row.b).dividedBy(row.c).times(scale);
    }
    return {
      period: row.period,
      regionId: row.id,
      parentId: row.parent_id,
      regionCode: row.code.trim(),
      regionNameZh: row.name_zh,
      value: value?.toDecimalPlaces(4) ?? null,
      reported: row.reported,
    };
  });
}
