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
  const { approvedOnly, publishedOnly } = keptMode(figures);
  const table = Prisma.raw(alias);
  return Prisma.sql`${table}.approved_only = ${approvedOnly} AND ${table}.published_only = ${publishedOnly}`;
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
  { byChild = false }: { byChild?: boolean } = {},
): Prisma.Sql {
  const rows = Prisma.raw(table);
  const mode = keptRowsOf(figures);
  if (region.level === "VILLAGE") {
    return Prisma.sql`SELECT k.*, NULL::int AS child_region_id FROM ${rows} k
      WHERE k.region_id = ${region.id} AND ${mode} AND k.own`;
  }
  if (SUBTREE_LEVELS.includes(region.level)) {
    if (!byChild) {
      return Prisma.sql`SELECT k.*, NULL::int AS child_region_id FROM ${rows} k
        WHERE k.region_id = ${region.id} AND ${mode} AND NOT k.own`;
    }
    // The children's subtree rows (a town's villages: their own rows), and the region's own.
    const childRows = region.level === "TOWNSHIP" ? Prisma.sql`k.own` : Prisma.sql`NOT k.own`;
    return Prisma.sql`SELECT k.*, k.region_id AS child_region_id FROM ${rows} k JOIN region x ON x.id = k.region_id
        WHERE x.parent_id = ${region.id} AND ${mode} AND ${childRows}
      UNION ALL
      SELECT k.*, NULL::int FROM ${rows} k WHERE k.region_id = ${region.id} AND ${mode} AND k.own`;
  }
  // Above county level: the counties' subtree rows and the own rows of the regions above them.
  return Prisma.sql`SELECT k.*, x.path[array_position(x.path, ${region.id}::int) + 1] AS child_region_id
      FROM ${rows} k JOIN region x ON x.id = k.region_id
     WHERE x.path @> ARRAY[${region.id}::int] AND ${mode}
       AND ((NOT k.own AND x.level = 'COUNTY') OR (k.own AND x.level < 'COUNTY'))`;
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
