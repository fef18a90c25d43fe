import { type Locale, alertSummary as say } from "@revita/messages";
import type { Alert } from "./alerts.service.js";

/** Exact yuan with digit grouping: the API's summaries say money as the data holds it. */
function yuan(locale: Locale, amount: string): string {
  const grouped = Number(amount).toLocaleString(locale === "en" ? "en-US" : "zh-CN", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return locale === "en" ? `${grouped} yuan` : `${grouped} 元`;
}

/** What an alert says in a language (the dashboard says the same from the same catalogue). */
export function alertSummary(alert: Alert, locale: Locale): string {
  const asWritten = (text: string) => text;
  return say(alert, locale, { money: (amount) => yuan(locale, amount), date: asWritten, period: asWritten });
}
