import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import {
  type Indicator,
  type IndicatorAggregation,
  type IndicatorDirection,
  type IndicatorValue,
  type Pillar,
  Prisma,
  type SourceKind,
} from "../generated/prisma/client.js";

export const PILLARS: readonly Pillar[] = [
  "INDUSTRY",
  "ECOLOGY",
  "CIVILITY",
  "GOVERNANCE",
  "PROSPERITY",
  "POVERTY_CONSOLIDATION",
];
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"];
export const INDICATOR_AGGREGATIONS: readonly IndicatorAggregation[] = ["SUM", "WEIGHTED_AVERAGE", "RATIO", "NOT_AGGREGATED"];

export interface DefineIndicatorInput {
  code: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  pillar: Pillar;
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  weightIndicatorCode?: string | null;
  numeratorIndicatorCode?: string | null;
  denominatorIndicatorCode?: string | null;
  ratioScale?: string | number | null;
  decimals?: number;
  /** Plausible bounds; by default 0–100 for a percentage, from 0 for anything else. */
  minValue?: string | number | null;
  maxValue?: string | number | null;
  description?: string | null;
}

export async function defineIndicator(db: DbClient, input: DefineIndicatorInput): Promise<Indicator> {
  const check = new InputChecker();
  const code = check.text("code", input.code, { max: 64 });
  const nameZh = check.text("nameZh", input.nameZh, { max: 200 });
  const nameEn = check.text("nameEn", input.nameEn, { max: 200 });
  const unit = check.text("unit", input.unit, { max: 20 });
  const pillar = check.oneOf("pillar", input.pillar, PILLARS);
  const direction = check.oneOf("direction", input.direction, INDICATOR_DIRECTIONS);
  const aggregation = check.oneOf("aggregation", input.aggregation, INDICATOR_AGGREGATIONS);
  const decimals = input.decimals ?? 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) check.fail("decimals", "DECIMALS_RANGE");

  const lookup = async (field: string, indicatorCode: string | null | undefined, wanted: boolean, role: string) => {
    if (!wanted) {
      if (indicatorCode) check.fail(field, "ONLY_FOR_AGGREGATION", { aggregation: role });
      return null;
    }
    if (!indicatorCode) {
      check.fail(field, "REQUIRED_FOR_AGGREGATION", { aggregation });
      return null;
    }
    const found = await db.indicator.findUnique({ where: { code: indicatorCode } });
    if (!found) check.fail(field, "NO_SUCH_INDICATOR", { code: indicatorCode });
    return found;
  };
  const weight = await lookup(
    "weightIndicatorCode",
    input.weightIndicatorCode,
    aggregation === "WEIGHTED_AVERAGE",
    "WEIGHTED_AVERAGE",
  );
  const numerator = await lookup("numeratorIndicatorCode", input.numeratorIndicatorCode, aggregation === "RATIO", "RATIO");
  const denominator = await lookup("denominatorIndicatorCode", input.denominatorIndicatorCode, aggregation === "RATIO", "RATIO");
  let ratioScale = null;
  if (aggregation === "RATIO") {
    ratioScale = check.decimal("ratioScale", input.ratioScale ?? 1, { below: "1e8" });
    if (ratioScale && !ratioScale.greaterThan(0)) check.fail("ratioScale", "NOT_POSITIVE");
  } else if (input.ratioScale != null) {
    check.fail("ratioScale", "ONLY_FOR_AGGREGATION", { aggregation: "RATIO" });
  }
  if (await db.indicator.findUnique({ where: { code }, select: { id: true } })) {
    check.fail("code", "INDICATOR_CODE_TAKEN", { code });
  }
  const range = { ...defaultRange(unit), ...definedRange(check, input) };
  if (range.minValue !== null && range.maxValue !== null && new Prisma.Decimal(range.minValue).greaterThan(range.maxValue)) {
    check.fail("maxValue", "RANGE_REVERSED", { min: String(range.minValue), max: String(range.maxValue) });
  }
  check.done();
  return db.indicator.create({
    data: {
      code,
      nameZh,
      nameEn,
      unit,
      pillar,
      direction,
      aggregation,
      weightIndicatorId: weight?.id ?? null,
      numeratorIndicatorId: numerator?.id ?? null,
      denominatorIndicatorId: denominator?.id ?? null,
      ratioScale,
      decimals,
      minValue: range.minValue,
      maxValue: range.maxValue,
      description: input.description?.trim() || null,
    },
  });
}

/**
 * The plausible bounds of an indicator that defines none: a percentage lies in 0–100, and a
 * count, an area or an amount is never negative.
 */
export function defaultRange(unit: string): { minValue: string; maxValue: string | null } {
  return { minValue: "0", maxValue: unit.trim() === "%" ? "100" : null };
}

/** The bounds a definition gives, each checked as a number; those it leaves out are not in the result. */
function definedRange(check: InputChecker, input: DefineIndicatorInput): { minValue?: string | null; maxValue?: string | null } {
  const bound = (field: "minValue" | "maxValue") => {
    const given = input[field];
    if (given === undefined) return {};
    if (given === null || given === "") return { [field]: null };
    return { [field]: check.decimal(field, given)?.toFixed() ?? null };
  };
  return { ...bound("minValue"), ...bound("maxValue") };
}

/** Refuses a value, target or baseline outside the indicator's plausible range, naming the field. */
function checkPlausible(
  check: InputChecker,
  indicator: Pick<Indicator, "unit" | "minValue" | "maxValue">,
  figures: Record<"value" | "target" | "baseline", Prisma.Decimal | null>,
): void {
  const { minValue, maxValue } = indicator;
  for (const [field, figure] of Object.entries(figures)) {
    if (!figure) continue;
    if ((minValue && figure.lessThan(minValue)) || (maxValue && figure.greaterThan(maxValue))) {
      check.fail(field, "VALUE_OUT_OF_RANGE", {
        value: figure.toFixed(),
        unit: indicator.unit,
        min: minValue?.toFixed() ?? "—",
        max: maxValue?.toFixed() ?? "—",
      });
    }
  }
}

export interface RecordIndicatorValueInput {
  indicatorCode: string;
  regionCode: string;
  period: string;
  value: string | number;
  target?: string | number | null;
  baseline?: string | number | null;
  note?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
  reportedBy: string;
  /** When the value was entered, for history loaded after the fact (the demo's); now by default. */
  reportedAt?: Date;
}

export async function recordIndicatorValue(db: DbClient, input: RecordIndicatorValueInput): Promise<IndicatorValue> {
  const check = new InputChecker();
  const period = check.period("period", input.period);
  const value = check.decimal("value", input.value);
  const target = input.target == null || input.target === "" ? null : check.decimal("target", input.target);
  const baseline = input.baseline == null || input.baseline === "" ? null : check.decimal("baseline", input.baseline);
  const reportedBy = check.text("reportedBy", input.reportedBy, { max: 100 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const [indicator, region] = await Promise.all([
    db.indicator.findUnique({ where: { code: input.indicatorCode } }),
    db.region.findUnique({ where: { code: input.regionCode } }),
  ]);
  if (!indicator) check.fail("indicatorCode", "NO_SUCH_INDICATOR", { code: input.indicatorCode });
  else if (indicator.computedFrom) check.fail("indicatorCode", "INDICATOR_IS_COMPUTED", { indicator: indicator.nameZh });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  if (indicator && region && period) {
    const duplicate = await db.indicatorValue.findUnique({
      where: { indicatorId_regionId_period: { indicatorId: indicator.id, regionId: region.id, period: period.key } },
      select: { id: true },
    });
    if (duplicate) {
      check.fail("period", "ALREADY_HAS_VALUE", { indicator: indicator.nameZh, region: region.nameZh, period: period.key });
    }
  }
  if (indicator) checkPlausible(check, indicator, { value, target, baseline });
  check.done();
  return db.indicatorValue.create({
    data: {
      indicatorId: indicator!.id,
      regionId: region!.id,
      period: period!.key,
      periodStart: new Date(`${period!.start}T00:00:00Z`),
      periodEnd: new Date(`${period!.end}T00:00:00Z`),
      value: value!,
      target,
      baseline,
      note: input.note?.trim() || null,
      source: input.source ?? null,
      sourceKind,
      reportedBy,
      ...(input.reportedAt ? { reportedAt: input.reportedAt } : {}),
    },
  });
}

/**
 * Corrects an indicator value from the version the editor saw; the replaced figures are kept
 * (superseded_version). Fields left out stay as they were.
 */
export async function correctIndicatorValue(
  db: DbClient,
  input: Omit<RecordIndicatorValueInput, "value"> & { value?: string | number | null; expectedVersion: number },
): Promise<IndicatorValue> {
  const check = new InputChecker();
  const period = check.period("period", input.period);
  const [indicator, region] = await Promise.all([
    db.indicator.findUnique({ where: { code: input.indicatorCode } }),
    db.region.findUnique({ where: { code: input.regionCode } }),
  ]);
  if (!indicator) check.fail("indicatorCode", "NO_SUCH_INDICATOR", { code: input.indicatorCode });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  const current =
    indicator && region && period
      ? await db.indicatorValue.findUnique({
          where: { indicatorId_regionId_period: { indicatorId: indicator.id, regionId: region.id, period: period.key } },
        })
      : null;
  if (indicator && region && period && !current) {
    check.fail("period", "NO_VALUE_TO_CORRECT", { indicator: indicator.nameZh, region: region.nameZh, period: period.key });
  }
  const data: Prisma.IndicatorValueUncheckedUpdateManyInput = {
    reportedBy: check.text("reportedBy", input.reportedBy, { max: 100 }),
    reportedAt: new Date(),
  };
  if (input.value !== undefined) data.value = check.decimal("value", input.value) ?? undefined;
  if (input.target !== undefined)
    data.target = input.target == null || input.target === "" ? null : check.decimal("target", input.target);
  if (input.baseline !== undefined) {
    data.baseline = input.baseline == null || input.baseline === "" ? null : check.decimal("baseline", input.baseline);
  }
  if (input.note !== undefined) data.note = check.optionalText("note", input.note);
  if (input.source !== undefined) data.source = check.optionalText("source", input.source);
  if (indicator) {
    const figure = (field: unknown) => (field instanceof Prisma.Decimal ? field : null);
    checkPlausible(check, indicator, { value: figure(data.value), target: figure(data.target), baseline: figure(data.baseline) });
  }
  check.done();
  const what = `${indicator!.code} of ${region!.nameZh} for ${period!.key}`;
  requireVersion(what, current!, input.expectedVersion);
  requireUpdated(
    what,
    await db.indicatorValue.updateMany({ where: { id: current!.id, version: input.expectedVersion }, data }),
    input.expectedVersion,
  );
  return db.indicatorValue.findUniqueOrThrow({ where: { id: current!.id } });
}
