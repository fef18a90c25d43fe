/**
 * How the briefing writes figures: exact yuan with digit grouping (one unit for the whole
 * briefing, as a printed table states it), percentages with their two decimals.
 */

/** "129512500.00" → "129,512,500.00"; exact, from the decimal text (no floating point). */
export function groupedYuan(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = `${fraction}00`.slice(0, 2);
  return `${negative ? "-" : ""}${grouped}.${cents}`;
}

/** "48.65" → "48.65%". */
export function percentText(decimal: string): string {
  return `${decimal}%`;
}

/** The change from `before` to `now` in percent, signed ("+12.3%", "-5.0%"); null without a base. */
export function signedChange(now: string, before: string | null | undefined): string | null {
  const base = before === null || before === undefined ? Number.NaN : Number(before);
  if (!Number.isFinite(base) || base === 0) return null;
  const change = ((Number(now) - base) * 100) / base;
  return `${change >= 0 ? "+" : ""}${change.toFixed(1)}%`;
}
