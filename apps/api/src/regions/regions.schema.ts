import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { percentOf } from "../common/percent.js";
import { type FundFlowGroup, fundFlow } from "../funds/fund-flow.js";
import { type InvestmentMonth, investmentOverTime } from "../projects/investment-over-time.js";
import { type InvestmentGroup, investmentSummary } from "../projects/investment-summary.js";
import { DATA_KINDS, dataYears } from "./data-years.js";
import { REGION_KINDS, REGION_LEVELS } from "./region-levels.js";

export const RegionLevelEnum = builder.enumType("RegionLevel", {
  description: "行政区划 level: province 省 → prefecture 市/州 → county 县/区 → township 乡/镇/街道 → village 村/社区.",
  values: REGION_LEVELS,
});

export const RegionKindEnum = builder.enumType("RegionKind", {
  description: "What kind of division a region is within its level (县, 区, 县级市, 开发区, 镇, 乡, 街道, 村, 社区 ...).",
  values: REGION_KINDS,
});

const DataKindEnum = builder.enumType("DataKind", {
  description:
    "What a year can have on record: PROGRESS reports, ANNUAL_INDICATORS values reported for the whole year (what the scorecard reads), FUNDS budget years.",
  values: DATA_KINDS,
});

/** What the current user may do in a region; computed from their grants, without a query. */
interface RegionAccess {
  read: boolean;
  edit: boolean;
  approve: boolean;
  administer: boolean;
}

const RegionAccessRef = builder.objectRef<RegionAccess>("RegionAccess").implement({
  description: "What the signed-in user may do in a region (their grants on it or above it); the dashboard hides the rest.",
  fields: (t) => ({
    read: t.exposeBoolean("read", { description: "May read the region's data." }),
    edit: t.exposeBoolean("edit", { description: "May enter and change its data (EDITOR)." }),
    approve: t.exposeBoolean("approve", { description: "May approve its submitted reports (APPROVER)." }),
    administer: t.exposeBoolean("administer", { description: "May manage its users and read its audit trail (ADMIN)." }),
  }),
});

export const RegionRef = builder.prismaNode("Region", {
  description: "A node of the administrative tree, from province down to village or community.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "统计用区划代码: the 12-digit national statistical division code." }),
    codeIsOfficial: t.exposeBoolean("codeIsOfficial", {
      description: "False when the code was generated in the official shape because the real one is not known.",
    }),
    level: t.expose("level", { type: RegionLevelEnum, description: "The region's level in the tree." }),
    kind: t.expose("kind", { type: RegionKindEnum, description: "The kind of division within its level." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name, e.g. 岑巩县." }),
    nameEn: t.exposeString("nameEn", { description: "English or pinyin name, e.g. Cengong County." }),
    access: t.field({
      type: RegionAccessRef,
      description: "What you may do here. Every signed-in user sees the tree's names; its data needs read.",
      resolve: (region, _args, { access }) => ({
        read: access.covers("read", region.path),
        edit: access.covers("edit", region.path),
        approve: access.covers("approve", region.path),
        administer: access.covers("admin", region.path),
      }),
    }),
    parent: t.relation("parent", { nullable: true, description: "The region one level up; null for a province." }),
    children: t.relation("children", {
      description: "The regions one level down, ordered by code.",
      query: { orderBy: { code: "asc" } },
    }),
    ancestors: t.prismaField({
      type: ["Region"],
      description:
        "The regions above this one, from the province down to its parent: a breadcrumb. One query per region: ask for it on one region, not on every item of a list (use parent there).",
      select: { path: true },
      resolve: (query, region, _args, context) =>
        context.prisma.region.findMany({
          ...query,
          where: { id: { in: region.path.filter((id) => id !== region.id) } },
          orderBy: { level: "asc" },
        }),
    }),
    descendants: t.prismaConnection({
      type: "Region",
      cursor: "id",
      description: "Regions at one level anywhere below this one (e.g. every village of a county), ordered by code.",
      args: { level: t.arg({ type: RegionLevelEnum, required: true, description: "The level to list." }) },
      totalCount: (region, args, context) =>
        context.prisma.region.count({ where: { path: { has: region.id }, level: args.level, NOT: { id: region.id } } }),
      resolve: (query, region, args, context) =>
        context.prisma.region.findMany({
          ...query,
          where: { path: { has: region.id }, level: args.level, NOT: { id: region.id } },
          orderBy: [{ code: "asc" }, { id: "asc" }],
        }),
    }),
    organizations: t.relation("organizations", {
      authScopes: readsRegion,
      description: "Bureaus, companies, cooperatives and committees registered in this region.",
      query: { orderBy: { name: "asc" } },
    }),
    dataYears: t.field({
      authScopes: readsRegion,
      type: ["Int"],
      description:
        "The years from the first to the last with anything of the given kinds on record for this region or below, oldest first.",
      args: { of: t.arg({ type: [DataKindEnum], description: "Only these kinds of record; all kinds by default." }) },
      resolve: (region, args, context) => dataYears(context.prisma, region.id, args.of ?? DATA_KINDS),
    }),
    assessments: t.relation("assessments", {
      authScopes: readsRegion,
      description: "Grades and titles the region was awarded, newest first.",
      query: { orderBy: [{ year: "desc" }, { scheme: "asc" }] },
    }),
  }),
});

const InvestmentGroupingEnum = builder.enumType("InvestmentGrouping", {
  description:
    "How to group a region's investment: by project CATEGORY, by STATUS, or by CHILD_REGION (the regions one level down).",
  values: ["CATEGORY", "STATUS", "CHILD_REGION"] as const,
});

const InvestmentGroupRef = builder.objectRef<InvestmentGroup>("InvestmentGroup").implement({
  description: "Planned and completed investment of one group of a region's projects.",
  fields: (t) => ({
    key: t.exposeString("key", {
      nullable: true,
      description: "Category code, status, or child region code; null for projects registered at the region itself (本级).",
    }),
    label: t.exposeString("label", {
      nullable: true,
      description: "Chinese name of the category or child region; the status otherwise.",
    }),
    labelEn: t.exposeString("labelEn", {
      nullable: true,
      description: "English name of the category or child region; the status otherwise.",
    }),
    projectCount: t.exposeInt("projectCount", {
      description: "Top-level projects in the group (phases count with their project).",
    }),
    plannedInvestment: t.expose("plannedInvestment", { type: "Decimal", description: "Sum of total investment, in yuan." }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      description: "Sum of the latest completed investment, in yuan (phases rolled up into their project).",
    }),
    completionRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "Completed as a percentage of planned, two decimals; null when nothing is planned.",
      resolve: (group) => percentOf(group.completedInvestment, group.plannedInvestment),
    }),
  }),
});

builder.objectField(RegionRef, "investmentSummary", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [InvestmentGroupRef],
    description:
      "Planned vs completed investment of every project in this region and below, grouped; computed in one SQL statement.",
    args: { groupBy: t.arg({ type: InvestmentGroupingEnum, required: true, description: "How to group." }) },
    resolve: (region, args, context) => investmentSummary(context.prisma, region.id, args.groupBy),
  }),
);

const FundFlowGroupingEnum = builder.enumType("FundFlowGrouping", {
  description:
    "How to group a region's fund flow: by fund SOURCE_TYPE, budget YEAR, CHILD_REGION managing the fund, or the PROJECT_CATEGORY the money went to.",
  values: ["SOURCE_TYPE", "YEAR", "CHILD_REGION", "PROJECT_CATEGORY"] as const,
});

const FundFlowGroupRef = builder.objectRef<FundFlowGroup>("FundFlowGroup").implement({
  description: "What one group of a region's funds held, allocated and paid.",
  fields: (t) => ({
    key: t.exposeString("key", { nullable: true, description: "Source type, year, child region code or project category code." }),
    label: t.exposeString("label", {
      nullable: true,
      description: "Chinese name of the child region or category; the key otherwise.",
    }),
    labelEn: t.exposeString("labelEn", {
      nullable: true,
      description: "English name of the child region or category; the key otherwise.",
    }),
    fundAmount: t.expose("fundAmount", {
      type: "Decimal",
      nullable: true,
      description: "The funds' amounts in yuan; null when grouping by project category, which splits funds.",
    }),
    allocated: t.expose("allocated", { type: "Decimal", description: "资金安排: allocated to projects, in yuan." }),
    disbursed: t.expose("disbursed", { type: "Decimal", description: "拨付: paid against those allocations, in yuan." }),
    allocatedToIndustry: t.expose("allocatedToIndustry", {
      type: "Decimal",
      description: "Allocated to industry projects (产业项目), in yuan.",
    }),
    disbursementRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "Paid as a percentage of allocated, two decimals.",
      resolve: (group) => percentOf(group.disbursed, group.allocated),
    }),
    industryShare: t.field({
      type: "Decimal",
      nullable: true,
      description: "Share of the allocations that went to industry projects, in percent (e.g. ≥ 65 for central bridging funds).",
      resolve: (group) => percentOf(group.allocatedToIndustry, group.allocated),
    }),
  }),
});

builder.objectField(RegionRef, "fundFlow", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [FundFlowGroupRef],
    description: "Where the money of the funds managed in this region and below went, grouped; one SQL statement.",
    args: { groupBy: t.arg({ type: FundFlowGroupingEnum, required: true, description: "How to group." }) },
    resolve: (region, args, context) => fundFlow(context.prisma, region.id, args.groupBy),
  }),
);

const InvestmentMonthRef = builder.objectRef<InvestmentMonth>("InvestmentMonth").implement({
  description: "Cumulative planned and completed investment at the end of one month.",
  fields: (t) => ({
    month: t.exposeString("month", { description: "The month, e.g. 2020-12." }),
    planned: t.expose("planned", {
      type: "Decimal",
      description: "Cumulative planned investment in yuan: each project's total spread evenly over its planned months.",
    }),
    completed: t.expose("completed", {
      type: "Decimal",
      description: "Cumulative completed investment in yuan: each project's latest report as of the month's end.",
    }),
  }),
});

builder.objectField(RegionRef, "investmentOverTime", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [InvestmentMonthRef],
    description:
      "Planned vs completed investment of this region's projects, month by month (at most 120 months); one SQL statement.",
    args: {
      from: t.arg({ type: "Period", required: true, description: "First month (or the start of a quarter or year)." }),
      to: t.arg({ type: "Period", required: true, description: "Last month (or the end of a quarter or year)." }),
    },
    resolve: (region, args, context) => investmentOverTime(context.prisma, region.id, args.from, args.to),
  }),
);

builder.prismaObject("Organization", {
  description: "单位: a bureau, company, cooperative or village committee.",
  // A county bureau implements projects in its towns: visible to the towns' users too.
  authScopes: (organization) => ({ readsOrServes: organization.regionId }),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Its name, e.g. 岑巩县水务局." }),
    kind: t.exposeString("kind", {
      description:
        "GOVERNMENT_AGENCY, TOWNSHIP_GOVERNMENT, VILLAGE_COMMITTEE, STATE_COMPANY, PRIVATE_COMPANY, COOPERATIVE or OTHER.",
    }),
    region: t.relation("region", { description: "Where it is registered." }),
  }),
});

builder.prismaObject("Assessment", {
  description: "A grade or title a higher level awarded a region, e.g. the province's assessment graded 好.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year assessed." }),
    scheme: t.exposeString("scheme", { description: "The scheme, as published." }),
    grade: t.exposeString("grade", { description: "The grade or title, as published." }),
    source: t.exposeString("source", { nullable: true, description: "Where it is published." }),
  }),
});

builder.queryFields((t) => ({
  region: t.prismaField({
    type: "Region",
    nullable: true,
    description: "One region by its 12-digit division code, e.g. 522626000000 for 岑巩县.",
    args: { code: t.arg.string({ required: true, description: "The 12-digit division code." }) },
    resolve: (query, _root, args, context) => context.prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
  provinces: t.prismaField({
    type: ["Region"],
    description: "The roots of the tree: every province, ordered by code.",
    resolve: (query, _root, _args, context) =>
      context.prisma.region.findMany({ ...query, where: { level: "PROVINCE" }, orderBy: { code: "asc" } }),
  }),
}));
