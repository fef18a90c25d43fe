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
  /** Only the money of this budget year (a split envelope's year, an unsplit envelope whole); all without it. */
  year: number | null = null,
  { received = false }: { received?: boolean } = {},
): Promise<FundFlowGroup[]> {
  if (received) return fundsReceived(db, regionId, groupBy, year);
  const rows = await db.$queryRaw<FlowRow[]>`
    WITH funds AS (
      SELECT f.id, f.amount, f.source_type, f.start_year, f.year, f.year_amounts,
             r.path[array_position(r.path, ${regionId}::int) + 1] AS child_region_id
        FROM fund f JOIN region r ON r.id = f.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
         AND (${year}::int IS NULL OR (f.start_year <= ${year}::int AND f.year >= ${year}::int))
    ),
    buckets AS (
      SELECT f.id AS fund_id, b.key, b.amount
        FROM funds f
        CROSS JOIN LATERAL (
          SELECT (f.start_year + i - 1)::text, f.start_year + i - 1, f.start_year + i - 1, f.year_amounts[i]
            FROM generate_subscripts(f.year_amounts, 1) i
          UNION ALL
          SELECT ${BUDGET_YEAR_KEY}, f.start_year, f.year, f.amount WHERE cardinality(f.year_amounts) = 0
        ) b(key, first_year, last_year, amount)
       WHERE ${year}::int IS NULL OR (b.first_year <= ${year}::int AND b.last_year >= ${year}::int)
    ),
    allocations AS (
      SELECT a.fund_id, b.key, a.amount, c.code AS category_code, c.name_zh AS category_name, c.name_en AS category_name_en,
             c.is_industry, coalesce((SELECT sum(d.amount) FROM disbursement d WHERE d.allocation_id = a.id), 0) AS disbursed
        FROM fund_allocation a
        JOIN funds f ON f.id = a.fund_id
        JOIN buckets b ON b.fund_id = a.fund_id AND b.key = ${ALLOCATION_YEAR_KEY}
        JOIN project p ON p.id = a.project_id
        JOIN project_category c ON c.id = p.category_id
    ),
    per_bucket AS (
      SELECT fund_id, key, sum(amount) AS allocated, sum(disbursed) AS disbursed,
             sum(CASE WHEN is_industry THEN amount ELSE 0 END) AS industry
        FROM allocations GROUP BY fund_id, key
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
                ? Prisma.sql`b.key AS key, b.key AS label, b.key AS label_en`
                : Prisma.sql`child.code AS key, child.name_zh AS label, child.name_en AS label_en`
          }, sum(b.amount) AS fund_amount, coalesce(sum(pb.allocated), 0) AS allocated,
            coalesce(sum(pb.disbursed), 0) AS disbursed, coalesce(sum(pb.industry), 0) AS industry
            FROM buckets b
            JOIN funds f ON f.id = b.fund_id
            LEFT JOIN per_bucket pb ON pb.fund_id = b.fund_id AND pb.key = b.key
            LEFT JOIN region child ON child.id = f.child_region_id
           GROUP BY 1, 2, 3`
    }
     ORDER BY allocated DESC, key`;
  return rows.map(groupOf);
}

/**
 * A fund's budget year as the YEAR grouping's key: the year of a one-year fund, the span
 * ("2019–2023") of a multi-year envelope known only by its total — so that five years' money
 * does not land in the last year's bar. (A split envelope's years come from its year_amounts.)
 */
const BUDGET_YEAR_KEY = Prisma.sql`CASE WHEN f.start_year = f.year THEN f.year::text ELSE f.start_year || '–' || f.year END`;

/**
 * The budget year an allocation is counted in: the fund's year or span, or, for an envelope split
 * by year, the year it was allocated in (kept within the envelope's years).
 */
const ALLOCATION_YEAR_KEY = Prisma.sql`CASE WHEN cardinality(f.year_amounts) > 0
  THEN least(greatest(extract(year FROM a.allocated_on)::int, f.start_year), f.year)::text
  ELSE ${BUDGET_YEAR_KEY} END`;

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
          ? Prisma.sql`${ALLOCATION_YEAR_KEY} AS key, ${ALLOCATION_YEAR_KEY} AS label, ${ALLOCATION_YEAR_KEY} AS label_en`
          : Prisma.sql`child.code AS key, child.name_zh AS label, child.name_en AS label_en`;
  // The allocation's budget year (or envelope span) must include the year asked.
  const allocationYear = Prisma.sql`CASE WHEN cardinality(f.year_amounts) > 0
    THEN least(greatest(extract(year FROM a.allocated_on)::int, f.start_year), f.year) END`;
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
           AND (${year}::int IS NULL OR coalesce(${allocationYear} = ${year}::int, true))
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
