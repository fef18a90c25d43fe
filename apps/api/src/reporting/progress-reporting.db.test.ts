import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { correctProgressReport, reportProgress } from "../projects/projects.service.js";

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

interface Counts {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  missing: number;
  reportingRate: string | null;
}
interface Reporting extends Counts {
  groups: (Counts & {
    key: string | null;
    label: string | null;
    missingReports: { projectCode: string; period: string; lastReport: string | null }[];
  })[];
}

const REPORTING = `query ($code: String!, $period: Period!, $groupBy: ReportingGroupBy) {
  region(code: $code) { progressReporting(period: $period, groupBy: $groupBy) {
    expected received onTime late missing reportingRate
    groups { key label expected received onTime late missing reportingRate missingReports { projectCode period lastReport } } } } }`;

async function reporting(code: string, period: string, groupBy = "CHILD_REGION", as: Authenticated = viewer) {
  return (await runGraphql<{ region: { progressReporting: Reporting } }>(db.prisma, REPORTING, { code, period, groupBy }, { as }))
    .region.progressReporting;
}

describe("reporting completeness and timeliness", () => {
  it("counts Cengong's December 2020 as the reports say: the demo months reported on the 5th, the never-reported missing", async () => {
    const december = await reporting(CENGONG, "2020-12");
    // Independently: reporting projects (no phases) that have a report covering December 2020.
    const received = await db.prisma.progressReport.count({
      where: { period: "2020-12", project: { region: { path: { has: (await regionId(CENGONG))! } }, phases: { none: {} } } },
    });
    expect(december.received).toBe(received);
    expect(december.onTime).toBe(received);
    expect(december.late).toBe(0);
    const own = december.groups.find((group) => group.key === null)!;
    expect(own.missingReports.map((m) => m.projectCode)).toContain("CG-WS-XZPPP");
    expect(december.missing).toBe(december.expected - december.received);
    expect(december.missing).toBeGreaterThan(0);
  });

  it("judges a town's month on time, late or missing, per town and per implementing unit, and keeps the first report's day through a correction", async () => {
    const town = await db.prisma.region.findFirstOrThrow({ where: { nameZh: "平庄镇" } });
    const category = await db.prisma.projectCategory.findFirstOrThrow();
    const unit = await db.prisma.organization.findFirstOrThrow({ where: { region: { code: CENGONG } } });
    const make = (code: string) =>
      db.prisma.project.create({
        data: {
          code,
          nameZh: `报送测试${code}`,
          categoryId: category.id,
          regionId: town.id,
          status: "IN_PROGRESS",
          totalInvestment: "1000000",
          actualStart: new Date("2026-09-01"),
          plannedFinish: new Date("2027-12-31"),
          implementingUnitId: unit.id,
        },
      });
    await Promise.all(["R-ONTIME", "R-LATE", "R-MISSING"].map(make));
    const onTime = await reportProgress(db.prisma, {
      projectCode: "R-ONTIME",
      period: "2026-10",
      physicalProgress: "20",
      reportedBy: "test",
      reportedAt: new Date("2026-11-09T12:00:00Z"),
    });
    await reportProgress(db.prisma, {
      projectCode: "R-LATE",
      period: "2026-10",
      physicalProgress: "20",
      reportedBy: "test",
      reportedAt: new Date("2026-11-20T01:00:00Z"),
    });
    // Corrected today: still reported on time, on its first day.
    await correctProgressReport(db.prisma, {
      projectCode: "R-ONTIME",
      period: "2026-10",
      physicalProgress: "25",
      correctionReason: "复核",
      expectedVersion: onTime.version,
      reportedBy: "test",
    });

    const october = await reporting(CENGONG, "2026-10");
    const pingzhuang = october.groups.find((group) => group.key === town.code)!;
    expect(pingzhuang).toMatchObject({
      label: "平庄镇",
      expected: 3,
      received: 2,
      onTime: 1,
      late: 1,
      missing: 1,
      reportingRate: "66.67",
    });
    expect(pingzhuang.missingReports).toEqual([{ projectCode: "R-MISSING", period: "2026-10", lastReport: null }]);

    const byUnit = await reporting(town.code, "2026-10", "IMPLEMENTING_UNIT");
    expect(byUnit.groups).toMatchObject([{ key: String(unit.id), label: unit.name, expected: 3, missing: 1 }]);

    // A quarter expects each month: September, October and November for the three.
    const quarter = await reporting(town.code, "2026Q4");
    expect(quarter.expected).toBe(9);
    expect(quarter.received).toBe(2);
  });

  it("expects an indicator again from each region that reported it for an earlier period of its kind", async () => {
    const pingzhuang = await db.prisma.region.findFirstOrThrow({ where: { nameZh: "平庄镇" } });
    const zhuxi = await db.prisma.region.findFirstOrThrow({ where: { nameZh: "注溪镇" } });
    const indicator = await db.prisma.indicator.findFirstOrThrow({ where: { unit: "%", computedFrom: null } });
    const value = (regionId: number, year: number, reportedAt: string) =>
      db.prisma.indicatorValue.create({
        data: {
          indicatorId: indicator.id,
          regionId,
          period: String(year),
          periodStart: new Date(`${year}-01-01`),
          periodEnd: new Date(`${year}-12-31`),
          value: "50",
          reportedBy: "test",
          reportedAt: new Date(reportedAt),
        },
      });
    type Group = Counts & { key: string; missingValues: { indicatorCode: string; regionCode: string; lastPeriod: string }[] };
    const towns = async () => {
      const data = await runGraphql<{ region: { indicatorReporting: Counts & { groups: Group[] } } }>(
        db.prisma,
        `{ region(code: "${CENGONG}") { indicatorReporting(period: "2025") { expected received onTime late missing reportingRate
            groups { key expected received onTime late missing reportingRate missingValues { indicatorCode regionCode lastPeriod } } } } }`,
        {},
        { as: viewer },
      );
      const zero = { expected: 0, received: 0, onTime: 0, late: 0, missing: 0, missingValues: [] };
      const byTown = new Map(data.region.indicatorReporting.groups.map((group) => [group.key, group]));
      return { pingzhuang: byTown.get(pingzhuang.code) ?? zero, zhuxi: byTown.get(zhuxi.code) ?? zero };
    };
    // What the demo already expects of the two towns (their villages' values of other indicators).
    const before = await towns();
    await value(pingzhuang.id, 2024, "2025-01-05T00:00:00Z");
    await value(pingzhuang.id, 2025, "2026-01-06T00:00:00Z");
    await value(zhuxi.id, 2024, "2025-03-01T00:00:00Z");
    const after = await towns();
    // Pingzhuang reported 2024, so 2025 is expected; it came on 6 January, within the 10 days.
    expect(after.pingzhuang).toMatchObject({
      expected: before.pingzhuang.expected + 1,
      received: before.pingzhuang.received + 1,
      onTime: before.pingzhuang.onTime + 1,
      missing: before.pingzhuang.missing,
    });
    // Zhuxi reported 2024 and not 2025: missing, with its last year.
    expect(after.zhuxi).toMatchObject({ expected: before.zhuxi.expected + 1, missing: before.zhuxi.missing + 1 });
    expect(after.zhuxi.missingValues).toContainEqual({
      indicatorCode: indicator.code,
      regionCode: zhuxi.code,
      lastPeriod: "2024",
    });
    // A year is not a quarter: nothing quarterly is expected from these.
    const quarterly = await runGraphql<{ region: { indicatorReporting: Counts } }>(
      db.prisma,
      `{ region(code: "${CENGONG}") { indicatorReporting(period: "2025Q4") { expected received } } }`,
      {},
      { as: viewer },
    );
    expect(quarterly.region.indicatorReporting.expected).toBe(0);
  });

  it("counts for each reader only the projects they may read", async () => {
    const town = await db.prisma.region.findFirstOrThrow({
      where: { nameZh: "平庄镇" },
      select: { id: true, code: true, path: true },
    });
    const townReader: Authenticated = { ...viewer, user: { ...viewer.user, grants: [{ role: "VIEWER", region: town }] } };
    const { graphql } = await import("graphql");
    const { schema } = await import("../schema/index.js");
    const { createContext } = await import("../context.js");
    // Asked for the whole county with the API's rules off, the policies leave only the town's projects.
    const result = await graphql({
      schema,
      source: REPORTING,
      variableValues: { code: CENGONG, period: "2026-10" },
      contextValue: createContext(db.prisma, townReader, { apiRules: false }),
    });
    const counted = (result.data as unknown as { region: { progressReporting: Reporting } }).region.progressReporting;
    expect(counted.groups.map((group) => group.key)).toEqual([town.code]);
  });
});

async function regionId(code: string) {
  return (await db.prisma.region.findUnique({ where: { code }, select: { id: true } }))?.id;
}
