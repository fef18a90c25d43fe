import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import {
  type DeliveryModel,
  type OutputMetric,
  Prisma,
  type ProgressReport,
  type Project,
  type ProjectStatus,
  type SourceKind,
} from "../generated/prisma/client.js";
import { OutputMetric as OutputMetricValues } from "../generated/prisma/enums.js";
import { pinyinSearchKey } from "./project-search.js";

export const PROJECT_STATUSES: readonly ProjectStatus[] = ["PLANNED", "STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED"];
export const OUTPUT_METRICS: readonly OutputMetric[] = Object.values(OutputMetricValues);
export const DELIVERY_MODELS: readonly DeliveryModel[] = ["GOVERNMENT", "PPP", "ENTERPRISE", "COLLECTIVE"];

export interface ProjectOutputInput {
  metric: OutputMetric;
  quantity: string | number;
  unit: string;
  note?: string | null;
}

export interface CreateProjectInput {
  code: string;
  nameZh: string;
  nameEn?: string | null;
  description?: string | null;
  categoryCode: string;
  status: ProjectStatus;
  deliveryModel?: DeliveryModel;
  /** A county, or a town or village below it. */
  regionCode: string;
  implementingUnitId?: number | null;
  /** For a phase: the parent project's code and the phase number (1 for 一期). */
  parentCode?: string | null;
  phaseNumber?: number | null;
  /** Yuan, as a decimal string. */
  totalInvestment: string | number;
  plannedStart?: string | null;
  plannedFinish?: string | null;
  actualStart?: string | null;
  actualFinish?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
  outputs?: ProjectOutputInput[];
  /** Towns or villages served or built in beyond the project's own region. */
  siteRegionCodes?: string[];
}

/** Creates a project with its outputs and sites in one statement: all or nothing. */
export async function createProject(db: DbClient, input: CreateProjectInput): Promise<Project> {
  const check = new InputChecker();
  const code = check.text("code", input.code, { max: 64 });
  const nameZh = check.text("nameZh", input.nameZh, { max: 200 });
  const status = check.oneOf("status", input.status, PROJECT_STATUSES);
  const deliveryModel = check.oneOf("deliveryModel", input.deliveryModel ?? "GOVERNMENT", DELIVERY_MODELS);
  const totalInvestment = check.money("totalInvestment", input.totalInvestment);
  const plannedStart = check.date("plannedStart", input.plannedStart);
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const plannedFinish = check.date("plannedFinish", input.plannedFinish);
  const actualStart = check.date("actualStart", input.actualStart);
  const actualFinish = check.date("actualFinish", input.actualFinish);
  if (plannedStart && plannedFinish && plannedFinish < plannedStart) {
    check.fail("plannedFinish", "BEFORE_DATE", { value: input.plannedFinish!, other: input.plannedStart! });
  }
  if (actualStart && actualFinish && actualFinish < actualStart) {
    check.fail("actualFinish", "BEFORE_DATE", { value: input.actualFinish!, other: input.actualStart! });
  }

  const [category, region, parent, sites, existing] = await Promise.all([
    db.projectCategory.findUnique({ where: { code: input.categoryCode } }),
    db.region.findUnique({ where: { code: input.regionCode } }),
    input.parentCode
      ? db.project.findUnique({
          where: { code: input.parentCode },
          include: {
            parent: { select: { code: true } },
            phases: { select: { code: true, phaseNumber: true } },
            region: { select: { nameZh: true } },
          },
        })
      : null,
    db.region.findMany({ where: { code: { in: input.siteRegionCodes ?? [] } } }),
    db.project.findUnique({ where: { code }, select: { id: true } }),
  ]);
  if (existing) check.fail("code", "PROJECT_CODE_TAKEN", { code });
  if (!category) check.fail("categoryCode", "NO_SUCH_CATEGORY", { code: input.categoryCode });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  else if (region.level === "PROVINCE" || region.level === "PREFECTURE") {
    check.fail("regionCode", "PROJECT_REGION_LEVEL", { region: region.nameZh, level: region.level });
  }
  if (input.parentCode && !parent) check.fail("parentCode", "NO_SUCH_PROJECT", { code: input.parentCode });
  if (input.parentCode && !(Number.isInteger(input.phaseNumber) && (input.phaseNumber ?? 0) > 0)) {
    check.fail("phaseNumber", "PHASE_NUMBER_REQUIRED");
  }
  if (!input.parentCode && input.phaseNumber != null) check.fail("parentCode", "PHASE_NEEDS_PARENT");
  // Phases are one level deep, numbered once each, and lie where their project lies.
  if (parent?.parent) {
    check.fail("parentCode", "PHASE_OF_A_PHASE", { code: parent.code, parent: parent.parent.code });
  }
  const taken = parent?.phases.find((phase) => phase.phaseNumber === input.phaseNumber);
  if (taken)
    check.fail("phaseNumber", "PHASE_NUMBER_TAKEN", { code: parent!.code, phase: input.phaseNumber!, taken: taken.code });
  if (parent && region && !region.path.includes(parent.regionId)) {
    check.fail("regionCode", "PHASE_OUTSIDE_PROJECT_REGION", { projectRegion: parent.region.nameZh, region: region.nameZh });
  }
  for (const missing of (input.siteRegionCodes ?? []).filter((c) => !sites.some((s) => s.code === c))) {
    check.fail("siteRegionCodes", "NO_SUCH_REGION", { code: missing });
  }
  const outputs = (input.outputs ?? []).map((output, index) => ({
    metric: check.oneOf(`outputs.${index}.metric`, output.metric, OUTPUT_METRICS),
    quantity: check.decimal(`outputs.${index}.quantity`, output.quantity, { places: 2 }) ?? new Prisma.Decimal(0),
    unit: check.text(`outputs.${index}.unit`, output.unit, { max: 20 }),
    note: check.optionalText(`outputs.${index}.note`, output.note),
  }));
  outputs.forEach((output, index) => {
    if (output.quantity.isNegative()) check.fail(`outputs.${index}.quantity`, "NEGATIVE", { value: output.quantity.toFixed() });
  });
  check.done();

  return db.project.create({
    data: {
      code,
      nameZh,
      searchPinyin: pinyinSearchKey(nameZh),
      nameEn: input.nameEn?.trim() || null,
      description: input.description?.trim() || null,
      categoryId: category!.id,
      status,
      deliveryModel,
      regionId: region!.id,
      implementingUnitId: input.implementingUnitId ?? null,
      parentId: parent?.id ?? null,
      phaseNumber: input.parentCode ? (input.phaseNumber ?? null) : null,
      totalInvestment,
      plannedStart,
      plannedFinish,
      actualStart,
      actualFinish,
      source: input.source ?? null,
      sourceKind,
      outputs: { create: outputs },
      sites: { create: sites.map((site) => ({ regionId: site.id })) },
    },
  });
}

export interface ReportProgressInput {
  projectCode: string;
  /** 2023-06, 2023Q2 or 2023. */
  period: string;
  /** 累计完成投资 in yuan, cumulative to the period's end. */
  completedInvestment?: string | number | null;
  /** 工程形象进度, 0–100. */
  physicalProgress?: string | number | null;
  overBudgetReason?: string | null;
  /** Needed when a cumulative figure is lower than the previous period's. */
  correctionReason?: string | null;
  note?: string | null;
  reportedBy: string;
  /**
   * When the report was made, for history entered after the fact (the demo's months); now by
   * default. Reporting timeliness is judged by it.
   */
  reportedAt?: Date;
  /** Published, derived or illustrative: the demo's months say which; a report by a user, none. */
  sourceKind?: SourceKind | null;
}

export async function reportProgress(db: DbClient, input: ReportProgressInput): Promise<ProgressReport> {
  const check = new InputChecker();
  const period = check.period("period", input.period);
  const figures = checkProgressFigures(check, input);
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const project = await db.project.findUnique({ where: { code: input.projectCode } });
  if (!project) {
    check.fail("projectCode", "NO_SUCH_PROJECT", { code: input.projectCode });
  } else {
    checkWithinBudget(check, project, figures);
    if (period) {
      const duplicate = await db.progressReport.findUnique({
        where: { projectId_period: { projectId: project.id, period: period.key } },
        select: { id: true },
      });
      if (duplicate) {
        check.fail("period", "ALREADY_REPORTED", { project: project.nameZh, period: period.key });
      }
      // Cumulative figures only fall when an earlier report was wrong: say why, or it is a typo.
      const previous = await db.progressReport.findFirst({
        where: { projectId: project.id, periodEnd: { lt: new Date(`${period.start}T00:00:00Z`) } },
        orderBy: { periodEnd: "desc" },
      });
      if (previous && !figures.correctionReason) checkNotBelow(check, previous, figures);
    }
  }
  check.done();
  return db.progressReport.create({
    data: {
      projectId: project!.id,
      period: period!.key,
      periodStart: new Date(`${period!.start}T00:00:00Z`),
      periodEnd: new Date(`${period!.end}T00:00:00Z`),
      ...figures,
      ...(input.reportedAt ? { reportedAt: input.reportedAt } : {}),
      sourceKind,
    },
  });
}

export interface CorrectProgressInput extends Omit<ReportProgressInput, "correctionReason"> {
  /** The report's version the correction was made from; a stale one is refused. */
  expectedVersion: number;
  /** Always needed: a correction says why the reported figures were wrong. */
  correctionReason: string;
}

/**
 * Corrects a period's report. The corrected figures become the report's next version; the
 * replaced ones are kept (superseded_version), so nothing reported is ever lost.
 */
export async function correctProgressReport(db: DbClient, input: CorrectProgressInput): Promise<ProgressReport> {
  const check = new InputChecker();
  const period = check.period("period", input.period);
  const figures = checkProgressFigures(check, input);
  if (!figures.correctionReason) check.fail("correctionReason", "CORRECTION_REASON_REQUIRED");
  const project = await db.project.findUnique({ where: { code: input.projectCode } });
  if (!project) check.fail("projectCode", "NO_SUCH_PROJECT", { code: input.projectCode });
  const report =
    project && period
      ? await db.progressReport.findUnique({ where: { projectId_period: { projectId: project.id, period: period.key } } })
      : null;
  if (project && period && !report) {
    check.fail("period", "NOTHING_TO_CORRECT", { project: project.nameZh, period: period.key });
  }
  if (project) checkWithinBudget(check, project, figures);
  check.done();
  const what = `the progress report of ${project!.code} for ${period!.key}`;
  requireVersion(what, report!, input.expectedVersion);
  requireUpdated(
    what,
    await db.progressReport.updateMany({
      where: { id: report!.id, version: input.expectedVersion },
      data: { ...figures, reportedAt: new Date() },
    }),
    input.expectedVersion,
  );
  return db.progressReport.findUniqueOrThrow({ where: { id: report!.id } });
}

type ProgressFigureInput = Omit<ReportProgressInput, "projectCode" | "period">;

/** The figures of a report or a correction, each bad one named. */
function checkProgressFigures(check: InputChecker, input: ProgressFigureInput) {
  const figures = {
    completedInvestment: check.optionalMoney("completedInvestment", input.completedInvestment),
    physicalProgress: check.percent("physicalProgress", input.physicalProgress),
    overBudgetReason: check.optionalText("overBudgetReason", input.overBudgetReason),
    correctionReason: check.optionalText("correctionReason", input.correctionReason),
    note: check.optionalText("note", input.note),
    reportedBy: check.text("reportedBy", input.reportedBy, { max: 100 }),
  };
  if (figures.completedInvestment === null && figures.physicalProgress === null) {
    check.fail("completedInvestment", "NO_FIGURES");
  }
  return figures;
}

function checkWithinBudget(
  check: InputChecker,
  project: Pick<Project, "totalInvestment" | "nameZh">,
  figures: { completedInvestment: Prisma.Decimal | null; overBudgetReason: string | null },
): void {
  if (figures.completedInvestment?.greaterThan(project.totalInvestment) && !figures.overBudgetReason) {
    check.fail("completedInvestment", "EXCEEDS_TOTAL_INVESTMENT", {
      value: figures.completedInvestment.toFixed(2),
      total: project.totalInvestment.toFixed(2),
      project: project.nameZh,
    });
  }
}

function checkNotBelow(
  check: InputChecker,
  previous: Pick<ProgressReport, "period" | "completedInvestment" | "physicalProgress">,
  figures: { completedInvestment: Prisma.Decimal | null; physicalProgress: Prisma.Decimal | null },
): void {
  if (figures.completedInvestment && previous.completedInvestment?.greaterThan(figures.completedInvestment)) {
    check.fail("completedInvestment", "BELOW_EARLIER_INVESTMENT", {
      value: figures.completedInvestment.toFixed(2),
      period: previous.period,
      earlier: previous.completedInvestment.toFixed(2),
    });
  }
  if (figures.physicalProgress && previous.physicalProgress?.greaterThan(figures.physicalProgress)) {
    check.fail("physicalProgress", "BELOW_EARLIER_PROGRESS", {
      value: figures.physicalProgress.toFixed(2),
      period: previous.period,
      earlier: previous.physicalProgress.toFixed(2),
    });
  }
}

/** The fields of a project an edit may change; absent ones stay, null clears an optional one. */
export interface UpdateProjectInput {
  code: string;
  expectedVersion: number;
  nameZh?: string | null;
  nameEn?: string | null;
  description?: string | null;
  categoryCode?: string | null;
  status?: ProjectStatus | null;
  deliveryModel?: DeliveryModel | null;
  totalInvestment?: string | number | null;
  plannedStart?: string | null;
  plannedFinish?: string | null;
  actualStart?: string | null;
  actualFinish?: string | null;
  source?: string | null;
}

/** Edits a project from the version the editor saw; every bad field is named. */
export async function updateProject(db: DbClient, input: UpdateProjectInput): Promise<Project> {
  const check = new InputChecker();
  const project = await db.project.findUnique({ where: { code: input.code } });
  if (!project) {
    check.fail("code", "NO_SUCH_PROJECT", { code: input.code });
    check.done();
  }
  const current = project!;
  const data: Prisma.ProjectUncheckedUpdateManyInput = {};
  const given = (field: keyof UpdateProjectInput) => input[field] !== undefined;
  if (given("nameZh")) {
    data.nameZh = check.text("nameZh", input.nameZh, { max: 200 });
    data.searchPinyin = pinyinSearchKey(data.nameZh);
  }
  if (given("nameEn")) data.nameEn = check.optionalText("nameEn", input.nameEn, { max: 200 });
  if (given("description")) data.description = check.optionalText("description", input.description);
  if (given("source")) data.source = check.optionalText("source", input.source);
  if (given("status")) data.status = check.oneOf("status", input.status, PROJECT_STATUSES);
  if (given("deliveryModel")) data.deliveryModel = check.oneOf("deliveryModel", input.deliveryModel, DELIVERY_MODELS);
  if (given("totalInvestment")) data.totalInvestment = check.money("totalInvestment", input.totalInvestment);
  const dates = {
    plannedStart: given("plannedStart") ? check.date("plannedStart", input.plannedStart) : current.plannedStart,
    plannedFinish: given("plannedFinish") ? check.date("plannedFinish", input.plannedFinish) : current.plannedFinish,
    actualStart: given("actualStart") ? check.date("actualStart", input.actualStart) : current.actualStart,
    actualFinish: given("actualFinish") ? check.date("actualFinish", input.actualFinish) : current.actualFinish,
  };
  for (const field of ["plannedStart", "plannedFinish", "actualStart", "actualFinish"] as const) {
    if (given(field)) data[field] = dates[field];
  }
  if (dates.plannedStart && dates.plannedFinish && dates.plannedFinish < dates.plannedStart) {
    check.fail("plannedFinish", "BEFORE_PLANNED_START");
  }
  if (dates.actualStart && dates.actualFinish && dates.actualFinish < dates.actualStart) {
    check.fail("actualFinish", "BEFORE_ACTUAL_START");
  }
  if (given("categoryCode")) {
    const category = await db.projectCategory.findUnique({ where: { code: input.categoryCode ?? "" } });
    if (!category) check.fail("categoryCode", "NO_SUCH_CATEGORY", { code: String(input.categoryCode) });
    else data.categoryId = category.id;
  }
  if (data.totalInvestment instanceof Prisma.Decimal) {
    const highest = await db.progressReport.findFirst({
      where: { projectId: current.id, overBudgetReason: null, completedInvestment: { gt: data.totalInvestment } },
      orderBy: { completedInvestment: "desc" },
    });
    if (highest?.completedInvestment) {
      check.fail("totalInvestment", "TOTAL_BELOW_COMPLETED", {
        value: data.totalInvestment.toFixed(2),
        completed: highest.completedInvestment.toFixed(2),
        period: highest.period,
      });
    }
  }
  check.done();
  const what = `project ${current.code}`;
  requireVersion(what, current, input.expectedVersion);
  requireUpdated(
    what,
    await db.project.updateMany({ where: { id: current.id, version: input.expectedVersion }, data }),
    input.expectedVersion,
  );
  return db.project.findUniqueOrThrow({ where: { id: current.id } });
}

export interface LatestProgress {
  projectId: number;
  period: string;
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
}

/** Each project's most recent progress report, in one statement. */
export async function latestProgress(db: DbClient, projectIds: number[]): Promise<Map<number, LatestProgress>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.$queryRaw<LatestProgress[]>`
    SELECT DISTINCT ON (project_id)
           project_id AS "projectId", period,
           completed_investment AS "completedInvestment", physical_progress AS "physicalProgress"
      FROM progress_report
     WHERE project_id = ANY(${projectIds}::int[])
     ORDER BY project_id, period_end DESC, period_start DESC`;
  return new Map(rows.map((row) => [row.projectId, row]));
}
