import { readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import { NotFoundError } from "../common/errors.js";
import { requestLocale } from "../common/request-locale.js";
import { InputChecker } from "../common/validation.js";
import type { AlertRule } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { ALERT_RULE_ORDER, ALERT_RULES, type AlertSeverity } from "./alert-rules.js";
import { alertSummary } from "./alert-summary.js";
import { effectiveThresholds, resetAlertThreshold, setAlertThreshold } from "./alert-thresholds.service.js";
import { type Alert, type AlertList, regionAlerts } from "./alerts.service.js";

export const AlertRuleEnum = builder.enumType("AlertRule", {
  description:
    "The rules that raise alerts: 进度滞后 BEHIND_SCHEDULE (points behind the elapsed schedule; phases too), 逾期 OVERDUE (days past the planned finish), 超概算安排 OVER_ALLOCATED (allocations above a project's total, percent over), 产业占比 INDUSTRY_SHARE (central bridging funds' share to industry projects), 拨付滞后 DISBURSEMENT_LAG (points a fiscal fund's payments trail its budget span), 背离 DIVERGENCE (points between financial and physical progress), 指标未达标 INDICATOR_OFF_TARGET (percent of the target reached), 久未报送 STALE (days since the latest report or the start), 逾期未报 REPORT_MISSING (days past a month's end without its reports).",
  values: ALERT_RULE_ORDER,
});

const AlertSeverityEnum = builder.enumType("AlertSeverity", {
  description: "红色 RED needs a decision now; 黄色 AMBER needs watching.",
  values: ["RED", "AMBER"] as const satisfies readonly AlertSeverity[],
});

const AlertSubjectKindEnum = builder.enumType("AlertSubjectKind", {
  description:
    "What an alert is about: a PROJECT, a PHASE of one, a FUND, an INDICATOR's value in a region, a REGION as a reporting unit, a claimed community NEED or micro-wish, a mediation CASE, a consultation TOPIC, a cleaning INSPECTION, a monitored HOUSEHOLD or a dispatch meeting's TASK (their codes are their numbers).",
  values: [
    "PROJECT",
    "PHASE",
    "FUND",
    "INDICATOR",
    "REGION",
    "NEED",
    "CASE",
    "TOPIC",
    "INSPECTION",
    "HOUSEHOLD",
    "TASK",
  ] as const,
});

const AlertSubjectRef = builder.objectRef<Alert["subject"]>("AlertSubject").implement({
  description: "What an alert is about, with what a screen needs to name it and link to it.",
  fields: (t) => ({
    kind: t.expose("kind", { type: AlertSubjectKindEnum, description: "Project, phase, fund, indicator or region." }),
    code: t.exposeString("code", { description: "Its code: the project's, fund's, indicator's or region's." }),
    nameZh: t.exposeString("nameZh", { description: "Its Chinese name." }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "Its English name, where there is one." }),
    parentCode: t.exposeString("parentCode", { nullable: true, description: "For a phase, its project's code." }),
  }),
});

const AlertPlaceRef = builder.objectRef<Alert["region"]>("AlertPlace").implement({
  description: "The region an alert's subject belongs to.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "12-digit division code." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    nameEn: t.exposeString("nameEn", { description: "English name." }),
  }),
});

const AlertFigureRef = builder.objectRef<{ name: string; value: string | null }>("AlertFigure").implement({
  description: "One figure behind an alert, e.g. scheduleElapsed 57.16 and progress 36.00.",
  fields: (t) => ({
    name: t.exposeString("name", {
      description: "Which figure (scheduleElapsed, progress, asOf, allocated, totalInvestment ...).",
    }),
    value: t.exposeString("value", {
      nullable: true,
      description: "Its value as text: decimals exact, dates YYYY-MM-DD, lists comma-separated.",
    }),
  }),
});

const AlertRef = builder.objectRef<Alert>("Alert").implement({
  description:
    "Something that needs a decision: a rule raised by a subject's figures, judged red or amber by the thresholds where it sits.",
  fields: (t) => ({
    rule: t.expose("rule", { type: AlertRuleEnum, description: "The rule that raised it." }),
    severity: t.expose("severity", { type: AlertSeverityEnum, description: "Red or amber." }),
    subject: t.expose("subject", { type: AlertSubjectRef, description: "What it is about." }),
    region: t.expose("region", { type: AlertPlaceRef, description: "Where the subject belongs." }),
    responsibleUnit: t.exposeString("responsibleUnit", {
      nullable: true,
      description:
        "Who answers for it: the project's implementing unit (实施单位) where recorded; otherwise the region's government.",
    }),
    value: t.field({
      type: "Decimal",
      description: "What the rule measured, in its measure (points, days or percent).",
      resolve: (a) => a.value,
    }),
    amber: t.field({ type: "Decimal", description: "The amber threshold it was judged by.", resolve: (a) => a.amber }),
    red: t.field({ type: "Decimal", description: "The red threshold it was judged by.", resolve: (a) => a.red }),
    since: t.field({
      type: "Date",
      nullable: true,
      description: "Since when it holds: the figures' date, the planned finish, the due date.",
      resolve: (a) => a.since,
    }),
    figures: t.field({
      type: [AlertFigureRef],
      description: "The figures that raised it, by name.",
      resolve: (a) =>
        Object.entries(a.figures).map(([name, value]) => ({
          name,
          value: value === null ? null : Array.isArray(value) ? value.join(",") : String(value),
        })),
    }),
    summary: t.string({
      description: "What it says, in the asker's language (Accept-Language).",
      resolve: (a) => alertSummary(a, requestLocale()),
    }),
  }),
});

const AlertCountRef = builder.objectRef<AlertList["counts"][number]>("AlertCount").implement({
  description: "How many alerts one rule raised at one severity.",
  fields: (t) => ({
    rule: t.expose("rule", { type: AlertRuleEnum, description: "The rule." }),
    severity: t.expose("severity", { type: AlertSeverityEnum, description: "The severity." }),
    count: t.exposeInt("count", { description: "How many." }),
  }),
});

const AlertListRef = builder.objectRef<AlertList>("AlertList").implement({
  description: "The alerts of a region and everything below it, red first.",
  fields: (t) => ({
    asOf: t.field({ type: "Date", description: "The day they were judged on.", resolve: (list) => list.asOf }),
    totalCount: t.exposeInt("totalCount", { description: "Every alert raised (with the filters), whatever the page holds." }),
    counts: t.expose("counts", { type: [AlertCountRef], description: "How many per rule and severity, red first." }),
    items: t.expose("items", { type: [AlertRef], description: "The first alerts: red before amber, by rule, the worst first." }),
  }),
});

builder.objectField(RegionRef, "alerts", (t) =>
  t.field({
    authScopes: readsRegion,
    type: AlertListRef,
    description:
      "What needs a decision in this region and below, as of a day (today by default): every rule's alerts, red first, computed in one SQL statement. Only what you may read raises an alert for you.",
    args: {
      asOf: t.arg({ type: "Date", description: "The day to judge on (YYYY-MM-DD); today by default." }),
      rules: t.arg({ type: [AlertRuleEnum], description: "Only these rules." }),
      severity: t.arg({ type: AlertSeverityEnum, description: "Only this severity." }),
      subjectCode: t.arg.string({
        description: "Only alerts about this project (its phases too), fund, indicator or region, by code.",
      }),
      first: t.arg.int({ defaultValue: 50, description: "At most this many items (1–100, default 50); counts cover all." }),
    },
    resolve: async (region, args, context) => {
      const check = new InputChecker();
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > 100) {
        check.fail("first", "OUT_OF_RANGE", { min: 1, max: 100, value: String(first) });
      }
      const asOf = args.asOf ? check.date("asOf", args.asOf) : chinaToday();
      check.done();
      return regionAlerts(context.prisma, {
        regionId: region.id,
        asOf: asOf ?? chinaToday(),
        figures: context.figures,
        first,
        rules: args.rules ?? null,
        severity: args.severity ?? null,
        subjectCode: args.subjectCode ?? null,
      });
    },
  }),
);

type Threshold = Awaited<ReturnType<typeof effectiveThresholds>>[number];

const AlertThresholdRef = builder.objectRef<Threshold>("AlertThreshold").implement({
  description: "How strict one rule is in a region: amber and red, where they were set, and the published default.",
  fields: (t) => ({
    rule: t.expose("rule", { type: AlertRuleEnum, description: "The rule." }),
    amber: t.field({ type: "Decimal", description: "Raised amber past this.", resolve: (s) => s.amber }),
    red: t.field({ type: "Decimal", description: "Raised red past this.", resolve: (s) => s.red }),
    measure: t.string({
      description: "What the thresholds count: points, days or percent.",
      resolve: (s) => ALERT_RULES[s.rule].measure,
    }),
    lessIsWorse: t.boolean({
      description: "True where a value below the threshold raises the alert (a share reached); false where above does.",
      resolve: (s) => ALERT_RULES[s.rule].lessIsWorse,
    }),
    setIn: t.expose("setIn", {
      type: AlertPlaceRef,
      nullable: true,
      description: "The region whose setting applies (this one or one above); null where the published default does.",
    }),
    note: t.exposeString("note", { nullable: true, description: "Why the setting departs from the default." }),
    ownVersion: t.exposeInt("ownVersion", {
      nullable: true,
      description: "The version of this region's own setting, to send as expectedVersion; null when it has none.",
    }),
    defaultAmber: t.field({
      type: "Decimal",
      description: "The published default amber.",
      resolve: (s) => String(ALERT_RULES[s.rule].amber),
    }),
    defaultRed: t.field({
      type: "Decimal",
      description: "The published default red.",
      resolve: (s) => String(ALERT_RULES[s.rule].red),
    }),
    defaultSource: t.string({ description: "Where the default comes from.", resolve: (s) => ALERT_RULES[s.rule].source }),
  }),
});

builder.objectField(RegionRef, "alertThresholds", (t) =>
  t.field({
    authScopes: readsRegion,
    type: [AlertThresholdRef],
    description:
      "Every rule's thresholds as they hold in this region: its own setting, the nearest region above's, or the default.",
    resolve: (region, _args, context) => effectiveThresholds(context.prisma, region),
  }),
);

const ThresholdInputRef = builder.inputType("AlertThresholdInput", {
  description: "A region's own thresholds for one rule.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The county (or prefecture, province) setting it, by 12-digit code." }),
    rule: t.field({ type: AlertRuleEnum, required: true, description: "The rule." }),
    amber: t.string({
      required: true,
      description: 'Amber threshold, in the rule\'s measure (e.g. "10" points, "62" days, "65" percent).',
    }),
    red: t.string({ required: true, description: "Red threshold, at least as strict as amber." }),
    note: t.string({ description: "Why this region departs from the default." }),
    expectedVersion: t.int({ description: "The version of the region's own setting you saw; omit when it has none." }),
  }),
});

async function thresholdRegion(
  context: Parameters<typeof requireCapability>[0],
  tx: Parameters<typeof effectiveThresholds>[0],
  code: string,
) {
  const region = await tx.region.findUnique({
    where: { code },
    select: { id: true, code: true, nameZh: true, nameEn: true, level: true, path: true },
  });
  if (!region) throw new NotFoundError("NO_SUCH_REGION", { code }, "regionCode");
  requireCapability(context, "admin", region.path, { field: "regionCode", what: region.nameZh });
  return region;
}

builder.mutationFields((t) => ({
  setAlertThreshold: t.field({
    type: [AlertThresholdRef],
    description:
      "Sets a county's (or a region above's) own thresholds for one rule, for it and everything below; ADMIN of the region. Audited. Returns the region's thresholds as they now hold.",
    args: {
      input: t.arg({ type: ThresholdInputRef, required: true, description: "The region, rule and thresholds." }),
      ...idempotencyKeyArg,
    },
    resolve: async (_root, { input, idempotencyKey }, context) => {
      const { code } = await applyChange(context, "setAlertThreshold", { input, idempotencyKey }, async (tx) => {
        const region = await thresholdRegion(context, tx, input.regionCode);
        await setAlertThreshold(tx, region, { ...input, rule: input.rule as AlertRule });
        return { code: region.code };
      });
      const region = await context.prisma.region.findUniqueOrThrow({ where: { code } });
      return effectiveThresholds(context.prisma, region);
    },
  }),
  resetAlertThreshold: t.field({
    type: [AlertThresholdRef],
    description:
      "Removes a region's own thresholds for one rule: it follows the region above (or the default) again; ADMIN of the region.",
    args: {
      regionCode: t.arg.string({ required: true, description: "The region, by 12-digit code." }),
      rule: t.arg({ type: AlertRuleEnum, required: true, description: "The rule." }),
      ...idempotencyKeyArg,
    },
    resolve: async (_root, { regionCode, rule, idempotencyKey }, context) => {
      await applyChange(context, "resetAlertThreshold", { input: { regionCode, rule }, idempotencyKey }, async (tx) => {
        const region = await thresholdRegion(context, tx, regionCode);
        await resetAlertThreshold(tx, region, rule as AlertRule);
        return { code: region.code };
      });
      const region = await context.prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
      return effectiveThresholds(context.prisma, region);
    },
  }),
}));
