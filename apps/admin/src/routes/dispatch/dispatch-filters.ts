import type { DispatchPageQueryVariables, TaskStatus } from "../../generated/operations.js";

/** The task list's status filter: every task by default, the open or overdue ones, or one status. */
export const STATUS_FILTERS = ["open", "overdue", "ASSIGNED", "IN_PROGRESS", "DONE", "VERIFIED", "RETURNED"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** The due-date filter, as ranges from today (a date picker speaks the browser's language, not the page's). */
export const DUE_FILTERS = ["week", "month", "quarter"] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];
const DUE_DAYS: Record<DueFilter, number> = { week: 7, month: 30, quarter: 90 };

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The page's URL parameters as the task list's query variables, `today` being China's day (YYYY-MM-DD). */
export function taskFilterVariables(
  code: string,
  params: Readonly<Record<string, string>>,
  today: string,
): DispatchPageQueryVariables {
  const status = (STATUS_FILTERS as readonly string[]).includes(params.status ?? "") ? (params.status as StatusFilter) : null;
  const due = (DUE_FILTERS as readonly string[]).includes(params.due ?? "") ? (params.due as DueFilter) : null;
  const start = Date.parse(`${today}T00:00:00Z`);
  return {
    code,
    status:
      status === "open"
        ? (["ASSIGNED", "IN_PROGRESS", "DONE", "RETURNED"] satisfies TaskStatus[])
        : status === "overdue" || status === null
          ? null
          : [status as TaskStatus],
    overdue: status === "overdue" ? true : null,
    unitName: params.unit || null,
    dueFrom: due ? today : null,
    dueTo: due ? iso(start + DUE_DAYS[due] * DAY) : null,
  };
}

/** China's day, as the API counts due dates. */
export function chinaToday(now = Date.now()): string {
  return iso(now + 8 * 3600_000);
}
