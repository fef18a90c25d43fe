import type { Figures } from "../access/scoped-client.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { keptRowsOf } from "./kept-figures.js";

/** Which tree a summary's regions follow: today's (a merged town's past counted in its successor) or the one of each month. */
export type TreeView = "TODAY" | "THEN";

export interface ChildInvestment {
  /** The child region's id; null for projects registered at the region itself (本级). */
  regionId: number | null;
  /** Its names in the tree the summary follows: as of the year's end (or its last day) for THEN. */
  nameZh: string | null;
  nameEn: string | null;
  /** The day it was merged into another, if it was. */
  ceasedOn: Date | null;
  completedInvestment: Prisma.Decimal;
  plannedInvestment: Prisma.Decimal;
}

/**
 * A year's growth of planned and completed investment of a region, by the regions one level
 * down, from the kept month rows of each region's own projects (kept-figures.ts). TODAY groups by
 * today's tree, where a merged town hangs below its successor; THEN groups each month's rows by the
 * tree as it stood at that month's end (revita_tree_on), so a town merged in July has its own row
 * for January to June. Both add up to the same total: a row whose region was not yet in the tree
 * then (a record dated before its region was set up) counts where today's tree puts it.
 */
export async function investmentByChild(
  db: DbClient,
  regionId: number,
  year: number,
  tree: TreeView,
  figures: Figures,
): Promise<ChildInvestment[]> {
  const check = new InputChecker();
  check.year("year", year);
  check.done();
  const mode = keptRowsOf(figures);
  const yearStart = Prisma.sql`make_date(${year}::int, 1, 1)`;
  const yearEnd = Prisma.sql`make_date(${year}::int, 12, 31)`;
  // The month rows with the child each is counted in, and the children listed even without rows.
  const counted =
    tree === "TODAY"
      ? Prisma.sql`
        counted AS (
          SELECT x.path[array_position(x.path, ${regionId}::int) + 1] AS child_id, k.completed_delta, k.planned_delta
            FROM region_month_figures k JOIN region x ON x.id = k.region_id
           WHERE k.own AND ${mode} AND x.path @> ARRAY[${regionId}::int]
             AND k.month BETWEEN ${yearStart} AND ${yearEnd}
        ),
        listed AS (SELECT id AS child_id FROM region WHERE parent_id = ${regionId} AND valid_to IS NULL)`
      : Prisma.sql`
        months AS (
          SELECT m::date AS month, (m + interval '1 month' - interval '1 day')::date AS month_end
            FROM generate_series(${yearStart}, make_date(${year}::int, 12, 1), interval '1 month') m
        ),
        tree AS (
          SELECT months.month, t.id, t.path FROM months CROSS JOIN LATERAL revita_tree_on(${regionId}::int, months.month_end) t
        ),
        counted AS (
          SELECT coalesce(t.path[2], CASE WHEN t.id IS NULL THEN x.path[array_position(x.path, ${regionId}::int) + 1] END) AS child_id,
                 k.completed_delta, k.planned_delta
            FROM region_month_figures k JOIN region x ON x.id = k.region_id
            LEFT JOIN tree t ON t.id = k.region_id AND t.month = k.month
           WHERE k.own AND ${mode} AND x.path @> ARRAY[${regionId}::int]
             AND k.month BETWEEN ${yearStart} AND ${yearEnd}
        ),
        listed AS (SELECT DISTINCT path[2] AS child_id FROM tree WHERE cardinality(path) = 2)`;
  const namedOn =
    tree === "TODAY"
      ? Prisma.sql`c.name_zh, c.name_en`
      : Prisma.sql`(revita_region_names_on(c.id, least(${yearEnd}, c.valid_to - 1))).*`;
  const rows = await db.$queryRaw<
    {
      region_id: number | null;
      code: string | null;
      name_zh: string | null;
      name_en: string | null;
      ceased_on: Date | null;
      completed: Prisma.Decimal;
      planned: Prisma.Decimal;
    }[]
  >`
    WITH ${counted},
    sums AS (
      SELECT child_id, sum(completed_delta) AS completed, sum(planned_delta) AS planned FROM counted GROUP BY child_id
    ),
    children AS (
      SELECT child_id FROM listed UNION SELECT child_id FROM sums WHERE child_id IS NOT NULL
    )
    SELECT c.id AS region_id, c.code, n.name_zh, n.name_en, c.valid_to AS ceased_on,
           coalesce(s.completed, 0) AS completed, coalesce(s.planned, 0) AS planned
      FROM children ch JOIN region c ON c.id = ch.child_id
      CROSS JOIN LATERAL (SELECT ${namedOn}) n
      LEFT JOIN sums s ON s.child_id = c.id
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, s.completed, s.planned FROM sums s WHERE s.child_id IS NULL
     ORDER BY code NULLS LAST`;
  return rows.map((row) => ({
    regionId: row.region_id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    ceasedOn: row.ceased_on,
    completedInvestment: new Prisma.Decimal(row.completed),
    plannedInvestment: new Prisma.Decimal(row.planned),
  }));
}
