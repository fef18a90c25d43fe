import { chinaToday, isoDay } from "../common/china-day.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type { Region, RegionKind } from "../generated/prisma/client.js";
import { createRegion } from "./regions.service.js";

/**
 * The tree over time (区划调整): a county's admins add, rename, move and merge its towns and
 * villages on the day the change took effect. Nothing is deleted or re-coded: each change is kept
 * in region_change (the region_history migration), from which the tree can be read as it stood on
 * any day, while path always says where a region is today — a merged region below its successor.
 */

/**
 * The caller's check that the asker administers the region whose children change (the parent):
 * a county's admins change its towns, a town's admins its villages.
 */
export type TreeChangeGuard = (parentPath: readonly number[], field: string, what: string) => void;

interface ChangeBasis {
  /** YYYY-MM-DD: the day the change took effect. */
  effectiveOn: string;
  /** The approval it rests on (批复文号) or why. */
  basis: string;
}

type Changeable = Pick<Region, "id" | "code" | "nameZh" | "nameEn" | "level" | "parentId" | "path" | "validFrom">;

const CHANGEABLE_LEVELS = ["TOWNSHIP", "VILLAGE"] as const;
const CHILD_LEVEL = { COUNTY: "TOWNSHIP", TOWNSHIP: "VILLAGE" } as const;

function checkBasis(check: InputChecker, input: ChangeBasis): { effectiveOn: Date | null; basis: string } {
  const effectiveOn = check.date("effectiveOn", input.effectiveOn);
  if (!input.effectiveOn) check.fail("effectiveOn", "REQUIRED");
  const today = chinaToday();
  if (effectiveOn && effectiveOn > today) {
    check.fail("effectiveOn", "NOT_IN_THE_FUTURE", { value: input.effectiveOn, today: isoDay(today) });
  }
  return { effectiveOn, basis: check.text("basis", input.basis, { max: 200 }) };
}

/** A current town or village by its code; null (with the reason recorded) otherwise. */
async function findChangeable(tx: DbClient, check: InputChecker, field: string, code: string): Promise<Changeable | null> {
  const region = await tx.region.findUnique({
    where: { code: code.trim() },
    include: { successor: { select: { nameZh: true } } },
  });
  if (!region) {
    check.fail(field, "NO_SUCH_REGION", { code: code.trim() });
    return null;
  }
  if (!(CHANGEABLE_LEVELS as readonly string[]).includes(region.level)) {
    check.fail(field, "TREE_CHANGE_LEVEL", { name: region.nameZh, level: region.level });
    return null;
  }
  if (region.validTo) {
    check.fail(field, "REGION_CEASED", {
      name: region.nameZh,
      on: isoDay(region.validTo),
      successor: region.successor?.nameZh ?? "",
    });
    return null;
  }
  return region;
}

/**
 * Changes are recorded in the order they took effect, so that "the first change after a day" is
 * what the tree looked like before it: a change dated before a region's last one is refused.
 */
async function checkInOrder(
  tx: DbClient,
  check: InputChecker,
  effectiveOn: Date | null,
  regions: readonly Changeable[],
): Promise<void> {
  if (!effectiveOn) return;
  // Each region's latest change in one statement: a merger checks the town and all its villages.
  const latest = await tx.regionChange.groupBy({
    by: ["regionId"],
    where: { regionId: { in: regions.map((region) => region.id) } },
    _max: { effectiveOn: true },
  });
  const lastChange = new Map(latest.map((row) => [row.regionId, row._max.effectiveOn]));
  for (const region of regions) {
    const lastOn = lastChange.get(region.id) ?? region.validFrom;
    if (lastOn && effectiveOn < lastOn) {
      check.fail("effectiveOn", "CHANGE_BEFORE_LAST", {
        value: isoDay(effectiveOn),
        name: region.nameZh,
        last: isoDay(lastOn),
      });
      return;
    }
  }
}

async function parentPath(tx: DbClient, region: Changeable): Promise<{ path: number[]; nameZh: string }> {
  return tx.region.findUniqueOrThrow({ where: { id: region.parentId ?? 0 }, select: { path: true, nameZh: true } });
}

export interface AddRegionInput extends ChangeBasis {
  /** The county (for a new township) or township (for a new village). */
  parentCode: string;
  code: string;
  kind: RegionKind;
  nameZh: string;
  nameEn: string;
  codeIsOfficial?: boolean | null;
}

/** 新设: a township under a county, or a village under a township, existing from effectiveOn. */
export async function addRegion(tx: DbClient, guard: TreeChangeGuard, input: AddRegionInput): Promise<Region> {
  const check = new InputChecker();
  const { effectiveOn, basis } = checkBasis(check, input);
  const parent = await tx.region.findUnique({ where: { code: input.parentCode.trim() } });
  if (!parent) check.fail("parentCode", "NO_SUCH_REGION", { code: input.parentCode.trim() });
  else if (parent.validTo) {
    const successor = await tx.region.findUnique({ where: { id: parent.successorId ?? 0 }, select: { nameZh: true } });
    check.fail("parentCode", "REGION_CEASED", {
      name: parent.nameZh,
      on: isoDay(parent.validTo),
      successor: successor?.nameZh ?? "",
    });
  } else if (!(parent.level in CHILD_LEVEL)) {
    check.fail("parentCode", "TREE_PARENT_LEVEL", { name: parent.nameZh, level: parent.level });
  }
  check.done();
  if (!parent || !effectiveOn) throw new Error("unreachable: checked above");
  guard(parent.path, "parentCode", parent.nameZh);
  const level = CHILD_LEVEL[parent.level as keyof typeof CHILD_LEVEL];
  const region = await createRegion(tx, {
    code: input.code,
    codeIsOfficial: input.codeIsOfficial ?? true,
    level,
    kind: input.kind,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    parentCode: parent.code,
    validFrom: effectiveOn,
  });
  await tx.regionChange.create({
    data: {
      regionId: region.id,
      kind: "ADDED",
      effectiveOn,
      newNameZh: region.nameZh,
      newNameEn: region.nameEn,
      newParentId: parent.id,
      basis,
    },
  });
  return region;
}

export interface RenameRegionInput extends ChangeBasis {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** 更名: the region keeps its code and records; its old names stay in the history. */
export async function renameRegion(tx: DbClient, guard: TreeChangeGuard, input: RenameRegionInput): Promise<Region> {
  const check = new InputChecker();
  const { effectiveOn, basis } = checkBasis(check, input);
  const nameZh = check.text("nameZh", input.nameZh, { max: 100 });
  const nameEn = check.text("nameEn", input.nameEn, { max: 200 });
  const region = await findChangeable(tx, check, "code", input.code);
  if (region && nameZh === region.nameZh && nameEn === region.nameEn) {
    check.fail("nameZh", "NAME_UNCHANGED", { name: region.nameZh });
  }
  if (region) await checkInOrder(tx, check, effectiveOn, [region]);
  check.done();
  if (!region || !effectiveOn) throw new Error("unreachable: checked above");
  const parent = await parentPath(tx, region);
  guard(parent.path, "code", region.nameZh);
  await tx.regionChange.create({
    data: {
      regionId: region.id,
      kind: "RENAMED",
      effectiveOn,
      oldNameZh: region.nameZh,
      oldNameEn: region.nameEn,
      newNameZh: nameZh,
      newNameEn: nameEn,
      basis,
    },
  });
  return tx.region.update({ where: { id: region.id }, data: { nameZh, nameEn } });
}

export interface MoveRegionInput extends ChangeBasis {
  code: string;
  /** The new parent: a township of the same county, for a village. */
  parentCode: string;
}

/** The county a region is in (its own id for a county), from its path and the levels above it. */
async function countyOf(tx: DbClient, path: readonly number[]): Promise<{ id: number; nameZh: string } | null> {
  return tx.region.findFirst({ where: { id: { in: [...path] }, level: "COUNTY" }, select: { id: true, nameZh: true } });
}

/** 改隶: a village (with everything below it) now under another township of its county. */
export async function moveRegion(tx: DbClient, guard: TreeChangeGuard, input: MoveRegionInput): Promise<Region> {
  const check = new InputChecker();
  const { effectiveOn, basis } = checkBasis(check, input);
  const region = await findChangeable(tx, check, "code", input.code);
  const target = await findChangeable(tx, check, "parentCode", input.parentCode);
  if (region && target) {
    const county = await countyOf(tx, region.path);
    if (target.id === region.parentId) {
      check.fail("parentCode", "ALREADY_UNDER", { name: region.nameZh, parent: target.nameZh });
    } else if (target.level !== "TOWNSHIP" || region.level !== "VILLAGE") {
      check.fail("parentCode", "PARENT_WRONG_LEVEL", {
        parent: target.nameZh,
        parentCode: target.code,
        parentLevel: target.level,
        level: region.level,
        expected: region.level === "VILLAGE" ? "TOWNSHIP" : "COUNTY",
      });
    } else if (!county || !target.path.includes(county.id)) {
      check.fail("parentCode", "MOVE_OUTSIDE_COUNTY", { parent: target.nameZh, county: county?.nameZh ?? "" });
    } else {
      await checkInOrder(tx, check, effectiveOn, [region, target]);
    }
  }
  check.done();
  if (!region || !target || !effectiveOn || region.parentId === null) throw new Error("unreachable: checked above");
  const from = await parentPath(tx, region);
  guard(from.path, "code", region.nameZh);
  guard(target.path, "parentCode", target.nameZh);
  return moveUnder(tx, region, target.id, effectiveOn, basis);
}

async function moveUnder(tx: DbClient, region: Changeable, parentId: number, effectiveOn: Date, basis: string): Promise<Region> {
  await tx.regionChange.create({
    data: { regionId: region.id, kind: "MOVED", effectiveOn, oldParentId: region.parentId, newParentId: parentId, basis },
  });
  return tx.region.update({ where: { id: region.id }, data: { parentId } });
}

export interface MergeRegionInput extends ChangeBasis {
  code: string;
  /** The successor: a region of the same level under the same parent. */
  intoCode: string;
}

/**
 * 撤并: the region ceases on effectiveOn and hangs below its successor from then on; its current
 * children move to the successor the same day. Its records stay its own, so that the tree as it
 * stood then still tells them apart, while today's tree counts them in the successor.
 */
export async function mergeRegion(tx: DbClient, guard: TreeChangeGuard, input: MergeRegionInput): Promise<Region> {
  const check = new InputChecker();
  const { effectiveOn, basis } = checkBasis(check, input);
  const region = await findChangeable(tx, check, "code", input.code);
  const into = await findChangeable(tx, check, "intoCode", input.intoCode);
  const children = region
    ? await tx.region.findMany({ where: { parentId: region.id, validTo: null }, orderBy: { code: "asc" } })
    : [];
  if (region && into) {
    if (into.id === region.id) check.fail("intoCode", "MERGE_INTO_ITSELF");
    else if (into.level !== region.level || into.parentId !== region.parentId) {
      check.fail("intoCode", "MERGE_NOT_SIBLING", { name: region.nameZh, into: into.nameZh });
    } else {
      await checkInOrder(tx, check, effectiveOn, [region, into, ...children]);
      if (effectiveOn && region.validFrom && effectiveOn <= region.validFrom) {
        check.fail("effectiveOn", "CHANGE_BEFORE_LAST", {
          value: isoDay(effectiveOn),
          name: region.nameZh,
          last: isoDay(region.validFrom),
        });
      }
    }
  }
  check.done();
  if (!region || !into || !effectiveOn) throw new Error("unreachable: checked above");
  const parent = await parentPath(tx, region);
  guard(parent.path, "code", region.nameZh);
  for (const child of children) await moveUnder(tx, child, into.id, effectiveOn, basis);
  await tx.regionChange.create({
    data: { regionId: region.id, kind: "MERGED", effectiveOn, oldParentId: region.parentId, newParentId: into.id, basis },
  });
  return tx.region.update({
    where: { id: region.id },
    data: { parentId: into.id, successorId: into.id, validTo: effectiveOn },
  });
}
