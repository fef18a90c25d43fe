import type { Period } from "@revita/schema/period";
import { builder } from "../builder.js";
import type { Context } from "../context.js";
import { requireRegionId } from "../regions/regions.service.js";
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, PILLARS } from "./indicators.service.js";

export const PillarEnum = builder.enumType("Pillar", {
  description:
    "五大振兴: 产业兴旺 INDUSTRY, 生态宜居 ECOLOGY, 乡风文明 CIVILITY, 治理有效 GOVERNANCE, 生活富裕 PROSPERITY; plus 巩固拓展脱贫攻坚成果 POVERTY_CONSOLIDATION.",
  values: PILLARS,
});

export const IndicatorDirectionEnum = builder.enumType("IndicatorDirection", {
  description: "Whether a higher value is good news.",
  values: INDICATOR_DIRECTIONS,
});

export const IndicatorAggregationEnum = builder.enumType("IndicatorAggregation", {
  description:
    "How values roll up from child regions: SUM for counts, WEIGHTED_AVERAGE by another indicator for rates, RATIO of two summed indicators, NOT_AGGREGATED where only reported values mean anything.",
  values: INDICATOR_AGGREGATIONS,
});

builder.prismaNode("Indicator", {
  description: "指标: an indicator the province scores regions on.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable code, e.g. RURAL_SEWAGE_COVERAGE." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    nameEn: t.exposeString("nameEn", { description: "English name." }),
    unit: t.exposeString("unit", { description: "Unit as published: %, 户, 人, 元, 亩 ..." }),
    pillar: t.expose("pillar", { type: PillarEnum, description: "The pillar it belongs to." }),
    direction: t.expose("direction", { type: IndicatorDirectionEnum, description: "Whether higher is better." }),
    aggregation: t.expose("aggregation", { type: IndicatorAggregationEnum, description: "How it rolls up the hierarchy." }),
    decimals: t.exposeInt("decimals", { description: "Decimal places to show." }),
    description: t.exposeString("description", { nullable: true, description: "What exactly is measured." }),
    weightIndicator: t.relation("weightIndicator", { nullable: true, description: "For WEIGHTED_AVERAGE: the weights." }),
    numeratorIndicator: t.relation("numeratorIndicator", { nullable: true, description: "For RATIO: the numerator." }),
    denominatorIndicator: t.relation("denominatorIndicator", { nullable: true, description: "For RATIO: the denominator." }),
  }),
});

builder.prismaNode("IndicatorValue", {
  description: "One indicator's reported value for one region and period, with its target and baseline.",
  id: { field: "id" },
  fields: (t) => ({
    period: t.expose("period", { type: "Period", description: "The period the value is for." }),
    value: t.expose("value", { type: "Decimal", description: "The reported value, in the indicator's unit." }),
    target: t.expose("target", { type: "Decimal", nullable: true, description: "目标值, if one was set." }),
    baseline: t.expose("baseline", { type: "Decimal", nullable: true, description: "基期值, if one was given." }),
    note: t.exposeString("note", { nullable: true, description: "How the figure was qualified (≥, 约, 余 ...)." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figure comes from." }),
    indicator: t.relation("indicator", { description: "The indicator." }),
    region: t.relation("region", { description: "The region it was reported for." }),
  }),
});

builder.queryFields((t) => ({
  indicators: t.prismaField({
    type: ["Indicator"],
    description: "Every indicator definition, by pillar then code.",
    args: { pillar: t.arg({ type: PillarEnum, description: "Only this pillar's indicators." }) },
    resolve: (query, _root, args, context) =>
      context.prisma.indicator.findMany({
        ...query,
        where: args.pillar ? { pillar: args.pillar } : {},
        orderBy: [{ pillar: "asc" }, { code: "asc" }],
      }),
  }),
  indicatorValues: t.prismaConnection({
    type: "IndicatorValue",
    cursor: "id",
    description: "Reported values for a region and everything below it, oldest period first.",
    args: {
      regionCode: t.arg.string({ required: true, description: "The region's 12-digit division code; its subtree is included." }),
      indicatorCode: t.arg.string({ description: "Only this indicator's values." }),
      from: t.arg({ type: "Period", description: "Only periods ending on or after this period's start (e.g. 2020)." }),
      to: t.arg({ type: "Period", description: "Only periods starting on or before this period's end (e.g. 2023Q4)." }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.indicatorValue.count({ where: await valueFilter(context, args) }),
    resolve: async (query, _root, args, context) =>
      context.prisma.indicatorValue.findMany({
        ...query,
        where: await valueFilter(context, args),
        orderBy: [{ periodStart: "asc" }, { id: "asc" }],
      }),
  }),
}));

async function valueFilter(
  context: Context,
  args: { regionCode: string; indicatorCode?: string | null; from?: Period | null; to?: Period | null },
) {
  const regionId = await requireRegionId(context.prisma, args.regionCode);
  return {
    region: { path: { has: regionId } },
    ...(args.indicatorCode ? { indicator: { code: args.indicatorCode } } : {}),
    ...(args.from ? { periodEnd: { gte: new Date(`${args.from.start}T00:00:00Z`) } } : {}),
    ...(args.to ? { periodStart: { lte: new Date(`${args.to.end}T00:00:00Z`) } } : {}),
  };
}
