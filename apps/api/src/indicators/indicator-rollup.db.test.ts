import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { defineIndicator, recordIndicatorValue } from "./indicators.service.js";

let db: TestDatabase;
const code = async (nameZh: string) => (await db.prisma.region.findFirstOrThrow({ where: { nameZh } })).code;

beforeAll(async () => {
  db = await openTestDatabase("demo");
  // Scenario: 2024 sewage coverage in three of 川店镇's villages, weighted by their village count.
  const record = async (
    indicatorCode: string,
    nameZh: string,
    value: string,
    extra: { target?: string; baseline?: string } = {},
  ) =>
    recordIndicatorValue(db.prisma, {
      indicatorCode,
      regionCode: await code(nameZh),
      period: "2024",
      value,
      reportedBy: "test",
      ...extra,
    });
  await record("RURAL_SEWAGE_COVERAGE", "张新场村", "100", { target: "95", baseline: "80" });
  await record("RURAL_SEWAGE_COVERAGE", "紫荆村", "50");
  await record("RURAL_SEWAGE_COVERAGE", "双店村", "80");
  await record("ADMIN_VILLAGES", "张新场村", "1");
  await record("ADMIN_VILLAGES", "紫荆村", "3");
  await record("ADMIN_VILLAGES", "双店村", "1");
  await defineIndicator(db.prisma, {
    code: "POVERTY_EXIT_RATE",
    nameZh: "脱贫率",
    nameEn: "Share of registered poor households out of poverty",
    unit: "%",
    pillar: "POVERTY_CONSOLIDATION",
    direction: "HIGHER_IS_BETTER",
    aggregation: "RATIO",
    numeratorIndicatorCode: "POOR_HOUSEHOLDS_OUT_OF_POVERTY",
    denominatorIndicatorCode: "REGISTERED_POOR_HOUSEHOLDS",
    ratioScale: 100,
  });
});
afterAll(async () => {
  await db?.close();
});

type Standing = {
  value: string | null;
  reported: boolean;
  target: string | null;
  percentOfTarget: string | null;
  changeFromBaseline: string | null;
  onTarget: boolean | null;
};
const standing = async (regionCode: string, indicatorCode: string, period: string) =>
  (
    await runGraphql<{ region: { indicatorStanding: Standing } }>(
      db.prisma,
      `{ region(code: "${regionCode}") { indicatorStanding(indicatorCode: "${indicatorCode}", period: "${period}") {
          value reported target percentOfTarget changeFromBaseline onTarget } } }`,
    )
  ).region.indicatorStanding;

describe("indicator values up the tree", () => {
  it("uses a region's own report: Jingzhou District's 2023 rural sewage coverage is 93%", async () => {
    expect(await standing("421003000000", "RURAL_SEWAGE_COVERAGE", "2023")).toMatchObject({ value: "93", reported: true });
  });

  it("sums counts from below: Jingzhou City's new monitored households come from its district", async () => {
    expect(await standing("421000000000", "MONITORED_HOUSEHOLDS_NEW", "2023")).toMatchObject({ value: "91", reported: false });
    expect(await standing("420000000000", "MONITORED_PERSONS_NEW", "2023")).toMatchObject({ value: "250", reported: false });
  });

  it("weights rates by their weight indicator", async () => {
    // (100 × 1 + 50 × 3 + 80 × 1) / 5 = 66
    expect(await standing(await code("川店镇"), "RURAL_SEWAGE_COVERAGE", "2024")).toMatchObject({ value: "66", reported: false });
  });

  it("divides summed numerators by summed denominators for a ratio", async () => {
    // Wuqiao: 66 of 66 registered poor households out of poverty in 2020
    expect(await standing(await code("黄歇口镇"), "POVERTY_EXIT_RATE", "2020")).toMatchObject({ value: "100", reported: false });
  });

  it("does not roll up what means nothing summed, such as a price", async () => {
    expect(await standing("522626000000", "COCOON_PURCHASE_PRICE", "2020")).toMatchObject({ value: null, reported: false });
  });

  it("compares a reported value with its target and baseline", async () => {
    expect(await standing(await code("张新场村"), "RURAL_SEWAGE_COVERAGE", "2024")).toMatchObject({
      value: "100",
      target: "95",
      percentOfTarget: "105.26",
      changeFromBaseline: "20",
      onTarget: true,
    });
    expect(await standing("421003000000", "MIGRANT_WORKERS_POVERTY_ESCAPED", "2023")).toMatchObject({
      percentOfTarget: "102.1",
      onTarget: true,
    });
  });

  it("ranks the regions one level down, best first, leaving out those without a value", async () => {
    const data = await runGraphql<{ region: { indicatorRanking: { rank: number; regionNameZh: string; value: string }[] } }>(
      db.prisma,
      `{ region(code: "${await code("川店镇")}") { indicatorRanking(indicatorCode: "RURAL_SEWAGE_COVERAGE", period: "2024") { rank regionNameZh value } } }`,
    );
    expect(data.region.indicatorRanking).toEqual([
      { rank: 1, regionNameZh: "张新场村", value: "100" },
      { rank: 2, regionNameZh: "双店村", value: "80" },
      { rank: 3, regionNameZh: "紫荆村", value: "50" },
    ]);
  });

  it("gives a series over the periods reported below, rolled up", async () => {
    await recordIndicatorValue(db.prisma, {
      indicatorCode: "MONITORED_HOUSEHOLDS_NEW",
      regionCode: await code("川店镇"),
      period: "2024",
      value: "12",
      reportedBy: "test",
    });
    await recordIndicatorValue(db.prisma, {
      indicatorCode: "MONITORED_HOUSEHOLDS_NEW",
      regionCode: await code("马山镇"),
      period: "2024",
      value: "7",
      reportedBy: "test",
    });
    const data = await runGraphql<{ region: { indicatorSeries: { period: string; value: string | null; reported: boolean }[] } }>(
      db.prisma,
      `{ region(code: "421003000000") { indicatorSeries(indicatorCode: "MONITORED_HOUSEHOLDS_NEW", from: "2019", to: "2024") { period value reported } } }`,
    );
    // 2023: the district's typed 91 is replaced by its households' records (91 as well, rolled up);
    // 2024: no records, so the towns' typed values roll up.
    expect(data.region.indicatorSeries).toEqual([
      { period: "2023", value: "91", reported: false },
      { period: "2024", value: "19", reported: false },
    ]);
  });

  it("scores Jingzhou District's 2023 pillars against their targets", async () => {
    const data = await runGraphql<{
      region: {
        scorecard: {
          pillar: string;
          withTarget: number;
          onTarget: number;
          entries: { indicatorCode: string; standing: { value: string } }[];
        }[];
      };
    }>(
      db.prisma,
      `{ region(code: "421003000000") { scorecard(period: "2023") { pillar withTarget onTarget entries { indicatorCode standing { value } } } } }`,
    );
    const pillars = Object.fromEntries(data.region.scorecard.map((pillar) => [pillar.pillar, pillar]));
    // PROSPERITY: 弥市镇's 40 local jobs from the bridge works, rolled up to the district.
    expect(Object.keys(pillars).sort()).toEqual(["ECOLOGY", "GOVERNANCE", "INDUSTRY", "POVERTY_CONSOLIDATION", "PROSPERITY"]);
    expect(pillars.POVERTY_CONSOLIDATION).toMatchObject({ withTarget: 1, onTarget: 1 });
    const values = Object.fromEntries(
      data.region.scorecard.flatMap((pillar) => pillar.entries.map((entry) => [entry.indicatorCode, entry.standing.value])),
    );
    expect(values).toMatchObject({
      RURAL_SEWAGE_COVERAGE: "93",
      MONITORED_HOUSEHOLDS_NEW: "91",
      RURAL_TOURISM_PARKS: "19",
      MEDIATORS: "70",
      LOCAL_JOBS_FROM_PROJECTS: "40",
    });
  });

  it("names an unknown indicator", async () => {
    await expect(standing("421003000000", "NO_SUCH_INDICATOR", "2023")).rejects.toThrow(
      /no indicator has the code NO_SUCH_INDICATOR/,
    );
  });
});
