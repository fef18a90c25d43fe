import type { Figures } from "../access/scoped-client.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { type KeptRegion, regionRows } from "./kept-figures.js";

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
 * SQL statement over the figures the database keeps (kept-figures.ts). Top-level projects only: a
 * project with phases counts once, its completed investment taken from its own latest report or,
 * when it reports through phases, from the sum of its phases' latest reports (the same rule as
 * projectStanding).
 */
export async function investmentSummary(
  db: DbClient,
  region: KeptRegion,
  groupBy: InvestmentGrouping,
  figures: Figures,
): Promise<InvestmentGroup[]> {
  const key = {
    CATEGORY: Prisma.sql`c.code`,
    STATUS: Prisma.sql`k.status::text`,
    CHILD_REGION: Prisma.sql`child.code`,
  }[groupBy];
  const label = {
    CATEGORY: Prisma.sql`c.name_zh`,
    STATUS: Prisma.sql`k.status::text`,
    CHILD_REGION: Prisma.sql`child.name_zh`,
  }[groupBy];
  const labelEn = {
    CATEGORY: Prisma.sql`c.name_en`,
    STATUS: Prisma.sql`k.status::text`,
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
    SELECT ${key} AS key, ${label} AS label, ${labelEn} AS label_en, sum(k.project_count)::int AS project_count,
           sum(k.planned_investment) AS planned, sum(k.completed_investment) AS completed
      FROM (${regionRows("region_investment_figures", region, figures, { byChild: groupBy === "CHILD_REGION" })}) k
      JOIN project_category c ON c.id = k.category_id
      LEFT JOIN region child ON child.id = k.child_region_id
     GROUP BY 1, 2, 3
    HAVING sum(k.project_count) > 0
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
