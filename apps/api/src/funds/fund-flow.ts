import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

export type FundFlowGrouping = "SOURCE_TYPE" | "YEAR" | "CHILD_REGION" | "PROJECT_CATEGORY";

export interface FundFlowGroup {
  key: string | null;
  label: string | null;
  /** English name of the child region or category; the key otherwise. */
  labelEn: string | null;
  /** The funds' own amounts; null when grouping by project category, which splits funds. */
  fundAmount: Prisma.Decimal | null;
  allocated: Prisma.Decimal;
  disbursed: Prisma.Decimal;
  /** Allocated to projects whose category counts as industry (产业项目). */
  allocatedToIndustry: Prisma.Decimal;
}

/**
 * Where the money of a region's funds (those managed by the region or any region below it)
 * went: allocated and paid, grouped, in one SQL statement. With `received`, the money that reached
 * the region's projects instead, whoever manages the fund (a town's projects live on the
 * district's funds): grouped by the funds' source or year, the project's child region or category.
 */
export async function fundFlow(
  db: DbClient,
  regionId: number,
  groupBy: FundFlowGrouping,
  /** Only funds whose years include this one (as the funds list filters); every fund without it. */
  year: number | null = null,
  { received = false }: { received?: boolean } = {},
): Promise<FundFlowGroup[]> {
  if (received) return fundsReceived(db, regionId, groupBy, year);
  const rows = await db.$queryRaw<FlowRow[]>`
    WITH funds AS (
      SELECT f.id, f.amount, f.source_type, f.year, r.path[array_position(r.path, ${regionId}::int) + 1] AS child_region_id
        FROM fund f JOIN region r ON r.id = f.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
         AND (${year}::int IS NULL OR (f.start_year <= ${year}::int AND f.year >= ${year}::int))
    ),
    allocations AS (
      SELECT a.fund_id, a.amount, c.code AS category_code, c.name_zh AS category_name, c.name_en AS category_name_en, c.is_industry,
             coalesce((SELECT sum(d.amount) FROM disbursement d WHERE d.allocation_id = a.id), 0) AS disbursed
        FROM fund_allocation a
        JOIN project p ON p.id = a.project_id
        JOIN project_category c ON c.id = p.category_id
       WHERE a.fund_id IN (SELECT id FROM funds)
    ),
    per_fund AS (
      SELECT fund_id, sum(amount) AS allocated, sum(disbursed) AS disbursed,
             sum(CASE WHEN is_industry THEN amount ELSE 0 END) AS industry
        FROM allocations GROUP BY fund_id
    )
    SELECT ${
      groupBy === "PROJECT_CATEGORY"
        ? Prisma.sql`category_code AS key, category_name AS label, category_name_en AS label_en, NULL::numeric AS fund_amount,
                 sum(amount) AS allocated, sum(disbursed) AS disbursed,
                 sum(CASE WHEN is_industry THEN amount ELSE 0 END) AS industry
            FROM allocations GROUP BY 1, 2, 3`
        : Prisma.sql`${
            groupBy === "SOURCE_TYPE"
              ? Prisma.sql`f.source_type::text AS key, f.source_type::text AS label, f.source_type::text AS label_en`
              : groupBy === "YEAR"
                ? Prisma.sql`f.year::text AS key, f.year::text AS label, f.year::text AS label_en`
                : Prisma.sql`child.code AS key, child.name_zh AS label, child.name_en AS label_en`
          }, sum(f.amount) AS fund_amount, coalesce(sum(pf.allocated), 0) AS allocated,
            coalesce(sum(pf.disbursed), 0) AS disbursed, coalesce(sum(pf.industry), 0) AS industry
            FROM funds f
            LEFT JOIN per_fund pf ON pf.fund_id = f.id
            LEFT JOIN region child ON child.id = f.child_region_id
           GROUP BY 1, 2, 3`
    }
     ORDER BY allocated DESC, key`;
  return rows.map(groupOf);
}

interface FlowRow {
  key: string | null;
  label: string | null;
  label_en: string | null;
  fund_amount: Prisma.Decimal | null;
  allocated: Prisma.Decimal;
  disbursed: Prisma.Decimal;
  industry: Prisma.Decimal;
}

/** What reached the region's projects (its own and its subtree's), from any fund, grouped. */
async function fundsReceived(
  db: DbClient,
  regionId: number,
  groupBy: FundFlowGrouping,
  year: number | null,
): Promise<FundFlowGroup[]> {
  const keys =
    groupBy === "PROJECT_CATEGORY"
      ? Prisma.sql`c.code AS key, c.name_zh AS label, c.name_en AS label_en`
      : groupBy === "SOURCE_TYPE"
        ? Prisma.sql`f.source_type::text AS key, f.source_type::text AS label, f.source_type::text AS label_en`
        : groupBy === "YEAR"
          ? Prisma.sql`f.year::text AS key, f.year::text AS label, f.year::text AS label_en`
          : Prisma.sql`child.code AS key, child.name_zh AS label, child.name_en AS label_en`;
  const rows = await db.$queryRaw<FlowRow[]>`
    SELECT g.key, g.label, g.label_en, NULL::numeric AS fund_amount, sum(g.amount) AS allocated,
           sum(g.disbursed) AS disbursed, sum(CASE WHEN g.is_industry THEN g.amount ELSE 0 END) AS industry
      FROM (
        SELECT ${keys}, a.amount, c.is_industry,
               coalesce((SELECT sum(d.amount) FROM disbursement d WHERE d.allocation_id = a.id), 0) AS disbursed
          FROM fund_allocation a
          JOIN fund f ON f.id = a.fund_id
          JOIN project p ON p.id = a.project_id
          JOIN project_category c ON c.id = p.category_id
          JOIN region pr ON pr.id = p.region_id
          LEFT JOIN region child ON child.id = pr.path[array_position(pr.path, ${regionId}::int) + 1]
         WHERE pr.path @> ARRAY[${regionId}::int]
           AND (${year}::int IS NULL OR (f.start_year <= ${year}::int AND f.year >= ${year}::int))
      ) g
     GROUP BY 1, 2, 3
     ORDER BY allocated DESC, key`;
  return rows.map(groupOf);
}

function groupOf(row: FlowRow): FundFlowGroup {
  return {
    key: row.key,
    label: row.label,
    labelEn: row.label_en,
    fundAmount: row.fund_amount === null ? null : new Prisma.Decimal(row.fund_amount),
    allocated: new Prisma.Decimal(row.allocated),
    disbursed: new Prisma.Decimal(row.disbursed),
    allocatedToIndustry: new Prisma.Decimal(row.industry),
  };
}
