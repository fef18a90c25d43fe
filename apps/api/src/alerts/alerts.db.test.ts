import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";

let db: TestDatabase;
let viewer: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  viewer = await demoUser(db.prisma, "cengong.viewer");
});
afterAll(async () => {
  await db?.close();
});

const CENGONG = "522626000000";
const AS_OF = "2026-12-01";

interface AlertItem {
  rule: string;
  severity: "RED" | "AMBER";
  value: string;
  amber: string;
  red: string;
  since: string | null;
  summary: string;
  subject: { kind: string; code: string; parentCode: string | null };
  region: { code: string };
  responsibleUnit: string | null;
  figures: { name: string; value: string | null }[];
}
interface AlertData {
  region: { alerts: { totalCount: number; counts: { rule: string; severity: string; count: number }[]; items: AlertItem[] } };
}

const ALERTS = `query ($code: String!, $asOf: Date, $rules: [AlertRule!]) {
  region(code: $code) { alerts(asOf: $asOf, rules: $rules, first: 100) {
    totalCount counts { rule severity count }
    items { rule severity value amber red since summary responsibleUnit
            subject { kind code parentCode } region { code } figures { name value } } } } }`;

async function alerts(code: string, as: Authenticated | undefined = viewer, variables: Record<string, unknown> = {}) {
  const data = await runGraphql<AlertData>(db.prisma, ALERTS, { code, asOf: AS_OF, ...variables }, { as });
  return data.region.alerts;
}
const find = (items: AlertItem[], rule: string, code: string) => items.filter((a) => a.rule === rule && a.subject.code === code);
const figure = (alert: AlertItem, name: string) => alert.figures.find((f) => f.name === name)?.value;

describe("the alerts of the demo data", () => {
  it("raises the ecological embankment's phases behind schedule, and the project itself because of them", async () => {
    const { items } = await alerts(CENGONG);
    const [phase2] = find(items, "BEHIND_SCHEDULE", "CG-FH-CBSTD-2");
    expect(phase2).toMatchObject({ severity: "RED", value: "21.16", subject: { kind: "PHASE", parentCode: "CG-FH-CBSTD" } });
    expect(figure(phase2!, "scheduleElapsed")).toBe("57.16");
    expect(figure(phase2!, "progress")).toBe("36.00");
    expect(phase2!.responsibleUnit).toBe("岑巩县水务局");
    expect(phase2!.summary).toBe("形象进度 36.00%，时间进度 57.16%，落后 21.16 个百分点");
    const [phase1] = find(items, "BEHIND_SCHEDULE", "CG-FH-CBSTD-1");
    expect(phase1).toMatchObject({ severity: "AMBER", value: "18.48" });
    // The weighted parent (69.83 % against 48.62 %) is ahead; two of its three phases are not.
    const [parent] = find(items, "BEHIND_SCHEDULE", "CG-FH-CBSTD");
    expect(parent).toMatchObject({ severity: "RED", subject: { kind: "PROJECT" } });
    expect(figure(parent!, "phasesBehind")).toBe("2");
    expect(parent!.summary).toBe("3 期中有 2 期进度滞后，最多落后 21.16 个百分点");
    // Red before amber, and within a severity the rules in their order.
    const severities = items.map((a) => a.severity);
    expect(severities.indexOf("AMBER")).toBeGreaterThan(severities.lastIndexOf("RED"));
  });

  it("judges behind schedule exactly as each project's standing does, for every project and phase", async () => {
    const data = await runGraphql<{
      projects: {
        edges: {
          node: {
            code: string;
            standing: { behindSchedule: boolean };
            phases: { code: string; standing: { behindSchedule: boolean } }[];
          };
        }[];
      };
    }>(
      db.prisma,
      `{ projects(regionCode: "${CENGONG}", first: 100) { edges { node { code standing { behindSchedule }
          phases { code standing { behindSchedule } } } } } }`,
      {},
      { as: viewer },
    );
    const standing = data.projects.edges.flatMap(({ node }) => [node, ...node.phases]);
    const { items } = await alerts(CENGONG, viewer, { rules: ["BEHIND_SCHEDULE"] });
    const ownAlerts = new Set(items.filter((a) => !a.figures.some((f) => f.name === "phasesBehind")).map((a) => a.subject.code));
    expect(standing.length).toBeGreaterThan(10);
    for (const project of standing)
      expect([project.code, ownAlerts.has(project.code)]).toEqual([project.code, project.standing.behindSchedule]);
  });

  it("flags what the issue found: overdue, stale, never reported, allocated above the total, spending and works apart", async () => {
    const { items } = await alerts(CENGONG);
    expect(find(items, "OVERDUE", "CG-FH-CBSTD")[0]).toMatchObject({ severity: "RED", since: "2023-12-31", value: "1066" });
    expect(find(items, "STALE", "CG-WS-XZPPP")[0]!.summary).toMatch(/^自 2019-01-01 开工以来从未报送/);
    expect(find(items, "STALE", "CG-GS-GW")[0]).toMatchObject({ severity: "RED", since: "2020-12-31" });
    const [over] = find(items, "OVER_ALLOCATED", "CG-FH-CBSTD");
    expect(over).toMatchObject({ severity: "RED", value: "49.62" });
    expect(over!.summary).toBe("已安排资金 389,000,000.00 元，超过总投资 260,000,000.00 元 的 49.62%");
    const [apart] = find(items, "DIVERGENCE", "CG-FH-CBSTD-1");
    expect(apart).toMatchObject({ severity: "AMBER", value: "28.63" });
    expect(apart!.summary).toBe("形象进度 64.00% 高于投资完成率 35.37%，相差 28.63 个百分点");
    // Asked about one project, its own alerts and its phases' only.
    const one = await runGraphql<{ region: { alerts: { items: AlertItem[] } } }>(
      db.prisma,
      `{ region(code: "${CENGONG}") { alerts(asOf: "${AS_OF}", subjectCode: "CG-FH-CBSTD", first: 100) { items { subject { code } } } } }`,
      {},
      { as: viewer },
    );
    const subjects = new Set(one.region.alerts.items.map((a) => a.subject.code));
    expect([...subjects].sort()).toEqual(["CG-FH-CBSTD", "CG-FH-CBSTD-1", "CG-FH-CBSTD-2", "CG-FH-CBSTD-3"]);
    const [missing] = find(items, "REPORT_MISSING", CENGONG);
    expect(missing).toMatchObject({ severity: "RED", since: "2026-11-10", subject: { kind: "REGION" } });
    expect(figure(missing!, "period")).toBe("2026-10");
  });

  it("says the same in English when asked in English", async () => {
    const { items } = await alerts(CENGONG);
    expect(items.length).toBeGreaterThan(0);
    const { alertSummary } = await import("./alert-summary.js");
    const phase = find(items, "BEHIND_SCHEDULE", "CG-FH-CBSTD-2")[0]!;
    const alert = {
      rule: "BEHIND_SCHEDULE" as const,
      value: phase.value,
      amber: phase.amber,
      figures: Object.fromEntries(phase.figures.map((f) => [f.name, f.value])),
    };
    expect(alertSummary(alert as never, "en")).toBe("Progress 36.00% against 57.16% of the schedule: 21.16 points behind");
  });
});

describe("alerts made and fixed", () => {
  let ids: { town: number; otherTown: number; category: number; industry: number; county: number };
  beforeAll(async () => {
    const region = (nameZh: string) => db.prisma.region.findFirstOrThrow({ where: { nameZh }, select: { id: true } });
    const [town, otherTown, county] = await Promise.all([region("平庄镇"), region("注溪镇"), region("岑巩县")]);
    const category = await db.prisma.projectCategory.findFirstOrThrow({ where: { isIndustry: false } });
    const industry = await db.prisma.projectCategory.findFirstOrThrow({ where: { isIndustry: true } });
    ids = { town: town.id, otherTown: otherTown.id, county: county.id, category: category.id, industry: industry.id };
  });

  const project = (code: string, regionId: number, fields: Record<string, unknown> = {}) =>
    db.prisma.project.create({
      data: {
        code,
        nameZh: `测试项目${code}`,
        categoryId: ids.category,
        regionId,
        status: "IN_PROGRESS",
        totalInvestment: "1000000",
        plannedStart: new Date("2026-01-01"),
        plannedFinish: new Date("2027-12-31"),
        ...fields,
      },
    });
  const report = (projectId: number, month: string, fields: Record<string, unknown> = {}) => {
    const [year, m] = month.split("-").map(Number) as [number, number];
    return db.prisma.progressReport.create({
      data: {
        projectId,
        period: month,
        periodStart: new Date(Date.UTC(year, m - 1, 1)),
        periodEnd: new Date(Date.UTC(year, m, 0)),
        reportedBy: "test",
        ...fields,
      },
    });
  };

  it("raises a project made overdue, and drops it once completed", async () => {
    const late = await project("T-OVERDUE", ids.town, { plannedFinish: new Date("2026-11-20") });
    await report(late.id, "2026-11", { physicalProgress: "95" });
    let overdue = find((await alerts(CENGONG)).items, "OVERDUE", "T-OVERDUE")[0];
    expect(overdue).toMatchObject({ severity: "AMBER", value: "11", since: "2026-11-20" });
    await db.prisma.project.update({ where: { id: late.id }, data: { status: "COMPLETED" } });
    overdue = find((await alerts(CENGONG)).items, "OVERDUE", "T-OVERDUE")[0];
    expect(overdue).toBeUndefined();
  });

  it("raises a report gone stale and a town that has not reported, and drops both once it reports", async () => {
    const quiet = await project("T-STALE", ids.town, { actualStart: new Date("2026-01-01") });
    await report(quiet.id, "2026-07", { physicalProgress: "30" });
    let list = await alerts(CENGONG);
    expect(find(list.items, "STALE", "T-STALE")[0]).toMatchObject({
      severity: "AMBER",
      value: String(daysBetween("2026-07-31", AS_OF)),
    });
    const [town] = list.items.filter((a) => a.rule === "REPORT_MISSING" && figure(a, "missingCodes")?.includes("T-STALE"));
    expect(town).toMatchObject({ subject: { kind: "REGION" }, severity: "RED" });
    expect(figure(town!, "period")).toBe("2026-10");

    await report(quiet.id, "2026-10", { physicalProgress: "60" });
    list = await alerts(CENGONG);
    expect(find(list.items, "STALE", "T-STALE")).toEqual([]);
    expect(list.items.some((a) => a.rule === "REPORT_MISSING" && figure(a, "missingCodes")?.includes("T-STALE"))).toBe(false);
  });

  it("raises allocations above a project's total, and drops it once the total covers them", async () => {
    const small = await project("T-OVERALLOC", ids.county, { totalInvestment: "1000000" });
    const fund = await db.prisma.fund.create({
      data: {
        code: "T-FUND-1",
        nameZh: "测试资金",
        sourceType: "FISCAL_SPECIAL",
        level: "COUNTY",
        year: 2026,
        startYear: 2026,
        regionId: ids.county,
        amount: "5000000",
      },
    });
    await db.prisma.fundAllocation.create({
      data: { fundId: fund.id, projectId: small.id, amount: "1200000", allocatedOn: new Date("2026-03-01") },
    });
    expect(find((await alerts(CENGONG)).items, "OVER_ALLOCATED", "T-OVERALLOC")[0]).toMatchObject({
      severity: "RED",
      value: "20.00",
    });
    await db.prisma.project.update({ where: { id: small.id }, data: { totalInvestment: "1200000" } });
    expect(find((await alerts(CENGONG)).items, "OVER_ALLOCATED", "T-OVERALLOC")).toEqual([]);
  });

  it("raises central bridging funds that go too little to industry, and funds paid out behind their year", async () => {
    const target = await project("T-BRIDGED", ids.county);
    const bridging = await db.prisma.fund.create({
      data: {
        code: "T-FUND-XJ",
        nameZh: "测试衔接资金",
        sourceType: "CENTRAL_BRIDGING",
        level: "CENTRAL",
        year: 2026,
        startYear: 2026,
        regionId: ids.county,
        amount: "1000000",
      },
    });
    const allocation = await db.prisma.fundAllocation.create({
      data: { fundId: bridging.id, projectId: target.id, amount: "1000000", allocatedOn: new Date("2026-02-01") },
    });
    let list = await alerts(CENGONG);
    expect(find(list.items, "INDUSTRY_SHARE", "T-FUND-XJ")[0]).toMatchObject({ severity: "RED", value: "0.00" });
    // Nothing paid with 91.78 % of 2026 gone (334 of 365 days as of 1 December).
    expect(find(list.items, "DISBURSEMENT_LAG", "T-FUND-XJ")[0]).toMatchObject({ severity: "RED", value: "91.78" });
    await db.prisma.project.update({ where: { id: target.id }, data: { categoryId: ids.industry } });
    await db.prisma.disbursement.create({
      data: { allocationId: allocation.id, amount: "900000", paidOn: new Date("2026-11-01") },
    });
    list = await alerts(CENGONG);
    expect(find(list.items, "INDUSTRY_SHARE", "T-FUND-XJ")).toEqual([]);
    expect(find(list.items, "DISBURSEMENT_LAG", "T-FUND-XJ")).toEqual([]);
  });

  it("raises an indicator under its target by the indicator's direction, and drops it once reached", async () => {
    const indicator = await db.prisma.indicator.findFirstOrThrow({
      where: { direction: "HIGHER_IS_BETTER", unit: "%", computedFrom: null },
    });
    const value = await db.prisma.indicatorValue.create({
      data: {
        indicatorId: indicator.id,
        regionId: ids.town,
        period: "2026",
        periodStart: new Date("2026-01-01"),
        periodEnd: new Date("2026-12-31"),
        value: "80",
        target: "90",
        reportedBy: "test",
      },
    });
    // A value for the year is judged once the year is over.
    let off = find((await alerts(CENGONG, viewer, { asOf: "2027-01-05" })).items, "INDICATOR_OFF_TARGET", indicator.code);
    expect(off[0]).toMatchObject({ severity: "RED", value: "88.89", region: { code: expect.any(String) } });
    expect(off[0]!.summary).toBe("2026 实际 80%，目标 90%，完成 88.89%");
    await db.prisma.indicatorValue.update({ where: { id: value.id }, data: { value: "85" } });
    off = find((await alerts(CENGONG, viewer, { asOf: "2027-01-05" })).items, "INDICATOR_OFF_TARGET", indicator.code);
    expect(off[0]).toMatchObject({ severity: "AMBER", value: "94.44" });
    await db.prisma.indicatorValue.update({ where: { id: value.id }, data: { value: "91" } });
    off = find((await alerts(CENGONG, viewer, { asOf: "2027-01-05" })).items, "INDICATOR_OFF_TARGET", indicator.code);
    expect(off).toEqual([]);
  });

  it("raises for each reader only what they may read, also with the API's rules off", async () => {
    await project("T-MINE", ids.town, { plannedFinish: new Date("2026-06-30") });
    await project("T-NOT-MINE", ids.otherTown, { plannedFinish: new Date("2026-06-30") });
    const clerk = await demoUser(db.prisma, "jingzhou.analyst");
    // Jingzhou's analyst may not read Cengong at all.
    const refused = await tryGraphql(db.prisma, ALERTS, { code: CENGONG, asOf: AS_OF }, clerk);
    expect(refused.code).toBe("FORBIDDEN");
    // A Pingzhuang-only reader (built here: the demo clerk also views the county) sees Pingzhuang's alerts only.
    const town = await db.prisma.region.findUniqueOrThrow({
      where: { id: ids.town },
      select: { id: true, code: true, path: true },
    });
    const townReader: Authenticated = { ...viewer, user: { ...viewer.user, grants: [{ role: "VIEWER", region: town }] } };
    const own = await alerts(town.code, townReader);
    expect(own.items.some((a) => a.subject.code === "T-MINE")).toBe(true);
    expect(own.items.some((a) => a.subject.code === "T-NOT-MINE" || a.subject.code.startsWith("CG-"))).toBe(false);
    // The database's policies alone: asked for the county with the API's rules off, the town's
    // reader still gets nothing from outside the town.
    const { graphql } = await import("graphql");
    const { schema } = await import("../schema/index.js");
    const { createContext } = await import("../context.js");
    const result = await graphql({
      schema,
      source: ALERTS,
      variableValues: { code: CENGONG, asOf: AS_OF },
      contextValue: createContext(db.prisma, townReader, { apiRules: false }),
    });
    const items = (result.data as unknown as AlertData).region.alerts.items;
    expect(items.some((a) => a.subject.code === "T-MINE")).toBe(true);
    // (County funds are the town's to read, so their alerts may come too: projects may not.)
    expect(items.filter((a) => ["PROJECT", "PHASE"].includes(a.subject.kind) && a.region.code !== town.code)).toEqual([]);
  });
});

describe("thresholds", () => {
  const SET = `mutation ($input: AlertThresholdInput!) { setAlertThreshold(input: $input) { rule amber red setIn { code } ownVersion } }`;
  const RESET = `mutation ($code: String!, $rule: AlertRule!) { resetAlertThreshold(regionCode: $code, rule: $rule) { rule amber setIn { code } } }`;

  it("are the published defaults until a county's admin sets its own, which its towns follow, audited", async () => {
    const admin = await demoUser(db.prisma, "cengong.admin");
    const read = async (code: string) =>
      (
        await runGraphql<{
          region: { alertThresholds: { rule: string; amber: string; red: string; setIn: { code: string } | null }[] };
        }>(
          db.prisma,
          `query ($code: String!) { region(code: $code) { alertThresholds { rule amber red setIn { code } } } }`,
          { code },
          { as: viewer },
        )
      ).region.alertThresholds;
    const behind = (list: Awaited<ReturnType<typeof read>>) => list.find((t) => t.rule === "BEHIND_SCHEDULE");
    expect(behind(await read(CENGONG))).toEqual({ rule: "BEHIND_SCHEDULE", amber: "10", red: "20", setIn: null });

    await runGraphql(
      db.prisma,
      SET,
      { input: { regionCode: CENGONG, rule: "BEHIND_SCHEDULE", amber: "5", red: "25", note: "县调度会要求" } },
      { as: admin },
    );
    const town = await db.prisma.region.findFirstOrThrow({ where: { nameZh: "平庄镇" } });
    expect(behind(await read(town.code))).toEqual({ rule: "BEHIND_SCHEDULE", amber: "5", red: "25", setIn: { code: CENGONG } });
    // Phase 2 (21.16 points behind) is amber now, and the audit names who changed the rule.
    expect(find((await alerts(CENGONG)).items, "BEHIND_SCHEDULE", "CG-FH-CBSTD-2")[0]).toMatchObject({
      severity: "AMBER",
      amber: "5",
      red: "25",
    });
    const audit = await db.prisma.auditEntry.findFirst({ where: { tableName: "alert_threshold" }, orderBy: { id: "desc" } });
    expect(audit?.actor).toContain("cengong.admin");

    // A second change must name the version it was made from.
    const stale = await tryGraphql(
      db.prisma,
      SET,
      { input: { regionCode: CENGONG, rule: "BEHIND_SCHEDULE", amber: "6", red: "25" } },
      admin,
    );
    expect(stale.code).toBe("CONFLICT");
    await runGraphql(
      db.prisma,
      SET,
      { input: { regionCode: CENGONG, rule: "BEHIND_SCHEDULE", amber: "6", red: "25", expectedVersion: 1 } },
      { as: admin },
    );
    expect(behind(await read(CENGONG))).toMatchObject({ amber: "6" });

    await runGraphql(db.prisma, RESET, { code: CENGONG, rule: "BEHIND_SCHEDULE" }, { as: admin });
    expect(behind(await read(town.code))).toEqual({ rule: "BEHIND_SCHEDULE", amber: "10", red: "20", setIn: null });
  });

  it("refuses bad thresholds field by field, in Chinese", async () => {
    const admin = await demoUser(db.prisma, "cengong.admin");
    const attempt = (input: Record<string, unknown>) =>
      tryGraphql(db.prisma, SET, { input: { regionCode: CENGONG, rule: "STALE", amber: "30", red: "60", ...input } }, admin);
    const negative = await attempt({ amber: "-5" });
    expect([negative.code, negative.issues]).toEqual(["BAD_USER_INPUT", ["amber"]]);
    const tooHigh = await attempt({ rule: "INDICATOR_OFF_TARGET", amber: "120", red: "90" });
    expect(tooHigh.issues).toEqual(["amber"]);
    const backwards = await attempt({ amber: "90", red: "30" });
    expect(backwards.issues).toEqual(["red"]);
    const lessIsWorse = await attempt({ rule: "INDUSTRY_SHARE", amber: "60", red: "65" });
    expect(lessIsWorse.issues).toEqual(["red"]);
    const halfDays = await attempt({ amber: "30.5" });
    expect(halfDays.issues).toEqual(["amber"]);
    const notNumber = await attempt({ red: "很多" });
    expect(notNumber.issues).toEqual(["red"]);
    // An unknown rule is refused by the schema before any resolver, as the server says it.
    const { graphql } = await import("graphql");
    const { schema } = await import("../schema/index.js");
    const { createContext } = await import("../context.js");
    const { variableIssue } = await import("../common/errors.js");
    const unknown = await graphql({
      schema,
      source: SET,
      variableValues: { input: { regionCode: CENGONG, rule: "NO_SUCH_RULE", amber: "1", red: "2" } },
      contextValue: createContext(db.prisma, admin),
    });
    expect(variableIssue(unknown.errors![0]!.message)).toMatchObject({ field: "rule", reason: "NOT_AN_OPTION" });

    const { ValidationError } = await import("../common/errors.js");
    const { checkThreshold } = await import("./alert-thresholds.service.js");
    const county = { id: 1, code: CENGONG, nameZh: "岑巩县", nameEn: "Cengong", level: "COUNTY" as const, path: [1] };
    const refusal = (() => {
      try {
        checkThreshold(county, { rule: "STALE", amber: "-5", red: "30.5" });
      } catch (error) {
        return error as InstanceType<typeof ValidationError>;
      }
    })();
    expect(refusal?.localized("zh-CN").issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual([
      "amber: 不能为负数（填写的是 -5）",
      "red: 天数应为整数（填写的是 30.5）",
    ]);
    const town = { ...county, level: "TOWNSHIP" as const, nameZh: "平庄镇" };
    expect(() => checkThreshold(town, { rule: "STALE", amber: "30", red: "60" })).toThrow(ValidationError);
    // Nothing was written by any of them.
    expect(
      await db.prisma.alertThreshold.count({ where: { rule: { in: ["STALE", "INDICATOR_OFF_TARGET", "INDUSTRY_SHARE"] } } }),
    ).toBe(0);
  });

  it("are set only by the region's admins, and the database refuses anyone else too", async () => {
    const editor = await demoUser(db.prisma, "cengong.editor");
    const refused = await tryGraphql(
      db.prisma,
      SET,
      { input: { regionCode: CENGONG, rule: "OVERDUE", amber: "0", red: "30" } },
      editor,
    );
    expect(refused.code).toBe("FORBIDDEN");
    const { graphql } = await import("graphql");
    const { schema } = await import("../schema/index.js");
    const { createContext } = await import("../context.js");
    const withoutRules = await graphql({
      schema,
      source: SET,
      variableValues: { input: { regionCode: CENGONG, rule: "OVERDUE", amber: "0", red: "30" } },
      contextValue: createContext(db.prisma, editor, { apiRules: false }),
    });
    expect(withoutRules.errors?.length).toBeGreaterThan(0);
    expect(await db.prisma.alertThreshold.count({ where: { rule: "OVERDUE" } })).toBe(0);
  });
});

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
