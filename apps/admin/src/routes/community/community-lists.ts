import type { NeedRowFragment } from "../../generated/operations.js";

/** The views of a community's needs list: the project list is what members and units claimed. */
export const NEED_FILTERS = ["ALL", "OPEN", "PROJECTS", "CLOSED", "WISHES"] as const;
export type NeedFilter = (typeof NEED_FILTERS)[number];

export function needFilterOf(param: string | undefined): NeedFilter {
  return NEED_FILTERS.find((filter) => filter === param) ?? "ALL";
}

const IN_HAND = new Set(["CLAIMED", "IN_PROGRESS", "DONE"]);
const CLOSED = new Set(["CONFIRMED", "WITHDRAWN"]);

/** The needs a view shows, overdue claims first, then the latest collected. */
export function filterNeeds<N extends Pick<NeedRowFragment, "kind" | "status" | "overdueDays" | "raisedOn" | "number">>(
  needs: readonly N[],
  filter: NeedFilter,
): N[] {
  const shown = needs.filter((need) => {
    switch (filter) {
      case "OPEN":
        return need.status === "OPEN";
      case "PROJECTS":
        return IN_HAND.has(need.status);
      case "CLOSED":
        return CLOSED.has(need.status);
      case "WISHES":
        return need.kind === "WISH";
      default:
        return true;
    }
  });
  return shown.sort(
    (a, b) =>
      (b.overdueDays ?? 0) - (a.overdueDays ?? 0) || String(b.raisedOn).localeCompare(String(a.raisedOn)) || b.number - a.number,
  );
}

/** What the head of a community's page counts. */
export function needCounts(needs: readonly Pick<NeedRowFragment, "status" | "overdueDays">[]) {
  return {
    open: needs.filter((need) => need.status === "OPEN").length,
    inHand: needs.filter((need) => need.status === "CLAIMED" || need.status === "IN_PROGRESS").length,
    overdue: needs.filter((need) => (need.overdueDays ?? 0) > 0).length,
  };
}

/** A month key, 2026-11, of the month before the day given (cards are filled after the month). */
export function previousMonth(today: Date): string {
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: the previous month's number, 1-based
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, "0")}`;
}

/** The quarter to feed back on for a year: the last one begun, or Q4 of a past year. */
export function feedbackQuarter(year: number, today: Date): string {
  if (year < today.getFullYear()) return `${year}Q4`;
  return `${year}Q${Math.floor(today.getMonth() / 3) + 1}`;
}

/** True where a month key or quarter key is well formed (URL parameters are the reader's to edit). */
export const isMonthKey = (value: string | undefined): value is string => !!value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
export const isQuarterKey = (value: string | undefined): value is string => !!value && /^\d{4}Q[1-4]$/.test(value);

/** The twelve months up to last month, latest first, and the one shown if it is older. */
export function recentMonths(today: Date, shown: string): string[] {
  const months: string[] = [];
  let year = today.getFullYear();
  let month = today.getMonth() + 1;
  for (let i = 0; i < 12; i++) {
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
    months.push(`${year}-${String(month).padStart(2, "0")}`);
  }
  // This month's cards are being filled in already: offered first.
  const current = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}`;
  return [current, ...months, ...(months.includes(shown) || shown === current ? [] : [shown])];
}
