import type { ProjectOrder, ProjectStatus } from "../../generated/operations.js";

export const STATUSES: ProjectStatus[] = ["PLANNED", "STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED"];
export const ORDERS: ProjectOrder[] = ["CODE", "TOTAL_INVESTMENT_DESC", "TOTAL_INVESTMENT_ASC", "NAME"];

export interface ProjectFilters {
  search?: string;
  status?: ProjectStatus[];
  category?: string;
  min?: string;
  max?: string;
  orderBy: ProjectOrder;
}

export interface FilterProblem {
  /** The URL parameter at fault: min or max. */
  param: "min" | "max";
  value: string;
}

/** Yuan as typed by a clerk: digits with up to two decimals; commas and spaces are forgiven. */
export function parseAmount(text: string): string | null {
  const cleaned = text.replace(/[,，\s]/g, "");
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? cleaned : null;
}

/**
 * The list's filters from the URL's parameters. An amount that is not one is reported, not
 * silently dropped, so the reader knows why the list is not filtered by it.
 */
export function filtersFromParams(params: Readonly<Record<string, string>>): {
  filters: ProjectFilters;
  problems: FilterProblem[];
} {
  const problems: FilterProblem[] = [];
  const amount = (param: "min" | "max") => {
    const text = params[param];
    if (!text) return undefined;
    const parsed = parseAmount(text);
    if (parsed === null) problems.push({ param, value: text });
    return parsed ?? undefined;
  };
  const status = (params.status ?? "").split(",").filter((s): s is ProjectStatus => (STATUSES as string[]).includes(s));
  const orderBy = (ORDERS as string[]).includes(params.order ?? "") ? (params.order as ProjectOrder) : "CODE";
  return {
    filters: {
      search: params.q?.trim() || undefined,
      status: status.length ? status : undefined,
      category: params.category || undefined,
      min: amount("min"),
      max: amount("max"),
      orderBy,
    },
    problems,
  };
}
