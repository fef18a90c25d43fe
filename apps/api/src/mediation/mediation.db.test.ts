import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, scorecardValues, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import type { Region } from "../generated/prisma/client.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
let analyst: Authenticated;
/** Staff of 双垱村 (its mediation committee's region), and of 马山镇 (its centre's). */
let villageStaff: Authenticated;
let townStaff: Authenticated;
const today = isoDay(chinaToday());

const grantedOn = (user: Authenticated, region: Region, role: "EDITOR" | "VIEWER" = "EDITOR"): Authenticated => ({
  ...user,
  user: { ...user.user, grants: [{ role, region }] },
});

beforeAll(async () => {
  db = await openTestDatabase("demo");
  analyst = await demoUser(db.prisma, "jingzhou.analyst");
  const shuangdang = await db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode("双垱村") } });
  const mashan = await db.prisma.region.findUniqueOrThrow({ where: { code: demoRegionCode("马山镇") } });
  villageStaff = grantedOn(analyst, shuangdang);
  townStaff = grantedOn(analyst, mashan);
});
afterAll(async () => {
  await db?.close();
});

const CASE_FIELDS = `number status level lastStep nextStep settledAtLevel followUpDue organization { name }
  parties { role name idNumber } steps { step escalatedTo on note }`;
interface Case {
  number: number;
  status: string;
  level: string;
  lastStep: string | null;
  nextStep: string | null;
  settledAtLevel: string | null;
  followUpDue: string | null;
  organization: { name: string };
  parties: { role: string; name: string; idNumber: string | null }[];
  steps: { step: string | null; escalatedTo: string | null; on: string; note: string | null }[];
}
const OPEN = `mutation ($input: OpenMediationCaseInput!) { openMediationCase(input: $input) { ${CASE_FIELDS} } }`;
const STEP = `mutation ($input: MediationStepInput!) { takeMediationStep(input: $input) { ${CASE_FIELDS} } }`;
const ESCALATE = `mutation ($case: Int!, $org: Int!, $reason: String!) {
  escalateMediationCase(caseNumber: $case, organizationNumber: $org, reason: $reason) { ${CASE_FIELDS} } }`;

async function openLandCase(as: Authenticated): Promise<Case> {
  const { openMediationCase } = await runGraphql<{ openMediationCase: Case }>(
    db.prisma,
    OPEN,
    {
      input: {
        regionCode: demoRegionCode("双垱村"),
        type: "LAND",
        summary: "宅基地边界争议",
        parties: [
          { role: "APPLICANT", name: "周大成", idNumber: "421003196601011234" },
          { role: "RESPONDENT", name: "吴小红", idNumber: "42100319680202567x" },
        ],
      },
    },
    { as },
  );
  return openMediationCase;
}

describe("a mediation case", () => {
  it("has the 李埠镇 fight as told: settled on the spot in the village by its police officer, and followed up", async () => {
    const found = await db.prisma.mediationCase.findFirstOrThrow({
      where: { summary: { startsWith: "郭某与王某" } },
      include: { receivedBy: true, steps: true },
    });
    expect(found).toMatchObject({
      status: "CLOSED",
      settledAtLevel: "VILLAGE",
      agreement: "双方认识到自己的错误，互相赔礼道歉，握手言和",
    });
    expect(found.receivedBy?.name).toBe("王诗红");
    expect(found.steps.map((s) => s.step)).toEqual(["SCREENING", "INVESTIGATION", "ANALYSIS", "MEDIATION", "FOLLOW_UP"]);
  });

  it("goes through the five steps in order, up to the town and settled there, then followed up", async () => {
    const opened = await openLandCase(villageStaff);
    expect(opened).toMatchObject({
      status: "OPEN",
      level: "VILLAGE",
      nextStep: "SCREENING",
      organization: { name: "双垱村人民调解委员会" },
    });
    await runGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "SCREENING" } }, { as: villageStaff });
    await runGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "INVESTIGATION" } }, { as: villageStaff });
    const centre = await db.prisma.mediationOrganization.findFirstOrThrow({ where: { name: "马山镇矛盾纠纷调解中心" } });
    const { escalateMediationCase: up } = await runGraphql<{ escalateMediationCase: Case }>(
      db.prisma,
      ESCALATE,
      { case: opened.number, org: centre.id, reason: "涉及宅基地确权" },
      { as: villageStaff },
    );
    expect(up).toMatchObject({ level: "TOWN", organization: { name: "马山镇矛盾纠纷调解中心" }, nextStep: "ANALYSIS" });
    // The village no longer handles it: its staff may read it, the town's staff move it on.
    const byVillage = await tryGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "ANALYSIS" } }, villageStaff);
    expect(byVillage.code).toBe("FORBIDDEN");
    await runGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "ANALYSIS" } }, { as: townStaff });
    const { takeMediationStep: settled } = await runGraphql<{ takeMediationStep: Case }>(
      db.prisma,
      STEP,
      { input: { caseNumber: opened.number, step: "MEDIATION", outcome: "SETTLED", agreement: "以确权图为准，重新立界桩" } },
      { as: townStaff },
    );
    expect(settled).toMatchObject({ status: "SETTLED", settledAtLevel: "TOWN", nextStep: "FOLLOW_UP" });
    expect(settled.followUpDue).toBe(isoDay(new Date(chinaToday().getTime() + 30 * 86_400_000)));
    const { takeMediationStep: closed } = await runGraphql<{ takeMediationStep: Case }>(
      db.prisma,
      STEP,
      { input: { caseNumber: opened.number, step: "FOLLOW_UP", note: "界桩未再移动" } },
      { as: townStaff },
    );
    expect(closed.status).toBe("CLOSED");
    expect(closed.steps.map((s) => s.step ?? `↑${s.escalatedTo}`)).toEqual([
      "SCREENING",
      "INVESTIGATION",
      "↑TOWN",
      "ANALYSIS",
      "MEDIATION",
      "FOLLOW_UP",
    ]);
  });

  it("refuses a step out of order, a follow-up before settlement and a bad party, by field in Chinese", async () => {
    const opened = await openLandCase(villageStaff);
    const skipped = await tryGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "ANALYSIS" } }, villageStaff);
    expect(skipped).toMatchObject({ code: "CONFLICT", issues: ["step"] });
    expect(skipped.zh?.message).toBe("调解须按五步依次进行：下一步应是“预防摸排”，不能先做“分析定策”");
    const early = await tryGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step: "FOLLOW_UP" } }, villageStaff);
    expect(early.zh?.message).toBe("案件办理中：调解成功后才能跟踪回访");
    for (const step of ["SCREENING", "INVESTIGATION", "ANALYSIS"]) {
      await runGraphql(db.prisma, STEP, { input: { caseNumber: opened.number, step } }, { as: villageStaff });
    }
    const noAgreement = await tryGraphql(
      db.prisma,
      STEP,
      { input: { caseNumber: opened.number, step: "MEDIATION", outcome: "SETTLED" } },
      villageStaff,
    );
    expect(noAgreement.issues).toEqual(["agreement"]);
    // Nothing was half-written: the refused step left no trace.
    expect(await db.prisma.mediationStep.count({ where: { caseId: opened.number, step: "MEDIATION" } })).toBe(0);
    const bad = await tryGraphql(
      db.prisma,
      OPEN,
      {
        input: {
          regionCode: demoRegionCode("马山镇"),
          type: "DEBT",
          summary: "欠款",
          receivedOn: "2999-01-01",
          parties: [{ role: "APPLICANT", name: "甲", idNumber: "123" }],
        },
      },
      townStaff,
    );
    expect(bad.issues).toEqual(expect.arrayContaining(["regionCode", "receivedOn", "parties.0.idNumber", "parties"]));
    expect(bad.zh?.issues["parties.0.idNumber"]).toContain("不是身份证号");
    const sideways = await db.prisma.mediationOrganization.findFirstOrThrow({ where: { name: "李埠镇矛盾纠纷调解中心" } });
    const wrongTown = await tryGraphql(
      db.prisma,
      ESCALATE,
      { case: opened.number, org: sideways.id, reason: "试试" },
      villageStaff,
    );
    expect(wrongTown.issues).toEqual(["organizationNumber"]);
  });
});

describe("the parties' personal data", () => {
  it("is in full for the handling organisation's staff and masked for a county analyst and the town", async () => {
    const opened = await openLandCase(villageStaff);
    expect(opened.parties.map((p) => p.name)).toEqual(["周大成", "吴小红"]);
    expect(opened.parties[1]!.idNumber).toBe("42100319680202567X");
    const read = async (as: Authenticated) => {
      const data = await runGraphql<{ nodes: { parties: { name: string; idNumber: string }[] }[] }>(
        db.prisma,
        `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on MediationCase { parties { name idNumber } } } }`,
        { ids: [Buffer.from(`MediationCase:${opened.number}`).toString("base64")] },
        { as },
      );
      return data.nodes[0]!.parties;
    };
    expect(await read(analyst)).toEqual([
      { name: "周**", idNumber: "421***********1234" },
      { name: "吴**", idNumber: "421***********567X" },
    ]);
    expect((await read(townStaff))[0]!.name).toBe("周**");
    expect((await read(villageStaff))[0]!.name).toBe("周大成");
  });

  it("never stands in clear in the audit trail", async () => {
    const entries = await db.prisma.auditEntry.findMany({ where: { tableName: "mediation_party" } });
    const text = JSON.stringify(entries.map((entry) => [entry.before, entry.after]));
    expect(text).not.toContain("周大成");
    expect(text).not.toContain("421003196601011234");
    expect(text).toContain("周**");
  });
});

describe("mediation figures and alerts", () => {
  it("computes the cases received, settled and kept in the village, and their rates, from the files", async () => {
    const district = await db.prisma.region.findUniqueOrThrow({ where: { code: "421003000000" } });
    const year = today.slice(0, 4);
    const value = await scorecardValues(db.prisma, district.code, year, analyst);
    // Worked out again from the files here.
    const cases = await db.prisma.mediationCase.findMany({ where: { region: { path: { has: district.id } } } });
    const inYear = (day: Date | null) => day !== null && isoDay(day).startsWith(year);
    const settled = cases.filter((c) => inYear(c.settledOn));
    const concluded = cases.filter((c) => c.status !== "OPEN" && inYear(c.settledOn ?? c.closedOn));
    expect(value("MD_CASES_RECEIVED")).toBe(cases.filter((c) => inYear(c.receivedOn)).length);
    expect(value("MD_CASES_SETTLED")).toBe(settled.length);
    expect(value("MD_SETTLEMENT_RATE")).toBeCloseTo((settled.length / concluded.length) * 100, 1);
    const inVillage = settled.filter((c) => c.settledAtLevel === "VILLAGE").length;
    expect(value("MD_IN_VILLAGE_RATE")).toBeCloseTo((inVillage / settled.length) * 100, 1);
    // The median of days from received to settled; with an even count, the mean of the middle two.
    const days = settled.map((c) => (c.settledOn!.getTime() - c.receivedOn.getTime()) / 86_400_000).sort((a, b) => a - b);
    const middle = Math.floor(days.length / 2);
    const median = days.length % 2 ? days[middle]! : (days[middle - 1]! + days[middle]!) / 2;
    expect(value("MD_MEDIAN_DAYS_TO_SETTLE")).toBeCloseTo(median, 1);
  });

  it("raises a settled case without its follow-up past the due day, with the organisation answering", async () => {
    const data = await runGraphql<{
      region: {
        alerts: {
          items: { severity: string; value: string; summary: string; responsibleUnit: string; subject: { kind: string } }[];
        };
      };
    }>(
      db.prisma,
      `query { region(code: "421003000000") { alerts(asOf: "2026-12-01", rules: [FOLLOW_UP_OVERDUE], first: 100) {
         items { severity value summary responsibleUnit subject { kind } } } } }`,
      {},
      { as: analyst },
    );
    expect(data.region.alerts.items).toEqual([
      {
        severity: "AMBER",
        value: "17",
        summary: "双垱村人民调解委员会调解成功，应于 2026-11-14 回访，已逾期 17 天",
        responsibleUnit: "双垱村人民调解委员会",
        subject: { kind: "CASE" },
      },
    ]);
  });
});
