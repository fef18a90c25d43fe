import type { DbClient } from "../db/database.js";

/**
 * Indicators a module computes from its records (`Indicator.computedFrom`: community_service,
 * mediation …) take no typed values: their figures come from the migrations' views, gathered in
 * `computed_figure`, year by year at each village or community, under the reader's own row-level
 * security. The roll-up (indicator-rollup.ts) reads them instead of indicator_value; these two
 * tell the scorecard and the series which indicators and years have any.
 */

/** The codes of the computed indicators with a figure in a region's subtree for the period (a ratio: its denominator's). */
export async function computedIndicatorsWithFigures(db: DbClient, regionId: number, period: string): Promise<string[]> {
  // The view is evaluated once (a CTE used twice is materialized): it gathers every module's figures.
  const rows = await db.$queryRaw<{ code: string }[]>`
    WITH figures AS (
      SELECT f.indicator_code, f.value FROM computed_figure f JOIN region r ON r.id = f.region_id
       WHERE f.period = ${period} AND r.path @> ARRAY[${regionId}::int])
    SELECT DISTINCT i.code FROM indicator i LEFT JOIN indicator d ON d.id = i.denominator_indicator_id
     WHERE (i.computed_from IS NOT NULL OR i.replaced_by_records IS NOT NULL)
       AND (i.code IN (SELECT indicator_code FROM figures)
            OR (i.numerator_indicator_id IS NOT NULL AND d.code IN (SELECT indicator_code FROM figures WHERE value > 0)))`;
  return rows.map((row) => row.code);
}

/** The years with a figure of a computed indicator (or of its denominator) in a region's subtree. */
export async function computedPeriods(db: DbClient, code: string, regionId: number, from: string, to: string) {
  const rows = await db.$queryRaw<{ period: string }[]>`
    SELECT DISTINCT f.period FROM computed_figure f
      JOIN region r ON r.id = f.region_id
      JOIN indicator i ON i.code = ${code}
     WHERE f.indicator_code IN (i.code, (SELECT n.code FROM indicator n WHERE n.id = i.denominator_indicator_id))
       AND r.path @> ARRAY[${regionId}::int] AND f.period BETWEEN ${from} AND ${to}
     ORDER BY f.period`;
  return rows.map((row) => row.period);
}
