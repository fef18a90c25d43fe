/**
 * Reporting periods. Every period has one canonical key: `2023` (a year), `2023Q2` (a quarter)
 * or `2023-06` (a month). The database checks the same shape and bounds
 * (revita_period_start / revita_period_end in the integrity migration).
 */
export type PeriodType = "YEAR" | "QUARTER" | "MONTH";

export interface Period {
  readonly key: string;
  readonly type: PeriodType;
  readonly year: number;
  /** 1–4 for a quarter, 1–12 for a month, undefined for a year. */
  readonly index?: number;
  /** First day, as an ISO date (YYYY-MM-DD). */
  readonly start: string;
  /** Last day, as an ISO date (YYYY-MM-DD). */
  readonly end: string;
}

export class InvalidPeriodError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a period: write a year (2023), a quarter (2023Q2) or a month (2023-06).`);
    this.name = "InvalidPeriodError";
  }
}

const PERIOD_PATTERN = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export function parsePeriod(input: string): Period {
  const match = PERIOD_PATTERN.exec(input);
  if (!match) throw new InvalidPeriodError(input);
  const year = Number(match[1]);
  if (year < 1949 || year > 2100) throw new InvalidPeriodError(input);
  if (match[2]) {
    const quarter = Number(match[2]);
    return {
      key: input,
      type: "QUARTER",
      year,
      index: quarter,
      start: isoDate(year, (quarter - 1) * 3 + 1, 1),
      end: isoDate(year, quarter * 3, daysInMonth(year, quarter * 3)),
    };
  }
  if (match[3]) {
    const month = Number(match[3]);
    return {
      key: input,
      type: "MONTH",
      year,
      index: month,
      start: isoDate(year, month, 1),
      end: isoDate(year, month, daysInMonth(year, month)),
    };
  }
  return { key: input, type: "YEAR", year, start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

export function isPeriodKey(input: string): boolean {
  try {
    parsePeriod(input);
    return true;
  } catch {
    return false;
  }
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Month keys from `from` to `to` inclusive, both month keys. */
export function monthsBetween(from: string, to: string): string[] {
  const start = parsePeriod(from);
  const end = parsePeriod(to);
  if (start.type !== "MONTH" || end.type !== "MONTH") {
    throw new Error(`monthsBetween takes two month keys, got ${from} and ${to}`);
  }
  const keys: string[] = [];
  let year = start.year;
  let month = start.index ?? 1;
  while (year < end.year || (year === end.year && month <= (end.index ?? 12))) {
    keys.push(monthKey(year, month));
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return keys;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
