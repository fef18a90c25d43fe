import type { MediationCaseRowFragment, MediationStepKind } from "../../generated/operations.js";

/** The board's columns: an open case sits at the step it takes next; then settled ones awaiting their follow-up, then the concluded. */
export const BOARD_COLUMNS = ["SCREENING", "INVESTIGATION", "ANALYSIS", "MEDIATION", "FOLLOW_UP", "CONCLUDED"] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

type BoardCase = Pick<MediationCaseRowFragment, "status" | "nextStep" | "receivedOn" | "number">;

export function columnOf(found: BoardCase): BoardColumn {
  if (found.status === "SETTLED") return "FOLLOW_UP";
  if (found.status !== "OPEN") return "CONCLUDED";
  return (found.nextStep ?? "SCREENING") as Exclude<MediationStepKind, "FOLLOW_UP">;
}

/** Whole days from the day received to today (China's calendar day as the browser sees it). */
export function daysOpen(receivedOn: string, today: Date): number {
  const received = Date.parse(`${receivedOn}T00:00:00Z`);
  const day = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.max(0, Math.round((day - received) / 86_400_000));
}

/** Each column's count and its oldest case's age. */
export function board(cases: readonly BoardCase[], today: Date) {
  return BOARD_COLUMNS.map((column) => {
    const at = cases.filter((found) => columnOf(found) === column);
    return {
      column,
      count: at.length,
      oldest:
        at.length && column !== "CONCLUDED" ? Math.max(...at.map((found) => daysOpen(String(found.receivedOn), today))) : null,
    };
  });
}

/** Open cases first, the longest open first; then the rest, latest received first. */
export function orderCases<C extends BoardCase>(cases: readonly C[]): C[] {
  const rank = (found: C) => (found.status === "OPEN" ? 0 : found.status === "SETTLED" ? 1 : 2);
  return [...cases].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0
        ? String(a.receivedOn).localeCompare(String(b.receivedOn))
        : String(b.receivedOn).localeCompare(String(a.receivedOn))) ||
      a.number - b.number,
  );
}
