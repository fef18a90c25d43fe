import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import type { AccessRole, Region } from "../generated/prisma/client.js";
import { idNumberCheckCharacter } from "../privacy/id-number.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
let analyst: Authenticated;
/** 网新村's editors, 李埠镇's, the district's; and PERSONAL_DATA grants on the village and on the district. */
let village: Authenticated;
let town: Authenticated;
let district: Authenticated;
let villageCaseworker: Authenticated;
let districtCaseworker: Authenticated;
const DAY = 86_400_000;
const today = chinaToday();
const daysAgo = (days: number) => isoDay(new Date(today.getTime() - days * DAY));

const grantedOn = (user: Authenticated, regions: Region[], role: AccessRole = "EDITOR"): Authenticated => ({
  ...user,
  user: { ...user.user, grants: regions.map((region) => ({ role, region })) },
});

/** A valid ID number of nobody: 429900 is no county's code. */
function fictitiousId(birth: string, sequence: number): string {
  const first17 = `429900${birth}${String(sequence).padStart(3, "0")}`;
  return first17 + idNumberCheckCharacter(first17);
}

beforeAll(async () => {
  db = await openTestDatabase("demo");
  analyst = await demoUser(db.prisma, "jingzhou.analyst");
  const region = (name: string) => db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode(name) } });
  const [wangxin, libu, jingzhou] = [await region("网新村"), await region("李埠镇"), await region("荆州区")];
  village = grantedOn(analyst, [wangxin]);
  town = grantedOn(analyst, [libu]);
  district = grantedOn(analyst, [jingzhou]);
  villageCaseworker = grantedOn(analyst, [wangxin], "PERSONAL_DATA");
  districtCaseworker = grantedOn(analyst, [jingzhou], "PERSONAL_DATA");
});
afterAll(async () => {
  await db?.close();
});

const FIELDS = `number status lastStep nextStep confirmedOn eliminatedOn daysSinceLead phone bankAccount
  members { name relation idNumber } steps { kind on by approved } measures { kind }`;
interface Household {
  number: number;
  status: string;
  lastStep: string | null;
  nextStep: string | null;
  confirmedOn: string | null;
  eliminatedOn: string | null;
  phone: string | null;
  bankAccount: string | null;
  members: { name: string; relation: string; idNumber: string | null }[];
  steps: { kind: string; on: string; by: string; approved: boolean }[];
}
const REGISTER = `mutation ($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { ${FIELDS} } }`;
const STEP = `mutation ($input: MonitoringStepInput!) { takeMonitoringStep(input: $input) { ${FIELDS} } }`;
const INCOME = `mutation ($n: Int!, $year: Int!, $amount: Decimal!) { recordHouseholdIncome(householdNumber: $n, year: $year, perPerson: $amount) { number } }`;
const MEASURE = `mutation ($n: Int!) { addAssistanceMeasure(householdNumber: $n, kind: HEALTH, description: "大病医疗救助", amount: "8000.00") { number } }`;
const HEAD_ID = fictitiousId("19680315", 21);

async function register(as: Authenticated, leadOn: string): Promise<Household> {
  const data = await runGraphql<{ registerHousehold: Household }>(
    db.prisma,
    REGISTER,
    {
      input: {
        regionCode: demoRegionCode("网新村"),
        type: "SUDDEN_HARDSHIP",
        riskFactors: ["ILLNESS"],
        leadSource: "HEALTH_INSURANCE",
        leadOn,
        leadNote: "医保部门预警：住院自付费用超过 5 万元",
        phone: "13812345678",
        bankAccount: "6217000012345678",
        members: [
          { name: "测试户主", relation: "HEAD", idNumber: HEAD_ID },
          { name: "测试配偶", relation: "SPOUSE", idNumber: fictitiousId("19700101", 22) },
          { name: "测试子女", relation: "CHILD", birthYear: 2008 },
        ],
      },
    },
    { as },
  );
  return data.registerHousehold;
}

const step = (as: Authenticated, householdNumber: number, input: Record<string, unknown>) =>
  runGraphql<{ takeMonitoringStep: Household }>(db.prisma, STEP, { input: { householdNumber, ...input } }, { as }).then(
    (data) => data.takeMonitoringStep,
  );

/** From a lead 20 days ago to the county's confirmation 8 days ago, each step signed at its level. */
async function identified(): Promise<Household> {
  const household = await register(village, daysAgo(20));
  await step(village, household.number, { step: "VISIT", on: daysAgo(19), by: "网新村 村干部" });
  await step(village, household.number, { step: "VILLAGE_REVIEW", on: daysAgo(18), by: "网新村 村民代表会议" });
  await step(village, household.number, { step: "NOTICE", on: daysAgo(18), noticeFrom: daysAgo(18), noticeTo: daysAgo(12) });
  await step(town, household.number, { step: "TOWN_REVIEW", on: daysAgo(10), by: "李埠镇 乡村振兴办" });
  return step(district, household.number, { step: "COUNTY_CONFIRMATION", on: daysAgo(8), by: "荆州区 农业农村局" });
}

describe("a monitored household", () => {
  it("goes from a department's warning through the notice and the reviews to the county's confirmation", async () => {
    const household = await identified();
    expect(household).toMatchObject({ status: "MONITORED", confirmedOn: daysAgo(8), nextStep: "ELIMINATION_PROPOSAL" });
    expect(household.steps.map((s) => s.kind)).toEqual([
      "LEAD",
      "VISIT",
      "VILLAGE_REVIEW",
      "NOTICE",
      "TOWN_REVIEW",
      "COUNTY_CONFIRMATION",
    ]);
    expect(household.steps.at(-1)?.by).toBe("荆州区 农业农村局");
  });

  it("refuses a short notice, a confirmation before the town's review, a village signing for the town, by field in Chinese", async () => {
    const household = await register(village, daysAgo(6));
    await step(village, household.number, { step: "VISIT", on: daysAgo(6) });
    await step(village, household.number, { step: "VILLAGE_REVIEW", on: daysAgo(5) });
    const short = await tryGraphql(
      db.prisma,
      STEP,
      { input: { householdNumber: household.number, step: "NOTICE", on: daysAgo(5), noticeTo: daysAgo(2) } },
      village,
    );
    expect(short.issues).toEqual(["noticeTo"]);
    expect(short.zh?.issues.noticeTo).toBe(`公示期 ${daysAgo(5)} 至 ${daysAgo(2)} 只有 4 天，应不少于 5 天`);
    const early = await tryGraphql(
      db.prisma,
      STEP,
      { input: { householdNumber: household.number, step: "COUNTY_CONFIRMATION" } },
      district,
    );
    expect(early).toMatchObject({ code: "CONFLICT", issues: ["step"] });
    expect(early.zh?.message).toBe("监测程序须依次进行：下一步应是“村级公示”，不能先做“县级确认”");
    await step(village, household.number, { step: "NOTICE", on: daysAgo(5), noticeTo: daysAgo(1) });
    const villageForTown = await tryGraphql(
      db.prisma,
      STEP,
      { input: { householdNumber: household.number, step: "TOWN_REVIEW" } },
      village,
    );
    expect(villageForTown.code).toBe("FORBIDDEN");
    const bad = await tryGraphql(
      db.prisma,
      REGISTER,
      {
        input: {
          regionCode: demoRegionCode("李埠镇"),
          type: "MARGINAL",
          riskFactors: [],
          leadSource: "APPLICATION",
          members: [{ name: "某某", relation: "SPOUSE", idNumber: `${HEAD_ID.slice(0, 17)}${HEAD_ID[17] === "1" ? "2" : "1"}` }],
        },
      },
      town,
    );
    expect(bad.issues).toEqual(expect.arrayContaining(["regionCode", "riskFactors", "members.0.idNumber", "members"]));
    expect(bad.zh?.issues["members.0.idNumber"]).toContain("校验码不对");
  });

  it("is helped, proposed for elimination once its income is above the line, reviewed, and may return", async () => {
    const household = await identified();
    await runGraphql(db.prisma, MEASURE, { n: household.number }, { as: village });
    const year = today.getUTCFullYear() - 1;
    await db.prisma.monitoringLine.upsert({
      where: {
        regionId_year: { regionId: (await db.prisma.region.findUniqueOrThrow({ where: { code: "420000000000" } })).id, year },
      },
      create: {
        regionId: (await db.prisma.region.findUniqueOrThrow({ where: { code: "420000000000" } })).id,
        year,
        amount: "7000",
      },
      update: { amount: "7000" },
    });
    await runGraphql(db.prisma, INCOME, { n: household.number, year, amount: "6500" }, { as: village });
    const below = await tryGraphql(
      db.prisma,
      STEP,
      { input: { householdNumber: household.number, step: "ELIMINATION_PROPOSAL", riskGone: true } },
      village,
    );
    expect(below.issues).toEqual(["income"]);
    expect(below.zh?.issues.income).toBe(`${year} 年人均纯收入 6500 元，低于当年监测标准 7000 元，不能消除风险`);
    await runGraphql(db.prisma, INCOME, { n: household.number, year, amount: "9800" }, { as: village });
    await step(village, household.number, { step: "ELIMINATION_PROPOSAL", on: daysAgo(7), riskGone: true });
    await step(village, household.number, { step: "ELIMINATION_VILLAGE_REVIEW", on: daysAgo(7) });
    await step(village, household.number, { step: "ELIMINATION_NOTICE", on: daysAgo(7), noticeTo: daysAgo(3) });
    await step(town, household.number, { step: "ELIMINATION_TOWN_REVIEW", on: daysAgo(2) });
    const eliminated = await step(district, household.number, { step: "ELIMINATION_CONFIRMATION", on: daysAgo(1) });
    expect(eliminated).toMatchObject({ status: "RISK_ELIMINATED", eliminatedOn: daysAgo(1), nextStep: "RETURN_TO_MONITORING" });
    const back = await step(village, household.number, { step: "RETURN_TO_MONITORING", note: "再次突发大病" });
    expect(back).toMatchObject({ status: "MONITORED", eliminatedOn: null });
    // Nothing was deleted: every step of both rounds is on record.
    expect(back.steps).toHaveLength(12);
  });
});

describe("personal data", () => {
  it("is masked for everyone but a PERSONAL_DATA grant on the village or town, and each full view is logged", async () => {
    const household = await register(village, daysAgo(1));
    expect(household.members[0]!.idNumber).toBe(`429900********${HEAD_ID.slice(-4)}`);
    expect(household.phone).toBe("138****5678");
    const id = Buffer.from(`Household:${household.number}`).toString("base64");
    const read = async (as: Authenticated) =>
      (
        await runGraphql<{ node: { personalData: { shownInFull: boolean; phone: string; members: { idNumber: string }[] } } }>(
          db.prisma,
          `query ($id: ID!) { node(id: $id) { ... on Household { personalData { shownInFull phone bankAccount members { idNumber } } } } }`,
          { id },
          { as },
        )
      ).node.personalData;
    const views = () => db.prisma.personalDataView.count({ where: { householdId: household.number } });
    expect(await read(district)).toMatchObject({ shownInFull: false, phone: "138****5678" });
    // A PERSONAL_DATA grant on the district above is not one on the village or town.
    expect((await read(districtCaseworker)).shownInFull).toBe(false);
    expect(await views()).toBe(0);
    expect(await read(villageCaseworker)).toMatchObject({
      shownInFull: true,
      phone: "13812345678",
      members: [{ idNumber: HEAD_ID }, {}, {}],
    });
    await read(villageCaseworker);
    expect(await views()).toBe(2);
  });

  it("is masked on the public notice even for the grant holder, and in the alerts", async () => {
    const household = await register(village, daysAgo(3));
    await step(village, household.number, { step: "VISIT", on: daysAgo(3) });
    await step(village, household.number, { step: "VILLAGE_REVIEW", on: daysAgo(2) });
    await step(village, household.number, { step: "NOTICE", on: daysAgo(2), noticeTo: daysAgo(-3) });
    const notice = await runGraphql<{
      region: { monitoringNotice: { householdNumber: number; headName: string; headIdNumber: string }[] };
    }>(
      db.prisma,
      `query ($code: String!) { region(code: $code) { monitoringNotice(kind: IDENTIFICATION) { householdNumber headName headIdNumber } } }`,
      { code: demoRegionCode("网新村") },
      { as: villageCaseworker },
    );
    const entry = notice.region.monitoringNotice.find((e) => e.householdNumber === household.number)!;
    expect(entry).toEqual({
      householdNumber: household.number,
      headName: "测试户主",
      headIdNumber: `429900********${HEAD_ID.slice(-4)}`,
    });
  });

  it("is never deleted: the API's role may not", async () => {
    const [row] = await db.prisma.$queryRaw<{ allowed: boolean }[]>`
      SELECT has_table_privilege('revita_api', 'household', 'DELETE') AS allowed`;
    expect(row!.allowed).toBe(false);
  });

  it("never stands in clear in the database or the audit trail", async () => {
    const clear = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM household_member WHERE id_number_encrypted LIKE '%' || ${HEAD_ID} || '%'
         OR id_number_masked = ${HEAD_ID}`;
    expect(clear[0]!.n).toBe(0);
    const rows = await db.prisma.$queryRaw<{ text: string }[]>`SELECT row_to_json(h)::text AS text FROM household h`;
    expect(rows.some((row) => row.text.includes("13812345678") || row.text.includes("6217000012345678"))).toBe(false);
    const entries = await db.prisma.auditEntry.findMany({ where: { tableName: { in: ["household", "household_member"] } } });
    const audit = JSON.stringify(entries.map((entry) => [entry.before, entry.after]));
    expect(audit).not.toContain(HEAD_ID);
    expect(audit).not.toContain("13812345678");
    expect(audit).toContain("138****5678");
  });
});

describe("monitoring figures and alerts", () => {
  it("raises an identification past 15 days and a monitored household without a measure", async () => {
    const late = await register(village, daysAgo(18));
    const unhelped = await identified();
    const data = await runGraphql<{
      region: { alerts: { items: { rule: string; subject: { code: string }; summary: string }[] } };
    }>(
      db.prisma,
      `query ($code: String!, $asOf: Date!) { region(code: $code) { alerts(asOf: $asOf, rules: [IDENTIFICATION_OVERDUE, ASSISTANCE_MISSING], first: 100) {
         items { rule subject { code } summary } } } }`,
      { code: demoRegionCode("网新村"), asOf: isoDay(today) },
      { as: analyst },
    );
    const of = (n: number) => data.region.alerts.items.filter((item) => item.subject.code === String(n)).map((item) => item.rule);
    expect(of(late.number)).toEqual(["IDENTIFICATION_OVERDUE"]);
    expect(of(unhelped.number)).toEqual(["ASSISTANCE_MISSING"]);
    expect(data.region.alerts.items.find((item) => item.subject.code === String(late.number))?.summary).toBe(
      `${daysAgo(18)} 发现线索，18 天仍未完成识别（应在 15 天内）`,
    );
  });

  it("counts the district's new and eliminated households and people from the records, replacing the typed counts", async () => {
    const data = await runGraphql<{
      region: {
        scorecard: { pillar: string; entries: { indicatorCode: string; standing: { value: string } }[] }[];
        monitoringOverview: { newHouseholds: number; newPeople: number; eliminatedHouseholds: number; eliminatedPeople: number };
      };
    }>(
      db.prisma,
      `query { region(code: "421003000000") { monitoringOverview(year: 2023) { newHouseholds newPeople eliminatedHouseholds eliminatedPeople }
         scorecard(period: "2023") { pillar entries { indicatorCode standing { value } } } } }`,
      {},
      { as: analyst },
    );
    // The published figures [seed 002], and the demo's records behind them.
    expect(data.region.monitoringOverview).toEqual({
      newHouseholds: 91,
      newPeople: 250,
      eliminatedHouseholds: 27,
      eliminatedPeople: 92,
    });
    const value = (code: string) =>
      Number(
        data.region.scorecard.find((p) => p.pillar === "POVERTY_CONSOLIDATION")!.entries.find((e) => e.indicatorCode === code)
          ?.standing.value,
      );
    expect(value("MONITORED_HOUSEHOLDS_NEW")).toBe(91);
    expect(value("MONITORED_PERSONS_NEW")).toBe(250);
    expect(value("MONITORED_HOUSEHOLDS_RISK_ELIMINATED")).toBe(27);
    expect(value("MONITORED_PERSONS_RISK_ELIMINATED")).toBe(92);
    expect(value("HH_DAYS_TO_IDENTIFY")).toBeLessThanOrEqual(15);
  });
});
