import type { ChangeAuthor } from "../../changes/apply-change.js";
import type { DbClient } from "../../db/database.js";
import type { HouseholdType, RiskFactor } from "../../generated/prisma/client.js";
import {
  addMeasure,
  assignCadre,
  findHousehold,
  type MemberInput,
  recordIncome,
  registerHousehold,
  setMonitoringLine,
  takeMonitoringStep,
} from "../../households/households.service.js";
import { idNumberCheckCharacter } from "../../privacy/id-number.js";
import { ARTICLES, cite } from "./articles.js";
import { demoRegionCode } from "./regions.js";

/**
 * The demo's monitored households [seed 002]: Jingzhou District's 2023 — 91 households / 250
 * people newly monitored, every one with one-to-one assistance, risk eliminated for 27 households
 * / 92 people — as synthetic records whose counts equal the published ones exactly. Everything
 * about each household (its village, members, names, dates, risks, measures) is synthetic, made by
 * a fixed rule; ID numbers use the place code 429900, which is no county's, with a correct check
 * character: well-formed, and nobody's. No phones or bank accounts are invented.
 */

const PUBLISHED = cite(ARTICLES.jingzhouBridging, "2023年新增监测对象91户250人，全部一对一包保，风险消除27户92人");
const SYNTHETIC = `合成数据（户数、人数与文章一致，每户信息均为虚构）；${PUBLISHED}`;
/** Hubei's monitoring line for 2023: the article gives none; an illustrative figure. */
const LINE_2023 = "7000";

const VILLAGES = ["网新村", "天鹅村", "张新场村", "紫荆村", "双店村", "应市村", "双垱村", "新湾村"];
const SURNAMES = [
  "王",
  "刘",
  "张",
  "李",
  "陈",
  "杨",
  "黄",
  "赵",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
];
const GIVEN = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"];
const TYPES: HouseholdType[] = ["UNSTABLE_OUT_OF_POVERTY", "MARGINAL", "SUDDEN_HARDSHIP"];
const RISKS: RiskFactor[] = ["ILLNESS", "DISABILITY", "SCHOOLING", "UNEMPLOYMENT", "DISASTER", "ACCIDENT"];
const MEASURES = [
  ["HEALTH", "落实医疗保障和大病救助"],
  ["EMPLOYMENT", "“春风送岗”推荐就业"],
  ["INDUSTRY", "发放产业奖补"],
  ["SOCIAL_ASSISTANCE", "纳入低保"],
  ["EDUCATION", "落实教育资助"],
  ["SMALL_LOAN", "发放扶贫小额信贷"],
] as const;

function fictitiousId(birthYear: number, index: number): string {
  const first17 = `429900${birthYear}0${1 + (index % 9)}1${index % 10}${String(index % 1000).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

const day = (date: Date) => date.toISOString().slice(0, 10);
const plus = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * Members per household: the 27 whose risk was eliminated have 92 people (16 of 3, 11 of 4 …
 * worked out below), the other 64 have 158 — 250 in all.
 */
function sizes(): { eliminated: number[]; others: number[] } {
  const eliminated = [...Array(27)].map((_, i) => (i < 11 ? 4 : 3)); // 11×4 + 16×3 = 92
  const others = [...Array(64)].map((_, i) => (i < 30 ? 3 : i < 34 ? 1 : 2)); // 30×3 + 4×1 + 30×2 = 154 → adjusted below
  // 158 wanted: four of the two-person households have a third member.
  for (let i = 34; i < 38; i++) others[i] = 3;
  return { eliminated, others };
}

export async function loadHouseholds(tx: DbClient, author: ChangeAuthor): Promise<void> {
  await setMonitoringLine(tx, {
    provinceCode: "420000000000",
    year: 2023,
    amount: LINE_2023,
    source: "示例数据（文章未给出监测标准）",
    sourceKind: "ILLUSTRATIVE",
  });
  const { eliminated, others } = sizes();
  const all = [...eliminated.map((size) => ({ size, eliminated: true })), ...others.map((size) => ({ size, eliminated: false }))];
  for (const [index, plan] of all.entries()) {
    const village = VILLAGES[index % VILLAGES.length]!;
    const surname = SURNAMES[index % SURNAMES.length]!;
    const lead = new Date(Date.UTC(2023, index % 10, 3 + (index % 20)));
    const members: MemberInput[] = [...Array(plan.size)].map((_, m) => ({
      name: `${surname}某${GIVEN[(index + m) % GIVEN.length]}${m === 0 ? "" : String(m)}`,
      relation: m === 0 ? "HEAD" : m === 1 ? "SPOUSE" : "CHILD",
      birthYear: m < 2 ? 1955 + (index % 20) : 1985 + (index % 20),
      idNumber: fictitiousId(m < 2 ? 1955 + (index % 20) : 1985 + (index % 20), index * 4 + m),
    }));
    const created = await registerHousehold(
      tx,
      {
        regionCode: demoRegionCode(village),
        type: TYPES[index % TYPES.length]!,
        riskFactors: [RISKS[index % RISKS.length]!],
        leadSource: (["APPLICATION", "VILLAGE_VISIT", "HEALTH_INSURANCE", "CIVIL_AFFAIRS"] as const)[index % 4]!,
        leadOn: day(lead),
        members,
        recordSource: SYNTHETIC,
      },
      author,
    );
    const next = async (input: Parameters<typeof takeMonitoringStep>[2]) =>
      takeMonitoringStep(tx, await findHousehold(tx, created.id), input, author);
    // Within 15 days: visit, village review, a six-day notice, the town's review, the county's confirmation.
    await next({ step: "VISIT", on: day(plus(lead, 1)), by: `${village} 村干部` });
    await next({ step: "VILLAGE_REVIEW", on: day(plus(lead, 3)), by: `${village} 村民代表会议` });
    await next({ step: "NOTICE", on: day(plus(lead, 3)), noticeTo: day(plus(lead, 8)), by: `${village} 村委会` });
    await next({ step: "TOWN_REVIEW", on: day(plus(lead, 10)), by: "乡镇乡村振兴办" });
    await next({ step: "COUNTY_CONFIRMATION", on: day(plus(lead, 12)), by: "荆州区农业农村局" });
    const monitored = await assignCadre(tx, await findHousehold(tx, created.id), {
      cadreName: `帮扶干部${String(index + 1).padStart(2, "0")}`,
      cadreUnit: "荆州区直单位（示例）",
    });
    const [kind, description] = MEASURES[index % MEASURES.length]!;
    await addMeasure(tx, monitored, { kind, description, startedOn: day(plus(lead, 14)) }, author);
    if (!plan.eliminated) continue;
    await recordIncome(tx, monitored, { year: 2023, perPerson: String(9000 + (index % 7) * 500) });
    // Proposed in November, confirmed by mid-December 2023.
    const proposed = new Date(Date.UTC(2023, 10, 1 + (index % 10)));
    await next({ step: "ELIMINATION_PROPOSAL", on: day(proposed), riskGone: true, by: `${village} 村委会` });
    await next({ step: "ELIMINATION_VILLAGE_REVIEW", on: day(plus(proposed, 2)), by: `${village} 村民代表会议` });
    await next({
      step: "ELIMINATION_NOTICE",
      on: day(plus(proposed, 2)),
      noticeTo: day(plus(proposed, 7)),
      by: `${village} 村委会`,
    });
    await next({ step: "ELIMINATION_TOWN_REVIEW", on: day(plus(proposed, 9)), by: "乡镇乡村振兴办" });
    await next({ step: "ELIMINATION_CONFIRMATION", on: day(plus(proposed, 11)), by: "荆州区农业农村局" });
  }

  // This winter, illustrative: 网新村's clerk has a lead past its 15 days (an alert) and one on notice.
  for (const [index, [leadOn, steps]] of (
    [
      ["2026-11-10", 2],
      ["2026-11-24", 4],
    ] as const
  ).entries()) {
    const created = await registerHousehold(
      tx,
      {
        regionCode: demoRegionCode("网新村"),
        type: "SUDDEN_HARDSHIP",
        riskFactors: index === 0 ? ["ACCIDENT"] : ["ILLNESS"],
        leadSource: index === 0 ? "EMERGENCY_MANAGEMENT" : "HEALTH_INSURANCE",
        leadOn,
        leadNote: index === 0 ? "应急管理部门预警：房屋因灾受损" : "医保部门预警：住院自付费用较高",
        members: [
          { name: `吴某${GIVEN[index]}`, relation: "HEAD", idNumber: fictitiousId(1962 + index, 900 + index) },
          { name: `吴某${GIVEN[index]}1`, relation: "SPOUSE", birthYear: 1964 },
        ],
        recordSource: "示例数据（虚构的识别中农户）",
      },
      author,
    );
    const lead = new Date(`${leadOn}T00:00:00Z`);
    const plan = [
      { step: "VISIT", on: day(plus(lead, 1)) },
      { step: "VILLAGE_REVIEW", on: day(plus(lead, 2)) },
      { step: "NOTICE", on: day(plus(lead, 2)), noticeTo: day(plus(lead, 8)) },
    ].slice(0, steps - 1);
    for (const input of plan)
      await takeMonitoringStep(tx, await findHousehold(tx, created.id), { ...input, by: "网新村 村委会" }, author);
  }
}
