import { readsProjectOf } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireProjectEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { batchLoader, perRequestLoader } from "../common/batch-loader.js";
import type { Context } from "../context.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import { correctProgressReport, reportProgress } from "./projects.service.js";

/**
 * Progress reports: the type, its earlier versions, and the mutations that report and correct a
 * period's progress. The project's own types and mutations are in projects.schema.ts.
 */

interface ProgressReportVersion {
  version: number;
  completedInvestment: string | null;
  physicalProgress: string | null;
  correctionReason: string | null;
  reportedBy: string;
  supersededAt: Date;
  supersededBy: string | null;
}

const ProgressReportVersionRef = builder.objectRef<ProgressReportVersion>("ProgressReportVersion").implement({
  description: "A progress report's figures as they were before a correction replaced them.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The version these figures were." }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      nullable: true,
      description: "累计完成投资 in yuan, as it was.",
    }),
    physicalProgress: t.expose("physicalProgress", {
      type: "Decimal",
      nullable: true,
      description: "工程形象进度 in percent, as it was.",
    }),
    correctionReason: t.exposeString("correctionReason", {
      nullable: true,
      description: "The reason given for this version, if it was itself a correction.",
    }),
    reportedBy: t.exposeString("reportedBy", { description: "Who reported these figures." }),
    supersededAt: t.string({
      description: "When a correction replaced them (ISO 8601, UTC).",
      resolve: (v) => v.supersededAt.toISOString(),
    }),
    supersededBy: t.exposeString("supersededBy", { nullable: true, description: "Who made that correction (user:<username>)." }),
  }),
});

/**
 * Every asked-for report's earlier versions in one statement per request. Read with ->> so that
 * amounts come back as exact text, not as JSON numbers parsed into floats.
 */
const earlierVersionsOf = perRequestLoader((context: Context) =>
  batchLoader(async (reportIds: number[]) => {
    const rows = await context.prisma.$queryRaw<(ProgressReportVersion & { reportId: number })[]>`
      SELECT record_id AS "reportId", version,
             record ->> 'completed_investment' AS "completedInvestment",
             record ->> 'physical_progress' AS "physicalProgress",
             record ->> 'correction_reason' AS "correctionReason",
             record ->> 'reported_by' AS "reportedBy",
             superseded_at AS "supersededAt", superseded_by AS "supersededBy"
        FROM superseded_version
       WHERE table_name = 'progress_report' AND record_id = ANY (${reportIds}::int[])
       ORDER BY record_id, version`;
    const byReport = new Map<number, ProgressReportVersion[]>();
    for (const { reportId, ...version } of rows) byReport.set(reportId, [...(byReport.get(reportId) ?? []), version]);
    return byReport;
  }),
);

builder.prismaNode("ProgressReport", {
  description: "A period's progress report: cumulative figures as of the period's end.",
  id: { field: "id" },
  authScopes: readsProjectOf,
  fields: (t) => ({
    period: t.expose("period", { type: "Period", description: "The period reported on; figures are as of its last day." }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      nullable: true,
      description: "累计完成投资 in yuan, cumulative to the period's end; null when not reported.",
    }),
    physicalProgress: t.expose("physicalProgress", {
      type: "Decimal",
      nullable: true,
      description: "工程形象进度 in percent (0–100); null when not reported.",
    }),
    note: t.exposeString("note", { nullable: true, description: "The reporter's remark." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    overBudgetReason: t.exposeString("overBudgetReason", {
      nullable: true,
      description: "Why completed investment exceeds the total, when it does.",
    }),
    correctionReason: t.exposeString("correctionReason", {
      nullable: true,
      description: "Why a cumulative figure is below the previous period's (a correction), when it is.",
    }),
    reportedBy: t.exposeString("reportedBy", { description: "Who reported it, or made its latest correction." }),
    reportedAt: t.string({
      description: "When it was reported or last corrected (ISO 8601, UTC).",
      resolve: (report) => report.reportedAt.toISOString(),
    }),
    version: t.exposeInt("version", {
      description: "1 as first reported, raised by each correction; send it as expectedVersion to correct the report.",
    }),
    earlierVersions: t.field({
      type: [ProgressReportVersionRef],
      description: "The figures each correction replaced, oldest first: nothing reported is ever overwritten.",
      resolve: async (report, _args, context) => (await earlierVersionsOf(context, report.id)) ?? [],
    }),
  }),
});

const ReportProgressInputRef = builder.inputType("ReportProgressInput", {
  description: "One period's progress of a project, cumulative to the period's end.",
  fields: (t) => ({
    projectCode: t.string({ required: true, description: "The project (or phase) reported on." }),
    period: t.string({ required: true, description: "The period: a month (2024-06), a quarter (2024Q2) or a year (2024)." }),
    completedInvestment: t.field({
      type: "Decimal",
      description: "累计完成投资 in yuan, cumulative. At most the total investment unless overBudgetReason is given.",
    }),
    physicalProgress: t.field({ type: "Decimal", description: "工程形象进度 in percent, 0–100." }),
    overBudgetReason: t.string({ description: "Needed when completed investment exceeds the project's total." }),
    correctionReason: t.string({ description: "Needed when a figure is below the previous period's." }),
    note: t.string({ description: "A remark, e.g. what was built this period." }),
  }),
});

const CorrectProgressInputRef = builder.inputType("CorrectProgressInput", {
  description: "A correction of a period's progress report: the figures it should have had, and why.",
  fields: (t) => ({
    projectCode: t.string({ required: true, description: "The project (or phase) whose report is corrected." }),
    period: t.string({ required: true, description: "The period of the report: 2024-06, 2024Q2 or 2024." }),
    expectedVersion: t.int({
      required: true,
      description: "The report's version you corrected (ProgressReport.version); a stale one is refused.",
    }),
    completedInvestment: t.field({ type: "Decimal", description: "累计完成投资 in yuan, cumulative." }),
    physicalProgress: t.field({ type: "Decimal", description: "工程形象进度 in percent, 0–100." }),
    overBudgetReason: t.string({ description: "Needed when completed investment exceeds the project's total." }),
    correctionReason: t.string({ required: true, description: "Why the reported figures were wrong." }),
    note: t.string({ description: "A remark." }),
  }),
});

builder.mutationFields((t) => ({
  reportProgress: t.prismaField({
    type: "ProgressReport",
    description:
      "Reports a period's progress of a project in a region you may edit (EDITOR). Each bad field is named; a period is reported once (correct it with correctProgressReport). Send an idempotencyKey so that a retried request reports once.",
    args: {
      input: t.arg({ type: ReportProgressInputRef, required: true, description: "The report." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { progressReportId } = await applyChange(context, "reportProgress", { input, idempotencyKey }, async (tx, author) => {
        await requireProjectEditable(tx, context, { code: input.projectCode }, "projectCode");
        const report = await reportProgress(tx, { ...input, reportedBy: author.name });
        return { progressReportId: report.id };
      });
      return context.prisma.progressReport.findUniqueOrThrow({ ...query, where: { id: progressReportId } });
    },
  }),
  correctProgressReport: t.prismaField({
    type: "ProgressReport",
    description:
      "Corrects a period's progress report (EDITOR): the corrected figures become its next version and the replaced ones stay readable in earlierVersions. Refused when someone changed the report since expectedVersion, or when the period is submitted or approved.",
    args: {
      input: t.arg({ type: CorrectProgressInputRef, required: true, description: "The correction." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { progressReportId } = await applyChange(
        context,
        "correctProgressReport",
        { input, idempotencyKey },
        async (tx, author) => {
          await requireProjectEditable(tx, context, { code: input.projectCode }, "projectCode");
          const report = await correctProgressReport(tx, { ...input, reportedBy: author.name });
          return { progressReportId: report.id };
        },
      );
      return context.prisma.progressReport.findUniqueOrThrow({ ...query, where: { id: progressReportId } });
    },
  }),
}));
