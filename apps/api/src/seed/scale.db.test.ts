import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { generateScaleData, type ScaleOptions } from "./scale.js";

const small: ScaleOptions = { counties: 2, seed: 7, townsPerCounty: 2, villagesPerTown: 3, projectsPerCounty: 30 };

let first: TestDatabase;
let second: TestDatabase;
beforeAll(async () => {
  [first, second] = await Promise.all([openTestDatabase("empty"), openTestDatabase("empty")]);
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

/** A digest of everything generated, independent of ids. */
async function fingerprint(db: TestDatabase) {
  const [row] = await db.prisma.$queryRaw<{ projects: string; reports: string; values: string; money: string }[]>`
    SELECT
      (SELECT md5(string_agg(code || ':' || total_investment || ':' || status, ',' ORDER BY code)) FROM project) AS projects,
      (SELECT md5(string_agg(p.code || ':' || r.period || ':' || coalesce(r.completed_investment::text, '-') || ':' || coalesce(r.physical_progress::text, '-'), ',' ORDER BY p.code, r.period))
         FROM progress_report r JOIN project p ON p.id = r.project_id) AS reports,
      (SELECT md5(string_agg(g.code || ':' || i.code || ':' || v.period || ':' || v.value, ',' ORDER BY g.code, i.code, v.period))
         FROM indicator_value v JOIN region g ON g.id = v.region_id JOIN indicator i ON i.id = v.indicator_id) AS values,
      (SELECT coalesce(sum(amount), 0)::text FROM disbursement) AS money`;
  return row;
}

describe("the scale generator", () => {
  it("gives the same data for the same seed and different data for another", async () => {
    const counts = await generateScaleData(first.prisma, small);
    expect(await generateScaleData(second.prisma, small)).toEqual(counts);
    expect(await fingerprint(second)).toEqual(await fingerprint(first));

    const other = await openTestDatabase("empty");
    try {
      await generateScaleData(other.prisma, { ...small, seed: 8 });
      expect((await fingerprint(other))?.reports).not.toBe((await fingerprint(first))?.reports);
    } finally {
      await other.close();
    }
  });

  it("builds the tree and the rows it reports, within every integrity rule", async () => {
    const regions = await first.prisma.region.groupBy({ by: ["level"], _count: true, orderBy: { level: "asc" } });
    expect(Object.fromEntries(regions.map((r) => [r.level, r._count]))).toEqual({
      PROVINCE: 1,
      PREFECTURE: 1,
      COUNTY: 2,
      TOWNSHIP: 4,
      VILLAGE: 12,
    });
    expect(await first.prisma.project.count()).toBe(60);
    // 12 villages × 14 indicators × 6 years
    expect(await first.prisma.indicatorValue.count()).toBe(12 * 14 * 6);
    const province = await first.prisma.region.findFirstOrThrow({ where: { level: "PROVINCE" } });
    expect(await first.prisma.region.count({ where: { path: { has: province.id } } })).toBe(20);
  });

  it("refuses to generate a province twice", async () => {
    await expect(generateScaleData(first.prisma, small)).rejects.toThrow(/province 990000000000 already exists/);
  });
});
