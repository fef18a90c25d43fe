import type { Locale } from "../format/locale.js";

/*
 * Charts plot numbers; the API sends exact decimal strings. Plotting is where a float is fine
 * (a pixel is coarser than a fen); labels and tooltips still format the original strings.
 */

export function toPlotNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/** Short axis labels for yuan: 1.3亿 / 6,301万 in Chinese, 130M / 63M in English. */
export function formatMoneyAxis(yuan: number, locale: Locale): string {
  const magnitude = Math.abs(yuan);
  if (locale === "en") {
    if (magnitude >= 1e9) return `${trim(yuan / 1e9)}B`;
    if (magnitude >= 1e6) return `${trim(yuan / 1e6)}M`;
    if (magnitude >= 1e3) return `${trim(yuan / 1e3)}K`;
    return trim(yuan);
  }
  if (magnitude >= 1e8) return `${trim(yuan / 1e8)}亿`;
  if (magnitude >= 1e4) return `${trim(yuan / 1e4)}万`;
  return trim(yuan);
}

function trim(value: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 1 }).format(value);
}

/** Roughly how wide a label draws at 11 px (an axis tick, a bar's value): a Chinese character is square, a Latin letter about half. */
export function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 11 : 6.2;
  return width;
}
