import { readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { percentOf } from "../common/percent.js";
import { RegionRef } from "../regions/regions.schema.js";
import { type FundFlowGroup, fundFlow } from "./fund-flow.js";
import { type FundsYearOnYear, fundsYearOnYear } from "./funds-year-on-year.js";

/** Where a region's money went, which the funds domain computes: attached to Region from here. */

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
    description:
      "Where the money of the funds managed in this region and below went (or, with received, what reached its projects), grouped; one SQL statement.",
    args: {
      groupBy: t.arg({ type: FundFlowGroupingEnum, required: true, description: "How to group." }),
      year: t.arg.int({
        description: "Only funds whose years include this year (as funds(year:) filters); all funds without it.",
      }),
      received: t.arg.boolean({
        description:
          "Count what reached this region's projects instead, whoever manages the fund (a town's projects on the district's funds); fundAmount is then null.",
      }),
    },
    resolve: (region, args, context) =>
      fundFlow(context.prisma, region.id, args.groupBy, args.year ?? null, { received: args.received ?? false }),
  }),
);

const FundsYearOnYearRef = builder.objectRef<FundsYearOnYear>("FundsYearOnYear").implement({
  description: "Money allocated and paid out from a region's funds by a day, and by the same day a year before.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "The end of the period asked for.", resolve: (y) => y.asOf }),
    yearBeforeAsOf: t.field({ type: "Date", description: "The same day a year before.", resolve: (y) => y.yearBeforeAsOf }),
    allocated: t.field({ type: "Decimal", description: "Allocated to projects by asOf, in yuan.", resolve: (y) => y.allocated }),
    allocatedYearBefore: t.field({
      type: "Decimal",
      description: "Allocated a year before, in yuan.",
      resolve: (y) => y.allocatedYearBefore,
    }),
    disbursed: t.field({ type: "Decimal", description: "Paid out by asOf, in yuan.", resolve: (y) => y.disbursed }),
    disbursedYearBefore: t.field({
      type: "Decimal",
      description: "Paid out a year before, in yuan.",
      resolve: (y) => y.disbursedYearBefore,
    }),
  }),
});

builder.objectField(RegionRef, "fundsYearOnYear", (t) =>
  t.field({
    authScopes: readsRegion,
    type: FundsYearOnYearRef,
    description:
      "Allocations and payments of the funds managed in this region and below by a period's end, beside the same day a year before; one SQL statement.",
    args: {
      period: t.arg({ type: "Period", required: true, description: "A year (2024), quarter or month: its last day is asOf." }),
    },
    resolve: (region, args, context) => fundsYearOnYear(context.prisma, region.id, args.period),
  }),
);
