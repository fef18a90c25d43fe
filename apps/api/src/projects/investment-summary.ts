import type { Figures } from "../access/scoped-client.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { type KeptRegion, regionIdLiteral, regionRowsText } from "./kept-figures.js";

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
  const rows = await db.$queryRaw<
    {
      key: string | null;
      label: string | null;
      label_en: string | null;
      project_count: number;
      planned: Prisma.Decimal;
      completed: Prisma.Decimal;
    }[]
  >`${Prisma.raw(investmentGroupsSql(regionRowsText("region_investment_figures", regionIdLiteral(region), region.level, figures, { byChild: groupBy === "CHILD_REGION" }), groupBy))}
     ORDER BY ${Prisma.raw(INVESTMENT_GROUP_ORDER("planned", "key"))}`;
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    labelEn: row.label_en,
    projectCount: row.project_count,
    plannedInvestment: new Prisma.Decimal(row.planned),
    completedInvestment: new Prisma.Decimal(row.completed),
  }));
}

const GROUP_KEY: Record<InvestmentGrouping, { key: string; label: string; labelEn: string }> = {
  CATEGORY: { key: "c.code", label: "c.name_zh", labelEn: "c.name_en" },
  STATUS: { key: "k.status::text", label: "k.status::text", labelEn: "k.status::text" },
  CHILD_REGION: { key: "child.code", label: "child.name_zh", labelEn: "child.name_en" },
};

/**
 * The groups of a region's kept rows (`rows`, SQL text: regionRowsText or anyLevelRegionRows),
 * one row each with key, label, label_en, project_count, planned and completed; unordered — the
 * order is INVESTMENT_GROUP_ORDER. Shared with the compiled reads (read-models.ts), which answer
 * the same groups in the same statement as the rest of their query.
 */
export function investmentGroupsSql(rows: string, groupBy: InvestmentGrouping): string {
  const { key, label, labelEn } = GROUP_KEY[groupBy];
  return `SELECT ${key} AS key, ${label} AS label, ${labelEn} AS label_en, sum(k.project_count)::int AS project_count,
           sum(k.planned_investment) AS planned, sum(k.completed_investment) AS completed
      FROM (${rows}) k
      JOIN project_category c ON c.id = k.category_id
      LEFT JOIN region child ON child.id = k.child_region_id
     GROUP BY 1, 2, 3
    HAVING sum(k.project_count) > 0`;
}

/** The groups' order: the most planned first, then by key. */
export const INVESTMENT_GROUP_ORDER = (planned: string, key: string) => `${planned} DESC, ${key}`;
