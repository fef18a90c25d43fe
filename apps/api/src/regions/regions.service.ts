import { NotFoundError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type { Region, RegionKind, RegionLevel } from "../generated/prisma/client.js";
import { codeLengthAt, GRID_LEVELS, KINDS_BY_LEVEL, levelAbove, REGION_KINDS, REGION_LEVELS } from "./region-levels.js";

export interface CreateRegionInput {
  /** 统计用区划代码, 12 digits; below a village, the parent's code and 3 digits more. */
  code: string;
  codeIsOfficial?: boolean;
  level: RegionLevel;
  kind: RegionKind;
  nameZh: string;
  nameEn: string;
  /** The parent's division code; absent only for a province. */
  parentCode?: string | null;
  /** The day it was set up, when it came after the records began (a 新设 of the tree over time). */
  validFrom?: Date | null;
}

export async function createRegion(db: DbClient, input: CreateRegionInput): Promise<Region> {
  const check = new InputChecker();
  const code = check.text("code", input.code);
  const level = check.oneOf("level", input.level, REGION_LEVELS);
  const codeLength = codeLengthAt(level);
  if (code && !new RegExp(`^\\d{${codeLength}}$`).test(code)) {
    check.fail("code", "REGION_CODE_SHAPE", { code, digits: codeLength });
  }
  const kind = check.oneOf("kind", input.kind, REGION_KINDS);
  if (REGION_LEVELS.includes(level) && REGION_KINDS.includes(kind) && !KINDS_BY_LEVEL[level].includes(kind)) {
    check.fail("kind", "REGION_KIND_NOT_AT_LEVEL", { kind, level, kinds: KINDS_BY_LEVEL[level].join(", ") });
  }
  const nameZh = check.text("nameZh", input.nameZh, { max: 100 });
  const nameEn = check.text("nameEn", input.nameEn, { max: 200 });
  const parentCode = input.parentCode?.trim() || null;
  let parentId: number | null = null;
  const expectedParentLevel = REGION_LEVELS.includes(level) ? levelAbove(level) : undefined;
  if (level === "PROVINCE" && parentCode) {
    check.fail("parentCode", "PROVINCE_HAS_NO_PARENT");
  } else if (expectedParentLevel && !parentCode) {
    check.fail("parentCode", "PARENT_REQUIRED", { level, parentLevel: expectedParentLevel });
  } else if (expectedParentLevel && parentCode) {
    const parent = await db.region.findUnique({ where: { code: parentCode } });
    if (!parent) {
      check.fail("parentCode", "NO_SUCH_REGION", { code: parentCode });
    } else if (parent.level !== expectedParentLevel) {
      check.fail("parentCode", "PARENT_WRONG_LEVEL", {
        parent: parent.nameZh,
        parentCode: parent.code,
        parentLevel: parent.level,
        level,
        expected: expectedParentLevel,
      });
    } else if (GRID_LEVELS.includes(level) && code && !code.startsWith(parent.code)) {
      // Below a village, a code is its parent's and three digits of its own.
      check.fail("code", "GRID_CODE_OUTSIDE_PARENT", { code, parentCode: parent.code });
    } else {
      parentId = parent.id;
    }
  }
  if (code && (await db.region.findUnique({ where: { code }, select: { id: true } }))) {
    check.fail("code", "REGION_CODE_TAKEN", { code });
  }
  check.done();
  return db.region.create({
    data: {
      code,
      // Areas and buildings are the community's own division: their codes are never official.
      codeIsOfficial: GRID_LEVELS.includes(level) ? false : (input.codeIsOfficial ?? true),
      level,
      kind,
      nameZh,
      nameEn,
      parentId,
      validFrom: input.validFrom ?? null,
    },
  });
}

export async function findRegionByCode(db: DbClient, code: string): Promise<Region | null> {
  return db.region.findUnique({ where: { code } });
}

/** The id of the region with this code; NOT_FOUND, naming the input field, when there is none. */
export async function requireRegionId(db: DbClient, code: string, field = "regionCode"): Promise<number> {
  const region = await db.region.findUnique({ where: { code }, select: { id: true } });
  if (!region) throw new NotFoundError("NO_SUCH_REGION", { code }, field);
  return region.id;
}
