import { readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { percentOf } from "../common/percent.js";
import { Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import {
  type IndicatorReporting,
  type IndicatorReportingGroup,
  indicatorReporting,
  type MissingReport,
  type MissingValue,
  type ProgressReporting,
  progressReporting,
  type ReportingCounts,
  type ReportingGroup,
} from "./progress-reporting.js";

const ReportingGroupByEnum = builder.enumType("ReportingGroupBy", {
  description:
    "How to break reporting down: by the region one level down (CHILD_REGION) or by the project's implementing unit (IMPLEMENTING_UNIT).",
  values: ["CHILD_REGION", "IMPLEMENTING_UNIT"] as const,
});

const rate = (part: number, whole: number) => percentOf(new Prisma.Decimal(part), new Prisma.Decimal(whole));

const MissingReportRef = builder.objectRef<MissingReport>("MissingReport").implement({
  description: "A month a project under way has not reported.",
  fields: (t) => ({
    projectCode: t.exposeString("projectCode", { description: "The project's (or phase's) code." }),
    nameZh: t.exposeString("nameZh", { description: "Its Chinese name." }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "Its English name, where given." }),
    period: t.field({ type: "Period", description: "The month not reported.", resolve: (m) => m.period }),
    lastReport: t.field({
      type: "Date",
      nullable: true,
      description: "The end of its latest report before that month; null if it never reported.",
      resolve: (m) => m.lastReport,
    }),
  }),
});

const ReportingCountsRef = builder.interfaceRef<ReportingCounts>("ReportingCounts").implement({
  description: "Monthly progress reports expected, received on time or late, and missing.",
  fields: (t) => ({
    expected: t.exposeInt("expected", {
      description: "Monthly reports expected: one a month from each project or phase under way that reports.",
    }),
    received: t.exposeInt("received", { description: "Reports received for those months." }),
    onTime: t.exposeInt("onTime", {
      description: "Received by the due day (the 10th of the next month unless the county set otherwise).",
    }),
    late: t.exposeInt("late", { description: "Received after the due day." }),
    missing: t.exposeInt("missing", { description: "Not received." }),
    reportingRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "received / expected, in percent (DHIS2's reporting rate); null when nothing was expected.",
      resolve: (c) => rate(c.received, c.expected),
    }),
    onTimeRate: t.field({
      type: "Decimal",
      nullable: true,
      description: "onTime / expected, in percent; null when nothing was expected.",
      resolve: (c) => rate(c.onTime, c.expected),
    }),
  }),
});

const ReportingGroupRef = builder.objectRef<ReportingGroup>("ReportingGroup").implement({
  description: "Reporting of one region below, or of one implementing unit.",
  interfaces: [ReportingCountsRef],
  fields: (t) => ({
    key: t.exposeString("key", {
      nullable: true,
      description: "The region's code or the unit's id; null for the region's own projects (or those without a unit).",
    }),
    label: t.exposeString("label", { nullable: true, description: "Its Chinese name." }),
    labelEn: t.exposeString("labelEn", { nullable: true, description: "Its English name, where there is one." }),
    missingReports: t.expose("missingReports", {
      type: [MissingReportRef],
      description: "The first 20 missing reports, oldest month first.",
    }),
  }),
});

const ProgressReportingRef = builder.objectRef<ProgressReporting>("ProgressReporting").implement({
  description: "Reporting completeness and timeliness of monthly progress in a region and below, for a period.",
  interfaces: [ReportingCountsRef],
  fields: (t) => ({
    groups: t.expose("groups", { type: [ReportingGroupRef], description: "Broken down, the most missing first." }),
  }),
});

builder.objectField(RegionRef, "progressReporting", (t) =>
  t.field({
    authScopes: readsRegion,
    type: ProgressReportingRef,
    description:
      "Who reported monthly progress for a period (a month, or every month of a quarter or year), on time or late, and what is missing: per region below or per implementing unit. One SQL statement.",
    args: {
      period: t.arg({ type: "Period", required: true, description: "A month (2026-10), a quarter or a year." }),
      groupBy: t.arg({
        type: ReportingGroupByEnum,
        defaultValue: "CHILD_REGION",
        description: "Per region below (default) or per implementing unit.",
      }),
    },
    resolve: (region, args, context) => progressReporting(context.prisma, region.id, args.period, args.groupBy ?? "CHILD_REGION"),
  }),
);

const MissingValueRef = builder.objectRef<MissingValue>("MissingIndicatorValue").implement({
  description: "An indicator a region reported for earlier periods of the kind but not for this one.",
  fields: (t) => ({
    indicatorCode: t.exposeString("indicatorCode", { description: "The indicator's code." }),
    nameZh: t.exposeString("nameZh", { description: "The indicator's Chinese name." }),
    nameEn: t.exposeString("nameEn", { description: "The indicator's English name." }),
    regionCode: t.exposeString("regionCode", { description: "The region that has not reported it." }),
    regionNameZh: t.exposeString("regionNameZh", { description: "That region's Chinese name." }),
    regionNameEn: t.exposeString("regionNameEn", { description: "That region's English name." }),
    lastPeriod: t.exposeString("lastPeriod", {
      nullable: true,
      description: "The last period of the kind it reported the indicator for.",
    }),
  }),
});

const IndicatorReportingGroupRef = builder.objectRef<IndicatorReportingGroup>("IndicatorReportingGroup").implement({
  description: "Indicator reporting of one region below (its subtree), or of the region itself.",
  interfaces: [ReportingCountsRef],
  fields: (t) => ({
    key: t.exposeString("key", { nullable: true, description: "The region's code; null for the region's own values." }),
    label: t.exposeString("label", { nullable: true, description: "Its Chinese name." }),
    labelEn: t.exposeString("labelEn", { nullable: true, description: "Its English name." }),
    missingValues: t.expose("missingValues", { type: [MissingValueRef], description: "The first 20 values missing." }),
  }),
});

const IndicatorReportingRef = builder.objectRef<IndicatorReporting>("IndicatorReporting").implement({
  description: "Reporting completeness and timeliness of indicator values in a region and below, for a period.",
  interfaces: [ReportingCountsRef],
  fields: (t) => ({
    groups: t.expose("groups", { type: [IndicatorReportingGroupRef], description: "Per region below, the most missing first." }),
  }),
});

builder.objectField(RegionRef, "indicatorReporting", (t) =>
  t.field({
    authScopes: readsRegion,
    type: IndicatorReportingRef,
    description:
      "Indicator values by their periodicity: each region of the subtree that reported an indicator for an earlier period of the same kind (year, quarter or month) is expected to report it for this one; received on time (by the period's end plus the due days) or late, and what is missing, per region below. One SQL statement.",
    args: {
      period: t.arg({ type: "Period", required: true, description: "A year (2023), a quarter (2023Q2) or a month (2023-06)." }),
    },
    resolve: (region, args, context) => indicatorReporting(context.prisma, region.id, args.period),
  }),
);
