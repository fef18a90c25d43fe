import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

export type InvestmentGrouping = "CATEGORY" | "STATUS" | "CHILD_REGION";

export interface InvestmentGroup {
  /** Category code, status, or child region code; null for projects of the region itself. */
  key: string | null;
  label: string | null;
  /** English name of the category or child region; the status otherwise. */
  labelEn: string | null;
  projectCount: number;
  plannedInvestment: Prisma.Decimal;
  completedInvestment: Prisma.Decimal;
}

/**
 * Planned and completed investment of a region's projects (its whole subtree), grouped, in one
 * SQL statement. Top-level projects only: a project with phases counts once, its completed
 * investment taken from its own latest report or, when it reports through phases, from the
 * sum of its phases' latest reports (the same rule as projectStanding).
 */
export async function investmentSummary(db: DbClient, regionId: number, groupBy: InvestmentGrouping): Promise<InvestmentGroup[]> {
  const key = {
    CATEGORY: Prisma.sql`c.code`,
    STATUS: Prisma.sql`s.status::text`,
    CHILD_REGION: Prisma.sql`child.code`,
  }[groupBy];
  const label = {
    CATEGORY: Prisma.sql`c.name_zh`,
    STATUS: Prisma.sql`s.status::text`,
    CHILD_REGION: Prisma.sql`child.name_zh`,
  }[groupBy];
  const labelEn = {
    CATEGORY: Prisma.sql`c.name_en`,
    STATUS: Prisma.sql`s.status::text`,
    CHILD_REGION: Prisma.sql`child.name_en`,
  }[groupBy];
  const rows = await db.$queryRaw<
    {
      key: string | null;
      label: string | null;
      label_en: string | null;
      project_count: number;
      planned: Prisma.Decimal;
      completed: Prisma.Decimal;
    }[]
  >`
    WITH scope AS (
      SELECT p.id, p.category_id, p.status, p.total_investment,
             r.path[array_position(r.path, ${regionId}::int) + 1] AS child_region_id
        FROM project p JOIN region r ON r.id = p.region_id
       WHERE r.path @> ARRAY[${regionId}::int] AND p.parent_id IS NULL
    ),
    latest AS (
      SELECT DISTINCT ON (pr.project_id) pr.project_id, pr.completed_investment
        FROM progress_report pr JOIN project p ON p.id = pr.project_id
       WHERE p.id IN (SELECT id FROM scope) OR p.parent_id IN (SELECT id FROM scope)
       ORDER BY pr.project_id, pr.period_end DESC, pr.id DESC
    ),
    phase_totals AS (
      SELECT ph.parent_id, sum(l.completed_investment) AS completed
        FROM project ph JOIN latest l ON l.project_id = ph.id
       WHERE ph.parent_id IN (SELECT id FROM scope)
       GROUP BY ph.parent_id
    )
    SELECT ${key} AS key, ${label} AS label, ${labelEn} AS label_en, count(*)::int AS project_count,
           sum(s.total_investment) AS planned,
           coalesce(sum(CASE WHEN own.project_id IS NOT NULL THEN own.completed_investment ELSE pt.completed END), 0) AS completed
      FROM scope s
      JOIN project_category c ON c.id = s.category_id
      LEFT JOIN region child ON child.id = s.child_region_id
      LEFT JOIN latest own ON own.project_id = s.id
      LEFT JOIN phase_totals pt ON pt.parent_id = s.id
     GROUP BY 1, 2, 3
     ORDER BY planned DESC, key`;
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    labelEn: row.label_en,
    projectCount: row.project_count,
    plannedInvestment: new Prisma.Decimal(row.planned),
    completedInvestment: new Prisma.Decimal(row.completed),
  }));
}
