import type { Figures } from "../access/scoped-client.js";
import { batchLoader, perRequestLoader } from "../common/batch-loader.js";
import type { Context } from "../context.js";
import { Prisma } from "../generated/prisma/client.js";
import type { RegionLevel } from "../generated/prisma/enums.js";

/**
 * Reading the figures the database keeps (the kept_figures migration): region rows that hold
 * either the projects registered at a region itself ("own", every region) or its whole subtree
 * (counties and towns). Together they give any region's figures from a few
 * thousand rows, whatever the number of progress reports.
 */

export type KeptRegionTable = "region_investment_figures" | "region_month_figures";

export interface KeptRegion {
  id: number;
  level: RegionLevel;
}

/** Levels whose regions have subtree rows; a village's own rows are its subtree. */
const SUBTREE_LEVELS: readonly RegionLevel[] = ["COUNTY", "TOWNSHIP"];

/** Which of the kept rows hold a request's figures: all, approved only or published only. */
export function keptMode(figures: Figures): { approvedOnly: boolean; publishedOnly: boolean } {
  return { approvedOnly: figures === "approved", publishedOnly: figures === "published" };
}

/** The condition that picks those rows of a kept table aliased `alias`. */
export function keptRowsOf(figures: Figures, alias = "k"): Prisma.Sql {
  return Prisma.raw(keptRowsText(figures, alias));
}

/** keptRowsOf as SQL text (its values are the literals true and false). */
export function keptRowsText(figures: Figures, alias = "k"): string {
  const { approvedOnly, publishedOnly } = keptMode(figures);
  return `${alias}.approved_only = ${approvedOnly} AND ${alias}.published_only = ${publishedOnly}`;
}

/**
 * The kept rows that add up to a region's whole subtree, each project counted once, with
 * child_region_id: the region one level down that holds the row's projects, or null for projects
 * registered at the region itself. byChild asks for rows that can be told apart by child (for a
 * county, its towns' rows and its own, rather than its one subtree row).
 */
export function regionRows(
  table: KeptRegionTable,
  region: KeptRegion,
  figures: Figures,
  options: { byChild?: boolean } = {},
): Prisma.Sql {
  return Prisma.raw(regionRowsText(table, regionIdLiteral(region), region.level, figures, options));
}

/** A region's id as SQL text (checked: it goes into the statement, not beside it). */
export function regionIdLiteral(region: KeptRegion): string {
  if (!Number.isInteger(region.id)) throw new Error(`region id ${region.id} is not an integer`);
  return String(region.id);
}

/**
 * regionRows as SQL text for a region whose id is the SQL expression `regionId` (a literal, or
 * a column of an enclosing query: the compiled reads give the region's level as a condition
 * instead, see anyLevelRegionRows).
 */
export function regionRowsText(
  table: KeptRegionTable,
  regionId: string,
  level: RegionLevel,
  figures: Figures,
  { byChild = false }: { byChild?: boolean } = {},
): string {
  const mode = keptRowsText(figures);
  if (level === "VILLAGE") {
    return `SELECT k.*, NULL::int AS child_region_id FROM ${table} k
      WHERE k.region_id = ${regionId} AND ${mode} AND k.own`;
  }
  if (SUBTREE_LEVELS.includes(level)) {
    if (!byChild) {
      return `SELECT k.*, NULL::int AS child_region_id FROM ${table} k
        WHERE k.region_id = ${regionId} AND ${mode} AND NOT k.own`;
    }
    // The children's subtree rows (a town's villages: their own rows), and the region's own.
    const childRows = level === "TOWNSHIP" ? "k.own" : "NOT k.own";
    return `SELECT k.*, k.region_id AS child_region_id FROM ${table} k JOIN region x ON x.id = k.region_id
        WHERE x.parent_id = ${regionId} AND ${mode} AND ${childRows}
      UNION ALL
      SELECT k.*, NULL::int FROM ${table} k WHERE k.region_id = ${regionId} AND ${mode} AND k.own`;
  }
  // Above county level: the counties' subtree rows and the own rows of the regions above them,
  // read region by region through the key. Under row-level security the planner may not use the
  // statistics of region.level and region.path (their operators are not leakproof), guessed
  // thousands of regions where a province has ~110, and scanned the whole table instead: a
  // 100-county province's investment over time, 201 ms -> 23 ms. OFFSET 0 keeps the lateral
  // subquery from being flattened back into that join.
  return `SELECT k.*, x.path[array_position(x.path, ${regionId}::int) + 1] AS child_region_id
      FROM region x CROSS JOIN LATERAL (
        SELECT k.* FROM ${table} k
         WHERE k.region_id = x.id AND ${mode}
           AND ((NOT k.own AND x.level = 'COUNTY') OR (k.own AND x.level < 'COUNTY'))
        OFFSET 0) k
     WHERE x.path @> ARRAY[${regionId}::int] AND x.level <= 'COUNTY'`;
}

/**
 * regionRows for the region aliased `region` of an enclosing query, whatever its level: one
 * branch per way of reading, each behind a condition on the level (a one-time filter per region
 * row, so only the region's own branch runs).
 */
export function anyLevelRegionRows(
  table: KeptRegionTable,
  region: string,
  figures: Figures,
  options: { byChild?: boolean } = {},
): string {
  const branches: [string, RegionLevel][] = [
    [`${region}.level = 'VILLAGE'`, "VILLAGE"],
    [`${region}.level = 'TOWNSHIP'`, "TOWNSHIP"],
    [`${region}.level = 'COUNTY'`, "COUNTY"],
    [`${region}.level NOT IN ('VILLAGE', 'TOWNSHIP', 'COUNTY')`, "PROVINCE"],
  ];
  return branches
    .map(([when, level]) => `SELECT * FROM (${regionRowsText(table, `${region}.id`, level, figures, options)}) r WHERE ${when}`)
    .join("\n UNION ALL ");
}

/** A project's standing as the database keeps it: its latest figures, phases rolled up. */
export interface KeptStanding {
  projectId: number;
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
  asOf: Date | null;
}

/**
 * The kept standing of each project asked for in the same tick, in one statement, for the
 * figures the request reads.
 */
export const keptStanding = perRequestLoader((context: Context) =>
  batchLoader(async (projectIds: number[]) => {
    const rows = await context.prisma.projectFigures.findMany({
      where: { projectId: { in: projectIds }, ...keptMode(context.figures) },
      select: { projectId: true, completedInvestment: true, physicalProgress: true, asOf: true },
    });
    return new Map(rows.map((row) => [row.projectId, row satisfies KeptStanding]));
  }),
);
