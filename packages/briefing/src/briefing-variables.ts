import type { BriefingQueryVariables } from "@revita/schema/operations";

/**
 * The Briefing document's variables for a region and month, the same on the server (the PDF) and
 * in the dashboard (the print layout), so that both show the same figures.
 */

/** China's day (UTC+8, no daylight saving) as YYYY-MM-DD. */
export function chinaDay(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The last day of the month, or today while the month lasts: the day alerts are judged on. */
export function briefingAsOf(month: string, today = chinaDay()): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  // YYYY-MM-DD strings compare as dates do.
  if (end < today) return end;
  return today;
}

/** The year a yearly section shows: the month's, or the latest before it with data. */
export function latestYear(years: readonly number[] | null | undefined, year: number): number {
  return [...(years ?? [])].filter((y) => y <= year).pop() ?? year;
}

export interface BriefingYears {
  fundYears: readonly number[];
  indicatorYears: readonly number[];
}

export function briefingVariables(code: string, month: string, years: BriefingYears | null | undefined, today = chinaDay()) {
  const year = Number(month.slice(0, 4));
  const fundYear = latestYear(years?.fundYears, year);
  const indicatorYear = latestYear(years?.indicatorYears, year);
  const variables: BriefingQueryVariables = {
    code,
    month,
    fundYear,
    indicatorYear: String(indicatorYear),
    asOf: briefingAsOf(month, today),
  };
  return { variables, fundYear, indicatorYear };
}

/** The last month whose reports have all fallen due: the briefing's default (the month before this one). */
export function lastFullMonth(today = chinaDay()): string {
  const [year, month] = today.split("-").map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, "0")}`;
}
