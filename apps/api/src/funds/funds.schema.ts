import { readsProjectOf } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability, requireProjectEditable, requireRegionEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import type { Context } from "../context.js";
import type { DbClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  allocateFund,
  createFund,
  FUND_LEVELS,
  FUND_SOURCE_TYPES,
  PERFORMANCE_GRADES,
  reallocateFund,
  recordDisbursement,
  recordFundEvaluation,
  updateFund,
} from "./funds.service.js";

export const FundSourceTypeEnum = builder.enumType("FundSourceType", {
  description:
    "Where a fund's money comes from: 中央衔接资金 CENTRAL_BRIDGING, 财政专项 FISCAL_SPECIAL, 融资贷款 BANK_LOAN, 自筹 SELF_RAISED, 社会资本 SOCIAL_CAPITAL, 扶贫小额信贷 POVERTY_MICROCREDIT, 产业奖补 INDUSTRY_SUBSIDY.",
  values: FUND_SOURCE_TYPES,
});

export const FundLevelEnum = builder.enumType("FundLevel", {
  description: "The level of government providing a fund, or NON_GOVERNMENT for banks, companies and social capital.",
  values: FUND_LEVELS,
});

export const PerformanceGradeEnum = builder.enumType("PerformanceGrade", {
  description: "绩效评价: a fund's yearly evaluation grade, A best.",
  values: PERFORMANCE_GRADES,
});

builder.prismaNode("Fund", {
  description: "资金: money from one source, managed by one region, for a budget year or a span of years.",
  id: { field: "id" },
  // A county's fund serves its towns: their users see it, and only their own allocations from it.
  authScopes: (fund) => ({ readsOrServes: fund.regionId }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable fund code." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    sourceType: t.expose("sourceType", { type: FundSourceTypeEnum, description: "Where the money comes from." }),
    level: t.expose("level", { type: FundLevelEnum, description: "Which level provides it." }),
    year: t.exposeInt("year", { description: "Budget year; for a multi-year envelope, its last year." }),
    startYear: t.exposeInt("startYear", { description: "First budget year; equal to year unless a multi-year envelope." }),
    amount: t.expose("amount", { type: "Decimal", description: "The fund's amount in yuan." }),
    version: t.exposeInt("version", { description: "Raised by every change (optimistic concurrency): send it back to edit." }),
    yearAmounts: t.field({
      type: [FundYearAmountRef],
      description:
        "A multi-year envelope's amount for each budget year, startYear first; empty for one year's fund, or when only the envelope's total is known.",
      select: { yearAmounts: true, startYear: true },
      resolve: (fund) => fund.yearAmounts.map((amount, index) => ({ year: fund.startYear + index, amount })),
    }),
    evaluations: t.relation("evaluations", {
      description: "绩效评价: the fund's yearly evaluations, latest year first.",
      query: { orderBy: [{ year: "desc" }] },
    }),
    performanceGrade: t.expose("performanceGrade", {
      type: PerformanceGradeEnum,
      nullable: true,
      description: "The latest evaluation grade, if evaluated.",
    }),
    note: t.exposeString("note", { nullable: true, description: "Remarks, e.g. how a published figure was qualified." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figures come from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    region: t.relation("region", { description: "The region managing the fund." }),
    allocations: t.relatedConnection("allocations", {
      cursor: "id",
      totalCount: true,
      description: "资金安排: the fund's allocations to projects, oldest first.",
      query: { orderBy: [{ allocatedOn: "asc" }, { id: "asc" }] },
    }),
  }),
});

interface FundYearAmount {
  year: number;
  amount: Prisma.Decimal;
}

const FundYearAmountRef = builder.objectRef<FundYearAmount>("FundYearAmount").implement({
  description: "One budget year's part of a multi-year fund.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The budget year." }),
    amount: t.expose("amount", { type: "Decimal", description: "Yuan for that year." }),
  }),
});

builder.prismaObject("FundEvaluation", {
  description: "资金绩效评价: one budget year's evaluation of a fund.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The budget year evaluated." }),
    grade: t.expose("grade", { type: PerformanceGradeEnum, description: "A best, D worst." }),
    score: t.expose("score", { type: "Decimal", nullable: true, description: "Score out of 100, where one was given." }),
    evaluatedOn: t.expose("evaluatedOn", { type: "Date", description: "When it was evaluated." }),
    evaluator: t.exposeString("evaluator", { description: "Who evaluated it, e.g. 县财政局." }),
    note: t.exposeString("note", { nullable: true, description: "Remarks, e.g. the evaluation report's number." }),
    source: t.exposeString("source", { nullable: true, description: "Where the evaluation is published." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    version: t.exposeInt("version", { description: "Send it back to correct this evaluation." }),
  }),
});

builder.prismaNode("FundAllocation", {
  description: "资金安排: part of a fund assigned to a project.",
  id: { field: "id" },
  authScopes: readsProjectOf,
  fields: (t) => ({
    amount: t.expose("amount", { type: "Decimal", description: "Allocated yuan." }),
    version: t.exposeInt("version", { description: "Raised by every change (optimistic concurrency)." }),
    allocatedOn: t.expose("allocatedOn", { type: "Date", description: "When it was allocated." }),
    note: t.exposeString("note", { nullable: true, description: "Remarks." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    overAllocationReason: t.exposeString("overAllocationReason", {
      nullable: true,
      description: "Why it was allocated above the project's total investment, where it was.",
    }),
    adjustmentReason: t.exposeString("adjustmentReason", {
      nullable: true,
      description: "调整原因: why it was last changed (each change with its reason is in the audit).",
    }),
    fund: t.relation("fund", { description: "The fund the money comes from." }),
    project: t.relation("project", { description: "The project receiving it." }),
    disbursements: t.relation("disbursements", {
      description: "拨付: payments against this allocation, oldest first.",
      query: { orderBy: [{ paidOn: "asc" }, { id: "asc" }] },
    }),
  }),
});

builder.prismaObject("Disbursement", {
  description: "拨付: a payment made against an allocation.",
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    amount: t.expose("amount", { type: "Decimal", description: "Paid yuan." }),
    paidOn: t.expose("paidOn", { type: "Date", description: "When it was paid." }),
    voucherNo: t.exposeString("voucherNo", { nullable: true, description: "Payment voucher number." }),
    note: t.exposeString("note", { nullable: true, description: "Remarks." }),
  }),
});

builder.queryFields((t) => ({
  funds: t.prismaConnection({
    type: "Fund",
    cursor: "id",
    description: "Funds managed by a region or any region below it, newest year first.",
    authScopes: (_root, args) => ({ readsCode: args.regionCode }),
    args: {
      regionCode: t.arg.string({ required: true, description: "The region's 12-digit division code; its subtree is included." }),
      year: t.arg.int({ description: "Only funds whose years include this year." }),
      sourceType: t.arg({ type: FundSourceTypeEnum, description: "Only funds from this source." }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.fund.count({ where: fundFilter(await context.regions.requireIdOfCode(args.regionCode), args) }),
    resolve: async (query, _root, args, context) => {
      const regionId = await context.regions.requireIdOfCode(args.regionCode);
      return context.prisma.fund.findMany({
        ...query,
        where: fundFilter(regionId, args),
        orderBy: [{ year: "desc" }, { code: "asc" }, { id: "asc" }],
      });
    },
  }),
}));

function fundFilter(regionId: number, args: { year?: number | null; sourceType?: (typeof FUND_SOURCE_TYPES)[number] | null }) {
  return {
    region: { path: { has: regionId } },
    ...(args.year != null ? { startYear: { lte: args.year }, year: { gte: args.year } } : {}),
    ...(args.sourceType ? { sourceType: args.sourceType } : {}),
  };
}

const AllocateFundInputRef = builder.inputType("AllocateFundInput", {
  description: "资金安排: part of a fund assigned to a project. A fund's allocations never exceed the fund.",
  fields: (t) => ({
    fundCode: t.string({ required: true, description: "The fund the money comes from." }),
    projectCode: t.string({ required: true, description: "The project receiving it (in a region you may edit)." }),
    amount: t.field({ type: "Decimal", required: true, description: "Yuan, more than zero." }),
    allocatedOn: t.field({ type: "Date", required: true, description: "When it was allocated (the document's date)." }),
    note: t.string({ description: "Remarks, e.g. the allocation document's number." }),
    overAllocationReason: t.string({
      description:
        "超概算安排原因: needed when the project's allocations would go above its total investment (kept only then; the project is then flagged OVER_ALLOCATED until its total covers them).",
    }),
  }),
});

const RecordDisbursementInputRef = builder.inputType("RecordDisbursementInput", {
  description: "拨付: a payment against an allocation. Payments never exceed the allocation.",
  fields: (t) => ({
    allocationId: t.globalID({ required: true, description: "The allocation paid against (FundAllocation.id)." }),
    amount: t.field({ type: "Decimal", required: true, description: "Yuan, more than zero." }),
    paidOn: t.field({ type: "Date", required: true, description: "When it was paid." }),
    voucherNo: t.string({ description: "Payment voucher number (凭证号)." }),
    note: t.string({ description: "Remarks." }),
  }),
});

const FUND_FIELDS_DESCRIPTION = {
  nameZh: "Chinese name, e.g. 2025年中央衔接推进乡村振兴补助资金.",
  year: "Budget year; for a multi-year envelope, its last year.",
  startYear: "First budget year of a multi-year envelope; the year itself when left out.",
  amount: "Yuan.",
  yearAmounts:
    "A multi-year envelope's amount for each year, startYear first, adding up to amount; leave out when only the total is known.",
  note: "Remarks, e.g. the allocation document's number (文号).",
  source: "Where the figures come from.",
};

const CreateFundInputRef = builder.inputType("CreateFundInput", {
  description: "登记资金: a fund managed by a region you may edit.",
  fields: (t) => ({
    code: t.string({ required: true, description: "A code unique among all funds, e.g. CG-F-2025-XJ." }),
    nameZh: t.string({ required: true, description: FUND_FIELDS_DESCRIPTION.nameZh }),
    sourceType: t.field({ type: FundSourceTypeEnum, required: true, description: "Where the money comes from." }),
    level: t.field({ type: FundLevelEnum, required: true, description: "Which level provides it." }),
    year: t.int({ required: true, description: FUND_FIELDS_DESCRIPTION.year }),
    startYear: t.int({ description: FUND_FIELDS_DESCRIPTION.startYear }),
    regionCode: t.string({ required: true, description: "The managing region's 12-digit code." }),
    amount: t.field({ type: "Decimal", required: true, description: FUND_FIELDS_DESCRIPTION.amount }),
    yearAmounts: t.field({ type: ["Decimal"], description: FUND_FIELDS_DESCRIPTION.yearAmounts }),
    note: t.string({ description: FUND_FIELDS_DESCRIPTION.note }),
    source: t.string({ description: FUND_FIELDS_DESCRIPTION.source }),
  }),
});

const UpdateFundInputRef = builder.inputType("UpdateFundInput", {
  description: "An edit of a fund: fields left out stay as they are; its managing region stays.",
  fields: (t) => ({
    code: t.string({ required: true, description: "The fund edited." }),
    expectedVersion: t.int({ required: true, description: "The version the edit was made from (Fund.version)." }),
    nameZh: t.string({ description: FUND_FIELDS_DESCRIPTION.nameZh }),
    sourceType: t.field({ type: FundSourceTypeEnum, description: "Where the money comes from." }),
    level: t.field({ type: FundLevelEnum, description: "Which level provides it." }),
    year: t.int({ description: FUND_FIELDS_DESCRIPTION.year }),
    startYear: t.int({ description: FUND_FIELDS_DESCRIPTION.startYear }),
    amount: t.field({ type: "Decimal", description: `${FUND_FIELDS_DESCRIPTION.amount} Never below what is allocated from it.` }),
    yearAmounts: t.field({
      type: ["Decimal"],
      description: `${FUND_FIELDS_DESCRIPTION.yearAmounts} An empty list removes the split.`,
    }),
    note: t.string({ description: FUND_FIELDS_DESCRIPTION.note }),
    source: t.string({ description: FUND_FIELDS_DESCRIPTION.source }),
  }),
});

const FundEvaluationInputRef = builder.inputType("FundEvaluationInput", {
  description: "资金绩效评价: one budget year's evaluation of a fund.",
  fields: (t) => ({
    fundCode: t.string({ required: true, description: "The fund evaluated." }),
    year: t.int({ required: true, description: "The budget year evaluated, within the fund's years." }),
    grade: t.field({ type: PerformanceGradeEnum, required: true, description: "A best, D worst." }),
    score: t.field({ type: "Decimal", description: "Score out of 100, where one was given." }),
    evaluatedOn: t.field({ type: "Date", required: true, description: "When it was evaluated." }),
    evaluator: t.string({ required: true, description: "Who evaluated it, e.g. 县财政局 or a third party." }),
    note: t.string({ description: "Remarks, e.g. the evaluation report's number." }),
    source: t.string({ description: "Where the evaluation is published." }),
    expectedVersion: t.int({ description: "To correct a year already evaluated: that evaluation's version." }),
  }),
});

const ReallocateFundInputRef = builder.inputType("ReallocateFundInput", {
  description:
    "调整/调剂: what an allocation keeps for its project; the difference goes back to the fund, or to another project of the same fund.",
  fields: (t) => ({
    allocationId: t.globalID({ required: true, description: "The allocation changed (FundAllocation.id)." }),
    expectedVersion: t.int({ required: true, description: "The version the change was made from (FundAllocation.version)." }),
    amount: t.field({
      type: "Decimal",
      required: true,
      description: "What stays allocated to the project; never below what was paid; 0 takes it all back when nothing was paid.",
    }),
    toProjectCode: t.string({ description: "调剂: the project receiving the difference (in a region you may edit)." }),
    allocatedOn: t.field({ type: "Date", description: "The receiving project's allocation date; needed with toProjectCode." }),
    reason: t.string({ required: true, description: "调整原因: why, kept with the change." }),
    overAllocationReason: t.string({
      description: "超概算安排原因: needed when the receiving project's allocations would go above its total investment.",
    }),
  }),
});

/** The API's own check that the asker may edit the fund's region; the policies check again. */
async function requireFundEditable(tx: DbClient, context: Context, code: string, field: string): Promise<void> {
  const fund = await tx.fund.findUnique({ where: { code }, select: { code: true, region: { select: { path: true } } } });
  if (fund) requireCapability(context, "edit", fund.region.path, { field, what: fund.code });
}

builder.mutationFields((t) => ({
  createFund: t.prismaField({
    type: "Fund",
    description:
      "登记资金: records a fund managed by a region you may edit (EDITOR); every bad field is named. Send an idempotencyKey so that a retried request records it once.",
    args: {
      input: t.arg({ type: CreateFundInputRef, required: true, description: "The fund." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { fundId } = await applyChange(context, "createFund", { input, idempotencyKey }, async (tx) => {
        await requireRegionEditable(tx, context, input.regionCode, "regionCode");
        const fund = await createFund(tx, {
          ...input,
          yearAmounts: input.yearAmounts?.map(String) ?? null,
          amount: String(input.amount),
        });
        return { fundId: fund.id };
      });
      return context.prisma.fund.findUniqueOrThrow({ ...query, where: { id: fundId } });
    },
  }),
  updateFund: t.prismaField({
    type: "Fund",
    description:
      "Edits a fund of a region you may edit (EDITOR) from the version you saw (CONFLICT if it changed since); its amount never goes below what is allocated from it.",
    args: {
      input: t.arg({ type: UpdateFundInputRef, required: true, description: "The fields to change." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { fundId } = await applyChange(context, "updateFund", { input, idempotencyKey }, async (tx) => {
        await requireFundEditable(tx, context, input.code, "code");
        const fund = await updateFund(tx, {
          ...input,
          amount: input.amount == null ? input.amount : String(input.amount),
          yearAmounts: input.yearAmounts?.map(String) ?? null,
        });
        return { fundId: fund.id };
      });
      return context.prisma.fund.findUniqueOrThrow({ ...query, where: { id: fundId } });
    },
  }),
  recordFundEvaluation: t.prismaField({
    type: "Fund",
    description:
      "绩效评价: records one year's evaluation of a fund of a region you may edit (EDITOR), or corrects it from its version; the fund's grade becomes its latest year's. Returns the fund.",
    args: {
      input: t.arg({ type: FundEvaluationInputRef, required: true, description: "The evaluation." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { fundId } = await applyChange(context, "recordFundEvaluation", { input, idempotencyKey }, async (tx) => {
        await requireFundEditable(tx, context, input.fundCode, "fundCode");
        const evaluation = await recordFundEvaluation(tx, {
          ...input,
          score: input.score == null ? null : String(input.score),
          evaluatedOn: input.evaluatedOn,
        });
        return { fundId: evaluation.fundId };
      });
      return context.prisma.fund.findUniqueOrThrow({ ...query, where: { id: fundId } });
    },
  }),
  reallocateFund: t.prismaField({
    type: "Fund",
    description:
      "调整/调剂: changes what an allocation of a project you may edit keeps (EDITOR), giving the difference back to the fund or to another project you may edit, always with a reason; refused by field with the figures (below what was paid, above the fund, above a project's total without a reason). Returns the fund with its allocations.",
    args: {
      input: t.arg({ type: ReallocateFundInputRef, required: true, description: "The change." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const allocationId = Number(input.allocationId.id);
      const { fundId } = await applyChange(context, "reallocateFund", { input, idempotencyKey }, async (tx) => {
        const allocation = await tx.fundAllocation.findUnique({
          where: { id: allocationId },
          select: { projectId: true, fundId: true },
        });
        if (allocation) await requireProjectEditable(tx, context, { id: allocation.projectId }, "allocationId");
        if (input.toProjectCode) await requireProjectEditable(tx, context, { code: input.toProjectCode }, "toProjectCode");
        await reallocateFund(tx, {
          ...input,
          allocationId,
          amount: String(input.amount),
          allocatedOn: input.allocatedOn ?? null,
        });
        return { fundId: allocation?.fundId ?? 0 };
      });
      return context.prisma.fund.findUniqueOrThrow({ ...query, where: { id: fundId } });
    },
  }),
  allocateFund: t.prismaField({
    type: "FundAllocation",
    description:
      "Allocates part of a fund to a project in a region you may edit (EDITOR); refused, naming the amounts, when the fund's allocations would exceed it. Send an idempotencyKey so that a retried request allocates once.",
    args: {
      input: t.arg({ type: AllocateFundInputRef, required: true, description: "The allocation." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { allocationId } = await applyChange(context, "allocateFund", { input, idempotencyKey }, async (tx) => {
        await requireProjectEditable(tx, context, { code: input.projectCode }, "projectCode");
        const allocation = await allocateFund(tx, input);
        return { allocationId: allocation.id };
      });
      return context.prisma.fundAllocation.findUniqueOrThrow({ ...query, where: { id: allocationId } });
    },
  }),
  recordDisbursement: t.prismaField({
    type: "FundAllocation",
    description:
      "Records a payment against an allocation of a project you may edit (EDITOR); refused, naming the amounts, when payments would exceed the allocation. Returns the allocation with its payments. Send an idempotencyKey so that a retried request pays once.",
    args: {
      input: t.arg({ type: RecordDisbursementInputRef, required: true, description: "The payment." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const allocationId = Number(input.allocationId.id);
      const { id } = await applyChange(context, "recordDisbursement", { input, idempotencyKey }, async (tx) => {
        const allocation = await tx.fundAllocation.findUnique({ where: { id: allocationId }, select: { projectId: true } });
        if (allocation) await requireProjectEditable(tx, context, { id: allocation.projectId }, "allocationId");
        await recordDisbursement(tx, { ...input, allocationId });
        return { id: allocationId };
      });
      return context.prisma.fundAllocation.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
