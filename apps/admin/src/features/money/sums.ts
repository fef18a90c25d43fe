import { parseFen } from "@revita/ui/format/money";

/*
 * Sums of money from the API's decimal strings, in fen as integers, so a county's total is
 * exact however many projects it adds up. Results are yuan as decimal strings again.
 */

export interface MoneyRatio {
  /** Yuan as decimal strings, for formatMoney. */
  part: string;
  whole: string;
  /** part / whole in percent; null when the whole is zero. */
  percent: number | null;
}

/** Fen back to a decimal string of yuan. */
export function yuan(fen: bigint): string {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  return `${negative ? "-" : ""}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, "0")}`;
}

export function moneyRatio(rows: { part: string; whole: string }[]): MoneyRatio {
  const part = rows.reduce((sum, row) => sum + parseFen(row.part), 0n);
  const whole = rows.reduce((sum, row) => sum + parseFen(row.whole), 0n);
  // Basis points in integers, rounded half up, then one division: no float error before the last step.
  const percent = whole === 0n ? null : Number((part * 20_000n + whole) / (2n * whole)) / 100;
  return { part: yuan(part), whole: yuan(whole), percent };
}

/** What is left of a plan: planned minus completed, never below zero (over-budget projects exist). */
export function remainingMoney(planned: string, completed: string): string {
  const left = parseFen(planned) - parseFen(completed);
  return yuan(left > 0n ? left : 0n);
}

export function sumMoney(amounts: string[]): string {
  return yuan(amounts.reduce((sum, amount) => sum + parseFen(amount), 0n));
}
