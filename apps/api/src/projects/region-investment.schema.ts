import { readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { percentOf } from "../common/percent.js";
import { RegionRef } from "../regions/regions.schema.js";
import { type ChildInvestment, investmentByChild } from "./investment-by-child.js";
import { type InvestmentMonth, investmentOverTime } from "./investment-over-time.js";
import { type InvestmentGroup, investmentSummary } from "./investment-summary.js";
import { type InvestmentYearOnYear, investmentYearOnYear } from "./investment-year-on-year.js";

/**
 * A region's investment figures, which the projects domain computes: attached to Region from
 * here, so the regions domain knows nothing of projects.
 */

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
    resolve: (region, args, context) => investmentSummary(context.prisma, region, args.groupBy, context.figures),
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
    resolve: (region, args, context) => investmentOverTime(context.prisma, region, args.from, args.to, context.figures),
  }),
);

const InvestmentYearOnYearRef = builder.objectRef<InvestmentYearOnYear>("InvestmentYearOnYear").implement({
  description: "A region's investment as of a day and as of the same day a year before.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "The end of the period asked for.", resolve: (y) => y.asOf }),
    yearBeforeAsOf: t.field({ type: "Date", description: "The same day a year before.", resolve: (y) => y.yearBeforeAsOf }),
    completed: t.field({
      type: "Decimal",
      description: "Completed investment as of asOf, in yuan.",
      resolve: (y) => y.completed,
    }),
    completedYearBefore: t.field({
      type: "Decimal",
      description: "Completed investment a year before, in yuan.",
      resolve: (y) => y.completedYearBefore,
    }),
    planned: t.field({
      type: "Decimal",
      description: "Planned investment as of asOf (totals spread over the planned months), in yuan.",
      resolve: (y) => y.planned,
    }),
    plannedYearBefore: t.field({
      type: "Decimal",
      description: "Planned investment a year before, in yuan.",
      resolve: (y) => y.plannedYearBefore,
    }),
  }),
});

builder.objectField(RegionRef, "investmentYearOnYear", (t) =>
  t.field({
    authScopes: readsRegion,
    type: InvestmentYearOnYearRef,
    description:
      "Completed and planned investment of this region and below as of a period's end, beside the same day a year before; one SQL statement.",
    args: {
      period: t.arg({ type: "Period", required: true, description: "A year (2024), quarter or month: its last day is asOf." }),
    },
    resolve: (region, args, context) => investmentYearOnYear(context.prisma, region, args.period, context.figures),
  }),
);

const TreeViewEnum = builder.enumType("TreeView", {
  description:
    "Which tree a summary's regions follow: TODAY, as the tree stands now (a merged town's past counted in its successor), or THEN, as it stood at each month's end (the merged town apart until its merger).",
  values: ["TODAY", "THEN"] as const,
});

const ChildInvestmentRef = builder.objectRef<ChildInvestment>("ChildInvestment").implement({
  description: "One year's growth of investment of one region one level down (or of the region's own projects).",
  fields: (t) => ({
    region: t.prismaField({
      type: "Region",
      nullable: true,
      description: "The region one level down; null for projects registered at the region itself (本级).",
      resolve: (query, row, _args, context) =>
        row.regionId === null ? null : context.prisma.region.findUnique({ ...query, where: { id: row.regionId } }),
    }),
    nameZh: t.exposeString("nameZh", {
      nullable: true,
      description: "Its Chinese name in the tree asked for (THEN: as of the year's end, or its last day).",
    }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "Its English name likewise." }),
    ceasedOn: t.expose("ceasedOn", {
      type: "Date",
      nullable: true,
      description: "The day it was merged into another, if it was.",
    }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      description: "Completed investment added in the year, in yuan (each project's latest report at each month's end).",
    }),
    plannedInvestment: t.expose("plannedInvestment", {
      type: "Decimal",
      description: "Planned investment falling in the year, in yuan (totals spread over their planned months).",
    }),
  }),
});

builder.objectField(RegionRef, "investmentByChild", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [ChildInvestmentRef],
    description:
      "A year's planned and completed investment of this region by the regions one level down, as the tree stands today or as it stood then; both add up to the same total. One SQL statement.",
    args: {
      year: t.arg.int({ required: true, description: "The year." }),
      tree: t.arg({ type: TreeViewEnum, defaultValue: "TODAY", required: true, description: "TODAY (default) or THEN." }),
    },
    resolve: (region, args, context) => investmentByChild(context.prisma, region.id, args.year, args.tree, context.figures),
  }),
);
