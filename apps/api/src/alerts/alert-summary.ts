import { alertMessages, formatMessage, type Locale } from "@revita/messages";
import type { Alert } from "./alerts.service.js";

const text = (locale: Locale, message: { zh: string; en: string }, params: Record<string, string | number>) =>
  formatMessage(locale, locale === "en" ? message.en : message.zh, params);

/** Exact yuan with digit grouping: the API's summaries say money as the data holds it. */
const yuan = (locale: Locale, amount: unknown) =>
  `${Number(amount).toLocaleString(locale === "en" ? "en-US" : "zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${locale === "en" ? " yuan" : " 元"}`;

/** What an alert says in a language, from its figures (the dashboard says the same from the same catalogue). */
export function alertSummary(alert: Alert, locale: Locale): string {
  const f = alert.figures as Record<string, string | number | null>;
  const s = alertMessages.summary;
  const value = alert.value;
  switch (alert.rule) {
    case "BEHIND_SCHEDULE":
      return "phasesBehind" in f
        ? text(locale, s.PHASES_BEHIND, { behind: Number(f.phasesBehind), phases: Number(f.phases), gap: value })
        : text(locale, s.BEHIND_SCHEDULE, { progress: String(f.progress), elapsed: String(f.scheduleElapsed), gap: value });
    case "OVERDUE":
      return text(locale, s.OVERDUE, { plannedFinish: String(f.plannedFinish), days: value });
    case "OVER_ALLOCATED":
      return text(locale, s.OVER_ALLOCATED, {
        allocated: yuan(locale, f.allocated),
        total: yuan(locale, f.totalInvestment),
        over: value,
      });
    case "INDUSTRY_SHARE":
      return text(locale, s.INDUSTRY_SHARE, { share: value, threshold: alert.amber });
    case "DISBURSEMENT_LAG":
      return text(locale, s.DISBURSEMENT_LAG, { paid: String(f.disbursedShare), elapsed: String(f.spanElapsed) });
    case "DIVERGENCE":
      return text(locale, f.ahead === "FINANCIAL" ? s.DIVERGENCE_FINANCIAL : s.DIVERGENCE_PHYSICAL, {
        completionRate: String(f.completionRate),
        physicalProgress: String(f.physicalProgress),
        gap: value,
      });
    case "INDICATOR_OFF_TARGET":
      return text(locale, s.INDICATOR_OFF_TARGET, {
        period: String(f.period),
        value: `${Number(f.value)}${f.unit ?? ""}`,
        target: `${Number(f.target)}${f.unit ?? ""}`,
        reached: value,
      });
    case "STALE":
      return f.lastReport
        ? text(locale, s.STALE, { lastReport: String(f.lastReport), days: value })
        : text(locale, s.NEVER_REPORTED, { started: String(f.started), days: value });
    case "REPORT_MISSING":
      return text(locale, s.REPORT_MISSING, {
        period: String(f.period),
        missing: Number(f.missing),
        expected: Number(f.expected),
      });
  }
}
