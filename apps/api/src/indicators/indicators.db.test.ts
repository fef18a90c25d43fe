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

  it("refuses implausible values by field, by the range stored on each indicator, in every path", async () => {
    const sewage = { indicatorCode: "RURAL_SEWAGE_COVERAGE", regionCode: "421003000000", reportedBy: "clerk" };
    await expect(recordIndicatorValue(db.prisma, { ...sewage, period: "2025", value: "100.5" })).rejects.toMatchObject({
      issues: [
        expect.objectContaining({
          field: "value",
          reason: "VALUE_OUT_OF_RANGE",
          params: { value: "100.5", unit: "%", min: "0", max: "100" },
        }),
      ],
    });
    await expect(
      recordIndicatorValue(db.prisma, { ...sewage, period: "2025", value: "90", target: "120" }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "target", reason: "VALUE_OUT_OF_RANGE" })],
    });
    const land = { indicatorCode: "ARABLE_LAND", regionCode: "421003000000", reportedBy: "clerk", period: "2025" };
    await expect(recordIndicatorValue(db.prisma, { ...land, value: "-5" })).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "value", reason: "VALUE_OUT_OF_RANGE" })],
    });
    // Zero written as -0 is zero, not negative.
    expect((await recordIndicatorValue(db.prisma, { ...land, value: "-0" })).value.toFixed()).toBe("0");
    expect((await recordIndicatorValue(db.prisma, { ...sewage, period: "2025", value: "100" })).value.toFixed()).toBe("100");
    // The database holds the same rule against raw SQL.
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE indicator_value SET value = 100.5 WHERE period = '2025'
        AND indicator_id = (SELECT id FROM indicator WHERE code = 'RURAL_SEWAGE_COVERAGE')`),
    ).rejects.toThrow(/outside the plausible range 0.0000 to 100.0000/);
    // A definition says its own range; a percentage without one gets 0–100.
    const defined = await defineIndicator(db.prisma, {
      code: "T-PCT",
      nameZh: "比例",
      nameEn: "Share",
      unit: "%",
      pillar: "ECOLOGY",
      direction: "HIGHER_IS_BETTER",
      aggregation: "NOT_AGGREGATED",
    });
    expect([defined.minValue?.toFixed(), defined.maxValue?.toFixed()]).toEqual(["0", "100"]);
    await expect(
      defineIndicator(db.prisma, {
        code: "T-BAD",
        nameZh: "比例",
        nameEn: "Share",
        unit: "%",
        pillar: "ECOLOGY",
        direction: "HIGHER_IS_BETTER",
        aggregation: "NOT_AGGREGATED",
        minValue: "10",
        maxValue: "5",
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ field: "maxValue", reason: "RANGE_REVERSED" })] });
  });
});
