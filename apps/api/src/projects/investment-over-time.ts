import type { Period } from "@revita/schema/period";
import type { Figures } from "../access/scoped-client.js";
import { fieldIssue, ValidationError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { type KeptRegion, regionRows } from "./kept-figures.js";

export interface InvestmentMonth {
  /** Month key, e.g. 2020-12. */
  month: string;
  /** Cumulative planned investment: each project's total spread evenly over its planned months. */
  planned: Prisma.Decimal;
  /** Cumulative completed investment: each project's latest report as of the month's end. */
  completed: Prisma.Decimal;
}

/** A year and a half of months on either side of a dispatch meeting is plenty; more is a report. */
export const MAX_MONTHS = 120;

/**
 * Planned vs completed investment of a region's projects, month by month, in one SQL statement
 * over the figures the database keeps (kept-figures.ts): each month's growth, summed up to the
 * month. Completed investment sums the reports of projects without phases (phases report for
 * their project); planned investment spreads top-level projects with planned dates over them.
 */
export async function investmentOverTime(
  db: DbClient,
  region: KeptRegion,
  from: Period,
  to: Period,
  figures: Figures,
): Promise<InvestmentMonth[]> {
  const months =
    (Number(to.end.slice(0, 4)) - Number(from.start.slice(0, 4))) * 12 +
    Number(to.end.slice(5, 7)) -
    Number(from.start.slice(5, 7)) +
    1;
  if (months < 1) throw new ValidationError([fieldIssue("to", "RANGE_BACKWARDS", { from: from.key, to: to.key })]);
  if (months > MAX_MONTHS) throw new ValidationError([fieldIssue("to", "RANGE_TOO_LONG", { max: MAX_MONTHS, value: months })]);
  const rows = await db.$queryRaw<{ month: string; planned: Prisma.Decimal; completed: Prisma.Decimal }[]>`
    WITH growth AS (
      SELECT k.month, sum(k.planned_delta) AS planned, sum(k.completed_delta) AS completed
        FROM (${regionRows("region_month_figures", region, figures)}) k
       WHERE k.month <= ${to.end}::date
       GROUP BY k.month
    ),
    months AS (
      SELECT month_start::date AS month_start
        FROM generate_series(${from.start}::date, ${to.end}::date, interval '1 month') AS month_start
    )
    SELECT to_char(m.month_start, 'YYYY-MM') AS month,
           (SELECT coalesce(sum(g.planned), 0) FROM growth g WHERE g.month <= m.month_start) AS planned,
           (SELECT coalesce(sum(g.completed), 0) FROM growth g WHERE g.month <= m.month_start) AS completed
      FROM months m
     ORDER BY m.month_start`;
  return rows.map((row) => ({
    month: row.month,
    planned: new Prisma.Decimal(row.planned).toDecimalPlaces(2),
    completed: new Prisma.Decimal(row.completed).toDecimalPlaces(2),
  }));
}
