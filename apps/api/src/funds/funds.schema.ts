import { readsProjectOf } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { requireRegionId } from "../regions/regions.service.js";
import { FUND_LEVELS, FUND_SOURCE_TYPES, PERFORMANCE_GRADES } from "./funds.service.js";

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
    allocatedOn: t.expose("allocatedOn", { type: "Date", description: "When it was allocated." }),
    note: t.exposeString("note", { nullable: true, description: "Remarks." }),
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
      context.prisma.fund.count({ where: fundFilter(await requireRegionId(context.prisma, args.regionCode), args) }),
    resolve: async (query, _root, args, context) => {
      const regionId = await requireRegionId(context.prisma, args.regionCode);
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
