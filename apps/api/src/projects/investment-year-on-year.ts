import type { Period } from "@revita/schema/period";
import type { Figures } from "../access/scoped-client.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { type KeptRegion, regionRows } from "./kept-figures.js";

export interface InvestmentYearOnYear {
  /** The end of the period asked for, and the same day a year before. */
  asOf: Date;
  yearBeforeAsOf: Date;
  /** Cumulative completed investment as of each day (each project's latest report by then). */
  completed: Prisma.Decimal;
  completedYearBefore: Prisma.Decimal;
  /** Cumulative planned investment as of each day (totals spread over the planned months). */
  planned: Prisma.Decimal;
  plannedYearBefore: Prisma.Decimal;
}

/** A year before a day: 29 February falls back to the 28th. */
export function yearBefore(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
}

/**
 * A region's completed and planned investment as of a period's end and as of the same day a
 * year before, in one SQL statement over the kept monthly growth (as investmentOverTime reads).
 */
export async function investmentYearOnYear(
  db: DbClient,
  region: KeptRegion,
  period: Period,
  figures: Figures,
): Promise<InvestmentYearOnYear> {
  const before = yearBefore(period.end);
  const [row] = await db.$queryRaw<{ completed: string; completed_before: string; planned: string; planned_before: string }[]>`
    WITH growth AS (SELECT k.month, k.planned_delta, k.completed_delta FROM (${regionRows("region_month_figures", region, figures)}) k)
    SELECT coalesce(sum(completed_delta) FILTER (WHERE month <= ${period.end}::date), 0)::text AS completed,
           coalesce(sum(completed_delta) FILTER (WHERE month <= ${before}::date), 0)::text AS completed_before,
           coalesce(sum(planned_delta) FILTER (WHERE month <= ${period.end}::date), 0)::text AS planned,
           coalesce(sum(planned_delta) FILTER (WHERE month <= ${before}::date), 0)::text AS planned_before
      FROM growth`;
  const money = (text: string | undefined) => new Prisma.Decimal(text ?? "0").toDecimalPlaces(2);
  return {
    asOf: new Date(`${period.end}T00:00:00Z`),
    yearBeforeAsOf: new Date(`${before}T00:00:00Z`),
    completed: money(row?.completed),
    completedYearBefore: money(row?.completed_before),
    planned: money(row?.planned),
    plannedYearBefore: money(row?.planned_before),
  };
}
