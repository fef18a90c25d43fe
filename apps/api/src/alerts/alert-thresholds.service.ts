import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion, staleVersionError } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import { type AlertRule, Prisma, type RegionLevel } from "../generated/prisma/client.js";
import { ALERT_RULE_ORDER, ALERT_RULES } from "./alert-rules.js";

/** Where thresholds may be set: a county and the regions above it; towns and villages follow their county. */
const SETS_THRESHOLDS: readonly RegionLevel[] = ["PROVINCE", "PREFECTURE", "COUNTY"];

interface RegionRef {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  level: RegionLevel;
  path: number[];
}

export interface EffectiveThreshold {
  rule: AlertRule;
  amber: Prisma.Decimal;
  red: Prisma.Decimal;
  /** The region whose setting applies; null where the published default does. */
  setIn: { code: string; nameZh: string; nameEn: string } | null;
  note: string | null;
  /** The version of the region's own setting (to change it), null when it has none. */
  ownVersion: number | null;
}

/** The thresholds that hold in a region: for each rule, its own setting, the nearest above, or the default. */
export async function effectiveThresholds(db: DbClient, region: RegionRef): Promise<EffectiveThreshold[]> {
  const settings = await db.alertThreshold.findMany({
    where: { regionId: { in: region.path } },
    select: {
      rule: true,
      amber: true,
      red: true,
      note: true,
      version: true,
      regionId: true,
      region: { select: { code: true, nameZh: true, nameEn: true } },
    },
  });
  const depth = (regionId: number) => region.path.indexOf(regionId);
  return ALERT_RULE_ORDER.map((rule) => {
    const nearest = settings.filter((s) => s.rule === rule).sort((a, b) => depth(b.regionId) - depth(a.regionId))[0];
    if (!nearest) {
      const { amber, red } = ALERT_RULES[rule];
      return { rule, amber: new Prisma.Decimal(amber), red: new Prisma.Decimal(red), setIn: null, note: null, ownVersion: null };
    }
    return {
      rule,
      amber: nearest.amber,
      red: nearest.red,
      setIn: nearest.region,
      note: nearest.note,
      ownVersion: nearest.regionId === region.id ? nearest.version : null,
    };
  });
}

export interface ThresholdInput {
  rule: AlertRule;
  amber: string;
  red: string;
  note?: string | null;
  /** The version of the region's own setting being changed; absent when it has none yet. */
  expectedVersion?: number | null;
}

/** Checks a threshold field by field, in the rule's measure and direction. */
export function checkThreshold(
  region: RegionRef,
  input: ThresholdInput,
): { amber: Prisma.Decimal; red: Prisma.Decimal; note: string | null } {
  const check = new InputChecker();
  const definition = ALERT_RULES[input.rule];
  const read = (field: "amber" | "red", value: string) => {
    const parsed = check.decimal(field, value, { places: 2 });
    if (!parsed) return null;
    if (parsed.lessThan(0)) check.fail(field, "NEGATIVE", { value: parsed.toFixed() });
    else if (parsed.greaterThan(definition.max))
      check.fail(field, "THRESHOLD_ABOVE_MAX", { max: definition.max, value: parsed.toFixed() });
    else if (definition.measure === "days" && !parsed.isInteger())
      check.fail(field, "THRESHOLD_NOT_WHOLE_DAYS", { value: parsed.toFixed() });
    else return parsed;
    return null;
  };
  const amber = read("amber", input.amber);
  const red = read("red", input.red);
  if (amber && red) {
    const params = { amber: amber.toFixed(), red: red.toFixed() };
    if (definition.lessIsWorse && red.greaterThan(amber)) check.fail("red", "THRESHOLD_RED_ABOVE_AMBER", params);
    if (!definition.lessIsWorse && red.lessThan(amber)) check.fail("red", "THRESHOLD_RED_BEFORE_AMBER", params);
  }
  if (!SETS_THRESHOLDS.includes(region.level)) check.fail("regionCode", "THRESHOLDS_SET_AT_COUNTY", { region: region.nameZh });
  const note = check.optionalText("note", input.note, { max: 500 });
  check.done();
  return { amber: amber!, red: red!, note };
}

/** Sets a region's own threshold for a rule (its admins only: the caller checks, the policy holds). */
export async function setAlertThreshold(db: DbClient, region: RegionRef, input: ThresholdInput): Promise<void> {
  const { amber, red, note } = checkThreshold(region, input);
  const what = `${region.nameZh} ${input.rule}`;
  const own = await db.alertThreshold.findUnique({ where: { regionId_rule: { regionId: region.id, rule: input.rule } } });
  if (!own) {
    // Someone saw a setting that has since been removed: their change is about something else now.
    if (input.expectedVersion != null) throw staleVersionError(what, input.expectedVersion);
    await db.alertThreshold.create({ data: { regionId: region.id, rule: input.rule, amber, red, note } });
    return;
  }
  if (input.expectedVersion == null) throw staleVersionError(what, 0, own.version);
  requireVersion(what, own, input.expectedVersion);
  const updated = await db.alertThreshold.updateMany({ where: { id: own.id, version: own.version }, data: { amber, red, note } });
  requireUpdated(what, updated, input.expectedVersion);
}

/** Removes a region's own threshold for a rule: the region follows the one above it (or the default) again. */
export async function resetAlertThreshold(db: DbClient, region: RegionRef, rule: AlertRule): Promise<void> {
  await db.alertThreshold.deleteMany({ where: { regionId: region.id, rule } });
}
