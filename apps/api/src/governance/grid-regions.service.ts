import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type { GridArea, Region, SourceKind } from "../generated/prisma/client.js";
import { createRegion } from "../regions/regions.service.js";

/** What can be made below a community, and what it sits under. */
const GRID_KINDS = {
  AREA: { level: "GRID", parentLevel: "VILLAGE", en: "Area" },
  GRID_CELL: { level: "GRID", parentLevel: "VILLAGE", en: "Grid cell" },
  BUILDING: { level: "BUILDING", parentLevel: "GRID", en: "Building" },
} as const;

export interface CreateGridRegionInput {
  parentCode: string;
  kind: keyof typeof GRID_KINDS;
  nameZh: string;
  nameEn?: string | null;
  households?: number | null;
  entrances?: number | null;
}

function count(check: InputChecker, field: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0 || value > 1_000_000) {
    check.fail(field, "NOT_A_WHOLE_NUMBER", { value: String(value), min: 0 });
    return null;
  }
  return value;
}

/**
 * An area, grid cell or building below a community, with the next free code under its parent
 * (the parent's code and 3 digits: 001, 002 …). Codes of this kind are never official.
 */
export async function createGridRegion(db: DbClient, input: CreateGridRegionInput): Promise<Region> {
  const check = new InputChecker();
  const kind = GRID_KINDS[input.kind];
  const households = count(check, "households", input.households);
  const entrances = count(check, "entrances", input.entrances);
  const parent = await db.region.findUnique({ where: { code: input.parentCode?.trim() ?? "" } });
  if (!parent) check.fail("parentCode", "NO_SUCH_REGION", { code: input.parentCode ?? "" });
  else if (parent.level !== kind.parentLevel) {
    // Said of the parent the clerk chose, before a code is made from it.
    check.fail("parentCode", "PARENT_WRONG_LEVEL", {
      parent: parent.nameZh,
      parentCode: parent.code,
      parentLevel: parent.level,
      level: kind.level,
      expected: kind.parentLevel,
    });
  }
  check.done();
  const siblings = await db.region.findMany({ where: { parentId: parent!.id }, select: { code: true } });
  const serial = Math.max(0, ...siblings.map((sibling) => Number(sibling.code.slice(parent!.code.length)))) + 1;
  const code = `${parent!.code}${String(serial).padStart(3, "0")}`;
  const nameZh = input.nameZh?.trim() ?? "";
  const region = await createRegion(db, {
    code,
    codeIsOfficial: false,
    level: kind.level,
    kind: input.kind,
    nameZh,
    nameEn: input.nameEn?.trim() || `${kind.en} ${serial}`,
    parentCode: parent!.code,
  });
  if (kind.level === "GRID" && (households !== null || entrances !== null)) {
    await db.gridArea.create({ data: { regionId: region.id, households, entrances } });
  }
  return region;
}

/** Sets what an area or grid cell counts and who leads it (a member reporting within it or its community). */
export async function setGridArea(
  db: DbClient,
  input: {
    regionCode: string;
    households?: number | null;
    entrances?: number | null;
    leaderNumber?: number | null;
    source?: string | null;
    /** Kept as it is when not given. */
    sourceKind?: SourceKind | null;
    expectedVersion?: number | null;
  },
): Promise<GridArea> {
  const check = new InputChecker();
  const region = await db.region.findUnique({ where: { code: input.regionCode } });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  else if (region.level !== "GRID") check.fail("regionCode", "NOT_A_GRID_AREA", { region: region.nameZh });
  const households = count(check, "households", input.households);
  const entrances = count(check, "entrances", input.entrances);
  const source = check.optionalText("source", input.source, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  if (input.leaderNumber != null && region) {
    const leader = await db.partyMember.findUnique({ where: { id: input.leaderNumber }, include: { region: true } });
    if (!leader) check.fail("leaderNumber", "NO_SUCH_MEMBER", { id: String(input.leaderNumber) });
    else if (!leader.region.path.includes(region.parentId ?? -1)) {
      check.fail("leaderNumber", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: leader.name, region: region.nameZh });
    }
  }
  check.done();
  const data = {
    households,
    entrances,
    leaderMemberId: input.leaderNumber ?? null,
    source,
    ...(input.sourceKind !== undefined ? { sourceKind } : {}),
  };
  const existing = await db.gridArea.findUnique({ where: { regionId: region!.id } });
  if (!existing) return db.gridArea.create({ data: { regionId: region!.id, ...data } });
  const what = `the area ${region!.nameZh}`;
  const version = input.expectedVersion ?? existing.version;
  requireVersion(what, existing, version);
  requireUpdated(what, await db.gridArea.updateMany({ where: { regionId: region!.id, version }, data }), version);
  return db.gridArea.findUniqueOrThrow({ where: { regionId: region!.id } });
}
