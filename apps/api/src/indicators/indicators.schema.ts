import type { Period } from "@revita/schema/period";
import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { percentOf } from "../common/percent.js";
import { selectsField } from "../common/selected-fields.js";
import type { Context } from "../context.js";
import type { Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import { computedIndicatorsWithFigures, computedPeriods } from "./computed-figures.js";
import { rollUpIndicator, rollUpIndicators } from "./indicator-rollup.js";
import {
  correctIndicatorValue,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  PILLARS,
  recordIndicatorValue,
} from "./indicators.service.js";

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
    minValue: t.expose("minValue", {
      type: "Decimal",
      nullable: true,
      description:
        "The smallest plausible value (0 for counts, areas, amounts and percentages); values, targets and baselines below it are refused.",
    }),
    maxValue: t.expose("maxValue", {
      type: "Decimal",
      nullable: true,
      description:
        "The largest plausible value (100 for a percentage; null: none); values, targets and baselines above it are refused.",
    }),
    description: t.exposeString("description", { nullable: true, description: "What exactly is measured." }),
    weightIndicator: t.relation("weightIndicator", { nullable: true, description: "For WEIGHTED_AVERAGE: the weights." }),
    numeratorIndicator: t.relation("numeratorIndicator", { nullable: true, description: "For RATIO: the numerator." }),
    denominatorIndicator: t.relation("denominatorIndicator", { nullable: true, description: "For RATIO: the denominator." }),
  }),
});

builder.prismaNode("IndicatorValue", {
  description: "One indicator's reported value for one region and period, with its target and baseline.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    period: t.expose("period", { type: "Period", description: "The period the value is for." }),
    value: t.expose("value", { type: "Decimal", description: "The reported value, in the indicator's unit." }),
    target: t.expose("target", { type: "Decimal", nullable: true, description: "目标值, if one was set." }),
    baseline: t.expose("baseline", { type: "Decimal", nullable: true, description: "基期值, if one was given." }),
    note: t.exposeString("note", { nullable: true, description: "How the figure was qualified (≥, 约, 余 ...)." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figure comes from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    reportedBy: t.exposeString("reportedBy", { description: "Who entered it, or made its latest correction." }),
    version: t.exposeInt("version", {
      description: "1 as first entered, raised by each correction; send it as expectedVersion to correct the value.",
    }),
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
    authScopes: (_root, args) => ({ readsCode: args.regionCode }),
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
  const regionId = await context.regions.requireIdOfCode(args.regionCode);
  return {
    region: { path: { has: regionId } },
    ...(args.indicatorCode ? { indicator: { code: args.indicatorCode } } : {}),
    ...(args.from ? { periodEnd: { gte: new Date(`${args.from.start}T00:00:00Z`) } } : {}),
    ...(args.to ? { periodStart: { lte: new Date(`${args.to.end}T00:00:00Z`) } } : {}),
  };
}

export interface IndicatorStanding {
  value: Prisma.Decimal | null;
  reported: boolean;
  target: Prisma.Decimal | null;
  baseline: Prisma.Decimal | null;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
}

/** Whether a value meets its target in the indicator's direction; null without both. */
export function meetsTarget(standing: IndicatorStanding): boolean | null {
  if (!standing.value || !standing.target) return null;
  return standing.direction === "HIGHER_IS_BETTER"
    ? standing.value.greaterThanOrEqualTo(standing.target)
    : standing.value.lessThanOrEqualTo(standing.target);
}

export const IndicatorStandingRef = builder.objectRef<IndicatorStanding>("IndicatorStanding").implement({
  description:
    "A region's value of one indicator in one period, reported or rolled up from the regions below, against target and baseline.",
  fields: (t) => ({
    value: t.expose("value", {
      type: "Decimal",
      nullable: true,
      description: "The value; null when neither the region nor any region below reported it.",
    }),
    reported: t.exposeBoolean("reported", {
      description: "True when the region reported the value itself; false when rolled up by the indicator's rule.",
    }),
    target: t.expose("target", { type: "Decimal", nullable: true, description: "目标值 reported with the value, if any." }),
    baseline: t.expose("baseline", { type: "Decimal", nullable: true, description: "基期值 reported with the value, if any." }),
    percentOfTarget: t.field({
      type: "Decimal",
      nullable: true,
      description: "Value as a percentage of the target, two decimals (102.10 means 2.1% above).",
      resolve: (standing) => (standing.value && standing.target ? percentOf(standing.value, standing.target) : null),
    }),
    changeFromBaseline: t.field({
      type: "Decimal",
      nullable: true,
      description: "Value minus baseline, in the indicator's unit.",
      resolve: (standing) => (standing.value && standing.baseline ? standing.value.minus(standing.baseline) : null),
    }),
    onTarget: t.field({
      type: "Boolean",
      nullable: true,
      description: "Whether the value meets the target in the indicator's direction; null without both.",
      resolve: meetsTarget,
    }),
  }),
});

export interface RankedRegion {
  rank: number;
  regionCode: string;
  regionNameZh: string;
  value: Prisma.Decimal;
  reported: boolean;
}

export const RankedRegionRef = builder.objectRef<RankedRegion>("RankedRegion").implement({
  description: "One child region's place in a ranking on an indicator.",
  fields: (t) => ({
    rank: t.exposeInt("rank", { description: "1 for the best, by the indicator's direction; equal values share a rank." }),
    regionCode: t.exposeString("regionCode", { description: "The child region's division code." }),
    regionNameZh: t.exposeString("regionNameZh", { description: "The child region's Chinese name." }),
    value: t.expose("value", { type: "Decimal", description: "Its value, reported or rolled up." }),
    reported: t.exposeBoolean("reported", { description: "True when the child region reported the value itself." }),
  }),
});

builder.objectField(RegionRef, "indicatorStanding", (t) =>
  t.field({
    authScopes: readsRegion,
    type: IndicatorStandingRef,
    description:
      "This region's value of an indicator in a period: its own report, or rolled up from below by the indicator's rule.",
    args: {
      indicatorCode: t.arg.string({ required: true, description: "The indicator, e.g. RURAL_SEWAGE_COVERAGE." }),
      period: t.arg({ type: "Period", required: true, description: "The period, e.g. 2023." }),
    },
    resolve: async (region, args, context) => {
      const [values, own, indicator] = await Promise.all([
        rollUpIndicator(context.prisma, args.indicatorCode, region.id, [args.period.key]),
        context.prisma.indicatorValue.findFirst({
          where: { regionId: region.id, period: args.period.key, indicator: { code: args.indicatorCode } },
          select: { target: true, baseline: true },
        }),
        context.prisma.indicator.findUnique({ where: { code: args.indicatorCode }, select: { direction: true } }),
      ]);
      const mine = values.find((value) => value.regionId === region.id);
      return {
        value: mine?.value ?? null,
        reported: mine?.reported ?? false,
        target: own?.target ?? null,
        baseline: own?.baseline ?? null,
        direction: indicator?.direction ?? "HIGHER_IS_BETTER",
      };
    },
  }),
);

builder.objectField(RegionRef, "indicatorRanking", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [RankedRegionRef],
    description:
      "The regions one level down ranked on an indicator in a period, best first by the indicator's direction; regions without a value are left out.",
    args: {
      indicatorCode: t.arg.string({ required: true, description: "The indicator, e.g. RURAL_SEWAGE_COVERAGE." }),
      period: t.arg({ type: "Period", required: true, description: "The period, e.g. 2023." }),
    },
    resolve: async (region, args, context) => {
      const [values, indicator] = await Promise.all([
        rollUpIndicator(context.prisma, args.indicatorCode, region.id, [args.period.key]),
        context.prisma.indicator.findUnique({ where: { code: args.indicatorCode }, select: { direction: true } }),
      ]);
      const sign = indicator?.direction === "LOWER_IS_BETTER" ? 1 : -1;
      const children = values
        .filter(
          (value): value is typeof value & { value: Prisma.Decimal } => value.parentId === region.id && value.value !== null,
        )
        .sort((x, y) => sign * x.value.comparedTo(y.value) || x.regionCode.localeCompare(y.regionCode));
      let rank = 0;
      return children.map((child, index) => {
        if (index === 0 || !child.value.equals(children[index - 1]!.value)) rank = index + 1;
        return {
          rank,
          regionCode: child.regionCode,
          regionNameZh: child.regionNameZh,
          value: child.value,
          reported: child.reported,
        };
      });
    },
  }),
);

export interface SeriesPoint {
  period: string;
  value: Prisma.Decimal | null;
  reported: boolean;
}

const SeriesPointRef = builder.objectRef<SeriesPoint>("IndicatorSeriesPoint").implement({
  description: "A region's value of an indicator in one period of a series.",
  fields: (t) => ({
    period: t.expose("period", { type: "Period", description: "The period." }),
    value: t.expose("value", {
      type: "Decimal",
      nullable: true,
      description: "Reported, or rolled up from below; null when nothing was reported.",
    }),
    reported: t.exposeBoolean("reported", { description: "True when the region reported it itself." }),
  }),
});

builder.objectField(RegionRef, "indicatorSeries", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [SeriesPointRef],
    description:
      "This region's values of an indicator over the periods (of the indicator's reporting type) that anyone in the region reported between from and to, oldest first.",
    args: {
      indicatorCode: t.arg.string({ required: true, description: "The indicator, e.g. RURAL_SEWAGE_COVERAGE." }),
      from: t.arg({ type: "Period", required: true, description: "First period, e.g. 2019." }),
      to: t.arg({ type: "Period", required: true, description: "Last period, e.g. 2024." }),
    },
    resolve: async (region, args, context) => {
      const reportedPeriods = await context.prisma.indicatorValue.findMany({
        where: {
          indicator: { code: args.indicatorCode },
          region: { path: { has: region.id } },
          periodStart: { gte: new Date(`${args.from.start}T00:00:00Z`) },
          periodEnd: { lte: new Date(`${args.to.end}T00:00:00Z`) },
        },
        distinct: ["period"],
        select: { period: true, periodStart: true },
        orderBy: [{ periodStart: "asc" }, { period: "asc" }],
      });
      // An indicator computed from records has its years in its view, not among entered values;
      // one whose typed values records replace has both.
      const replaced = await context.prisma.indicator.findUnique({
        where: { code: args.indicatorCode },
        select: { replacedByRecords: true },
      });
      const typed = reportedPeriods.map((row) => row.period);
      const fromRecords =
        typed.length === 0 || replaced?.replacedByRecords
          ? await computedPeriods(context.prisma, args.indicatorCode, region.id, args.from.key, args.to.key)
          : [];
      const periods = [...new Set([...typed, ...fromRecords])].sort();
      const values = await rollUpIndicator(context.prisma, args.indicatorCode, region.id, periods);
      return periods.map((period) => {
        const mine = values.find((value) => value.period === period && value.regionId === region.id);
        return { period, value: mine?.value ?? null, reported: mine?.reported ?? false };
      });
    },
  }),
);

interface ScorecardEntry {
  indicator: { code: string; nameZh: string; nameEn: string; unit: string };
  standing: IndicatorStanding;
}

interface ScorecardPillar {
  pillar: (typeof PILLARS)[number];
  entries: ScorecardEntry[];
}

const ScorecardEntryRef = builder.objectRef<ScorecardEntry>("ScorecardEntry").implement({
  description: "One indicator on a region's scorecard.",
  fields: (t) => ({
    indicatorCode: t.string({ description: "The indicator's code.", resolve: (entry) => entry.indicator.code }),
    nameZh: t.string({ description: "The indicator's Chinese name.", resolve: (entry) => entry.indicator.nameZh }),
    nameEn: t.string({ description: "The indicator's English name.", resolve: (entry) => entry.indicator.nameEn }),
    unit: t.string({ description: "The unit of its values.", resolve: (entry) => entry.indicator.unit }),
    standing: t.field({
      type: IndicatorStandingRef,
      description: "Its value against target and baseline.",
      resolve: (entry) => entry.standing,
    }),
  }),
});

const ScorecardPillarRef = builder.objectRef<ScorecardPillar>("ScorecardPillar").implement({
  description: "One pillar of a region's scorecard with its indicators.",
  fields: (t) => ({
    pillar: t.expose("pillar", { type: PillarEnum, description: "The pillar." }),
    entries: t.field({
      type: [ScorecardEntryRef],
      description: "Indicators with a value in the period, by code.",
      resolve: (pillar) => pillar.entries,
    }),
    withTarget: t.int({
      description: "How many of its indicators have a target.",
      resolve: (pillar) => pillar.entries.filter((entry) => entry.standing.target !== null).length,
    }),
    onTarget: t.int({
      description: "How many of those meet it.",
      resolve: (pillar) => pillar.entries.filter((entry) => meetsTarget(entry.standing) === true).length,
    }),
  }),
});

builder.objectField(RegionRef, "scorecard", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [ScorecardPillarRef],
    description:
      "五大振兴 scorecard: for each pillar, the indicators reported in this region or below for the period, with the region's value against target. Pillars without values are left out.",
    args: { period: t.arg({ type: "Period", required: true, description: "The period, e.g. 2023." }) },
    resolve: async (region, args, context, info) => {
      const computed = await computedIndicatorsWithFigures(context.prisma, region.id, args.period.key);
      // The indicators with a value in the subtree, found in one pass over the period's values: as
      // a relation filter (an EXISTS per indicator) the approved-figures policy ran once for every
      // value of the database per indicator — 96 million times, 47 s, for a 100-county province.
      const typed = await context.prisma.$queryRaw<{ indicator_id: number }[]>`
        SELECT DISTINCT v.indicator_id FROM indicator_value v JOIN region r ON r.id = v.region_id
         WHERE v.period = ${args.period.key} AND r.path @> ARRAY[${region.id}::int]`;
      const indicators = await context.prisma.indicator.findMany({
        where: {
          OR: [{ id: { in: typed.map((row) => row.indicator_id) } }, { code: { in: computed } }],
        },
        select: { code: true, nameZh: true, nameEn: true, unit: true, pillar: true, direction: true },
        orderBy: [{ pillar: "asc" }, { code: "asc" }],
      });
      const own = await context.prisma.indicatorValue.findMany({
        where: { regionId: region.id, period: args.period.key },
        select: { indicator: { select: { code: true } }, target: true, baseline: true },
      });
      // One roll-up statement for all of them, answering with this region's values alone. The
      // counts (the overview's radar) weigh only indicators with a target here, and a list of the
      // entries without their standing (the indicators page's picker) none, so unless standings
      // are asked only those are rolled up: a 100-county province with no targets had 13,000
      // regions × 45 indicators rolled up for nothing (2.2 s).
      const targeted = new Set(own.filter((value) => value.target !== null).map((value) => value.indicator.code));
      const everyValue = selectsField(info, ["entries", "standing"]);
      const rolled = await rollUpIndicators(
        context.prisma,
        indicators.map((indicator) => indicator.code).filter((code) => everyValue || targeted.has(code)),
        region.id,
        [args.period.key],
        "root",
      );
      const entries = indicators.map((indicator) => {
        const mine = rolled.get(indicator.code)?.find((value) => value.regionId === region.id);
        const reported = own.find((value) => value.indicator.code === indicator.code);
        return {
          pillar: indicator.pillar,
          indicator,
          standing: {
            value: mine?.value ?? null,
            reported: mine?.reported ?? false,
            target: reported?.target ?? null,
            baseline: reported?.baseline ?? null,
            direction: indicator.direction,
          },
        };
      });
      return PILLARS.map((pillar) => ({ pillar, entries: entries.filter((entry) => entry.pillar === pillar) })).filter(
        (pillar) => pillar.entries.length > 0,
      );
    },
  }),
);

const EnterIndicatorValueInputRef = builder.inputType("EnterIndicatorValueInput", {
  description:
    "An indicator's value for a region and period, with its target and baseline. Without expectedVersion it is a new value; with it, a correction of the existing one.",
  fields: (t) => ({
    indicatorCode: t.string({ required: true, description: "The indicator's code." }),
    regionCode: t.string({ required: true, description: "The region's 12-digit division code (one you may edit)." }),
    period: t.string({ required: true, description: "A year (2024), a quarter (2024Q2) or a month (2024-06)." }),
    value: t.field({ type: "Decimal", description: "The value in the indicator's unit; required for a new value." }),
    target: t.field({ type: "Decimal", description: "目标值; null clears it in a correction." }),
    baseline: t.field({ type: "Decimal", description: "基期值; null clears it in a correction." }),
    note: t.string({ description: "How the figure is qualified (≥, 约, 余 ...)." }),
    source: t.string({ description: "Where the figure comes from." }),
    expectedVersion: t.int({
      description: "To correct an existing value: its version (IndicatorValue.version); a stale one is refused.",
    }),
  }),
});

builder.mutationField("enterIndicatorValue", (t) =>
  t.prismaField({
    type: "IndicatorValue",
    description:
      "Enters (or, with expectedVersion, corrects) an indicator value for a region you may edit (EDITOR). Refused when the period is submitted or approved. Send an idempotencyKey so that a retried request enters once.",
    args: {
      input: t.arg({ type: EnterIndicatorValueInputRef, required: true, description: "The value." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { valueId } = await applyChange(context, "enterIndicatorValue", { input, idempotencyKey }, async (tx, author) => {
        const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { path: true } });
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: input.regionCode });
        const { expectedVersion, value, ...rest } = input;
        const entered =
          expectedVersion == null
            ? await recordIndicatorValue(tx, { ...rest, value: value ?? "", reportedBy: author.name })
            : await correctIndicatorValue(tx, { ...rest, value, expectedVersion, reportedBy: author.name });
        return { valueId: entered.id };
      });
      return context.prisma.indicatorValue.findUniqueOrThrow({ ...query, where: { id: valueId } });
    },
  }),
);
