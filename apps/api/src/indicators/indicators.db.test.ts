import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { defineIndicator, recordIndicatorValue } from "./indicators.service.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

describe("indicators", () => {
  it("needs a weight for a weighted average, and refuses inputs a rule does not take", async () => {
    await expect(
      defineIndicator(db.prisma, {
        code: "T-RATE",
        nameZh: "率",
        nameEn: "Rate",
        unit: "%",
        pillar: "ECOLOGY",
        direction: "HIGHER_IS_BETTER",
        aggregation: "WEIGHTED_AVERAGE",
      }),
    ).rejects.toThrow(/weightIndicatorCode: is required for WEIGHTED_AVERAGE/);
    await expect(
      defineIndicator(db.prisma, {
        code: "T-SUM",
        nameZh: "数",
        nameEn: "Count",
        unit: "个",
        pillar: "ECOLOGY",
        direction: "HIGHER_IS_BETTER",
        aggregation: "SUM",
        weightIndicatorCode: "ADMIN_VILLAGES",
      }),
    ).rejects.toThrow(/weightIndicatorCode: only a WEIGHTED_AVERAGE indicator takes this/);
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO indicator (code, name_zh, name_en, unit, pillar, direction, aggregation, updated_at) VALUES ('T-RAW', '率', 'Rate', '%', 'ECOLOGY', 'HIGHER_IS_BETTER', 'RATIO', now())`,
      ),
    ).rejects.toThrow(/indicator_aggregation_inputs/);
  });

  it("defines a ratio of two counts", async () => {
    const ratio = await defineIndicator(db.prisma, {
      code: "T-RATIO",
      nameZh: "脱贫户占比",
      nameEn: "Share of households out of poverty",
      unit: "%",
      pillar: "POVERTY_CONSOLIDATION",
      direction: "HIGHER_IS_BETTER",
      aggregation: "RATIO",
      numeratorIndicatorCode: "POOR_HOUSEHOLDS_OUT_OF_POVERTY",
      denominatorIndicatorCode: "REGISTERED_POOR_HOUSEHOLDS",
      ratioScale: 100,
    });
    expect(ratio.ratioScale?.toFixed()).toBe("100");
  });

  it("refuses an unknown region, a malformed period and a second value for the same period", async () => {
    const base = { indicatorCode: "RURAL_SEWAGE_COVERAGE", regionCode: "421003000000", value: "95", reportedBy: "clerk" };
    await expect(recordIndicatorValue(db.prisma, { ...base, regionCode: "421003999999", period: "2024" })).rejects.toThrow(
      /regionCode: no region has the code 421003999999/,
    );
    await expect(recordIndicatorValue(db.prisma, { ...base, period: "2024Q5" })).rejects.toThrow(
      /period: "2024Q5" is not a period/,
    );
    await expect(recordIndicatorValue(db.prisma, { ...base, period: "2023" })).rejects.toThrow(
      /农村生活污水治理覆盖率 already has a value for 荆州区 in 2023/,
    );
    const stored = await recordIndicatorValue(db.prisma, { ...base, period: "2024Q1", target: "95", baseline: "93" });
    expect(stored.periodStart.toISOString().slice(0, 10)).toBe("2024-01-01");
    expect(stored.periodEnd.toISOString().slice(0, 10)).toBe("2024-03-31");
  });
});
