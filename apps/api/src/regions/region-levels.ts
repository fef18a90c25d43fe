import type { RegionKind, RegionLevel } from "../generated/prisma/enums.js";

/** Levels from the top; a child sits exactly one step below its parent. */
export const REGION_LEVELS: readonly RegionLevel[] = [
  "PROVINCE",
  "PREFECTURE",
  "COUNTY",
  "TOWNSHIP",
  "VILLAGE",
  "GRID",
  "BUILDING",
];

/** The levels below a village or community (片区/网格, 楼栋): not administrative divisions, but the
 * community's own division of its streets, in which its records sit. */
export const GRID_LEVELS: readonly RegionLevel[] = ["GRID", "BUILDING"];

/** A region's code length at each level: 12 digits for divisions, 3 more per level below a village. */
export function codeLengthAt(level: RegionLevel): number {
  return level === "GRID" ? 15 : level === "BUILDING" ? 18 : 12;
}

/** Which kinds exist at each level (mirrors the region_kind_fits_level constraint). */
export const KINDS_BY_LEVEL: Record<RegionLevel, readonly RegionKind[]> = {
  PROVINCE: ["PROVINCE", "AUTONOMOUS_REGION", "MUNICIPALITY"],
  PREFECTURE: ["PREFECTURE_CITY", "AUTONOMOUS_PREFECTURE"],
  COUNTY: ["COUNTY", "AUTONOMOUS_COUNTY", "DISTRICT", "COUNTY_CITY", "DEVELOPMENT_ZONE"],
  TOWNSHIP: ["TOWN", "TOWNSHIP", "ETHNIC_TOWNSHIP", "SUBDISTRICT"],
  VILLAGE: ["VILLAGE", "COMMUNITY"],
  GRID: ["AREA", "GRID_CELL"],
  BUILDING: ["BUILDING"],
};

export const REGION_KINDS: readonly RegionKind[] = Object.values(KINDS_BY_LEVEL).flat();

export function levelBelow(level: RegionLevel): RegionLevel | undefined {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1];
}

export function levelAbove(level: RegionLevel): RegionLevel | undefined {
  const index = REGION_LEVELS.indexOf(level);
  return index > 0 ? REGION_LEVELS[index - 1] : undefined;
}
