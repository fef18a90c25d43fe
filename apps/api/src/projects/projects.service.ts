import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import {
  type DeliveryModel,
  type OutputMetric,
  Prisma,
  type ProgressReport,
  type Project,
  type ProjectStatus,
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
  const plannedFinish = check.date("plannedFinish", input.plannedFinish);
  const actualStart = check.date("actualStart", input.actualStart);
  const actualFinish = check.date("actualFinish", input.actualFinish);
  if (plannedStart && plannedFinish && plannedFinish < plannedStart) {
    check.fail("plannedFinish", `${input.plannedFinish} is before the planned start ${input.plannedStart}`);
  }
  if (actualStart && actualFinish && actualFinish < actualStart) {
    check.fail("actualFinish", `${input.actualFinish} is before the actual start ${input.actualStart}`);
  }

  const [category, region, parent, sites, existing] = await Promise.all([
    db.projectCategory.findUnique({ where: { code: input.categoryCode } }),
    db.region.findUnique({ where: { code: input.regionCode } }),
    input.parentCode ? db.project.findUnique({ where: { code: input.parentCode } }) : null,
    db.region.findMany({ where: { code: { in: input.siteRegionCodes ?? [] } } }),
    db.project.findUnique({ where: { code }, select: { id: true } }),
  ]);
  if (existing) check.fail("code", `a project with the code ${code} already exists`);
  if (!category) check.fail("categoryCode", `no project category has the code ${input.categoryCode}`);
  if (!region) check.fail("regionCode", `no region has the code ${input.regionCode}`);
  else if (region.level === "PROVINCE" || region.level === "PREFECTURE") {
    check.fail("regionCode", `${region.nameZh} is a ${region.level}: a project belongs to a county, town or village`);
  }
  if (input.parentCode && !parent) check.fail("parentCode", `no project has the code ${input.parentCode}`);
  if (input.parentCode && !(Number.isInteger(input.phaseNumber) && (input.phaseNumber ?? 0) > 0)) {
    check.fail("phaseNumber", "a phase needs a phase number of 1 or more");
  }
  if (!input.parentCode && input.phaseNumber != null) check.fail("parentCode", "a phase number needs a parent project");
  for (const missing of (input.siteRegionCodes ?? []).filter((c) => !sites.some((s) => s.code === c))) {
    check.fail("siteRegionCodes", `no region has the code ${missing}`);
  }
  const outputs = (input.outputs ?? []).map((output, index) => ({
    metric: check.oneOf(`outputs.${index}.metric`, output.metric, OUTPUT_METRICS),
    quantity: check.decimal(`outputs.${index}.quantity`, output.quantity, { places: 2 }) ?? new Prisma.Decimal(0),
    unit: check.text(`outputs.${index}.unit`, output.unit, { max: 20 }),
    note: check.optionalText(`outputs.${index}.note`, output.note),
  }));
  outputs.forEach((output, index) => {
    if (output.quantity.isNegative()) check.fail(`outputs.${index}.quantity`, "cannot be negative");
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
}

export async function reportProgress(db: DbClient, input: ReportProgressInput): Promise<ProgressReport> {
  const check = new InputChecker();
  const period = check.period("period", input.period);
  const completedInvestment = check.optionalMoney("completedInvestment", input.completedInvestment);
  const physicalProgress = check.percent("physicalProgress", input.physicalProgress);
  const reportedBy = check.text("reportedBy", input.reportedBy, { max: 100 });
  const overBudgetReason = check.optionalText("overBudgetReason", input.overBudgetReason);
  const correctionReason = check.optionalText("correctionReason", input.correctionReason);
  if (completedInvestment === null && physicalProgress === null) {
    check.fail("completedInvestment", "a progress report needs completed investment, physical progress, or both");
  }
  const project = await db.project.findUnique({ where: { code: input.projectCode } });
  if (!project) {
    check.fail("projectCode", `no project has the code ${input.projectCode}`);
  } else {
    if (completedInvestment?.greaterThan(project.totalInvestment) && !overBudgetReason) {
      check.fail(
        "completedInvestment",
        `${completedInvestment.toFixed(2)} exceeds the total investment ${project.totalInvestment.toFixed(2)} of ${project.nameZh}; give an over-budget reason to record it`,
      );
    }
    if (period) {
      const duplicate = await db.progressReport.findUnique({
        where: { projectId_period: { projectId: project.id, period: period.key } },
        select: { id: true },
      });
      if (duplicate) check.fail("period", `${project.nameZh} already has a progress report for ${period.key}`);
      // Cumulative figures only fall when an earlier report was wrong: say why, or it is a typo.
      const previous = await db.progressReport.findFirst({
        where: { projectId: project.id, periodEnd: { lt: new Date(`${period.start}T00:00:00Z`) } },
        orderBy: { periodEnd: "desc" },
      });
      if (previous && !correctionReason) {
        if (completedInvestment && previous.completedInvestment?.greaterThan(completedInvestment)) {
          check.fail(
            "completedInvestment",
            `${completedInvestment.toFixed(2)} is below ${previous.period}'s cumulative ${previous.completedInvestment.toFixed(2)}; give a correction reason if the earlier figure was wrong`,
          );
        }
        if (physicalProgress && previous.physicalProgress?.greaterThan(physicalProgress)) {
          check.fail(
            "physicalProgress",
            `${physicalProgress.toFixed(2)}% is below ${previous.period}'s ${previous.physicalProgress.toFixed(2)}%; give a correction reason if the earlier figure was wrong`,
          );
        }
      }
    }
  }
  check.done();
  return db.progressReport.create({
    data: {
      projectId: project!.id,
      period: period!.key,
      periodStart: new Date(`${period!.start}T00:00:00Z`),
      periodEnd: new Date(`${period!.end}T00:00:00Z`),
      completedInvestment,
      physicalProgress,
      overBudgetReason,
      correctionReason,
      note: input.note?.trim() || null,
      reportedBy,
    },
  });
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
