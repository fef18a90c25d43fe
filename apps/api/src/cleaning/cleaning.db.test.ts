import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, scorecardValues, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import type { Region } from "../generated/prisma/client.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
let analyst: Authenticated;
/** The district's inspectors (EDITOR of 荆州区), and a village's own staff. */
let inspectors: Authenticated;
let villageStaff: Authenticated;
const today = chinaToday();
/** A month whose 15th and 20th have passed: the one 40 days ago; the test's campaigns are of its year. */
const past = new Date(today.getTime() - 40 * 86_400_000);
const year = past.getUTCFullYear();
const month = isoDay(past).slice(0, 7);

const grantedOn = (user: Authenticated, region: Region): Authenticated => ({
  ...user,
  user: { ...user.user, grants: [{ role: "EDITOR", region }] },
});

beforeAll(async () => {
  db = await openTestDatabase("demo");
  analyst = await demoUser(db.prisma, "jingzhou.analyst");
  const district = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
  const village = await db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode("紫荆村") } });
  inspectors = grantedOn(analyst, district);
  villageStaff = grantedOn(analyst, village);
});
afterAll(async () => {
  await db?.close();
});

const START = `mutation ($input: StartCleaningCampaignInput!) { startCleaningCampaign(input: $input) {
  number passScore items { code nameZh weight } } }`;
const INSPECT = `mutation ($input: RecordCleaningInspectionInput!) { recordCleaningInspection(input: $input) {
  number score overdueDays scores { item { code } score } } }`;
const FOLLOW_UP = `mutation ($n: Int!, $fixed: Boolean!) { recordCleaningFollowUp(inspectionNumber: $n, by: "回访组", fixed: $fixed) {
  number fixedOn followUps { fixed } } }`;
const RANKING = `query ($id: ID!, $month: String!, $region: String) { node(id: $id) { ... on CleaningCampaign {
  months ranking(month: $month, regionCode: $region) { month passScore
    villages { region { nameZh } town { nameZh } score inspections rank passed list }
    towns { region { nameZh } average villages passed rank } } } } }`;

const SIX = ["SWEEP", "DEMOLISH", "STACK", "TOILET", "DITCH", "GREEN"];
/** Scores for the six default items (weights 20, 15, 15, 20, 15, 15) adding up to `total`, kept within each weight. */
function scoresFor(total: number): { itemCode: string; score: string }[] {
  const weights = [20, 15, 15, 20, 15, 15];
  let left = 100 - total;
  return SIX.map((itemCode, index) => {
    const off = Math.min(left, weights[index]!);
    left -= off;
    return { itemCode, score: String(weights[index]! - off) };
  });
}

async function startCampaign(name: string, extra: Record<string, unknown> = {}) {
  const data = await runGraphql<{ startCleaningCampaign: { number: number; items: { code: string }[] } }>(
    db.prisma,
    START,
    { input: { regionCode: "421003000000", name, year, ...extra } },
    { as: inspectors },
  );
  return data.startCleaningCampaign;
}

async function inspect(campaign: number, village: string, total: number, extra: Record<string, unknown> = {}) {
  const data = await runGraphql<{ recordCleaningInspection: { number: number; score: string; overdueDays: number | null } }>(
    db.prisma,
    INSPECT,
    {
      input: {
        campaignNumber: campaign,
        regionCode: demoRegionCode(village),
        kind: "UNANNOUNCED",
        inspectedOn: `${month}-15`,
        inspector: "区农业农村局暗访组",
        scores: scoresFor(total),
        ...extra,
      },
    },
    { as: inspectors },
  );
  return data.recordCleaningInspection;
}

describe("a cleaning campaign", () => {
  it("starts with the six items whose weights add up to 100, and keeps a checklist once it has inspections", async () => {
    const campaign = await startCampaign("清单测试");
    expect(campaign.items.map((item) => item.code)).toEqual(SIX);
    const custom = [
      { code: "SWEEP", nameZh: "扫干净", nameEn: "Swept clean", weight: "50" },
      { code: "GREEN", nameZh: "栽满绿", nameEn: "Planted green", weight: "40" },
    ];
    const wrongSum = await tryGraphql(
      db.prisma,
      `mutation ($n: Int!, $items: [CleaningCheckItemInput!]!) { setCleaningChecklist(campaignNumber: $n, items: $items) { number } }`,
      { n: campaign.number, items: custom },
      inspectors,
    );
    expect(wrongSum.issues).toEqual(["items"]);
    expect(wrongSum.zh?.issues.items).toBe("各检查项分值合计应为 100 分，现在合计 90 分");
    await inspect(campaign.number, "紫荆村", 90);
    const inUse = await tryGraphql(
      db.prisma,
      `mutation ($n: Int!, $items: [CleaningCheckItemInput!]!) { setCleaningChecklist(campaignNumber: $n, items: $items) { number } }`,
      { n: campaign.number, items: [{ ...custom[0], weight: "60" }, custom[1]] },
      inspectors,
    );
    expect(inUse.code).toBe("CONFLICT");
    expect(inUse.zh?.message).toContain("本行动已有 1 条检查记录");
  });

  it("refuses a score above an item's weight, a region that is not a village, a missing item, by field in Chinese", async () => {
    const campaign = await startCampaign("拒绝测试");
    const scores = scoresFor(100);
    scores[0] = { itemCode: "SWEEP", score: "25" };
    const bad = await tryGraphql(
      db.prisma,
      INSPECT,
      {
        input: {
          campaignNumber: campaign.number,
          regionCode: demoRegionCode("凤鸣社区"),
          kind: "UNANNOUNCED",
          inspectedOn: `${year - 1}-12-31`,
          inspector: "暗访组",
          scores: scores.slice(0, 5),
          photos: ["../etc/passwd"],
          problemsDue: `${year}-12-31`,
        },
      },
      inspectors,
    );
    expect(bad.issues).toEqual(
      expect.arrayContaining(["regionCode", "inspectedOn", "scores.0.score", "scores", "photos.0", "problemsDue"]),
    );
    expect(bad.zh?.issues["scores.0.score"]).toBe("“扫干净”满分 20 分，不能打 25 分");
    expect(bad.zh?.issues.regionCode).toBe("凤鸣社区 不是行政村：村庄清洁检查的对象是村，不是社区、乡镇或片区");
    expect(bad.zh?.issues.scores).toBe("还有检查项没有打分：栽满绿");
    const town = await tryGraphql(
      db.prisma,
      INSPECT,
      {
        input: {
          campaignNumber: campaign.number,
          regionCode: demoRegionCode("川店镇"),
          kind: "ANNOUNCED",
          inspector: "暗访组",
          scores: scoresFor(90),
        },
      },
      inspectors,
    );
    expect(town.issues).toEqual(["regionCode"]);
    // A village's own staff do not score themselves: inspectors are the campaign's.
    const self = await tryGraphql(
      db.prisma,
      INSPECT,
      {
        input: {
          campaignNumber: campaign.number,
          regionCode: demoRegionCode("紫荆村"),
          kind: "ANNOUNCED",
          inspector: "村委会",
          scores: scoresFor(100),
        },
      },
      villageStaff,
    );
    expect(self.code).toBe("FORBIDDEN");
    expect(await db.prisma.cleaningInspection.count({ where: { campaignId: campaign.number } })).toBe(0);
  });

  it("refuses a list far too long whole, with one refusal instead of one per item", async () => {
    const campaign = await startCampaign("超长列表测试");
    const flood = await tryGraphql(
      db.prisma,
      INSPECT,
      {
        input: {
          campaignNumber: campaign.number,
          regionCode: demoRegionCode("紫荆村"),
          kind: "UNANNOUNCED",
          inspector: "暗访组",
          scores: Array.from({ length: 30_000 }, () => ({ itemCode: "NOPE", score: "999" })),
        },
      },
      inspectors,
    );
    expect(flood.issues).toEqual(["scores"]);
    expect(flood.zh?.issues.scores).toBe("最多 50 项，填写了 30,000 项（未逐项检查）");
  });

  it("ranks a month's villages and towns with red and black lists, as worked out by hand", async () => {
    const campaign = await startCampaign("排名测试", { passScore: "85", listSize: 2 });
    // 川店镇: 张新场村 95 and 91 (average 93), 紫荆村 88, 双店村 70, 应市村 60; 马山镇: 双垱村 84; 李埠镇: 网新村 88.
    await inspect(campaign.number, "张新场村", 95);
    await inspect(campaign.number, "张新场村", 91, { kind: "ANNOUNCED", inspectedOn: `${month}-20` });
    await inspect(campaign.number, "紫荆村", 88);
    await inspect(campaign.number, "双店村", 70);
    await inspect(campaign.number, "应市村", 60);
    await inspect(campaign.number, "双垱村", 84);
    await inspect(campaign.number, "网新村", 88);
    const id = Buffer.from(`CleaningCampaign:${campaign.number}`).toString("base64");
    const data = await runGraphql<{
      node: {
        months: string[];
        ranking: {
          villages: { region: { nameZh: string }; score: string; rank: number; passed: boolean; list: string | null }[];
          towns: { region: { nameZh: string }; average: string; villages: number; passed: number; rank: number }[];
        };
      };
    }>(db.prisma, RANKING, { id, month }, { as: analyst });
    expect(data.node.months).toEqual([month]);
    expect(data.node.ranking.villages.map((v) => [v.region.nameZh, Number(v.score), v.rank, v.passed, v.list])).toEqual([
      ["张新场村", 93, 1, true, "RED"],
      ["紫荆村", 88, 2, true, "RED"],
      ["网新村", 88, 2, true, null],
      ["双垱村", 84, 4, false, null],
      ["双店村", 70, 5, false, "BLACK"],
      ["应市村", 60, 6, false, "BLACK"],
    ]);
    expect(data.node.ranking.towns.map((t) => [t.region.nameZh, Number(t.average), t.villages, t.passed, t.rank])).toEqual([
      ["李埠镇", 88, 1, 1, 1],
      ["马山镇", 84, 1, 0, 2],
      // (93 + 88 + 70 + 60) / 4 = 77.75
      ["川店镇", 77.8, 4, 2, 3],
    ]);
    // Within one town, the same month: its villages keep their places and lists in the district's ranking.
    const town = await runGraphql<{
      node: { ranking: { villages: { region: { nameZh: string }; rank: number; list: string | null }[]; towns: unknown[] } };
    }>(db.prisma, RANKING, { id, month, region: demoRegionCode("川店镇") }, { as: analyst });
    expect(town.node.ranking.villages.map((v) => [v.region.nameZh, v.rank, v.list])).toEqual([
      ["张新场村", 1, "RED"],
      ["紫荆村", 2, "RED"],
      ["双店村", 5, "BLACK"],
      ["应市村", 6, "BLACK"],
    ]);
    expect(town.node.ranking.towns).toHaveLength(1);
  });

  it("keeps problems open past their deadline as an alert until a follow-up visit finds them fixed", async () => {
    const campaign = await startCampaign("整改测试");
    const found = await inspect(campaign.number, "双店村", 75, {
      problems: "沟渠有垃圾",
      problemsDue: `${month}-20`,
      photos: ["IMG_0412.jpg"],
    });
    expect(found.overdueDays).toBeGreaterThan(0);
    const alerts = async () =>
      (
        await runGraphql<{ region: { alerts: { items: { subject: { code: string; kind: string }; summary: string }[] } } }>(
          db.prisma,
          `query ($asOf: Date!) { region(code: "421003000000") { alerts(asOf: $asOf, rules: [RECTIFICATION_OVERDUE], first: 100) {
             items { subject { code kind } summary } } } }`,
          { asOf: isoDay(today) },
          { as: analyst },
        )
      ).region.alerts.items.filter((item) => item.subject.code === String(found.number));
    expect(await alerts()).toEqual([
      {
        subject: { code: String(found.number), kind: "INSPECTION" },
        summary: `${month}-15 检查发现的问题，应于 ${month}-20 前整改，已逾期 ${found.overdueDays} 天`,
      },
    ]);
    const notYet = await runGraphql<{ recordCleaningFollowUp: { fixedOn: string | null } }>(
      db.prisma,
      FOLLOW_UP,
      { n: found.number, fixed: false },
      { as: inspectors },
    );
    expect(notYet.recordCleaningFollowUp.fixedOn).toBeNull();
    await runGraphql(db.prisma, FOLLOW_UP, { n: found.number, fixed: true }, { as: inspectors });
    expect(await alerts()).toEqual([]);
    const twice = await tryGraphql(db.prisma, FOLLOW_UP, { n: found.number, fixed: true }, inspectors);
    expect(twice.code).toBe("CONFLICT");
  });
});

describe("cleaning figures", () => {
  it("computes the inspections, the average score and the share of villages passing, as worked out from the records", async () => {
    const district = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
    const value = await scorecardValues(db.prisma, district.code, String(year), analyst);
    const inspections = await db.prisma.cleaningInspection.findMany({
      where: { region: { path: { has: district.id } }, inspectedOn: { gte: new Date(Date.UTC(year, 0, 1)) } },
      include: { campaign: true },
    });
    expect(inspections.length).toBeGreaterThan(0);
    const total = inspections.reduce((sum, i) => sum + Number(i.score), 0);
    expect(value("CL_INSPECTIONS")).toBe(inspections.length);
    expect(value("CL_AVERAGE_SCORE")).toBeCloseTo(total / inspections.length, 1);
    // A village passes when, in some campaign, its average over the year reaches that campaign's pass score.
    const byVillage = new Map<number, Map<number, number[]>>();
    for (const i of inspections) {
      const campaigns = byVillage.get(i.regionId) ?? new Map<number, number[]>();
      campaigns.set(i.campaignId, [...(campaigns.get(i.campaignId) ?? []), Number(i.score)]);
      byVillage.set(i.regionId, campaigns);
    }
    const passScore = new Map(inspections.map((i) => [i.campaignId, Number(i.campaign.passScore)]));
    const passed = [...byVillage.values()].filter((campaigns) =>
      [...campaigns].some(([id, scores]) => scores.reduce((a, b) => a + b, 0) / scores.length >= passScore.get(id)!),
    ).length;
    expect(value("CL_PASS_RATE")).toBeCloseTo((passed / byVillage.size) * 100, 1);
  });
});
