import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { ValidationError } from "../common/errors.js";
import { createRegion } from "./regions.service.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const region = async (nameZh: string) => db.prisma.region.findFirstOrThrow({ where: { nameZh } });

describe("createRegion", () => {
  it("adds a village under a town and keeps its path from the province down", async () => {
    const created = await createRegion(db.prisma, {
      code: "522626107299",
      codeIsOfficial: false,
      level: "VILLAGE",
      kind: "VILLAGE",
      nameZh: "测试村",
      nameEn: "Test Village",
      parentCode: (await region("平庄镇")).code,
    });
    const chain = await Promise.all(["贵州省", "黔东南苗族侗族自治州", "岑巩县", "平庄镇"].map(region));
    expect(created.path).toEqual([...chain.map((r) => r.id), created.id]);
  });

  it("refuses a child under the wrong level, naming both regions", async () => {
    const attempt = createRegion(db.prisma, {
      code: "522626999001",
      level: "VILLAGE",
      kind: "VILLAGE",
      nameZh: "错层村",
      nameEn: "Wrong Level Village",
      parentCode: (await region("岑巩县")).code,
    });
    await expect(attempt).rejects.toThrow(ValidationError);
    await expect(attempt).rejects.toThrow(
      /parentCode: 岑巩县 \(522626000000\) is a county, but a village must sit directly under a township/,
    );
    expect(await db.prisma.region.count({ where: { code: "522626999001" } })).toBe(0);
  });

  it("refuses an unknown parent code, a malformed code and a kind from another level, all at once", async () => {
    const attempt = createRegion(db.prisma, {
      code: "52262",
      level: "TOWNSHIP",
      kind: "VILLAGE",
      nameZh: "某镇",
      nameEn: "Some Town",
      parentCode: "999999000000",
    });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      issues: expect.arrayContaining([
        expect.objectContaining({ field: "code", message: expect.stringContaining("12-digit") }),
        expect.objectContaining({ field: "kind" }),
        expect.objectContaining({ field: "parentCode", message: "no region has the code 999999000000" }),
      ]),
    });
  });

  it("refuses a province with a parent and a town without one", async () => {
    await expect(
      createRegion(db.prisma, {
        code: "430000000000",
        level: "PROVINCE",
        kind: "PROVINCE",
        nameZh: "湖南省",
        nameEn: "Hunan",
        parentCode: "420000000000",
      }),
    ).rejects.toThrow(/parentCode: a province is the root/);
    await expect(
      createRegion(db.prisma, { code: "522626300000", level: "TOWNSHIP", kind: "TOWN", nameZh: "孤镇", nameEn: "Orphan Town" }),
    ).rejects.toThrow(/parentCode: is required: a township sits under a county/);
  });
});

describe("the database itself", () => {
  it("refuses a child under the wrong level even from raw SQL", async () => {
    const county = await region("岑巩县");
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO region (code, level, kind, name_zh, name_en, parent_id, updated_at) VALUES ('522626999002', 'VILLAGE', 'VILLAGE', '错层村', 'x', ${county.id}, now())`,
      ),
    ).rejects.toThrow(/is at level VILLAGE, so it cannot sit under 522626000000 \(岑巩县\)/);
  });

  it("refuses codes of the wrong shape and kinds that do not fit the level", async () => {
    const town = await region("平庄镇");
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO region (code, level, kind, name_zh, name_en, parent_id, updated_at) VALUES ('52262610729A', 'VILLAGE', 'VILLAGE', '甲村', 'x', ${town.id}, now())`,
      ),
    ).rejects.toThrow(/region_code_shape/);
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO region (code, level, kind, name_zh, name_en, parent_id, updated_at) VALUES ('522626107298', 'VILLAGE', 'TOWN', '乙村', 'x', ${town.id}, now())`,
      ),
    ).rejects.toThrow(/region_kind_fits_level/);
  });

  it("moves a whole subtree's paths when a town moves to another county", async () => {
    const town = await region("平庄镇");
    const village = await region("背鹅村");
    const otherCounty = await db.prisma.region.create({
      data: {
        code: "522627000000",
        level: "COUNTY",
        kind: "COUNTY",
        nameZh: "天柱县",
        nameEn: "Tianzhu County",
        parentId: town.path[1]!,
      },
    });
    await db.prisma.region.update({ where: { id: town.id }, data: { parentId: otherCounty.id } });
    const moved = await db.prisma.region.findUniqueOrThrow({ where: { id: village.id } });
    expect(moved.path).toEqual([...otherCounty.path, town.id, village.id]);
    const underCengong = await db.prisma.region.count({ where: { path: { has: town.path[2]! }, nameZh: "背鹅村" } });
    expect(underCengong).toBe(0);
  });
});
