import { alertMessages } from "./alerts.js";
import { formatMessage, type Message, type Params } from "./catalogue.js";
import type { Locale } from "./locale.js";

/** What alertSummary needs of an alert: the API's Alert, or the dashboard's copy of it. */
export interface AlertFacts {
  rule: keyof typeof alertMessages.rules;
  /** The measure, as exact decimal text ("21.16"). */
  value: string;
  amber: string;
  /** The figures by name, as the API lists them. */
  figures: Readonly<Record<string, string | number | null | readonly string[]>>;
}

const say = <P extends Params>(locale: Locale, message: Message<P>, params: P) =>
  formatMessage(locale, locale === "en" ? message.en : message.zh, params);

/** How a screen writes the figures an alert names: money (decimal yuan), dates (YYYY-MM-DD), periods (2026-10). */
export interface AlertFormats {
  money: (yuan: string) => string;
  date: (iso: string) => string;
  period: (key: string) => string;
}

/**
 * What an alert says in a language, from its figures: the API's Alert.summary and the
 * dashboard's attention list both say it with this, each writing money, dates and periods its
 * own way (the dashboard by its money rule and calendar, the API as the data holds them).
 */
export function alertSummary(alert: AlertFacts, locale: Locale, { money, date, period }: AlertFormats): string {
  const f = alert.figures;
  const text = (name: string) => String(f[name] ?? "");
  const s = alertMessages.summary;
  const value = alert.value;
  switch (alert.rule) {
    case "BEHIND_SCHEDULE":
      return f.phasesBehind !== undefined
        ? say(locale, s.PHASES_BEHIND, { behind: Number(f.phasesBehind), phases: Number(f.phases), gap: value })
        : say(locale, s.BEHIND_SCHEDULE, { progress: text("progress"), elapsed: text("scheduleElapsed"), gap: value });
    case "OVERDUE":
      return say(locale, s.OVERDUE, { plannedFinish: date(text("plannedFinish")), days: value });
    case "OVER_ALLOCATED":
      return say(locale, s.OVER_ALLOCATED, {
        allocated: money(text("allocated")),
        total: money(text("totalInvestment")),
        over: value,
      });
    case "INDUSTRY_SHARE":
      return say(locale, s.INDUSTRY_SHARE, { share: value, threshold: alert.amber });
    case "DISBURSEMENT_LAG":
      return say(locale, s.DISBURSEMENT_LAG, { paid: text("disbursedShare"), elapsed: text("spanElapsed") });
    case "DIVERGENCE":
      return say(locale, f.ahead === "FINANCIAL" ? s.DIVERGENCE_FINANCIAL : s.DIVERGENCE_PHYSICAL, {
        completionRate: text("completionRate"),
        physicalProgress: text("physicalProgress"),
        gap: value,
      });
    case "INDICATOR_OFF_TARGET":
      return say(locale, s.INDICATOR_OFF_TARGET, {
        period: period(text("period")),
        value: `${Number(f.value)}${text("unit")}`,
        target: `${Number(f.target)}${text("unit")}`,
        reached: value,
      });
    case "STALE":
      return f.lastReport
        ? say(locale, s.STALE, { lastReport: date(text("lastReport")), days: value })
        : say(locale, s.NEVER_REPORTED, { started: date(text("started")), days: value });
    case "REPORT_MISSING":
      return say(locale, s.REPORT_MISSING, {
        period: period(text("period")),
        missing: Number(f.missing),
        expected: Number(f.expected),
      });
    case "CLAIM_OVERDUE":
      return say(locale, f.needKind === "WISH" ? s.CLAIM_OVERDUE_WISH : s.CLAIM_OVERDUE, {
        claimant: text("claimant"),
        due: date(text("dueOn")),
        days: value,
      });
    case "FOLLOW_UP_OVERDUE":
      return say(locale, s.FOLLOW_UP_OVERDUE, {
        organization: text("organization"),
        due: date(text("followUpDue")),
        days: value,
      });
    case "ANSWER_OVERDUE":
      return say(locale, s.ANSWER_OVERDUE, { raisedBy: text("raisedBy"), due: date(text("answerDue")), days: value });
    case "IDENTIFICATION_OVERDUE":
      return say(locale, s.IDENTIFICATION_OVERDUE, { lead: date(text("leadOn")), days: value });
    case "ASSISTANCE_MISSING":
      return say(locale, s.ASSISTANCE_MISSING, { confirmed: date(text("confirmedOn")), days: value });
    case "TASK_OVERDUE":
      return say(locale, s.TASK_OVERDUE, {
        meeting: text("meeting"),
        unit: text("unit"),
        due: date(text("dueOn")),
        days: value,
      });
    case "RECTIFICATION_OVERDUE":
      return say(locale, s.RECTIFICATION_OVERDUE, {
        inspected: date(text("inspectedOn")),
        due: date(text("problemsDue")),
        days: value,
      });
  }
}
