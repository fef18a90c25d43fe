import { monthsBetween, parsePeriod } from "@revita/schema/period";
import { setActor } from "../../access/actor.js";
import { createUser } from "../../accounts/accounts.service.js";
import type { DbClient } from "../../db/database.js";
import { allocateFund, createFund, recordDisbursement, recordFundEvaluation } from "../../funds/funds.service.js";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { defineIndicator, recordIndicatorValue } from "../../indicators/indicators.service.js";
import { createProject, reportProgress } from "../../projects/projects.service.js";
import { createRegion } from "../../regions/regions.service.js";
import { INDICATOR_DEFINITIONS, PROJECT_CATEGORIES } from "../catalog.js";
import { monthlyProgressHistory } from "../progress-history.js";
import { CENGONG } from "./cengong.js";
import { loadCleaning } from "./cleaning.js";
import { loadConsultation } from "./consultation.js";
import { DEMO_REPORTER, type DemoDataset } from "./dataset.js";
import { loadDispatch } from "./dispatch.js";
import { DEMO_GOVERNANCE } from "./governance.js";
import { loadHouseholds } from "./households.js";
import { JINGZHOU } from "./jingzhou.js";
import { loadGovernance } from "./load-governance.js";
import { loadMediation } from "./mediation.js";
import { demoRegions } from "./regions.js";
import { DEMO_PASSWORD, DEMO_REGION_CODES, DEMO_USERS } from "./users.js";

export const DEMO_DATASETS: readonly DemoDataset[] = [CENGONG, JINGZHOU];

/** True when the database already holds regions, so loading the demo would mix data. */
export async function hasData(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.region.count()) > 0;
}

/**
 * Loads the catalogue and the demo data in one transaction: either all of it is there
 * afterwards or none of it. Every row goes through the same services as user input.
 */
export async function loadDemoData(prisma: PrismaClient): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await setActor(tx, "demo data");
      await loadCatalog(tx);
      for (const region of demoRegions()) await createRegion(tx, region);
      for (const dataset of DEMO_DATASETS) await loadDataset(tx, dataset);
      await loadGovernance(tx, DEMO_GOVERNANCE, { userId: 0, name: DEMO_REPORTER });
      await loadMediation(tx, { userId: 0, name: DEMO_REPORTER });
      await loadConsultation(tx, { userId: 0, name: DEMO_REPORTER });
      await loadCleaning(tx, { userId: 0, name: DEMO_REPORTER });
      // The lead is recorded by the village, as each step names who signed it.
      await loadHouseholds(tx, { userId: 0, name: "村委会（演示数据）" });
      await loadDispatch(tx, { userId: 0, name: DEMO_REPORTER });
      await markCaseFilesIllustrative(tx);
      await createDemoUsers(tx);
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  await prisma.$executeRawUnsafe("ANALYZE");
}

/**
 * The module records the demo makes through the users' services (households, cases, topics,
 * needs, inspections, service cards, payments, dispatch meetings and tasks). Some stand for an
 * event an article tells (田培广's electric fan), but every one carries details made up to fill
 * its form (phone and ID numbers, dates, names), so none is published as a whole: all are
 * illustrative, and their record_source says what of them the article gives.
 */
const CASE_FILE_TABLES = [
  "household",
  "mediation_case",
  "consultation_meeting",
  "consultation_topic",
  "community_need",
  "cleaning_inspection",
  "service_card",
  "disbursement",
  "dispatch_meeting",
  "dispatch_task",
] as const;

async function markCaseFilesIllustrative(tx: DbClient): Promise<void> {
  for (const table of CASE_FILE_TABLES) {
    await tx.$executeRawUnsafe(`UPDATE "${table}" SET source_kind = 'ILLUSTRATIVE' WHERE source_kind IS NULL`);
  }
}

async function createDemoUsers(tx: DbClient): Promise<void> {
  for (const user of DEMO_USERS) await createUser(tx, { ...user, password: DEMO_PASSWORD });
}

/**
 * The demo users, for a demo database made before there were accounts: without them, nobody
 * could sign in to it. Does nothing when any user exists or the demo regions are not there.
 */
export async function addMissingDemoUsers(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.user.count()) > 0) return false;
  const demoRegions = await prisma.region.count({ where: { code: { in: DEMO_REGION_CODES } } });
  if (demoRegions < DEMO_REGION_CODES.length) return false;
  await prisma.$transaction(async (tx) => {
    await setActor(tx, "demo data");
    await createDemoUsers(tx);
  });
  return true;
}

/** Project categories and indicator definitions: what every Revita database starts with. */
export async function loadCatalog(tx: DbClient): Promise<void> {
  await tx.projectCategory.createMany({ data: PROJECT_CATEGORIES.map((category) => ({ ...category })) });
  // The migrations define some of these already (the monitored-household counts the household
  // records replace): those stand as the migration made them.
  const defined = new Set((await tx.indicator.findMany({ select: { code: true } })).map((indicator) => indicator.code));
  for (const definition of INDICATOR_DEFINITIONS) {
    if (!defined.has(definition.code)) await defineIndicator(tx, definition);
  }
}

async function loadDataset(tx: DbClient, dataset: DemoDataset): Promise<void> {
  const organizationIds = new Map<string, number>();
  for (const organization of dataset.organizations) {
    const region = await tx.region.findUniqueOrThrow({ where: { code: organization.regionCode } });
    const created = await tx.organization.create({
      data: { name: organization.name, kind: organization.kind, regionId: region.id },
    });
    organizationIds.set(organization.name, created.id);
  }

  for (const { history, implementingUnit, ...project } of dataset.projects) {
    const implementingUnitId = implementingUnit ? organizationIds.get(implementingUnit) : undefined;
    if (implementingUnit && implementingUnitId === undefined) {
      throw new Error(`demo project ${project.code}: unknown implementing unit ${implementingUnit}`);
    }
    await createProject(tx, { ...project, implementingUnitId: implementingUnitId ?? null });
    if (!history) continue;
    const months = monthlyProgressHistory({
      from: history.from,
      to: history.to,
      finalCompletedInvestment: history.completed,
      finalPhysicalProgress: history.progress,
      seedText: project.code,
    });
    for (const [index, month] of months.entries()) {
      await reportProgress(tx, {
        projectCode: project.code,
        period: month.period,
        completedInvestment: month.completedInvestment?.toFixed(2) ?? null,
        physicalProgress: month.physicalProgress?.toFixed(2) ?? null,
        note: index === months.length - 1 ? (history.note ?? null) : null,
        reportedBy: DEMO_REPORTER,
        // Illustrative, like the monthly figures: each month reported on the 5th of the next.
        reportedAt: demoReportedAt(month.period),
        // The last month holds the project's figures as the articles give them; the months before
        // are made up to show a history.
        sourceKind: index === months.length - 1 ? project.sourceKind : "ILLUSTRATIVE",
      });
    }
  }

  for (const { allocations, evaluations, ...fund } of dataset.funds) {
    await createFund(tx, fund);
    for (const evaluation of evaluations ?? []) await recordFundEvaluation(tx, { fundCode: fund.code, ...evaluation });
    for (const { disbursed, ...allocation } of allocations ?? []) {
      // The articles' allocations to a project can add up to more than its published total (the
      // Chengbei embankment's do): allocated as published, with that said as the reason.
      const created = await allocateFund(tx, {
        fundCode: fund.code,
        ...allocation,
        overAllocationReason: "演示数据：按文章所载金额安排，合计超过项目总投资",
      });
      if (!disbursed) continue;
      for (const instalment of quarterlyInstalments(disbursed.total, disbursed.from, disbursed.to)) {
        await recordDisbursement(tx, { allocationId: created.id, amount: instalment.amount, paidOn: instalment.paidOn });
      }
    }
  }

  for (const value of dataset.indicatorValues) {
    // Illustrative: each published value taken as entered within a week of its period's end.
    await recordIndicatorValue(tx, { ...value, reportedBy: DEMO_REPORTER, reportedAt: demoValueEnteredAt(value.period) });
  }

  for (const assessment of dataset.assessments) {
    const region = await tx.region.findUniqueOrThrow({ where: { code: assessment.regionCode } });
    await tx.assessment.create({
      data: {
        regionId: region.id,
        year: assessment.year,
        scheme: assessment.scheme,
        grade: assessment.grade,
        source: assessment.source,
        sourceKind: assessment.sourceKind,
      },
    });
  }
}

/** Equal payments on the last day of every third month, the last one taking the remainder. */
export function quarterlyInstalments(total: string, from: string, to: string): { amount: string; paidOn: string }[] {
  const months = monthsBetween(from, to).filter((_, index, all) => (all.length - 1 - index) % 3 === 0);
  const whole = new Prisma.Decimal(total);
  const each = whole.dividedBy(months.length).toDecimalPlaces(2, Prisma.Decimal.ROUND_DOWN);
  return months.map((month, index) => {
    const [year, monthNumber] = month.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
    const amount = index === months.length - 1 ? whole.minus(each.times(months.length - 1)) : each;
    return { amount: amount.toFixed(2), paidOn: `${month}-${String(lastDay).padStart(2, "0")}` };
  });
}

/** The day a demo month's report is taken to have been made: the 5th of the following month. */
function demoReportedAt(period: string): Date {
  const [year, month] = period.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 5, 2));
}

/** The day a demo indicator value is taken to have been entered: a week after its period ends. */
function demoValueEnteredAt(period: string): Date {
  const { end } = parsePeriod(period);
  return new Date(Date.parse(`${end}T02:00:00Z`) + 7 * 86_400_000);
}
