import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { Prisma } from "../generated/prisma/client.js";
import { type RolledUpValue, rollUpIndicator, rollUpIndicators } from "./indicator-rollup.js";
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

  it("counts the same pillars on and off target, and lists the same entries, whether or not the standings are asked", async () => {
    // Asked without the entries' standings, the scorecard rolls up only the indicators with a target here.
    const targeted = await db.prisma.indicatorValue.findMany({
      where: { target: { not: null } },
      distinct: ["regionId", "period"],
      select: { period: true, region: { select: { code: true } } },
    });
    expect(targeted.length).toBeGreaterThan(3);
    type Pillars = {
      region: {
        scorecard: { pillar: string; withTarget: number; onTarget: number; entries?: { indicatorCode: string }[] }[];
      };
    };
    let met = 0;
    for (const { period, region } of targeted) {
      const ask = (entries: string) =>
        runGraphql<Pillars>(
          db.prisma,
          `{ region(code: "${region.code}") { scorecard(period: "${period}") { pillar withTarget onTarget ${entries} } } }`,
        );
      const counts = (answer: Pillars) =>
        answer.region.scorecard.map(({ pillar, withTarget, onTarget }) => ({ pillar, withTarget, onTarget }));
      const codes = (answer: Pillars) => answer.region.scorecard.map((pillar) => pillar.entries?.map((e) => e.indicatorCode));
      const alone = await ask("");
      const listed = await ask("entries { indicatorCode }");
      const standing = await ask("entries { indicatorCode standing { value } }");
      expect(counts(alone), `${region.code} ${period}`).toEqual(counts(standing));
      expect(counts(listed), `${region.code} ${period}`).toEqual(counts(standing));
      expect(codes(listed), `${region.code} ${period}`).toEqual(codes(standing));
      met += counts(alone).reduce((sum, pillar) => sum + pillar.onTarget, 0);
    }
    // The values were rolled up and weighed, not left out: some targets are met.
    expect(met).toBeGreaterThan(0);
  });

  it("names an unknown indicator", async () => {
    await expect(standing("421003000000", "NO_SUCH_INDICATOR", "2023")).rejects.toThrow(
      /no indicator has the code NO_SUCH_INDICATOR/,
    );
  });
});

/**
 * The roll-up's SQL against the rules worked out region by region in plain code, for random values
 * typed at random regions of every level (so that reported values stand over their children's at
 * any height), for each kind of aggregation.
 */
describe("the roll-up, against the rules worked out region by region", () => {
  const PERIOD = "2018";
  const cases = [
    { indicator: "LABOUR_FORCE", inputs: [] as string[] },
    { indicator: "RURAL_SEWAGE_COVERAGE", inputs: ["ADMIN_VILLAGES"] },
    { indicator: "POVERTY_EXIT_RATE", inputs: ["POOR_HOUSEHOLDS_OUT_OF_POVERTY", "REGISTERED_POOR_HOUSEHOLDS"] },
    { indicator: "COCOON_PURCHASE_PRICE", inputs: [] as string[] },
  ];

  it.each(cases)("rolls $indicator up as its rule says", async ({ indicator: indicatorCode, inputs }) => {
    const root = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
    const regions = await db.prisma.region.findMany({
      where: { path: { has: root.id } },
      select: { id: true, parentId: true },
    });
    const indicator = await db.prisma.indicator.findUniqueOrThrow({ where: { code: indicatorCode } });
    const inputIds = await Promise.all(
      inputs.map(async (c) => (await db.prisma.indicator.findUniqueOrThrow({ where: { code: c } })).id),
    );
    // A seeded generator: a failure can be run again as it was.
    let seed = 7 + indicator.id;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const typed = new Map<string, Prisma.Decimal>();
    const rows: Prisma.IndicatorValueCreateManyInput[] = [];
    for (const region of regions) {
      for (const id of [indicator.id, ...inputIds]) {
        // Mostly villages' own figures, some towns' and the district's; zeros included.
        if (random() < (region.id === root.id ? 0.15 : 0.4)) {
          const value = new Prisma.Decimal(Math.floor(random() * 40));
          typed.set(`${id}/${region.id}`, value);
          rows.push({
            indicatorId: id,
            regionId: region.id,
            period: PERIOD,
            periodStart: new Date("2018-01-01"),
            periodEnd: new Date("2018-12-31"),
            value,
            reportedBy: "test",
          });
        }
      }
    }
    await db.prisma.indicatorValue.deleteMany({ where: { period: PERIOD, indicatorId: { in: [indicator.id, ...inputIds] } } });
    await db.prisma.indicatorValue.createMany({ data: rows });

    const scale = indicator.ratioScale ?? new Prisma.Decimal(1);
    const children = new Map<number, number[]>();
    for (const region of regions) {
      if (region.id !== root.id && region.parentId !== null)
        children.set(region.parentId, [...(children.get(region.parentId) ?? []), region.id]);
    }
    type Figures = { a: Prisma.Decimal | null; b: Prisma.Decimal | null; c: Prisma.Decimal | null };
    const sum = (values: (Prisma.Decimal | null)[]) =>
      values
        .filter((v): v is Prisma.Decimal => v !== null)
        .reduce<Prisma.Decimal | null>((total, v) => (total ?? new Prisma.Decimal(0)).plus(v), null);
    const worked = new Map<number, Figures>();
    const work = (id: number): Figures => {
      const below = (children.get(id) ?? []).map(work);
      const own = (indicatorId: number | undefined) =>
        indicatorId === undefined ? null : (typed.get(`${indicatorId}/${id}`) ?? null);
      let fromBelow: Prisma.Decimal | null = null;
      if (below.length && indicator.aggregation === "SUM") fromBelow = sum(below.map((f) => f.a));
      if (below.length && indicator.aggregation === "WEIGHTED_AVERAGE") {
        const weighed = below.filter((f) => f.a !== null && f.b !== null);
        const weight = sum(weighed.map((f) => f.b));
        fromBelow = weight && !weight.isZero() ? sum(weighed.map((f) => f.a!.times(f.b!)))!.dividedBy(weight) : null;
      }
      if (below.length && indicator.aggregation === "RATIO") {
        const [numerator, denominator] = [sum(below.map((f) => f.b)), sum(below.map((f) => f.c))];
        fromBelow = numerator && denominator && !denominator.isZero() ? numerator.dividedBy(denominator).times(scale) : null;
      }
      const figures = {
        a: own(indicator.id) ?? fromBelow,
        b: own(inputIds[0]) ?? (below.length ? sum(below.map((f) => f.b)) : null),
        c: own(inputIds[1]) ?? (below.length ? sum(below.map((f) => f.c)) : null),
      };
      worked.set(id, figures);
      return figures;
    };
    work(root.id);
    const expected = regions
      .map(({ id }) => {
        const { a, b, c } = worked.get(id)!;
        let value = a;
        if (value === null && indicator.aggregation === "RATIO" && b !== null && c !== null && !c.isZero())
          value = b.dividedBy(c).times(scale);
        return {
          regionId: id,
          value: value?.toDecimalPlaces(4).toString() ?? null,
          reported: typed.has(`${indicator.id}/${id}`),
        };
      })
      .sort((x, y) => x.regionId - y.regionId);

    const rolled = await rollUpIndicator(db.prisma, indicatorCode, root.id, [PERIOD]);
    const got = rolled
      .map(({ regionId, value, reported }) => ({ regionId, value: value?.toString() ?? null, reported }))
      .sort((x, y) => x.regionId - y.regionId);
    expect(got.filter((row) => row.value !== null).length).toBeGreaterThan(3);
    expect(got).toEqual(expected);
  });
});

describe("many indicators rolled up at once", () => {
  it("answers every indicator of the catalogue as it answers each alone, computed and replaced ones included", async () => {
    const codes = (await db.prisma.indicator.findMany({ select: { code: true }, orderBy: { code: "asc" } })).map((i) => i.code);
    const modes = await db.prisma.indicator.groupBy({ by: ["computedFrom", "replacedByRecords"], _count: true });
    // The catalogue has typed, computed and replaced indicators: each way of reading is compared.
    expect(modes.length).toBeGreaterThanOrEqual(3);
    for (const regionCode of ["421003000000", await code("川店镇")]) {
      const root = await db.prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
      const periods = ["2023", "2024"];
      const together = await rollUpIndicators(db.prisma, codes, root.id, periods, "subtree");
      const atRoot = await rollUpIndicators(db.prisma, codes, root.id, periods, "root");
      // In no particular order, as the callers take them.
      const sorted = (values: RolledUpValue[] = []) =>
        [...values].sort((x, y) => x.period.localeCompare(y.period) || x.regionId - y.regionId);
      let withValues = 0;
      for (const indicatorCode of codes) {
        const alone = sorted(await rollUpIndicator(db.prisma, indicatorCode, root.id, periods));
        expect(sorted(together.get(indicatorCode)), indicatorCode).toEqual(alone);
        expect(sorted(atRoot.get(indicatorCode)), indicatorCode).toEqual(alone.filter((value) => value.regionId === root.id));
        if (alone.some((value) => value.regionId === root.id && value.value !== null)) withValues++;
      }
      expect(withValues).toBeGreaterThan(5);
    }
  });

  it("names an unknown indicator among known ones", async () => {
    const root = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
    await expect(rollUpIndicators(db.prisma, ["LABOUR_FORCE", "NO_SUCH_INDICATOR"], root.id, ["2023"], "root")).rejects.toThrow(
      /NO_SUCH_INDICATOR/,
    );
  });
});
