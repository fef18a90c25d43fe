/** The languages every Revita screen speaks: Chinese by default, English on request. */
export type Locale = "zh-CN" | "en";

export const DEFAULT_LOCALE: Locale = "zh-CN";

/** What is shown where a value is missing (not reported, not applicable). */
export const MISSING = "—";
