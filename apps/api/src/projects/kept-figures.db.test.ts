import type { Period } from "@revita/schema/period";
import { parsePeriod } from "@revita/schema/period";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provinceViewer } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { AccessScope } from "../access/access-scope.js";
import { type Figures, scopedClient } from "../access/scoped-client.js";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";
import { seededRandom } from "../seed/random.js";
import { projectsBehindSchedule } from "./behind-schedule.js";
import { investmentOverTime } from "./investment-over-time.js";
import { type InvestmentGrouping, investmentSummary } from "./investment-summary.js";
import { type KeptRegion, keptMode } from "./kept-figures.js";
import { latestStanding, STANDING_SELECT, standingFrom } from "./project-progress.js";

/**
 * The figures the database keeps must equal a full recomputation from the reports, after any mix
 * of new reports, corrections, deletions, project edits, phases added and removed, a village
 * moved, approvals given and returned, and a bulk import. The recomputation below is the SQL the
 * overview ran before the figures were kept.
 */

let db: TestDatabase;
let reader: (figures: Figures) => PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  const viewer = await provinceViewer(db.prisma);
  const scope = AccessScope.of(viewer.user.grants);
  reader = (figures) => scopedClient(db.prisma, scope, "test", { figures });
});
afterAll(async () => {
  await db?.close();
});

const GROUPINGS: InvestmentGrouping[] = ["CATEGORY", "STATUS", "CHILD_REGION"];
const FROM = parsePeriod("2017-01");
const TO = parsePeriod("2026-12");

async function recomputedSummary(client: PrismaClient, regionId: number, groupBy: InvestmentGrouping) {
  const key = { CATEGORY: Prisma.sql`c.code`, STATUS: Prisma.sql`s.status::text`, CHILD_REGION: Prisma.sql`child.code` }[groupBy];
  const rows = await client.$queryRaw<{ key: string | null; project_count: number; planned: string; completed: string }[]>`
    WITH scope AS (
      SELECT p.id, p.category_id, p.status, p.total_investment,
             r.path[array_position(r.path, ${regionId}::int) + 1] AS child_region_id
        FROM project p JOIN region r ON r.id = p.region_id
       WHERE r.path @> ARRAY[${regionId}::int] AND p.parent_id IS NULL
    ),
    latest AS (
      SELECT DISTINCT ON (pr.project_id) pr.project_id, pr.completed_investment
        FROM progress_report pr JOIN project p ON p.id = pr.project_id
       WHERE p.id IN (SELECT id FROM scope) OR p.parent_id IN (SELECT id FROM scope)
       ORDER BY pr.project_id, pr.period_end DESC, pr.id DESC
    ),
    phase_totals AS (
      SELECT ph.parent_id, sum(l.completed_investment) AS completed
        FROM project ph JOIN latest l ON l.project_id = ph.id
       WHERE ph.parent_id IN (SELECT id FROM scope)
       GROUP BY ph.parent_id
    )
    SELECT ${key} AS key, count(*)::int AS project_count, sum(s.total_investment)::text AS planned,
           coalesce(sum(CASE WHEN own.project_id IS NOT NULL THEN own.completed_investment ELSE pt.completed END), 0)::text AS completed
      FROM scope s
      JOIN project_category c ON c.id = s.category_id
      LEFT JOIN region child ON child.id = s.child_region_id
      LEFT JOIN latest own ON own.project_id = s.id
      LEFT JOIN phase_totals pt ON pt.parent_id = s.id
     GROUP BY 1
     ORDER BY sum(s.total_investment) DESC, key`;
  return rows.map((row) => ({
    key: row.key,
    projectCount: row.project_count,
    planned: new Prisma.Decimal(row.planned).toFixed(2),
    completed: new Prisma.Decimal(row.completed).toFixed(2),
  }));
}

async function recomputedOverTime(client: PrismaClient, regionId: number, from: Period, to: Period) {
  const rows = await client.$queryRaw<{ month: string; planned: string; completed: string }[]>`
    WITH months AS (
      SELECT month_start::date AS month_start, (month_start + interval '1 month - 1 day')::date AS month_end
        FROM generate_series(${from.start}::date, ${to.end}::date, interval '1 month') AS month_start
    ),
    scope AS (
      SELECT p.id, p.parent_id, p.total_investment, p.planned_start, p.planned_finish
        FROM project p JOIN region r ON r.id = p.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
    ),
    leaves AS (SELECT s.id FROM scope s WHERE NOT EXISTS (SELECT 1 FROM project ph WHERE ph.parent_id = s.id)),
    planned_projects AS (
      SELECT total_investment, planned_start, planned_finish FROM scope
       WHERE parent_id IS NULL AND planned_start IS NOT NULL AND planned_finish IS NOT NULL
    )
    SELECT to_char(m.month_start, 'YYYY-MM') AS month,
           (SELECT coalesce(sum(pp.total_investment * least(1, greatest(0,
                     (m.month_end - pp.planned_start + 1)::numeric / (pp.planned_finish - pp.planned_start + 1)))), 0)
              FROM planned_projects pp)::text AS planned,
           (SELECT coalesce(sum(latest.completed_investment), 0) FROM (
              SELECT DISTINCT ON (pr.project_id) pr.completed_investment
                FROM progress_report pr
               WHERE pr.project_id IN (SELECT id FROM leaves) AND pr.period_end <= m.month_end
               ORDER BY pr.project_id, pr.period_end DESC, pr.id DESC) latest)::text AS completed
      FROM months m ORDER BY m.month_start`;
  return rows.map((row) => ({
    month: row.month,
    planned: new Prisma.Decimal(row.planned).toFixed(2),
    completed: new Prisma.Decimal(row.completed).toFixed(2),
  }));
}

/** Every region with projects below it, at each level. */
async function regionsToCompare(): Promise<(KeptRegion & { code: string })[]> {
  return db.prisma.$queryRaw`
    SELECT DISTINCT ON (x.level) x.id, x.level, x.code FROM region x
     WHERE EXISTS (SELECT 1 FROM project p JOIN region r ON r.id = p.region_id WHERE r.path @> ARRAY[x.id])
     ORDER BY x.level, (SELECT count(*) FROM project p JOIN region r ON r.id = p.region_id WHERE r.path @> ARRAY[x.id]) DESC`;
}

async function expectKeptEqualsRecomputed(step: string) {
  const regions = await regionsToCompare();
  expect(regions.map((r) => r.level)).toEqual(["PROVINCE", "PREFECTURE", "COUNTY", "TOWNSHIP", "VILLAGE"]);
  for (const figures of ["all", "approved", "published"] as const) {
    const client = reader(figures);
    for (const region of regions) {
      for (const groupBy of GROUPINGS) {
        const kept = (await investmentSummary(client, region, groupBy, figures)).map((group) => ({
          key: group.key,
          projectCount: group.projectCount,
          planned: group.plannedInvestment.toFixed(2),
          completed: group.completedInvestment.toFixed(2),
        }));
        expect(kept, `${step}: ${figures} ${region.code} by ${groupBy}`).toEqual(
          await recomputedSummary(client, region.id, groupBy),
        );
      }
      const kept = (await investmentOverTime(client, region, FROM, TO, figures)).map((month) => ({
        month: month.month,
        planned: month.planned.toFixed(2),
        completed: month.completed.toFixed(2),
      }));
      expect(kept, `${step}: ${figures} ${region.code} over time`).toEqual(await recomputedOverTime(client, region.id, FROM, TO));
    }
    // Each project's standing, kept and worked out from its reports.
    const projects = await client.project.findMany({ select: { id: true, code: true, ...STANDING_SELECT } });
    const kept = new Map((await client.projectFigures.findMany({ where: keptMode(figures) })).map((f) => [f.projectId, f]));
    expect(kept.size, `${step}: one kept row per project`).toBe(projects.length);
    const standings = (source: "kept" | "reports") =>
      projects.map((project) => {
        const figuresOf = kept.get(project.id)!;
        const latest =
          source === "kept"
            ? {
                completedInvestment: figuresOf.completedInvestment,
                physicalProgress: figuresOf.physicalProgress,
                asOf: figuresOf.asOf,
              }
            : latestStanding(project);
        const standing = standingFrom(project, latest);
        return `${project.code} ${standing.completedInvestment?.toFixed(2)} ${standing.physicalProgress?.toFixed(2)} ${standing.asOf?.toISOString()} ${standing.behindSchedule}`;
      });
    expect(standings("kept"), `${step}: ${figures} standings`).toEqual(standings("reports"));
  }
}

const monthPeriod = (year: number, month: number) => {
  const key = `${year}-${String(month).padStart(2, "0")}`;
  const period = parsePeriod(key);
  return { period: key, periodStart: new Date(period.start), periodEnd: new Date(period.end) };
};

describe("kept figures", () => {
  it("equal a full recomputation from the reports after random edits, corrections, approvals and imports", async () => {
    const random = seededRandom(20261201);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    await expectKeptEqualsRecomputed("demo data as loaded");

    const projects = await db.prisma.project.findMany({ orderBy: { id: "asc" } });
    const leaves = projects.filter((p) => !projects.some((q) => q.parentId === p.id));
    const report = (project: (typeof projects)[number], year: number, month: number) => ({
      projectId: project.id,
      ...monthPeriod(year, month),
      completedInvestment: project.totalInvestment.times(random()).toDecimalPlaces(2),
      physicalProgress: random() < 0.8 ? new Prisma.Decimal(Math.floor(random() * 10000) / 100) : null,
      reportedBy: "scenario",
    });

    // New reports, one at a time and several in one transaction.
    for (let i = 0; i < 20; i++)
      await db.prisma.progressReport.create({ data: report(pick(leaves), 2021, 1 + (i % 12)) }).catch(() => {});
    await db.prisma.$transaction(async (tx) => {
      for (let month = 1; month <= 12; month++)
        await tx.progressReport.create({ data: report(pick(leaves), 2022, month) }).catch(() => {});
    });
    // A report of a project that has phases (its own figure then counts, not its phases').
    const withPhases = projects.find((p) => projects.some((q) => q.parentId === p.id))!;
    await db.prisma.progressReport.create({ data: report(withPhases, 2022, 6) });
    await expectKeptEqualsRecomputed("new reports");

    // Corrections, a report without a figure, deletions.
    const recent = await db.prisma.progressReport.findMany({ where: { periodStart: { gte: new Date("2021-01-01") } } });
    for (const r of recent.slice(0, 8)) {
      const project = projects.find((p) => p.id === r.projectId)!;
      await db.prisma.progressReport.update({
        where: { id: r.id },
        data: { completedInvestment: project.totalInvestment.times(random()).toDecimalPlaces(2) },
      });
    }
    await db.prisma.progressReport.update({ where: { id: recent[8]!.id }, data: { completedInvestment: null } });
    await db.prisma.progressReport.deleteMany({ where: { id: { in: recent.slice(9, 14).map((r) => r.id) } } });
    await expectKeptEqualsRecomputed("corrections and deletions");

    // Project edits: status, category, total, plan; a new phase that reports, then removed.
    const categories = await db.prisma.projectCategory.findMany();
    for (const project of projects.slice(0, 6)) {
      await db.prisma.project.update({
        where: { id: project.id },
        data: {
          status: pick(["PLANNED", "STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED"] as const),
          categoryId: pick(categories).id,
          totalInvestment: project.totalInvestment.times(2),
          plannedStart: new Date("2019-03-15"),
          plannedFinish: new Date("2023-09-30"),
        },
      });
    }
    const top = leaves.find((p) => p.parentId === null)!;
    const phase = await db.prisma.project.create({
      data: {
        code: `${top.code}-KEPT`,
        nameZh: "测试分期",
        categoryId: top.categoryId,
        status: "IN_PROGRESS",
        regionId: top.regionId,
        parentId: top.id,
        phaseNumber: 99,
        totalInvestment: top.totalInvestment,
      },
    });
    await db.prisma.progressReport.create({ data: report(phase, 2022, 3) });
    await expectKeptEqualsRecomputed("project edits and a new phase");

    // Kinds changed: published figures follow a project marked published or no longer, and a
    // report marked published (the phase added above is of no kind: not among them).
    const unpublishedReport = await db.prisma.progressReport.findFirstOrThrow({
      where: { sourceKind: "ILLUSTRATIVE", project: { parentId: null, sourceKind: "ILLUSTRATIVE" } },
      orderBy: { id: "asc" },
    });
    await db.prisma.project.update({ where: { id: unpublishedReport.projectId }, data: { sourceKind: "PUBLISHED" } });
    await db.prisma.progressReport.update({ where: { id: unpublishedReport.id }, data: { sourceKind: "PUBLISHED" } });
    const published = projects.find((p) => p.parentId === null && p.sourceKind === "PUBLISHED")!;
    await db.prisma.project.update({ where: { id: published.id }, data: { sourceKind: "ILLUSTRATIVE" } });
    await expectKeptEqualsRecomputed("kinds changed");
    await db.prisma.project.delete({ where: { id: phase.id } });
    await expectKeptEqualsRecomputed("the phase removed");

    // A village with projects moves to another town of its county.
    const [village] = await db.prisma.$queryRaw<{ id: number; parent_id: number }[]>`
      SELECT r.id, r.parent_id FROM region r WHERE r.level = 'VILLAGE' AND EXISTS (SELECT 1 FROM project p WHERE p.region_id = r.id) LIMIT 1`;
    const town = await db.prisma.region.findUniqueOrThrow({ where: { id: village!.parent_id } });
    const otherTown = await db.prisma.region.findFirstOrThrow({ where: { parentId: town.parentId, id: { not: town.id } } });
    await db.prisma.region.update({ where: { id: village!.id }, data: { parentId: otherTown.id } });
    await expectKeptEqualsRecomputed("a village moved");

    // Approvals given, one returned: approved figures follow.
    const county = await db.prisma.region.findUniqueOrThrow({ where: { id: town.parentId! } });
    const approval = (regionId: number, period: string) => {
      const p = parsePeriod(period);
      return {
        dataSet: "PROGRESS" as const,
        regionId,
        period,
        periodStart: new Date(p.start),
        periodEnd: new Date(p.end),
        status: "APPROVED" as const,
        submittedBy: "scenario",
        submittedAt: new Date(),
        decidedBy: "scenario",
      };
    };
    await db.prisma.dataApproval.create({ data: approval(county.id, "2019") });
    await db.prisma.dataApproval.create({ data: approval(otherTown.id, "2022") });
    const countyYear = await db.prisma.dataApproval.create({ data: approval(county.id, "2021") });
    const approvedReports = await db.prisma.approvedProgressReport.count();
    expect(approvedReports).toBeGreaterThan(0);
    await expectKeptEqualsRecomputed("approvals given");
    await db.prisma.dataApproval.update({
      where: { id: countyYear.id },
      data: { status: "RETURNED", comment: "重新核对", version: { increment: 1 } },
    });
    expect(await db.prisma.approvedProgressReport.count()).toBeLessThan(approvedReports);
    await expectKeptEqualsRecomputed("an approval returned");

    // A bulk import: many reports in one statement, as the importer writes them.
    const rows = [];
    for (const project of leaves) for (let month = 1; month <= 6; month++) rows.push(report(project, 2023, month));
    await db.prisma.progressReport.createMany({ data: rows, skipDuplicates: true });
    await expectKeptEqualsRecomputed("a bulk import");

    // Behind schedule, from kept figures, names the same projects as the standings worked out from reports.
    const client = reader("all");
    const [province] = await regionsToCompare();
    const behind = await projectsBehindSchedule(client, province!.id, 100, "all");
    const all = await client.project.findMany({
      where: { parentId: null, region: { path: { has: province!.id } } },
      select: { id: true, ...STANDING_SELECT },
    });
    const expected = all.filter((project) => standingFrom(project, latestStanding(project)).behindSchedule).map((p) => p.id);
    expect(expected.length).toBeGreaterThan(2);
    expect([...behind].sort()).toEqual(expected.slice(0, 100).sort());
  }, 300_000);
});
