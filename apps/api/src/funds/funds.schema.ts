import { readsProjectOf } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireProjectEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import { allocateFund, FUND_LEVELS, FUND_SOURCE_TYPES, PERFORMANCE_GRADES, recordDisbursement } from "./funds.service.js";

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

builder.mutationFields((t) => ({
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
