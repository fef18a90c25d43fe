import { NotFoundError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

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
  const rolled = await rollUpIndicators(db, [indicatorCode], rootRegionId, periods, "subtree");
  return rolled.get(indicatorCode) ?? [];
}

/**
 * Several indicators rolled up as rollUpIndicator does, in one statement whatever their number:
 * the scorecard's forty-odd indicators cost one round trip and one pass over the module views,
 * not one each. `only: "root"` answers with the root region's values alone (all of the subtree
 * is still rolled up to reach them). Unknown codes are refused.
 */
export async function rollUpIndicators(
  db: DbClient,
  indicatorCodes: readonly string[],
  rootRegionId: number,
  periods: string[],
  only: "root" | "subtree",
): Promise<Map<string, RolledUpValue[]>> {
  const answer = new Map<string, RolledUpValue[]>();
  if (periods.length === 0 || indicatorCodes.length === 0) return answer;
  const found = await db.indicator.findMany({
    where: { code: { in: [...indicatorCodes] } },
    select: {
      id: true,
      code: true,
      aggregation: true,
      ratioScale: true,
      computedFrom: true,
      replacedByRecords: true,
      weightIndicator: { select: { id: true, code: true } },
      numeratorIndicator: { select: { id: true, code: true } },
      denominatorIndicator: { select: { id: true, code: true } },
    },
  });
  const unknown = indicatorCodes.find((code) => !found.some((indicator) => indicator.code === code));
  if (unknown !== undefined) throw new NotFoundError("NO_SUCH_INDICATOR", { code: unknown }, "indicatorCode");

  // What each indicator starts from, as rows of the statement's `wanted`: its own values (role a)
  // and the inputs rolled up as sums (b: the weight, or the numerator; c: the denominator), each
  // read as the indicator is — typed values, a module's computed figures, or typed values
  // wherever no record at or below their region gives a figure (replaced by records).
  const wanted = found.flatMap((indicator) => {
    const mode = indicator.replacedByRecords !== null ? "replaced" : indicator.computedFrom !== null ? "computed" : "entered";
    const inputs =
      indicator.aggregation === "WEIGHTED_AVERAGE"
        ? [["b", indicator.weightIndicator] as const]
        : indicator.aggregation === "RATIO"
          ? [["b", indicator.numeratorIndicator] as const, ["c", indicator.denominatorIndicator] as const]
          : [];
    return [["a", indicator] as const, ...inputs].flatMap(([role, input]) =>
      input ? [Prisma.sql`(${indicator.id}::int, ${role}::text, ${input.id}::int, ${input.code}::text, ${mode}::text)`] : [],
    );
  });
  const mains = found.map(
    (indicator) =>
      Prisma.sql`(${indicator.id}::int, ${indicator.aggregation}::text, ${indicator.ratioScale ?? new Prisma.Decimal(1)}::numeric)`,
  );
  // The module views give each indicator's figures in a branch of its own, labelled with the code
  // as a constant: naming the codes lets the planner leave out every other branch.
  const figureCodes = found.flatMap((indicator) =>
    indicator.computedFrom !== null || indicator.replacedByRecords !== null
      ? [
          indicator.code,
          indicator.weightIndicator?.code,
          indicator.numeratorIndicator?.code,
          indicator.denominatorIndicator?.code,
        ]
      : [],
  );
  const codes = [...new Set(figureCodes.filter((code): code is string => code !== undefined)), ""];

  const levels = [...REGION_LEVELS].reverse();
  // Each level joins its children's figures grouped once per parent (a correlated sub-select per
  // region read every child row for each parent: a province's 1,000 towns × 12,000 villages took
  // 27 s for one scorecard).
  const levelCtes = levels.map((level, index) => {
    const below = index === 0 ? null : Prisma.raw(`lv${index - 1}`);
    const children = below
      ? Prisma.sql`LEFT JOIN (
          SELECT ch.parent_id, ch.period, ch.main_id,
                 CASE min(ch.aggregation)
                   WHEN 'SUM' THEN sum(ch.a)
                   WHEN 'WEIGHTED_AVERAGE' THEN sum(ch.a * ch.b) / nullif(sum(ch.b) FILTER (WHERE ch.a IS NOT NULL), 0)
                   WHEN 'RATIO' THEN sum(ch.b) / nullif(sum(ch.c), 0) * min(ch.scale)
                 END AS a,
                 sum(ch.b) AS b, sum(ch.c) AS c
            FROM ${below} ch GROUP BY ch.parent_id, ch.period, ch.main_id) ch
          ON ch.parent_id = s.id AND ch.period = s.period AND ch.main_id = s.main_id`
      : Prisma.sql`LEFT JOIN (SELECT NULL::int AS parent_id, NULL::numeric AS a, NULL::numeric AS b, NULL::numeric AS c) ch ON false`;
    return Prisma.sql`${Prisma.raw(`lv${index}`)} AS (
      SELECT s.period, s.id, s.parent_id, s.code, s.name_zh, s.main_id, s.aggregation, s.scale,
             (s.ra IS NOT NULL) AS reported,
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
      main_id: number;
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
    wanted (main_id, role, indicator_id, code, mode) AS (VALUES ${Prisma.join(wanted)}),
    mains (main_id, aggregation, scale) AS (VALUES ${Prisma.join(mains)}),
    typed AS (
      SELECT w.main_id, w.role, w.code, w.mode, v.region_id, v.period, v.value
        FROM wanted w JOIN indicator_value v ON v.indicator_id = w.indicator_id
       WHERE w.mode IN ('entered', 'replaced') AND v.period = ANY(${periods}::text[])
         AND v.region_id IN (SELECT id FROM sub)
    ),
    -- Worked out once, then matched to the subtree: joined to it directly, the planner looped over
    -- the subtree's regions and worked a module's figures out again for each.
    figures AS MATERIALIZED (
      SELECT f.indicator_code, f.region_id, f.period, f.value, r.path
        FROM computed_figure f JOIN region r ON r.id = f.region_id
       WHERE f.period = ANY(${periods}::text[]) AND f.indicator_code IN (${Prisma.join(codes)})
         AND r.path @> ARRAY[${rootRegionId}::int]
    ),
    reported AS (
      SELECT t.main_id, t.role, t.region_id, t.period, t.value FROM typed t
       WHERE t.mode = 'entered'
          OR NOT EXISTS (SELECT 1 FROM figures f
                          WHERE f.indicator_code = t.code AND f.period = t.period AND f.path @> ARRAY[t.region_id])
      UNION ALL
      SELECT w.main_id, w.role, f.region_id, f.period, f.value
        FROM wanted w JOIN figures f ON f.indicator_code = w.code
       WHERE w.mode IN ('computed', 'replaced')
    ),
    -- Each region's reported a, b and c per indicator, joined once for the whole subtree. Joined
    -- level by level instead, the planner took each level's regions for a handful (a filter on a
    -- CTE) and ran nested loops over every reported value per region: a 10-county province's
    -- weighted average took 400 ms, of which a few for the figures themselves.
    valued AS MATERIALIZED (
      SELECT s.period, s.id, s.parent_id, s.level, s.code, s.name_zh, m.main_id, m.aggregation, m.scale,
             max(r.value) FILTER (WHERE r.role = 'a') AS ra,
             max(r.value) FILTER (WHERE r.role = 'b') AS rb,
             max(r.value) FILTER (WHERE r.role = 'c') AS rc
        FROM sub s CROSS JOIN mains m
        LEFT JOIN reported r ON r.main_id = m.main_id AND r.region_id = s.id AND r.period = s.period
       GROUP BY s.period, s.id, s.parent_id, s.level, s.code, s.name_zh, m.main_id, m.aggregation, m.scale
    ),
    ${Prisma.join(levelCtes, ",\n")}
    SELECT main_id, period, id, parent_id, code, name_zh, reported, a, b, c FROM (${Prisma.join(
      levels.map((_, index) => Prisma.sql`SELECT * FROM ${Prisma.raw(`lv${index}`)}`),
      " UNION ALL ",
    )}) rolled
    ${only === "root" ? Prisma.sql`WHERE id = ${rootRegionId}::int` : Prisma.empty}`;

  const byId = new Map(found.map((indicator) => [indicator.id, indicator]));
  for (const indicator of found) answer.set(indicator.code, []);
  for (const row of rows) {
    const indicator = byId.get(row.main_id)!;
    const scale = indicator.ratioScale ?? new Prisma.Decimal(1);
    // A RATIO region that reported its numerator and denominator but not the ratio itself.
    let value = row.a === null ? null : new Prisma.Decimal(row.a);
    if (
      value === null &&
      indicator.aggregation === "RATIO" &&
      row.b !== null &&
      row.c !== null &&
      !new Prisma.Decimal(row.c).isZero()
    ) {
      value = new Prisma.Decimal(row.b).dividedBy(row.c).times(scale);
    }
    answer.get(indicator.code)!.push({
      period: row.period,
      regionId: row.id,
      parentId: row.parent_id,
      regionCode: row.code.trim(),
      regionNameZh: row.name_zh,
      value: value?.toDecimalPlaces(4) ?? null,
      reported: row.reported,
    });
  }
  return answer;
}
