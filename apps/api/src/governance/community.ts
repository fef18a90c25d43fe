import type { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type { Region } from "../generated/prisma/client.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

/** Where a village or community sits in a region's path: province, prefecture, county, town, village. */
const VILLAGE_DEPTH = REGION_LEVELS.indexOf("VILLAGE");
const COUNTY_DEPTH = REGION_LEVELS.indexOf("COUNTY");

/** True for a village or community, or an area, grid cell or building in one: where governance records sit. */
export function isInACommunity(region: Pick<Region, "level">): boolean {
  return REGION_LEVELS.indexOf(region.level) >= VILLAGE_DEPTH;
}

/** The id of the village or community a region at or below village level belongs to. */
export function communityIdOf(region: Pick<Region, "path">): number | undefined {
  return region.path[VILLAGE_DEPTH];
}

/** The id of the county a region belongs to (a region at county level or below). */
export function countyIdOf(region: Pick<Region, "path">): number | undefined {
  return region.path[COUNTY_DEPTH];
}

/**
 * The region a governance record names by code, refused by field when there is none or when it is
 * a town or higher ("the community" of a town would mean nothing).
 */
export async function findCommunityRegion(
  db: DbClient,
  check: InputChecker,
  field: string,
  code: string | null | undefined,
): Promise<Region | null> {
  const trimmed = code?.trim() ?? "";
  if (!trimmed) {
    check.fail(field, "REQUIRED");
    return null;
  }
  const region = await db.region.findUnique({ where: { code: trimmed } });
  if (!region) {
    check.fail(field, "NO_SUCH_REGION", { code: trimmed });
    return null;
  }
  if (!isInACommunity(region)) {
    check.fail(field, "NOT_IN_A_COMMUNITY", { region: region.nameZh });
    return null;
  }
  return region;
}
