import type { Period } from "@revita/schema/period";
import { fieldIssue, ValidationError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";

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
 * Planned vs completed investment of a region's projects, month by month, in one SQL statement.
 * Completed investment sums the reports of projects without phases (phases report for their
 * project); planned investment spreads top-level projects with planned dates over them.
 */
export async function investmentOverTime(db: DbClient, regionId: number, from: Period, to: Period): Promise<InvestmentMonth[]> {
  const months =
    (Number(to.end.slice(0, 4)) - Number(from.start.slice(0, 4))) * 12 +
    Number(to.end.slice(5, 7)) -
    Number(from.start.slice(5, 7)) +
    1;
  if (months < 1) throw new ValidationError([fieldIssue("to", "RANGE_BACKWARDS", { from: from.key, to: to.key })]);
  if (months > MAX_MONTHS) throw new ValidationError([fieldIssue("to", "RANGE_TOO_LONG", { max: MAX_MONTHS, value: months })]);
  const rows = await db.$queryRaw<{ month: string; planned: Prisma.Decimal; completed: Prisma.Decimal }[]>`
    WITH months AS (
      SELECT month_start::date AS month_start, (month_start + interval '1 month - 1 day')::date AS month_end
        FROM generate_series(${from.start}::date, ${to.end}::date, interval '1 month') AS month_start
    ),
    scope AS (
      SELECT p.id, p.parent_id, p.total_investment, p.planned_start, p.planned_finish
        FROM project p JOIN region r ON r.id = p.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
    ),
    leaves AS (
      SELECT s.id FROM scope s WHERE NOT EXISTS (SELECT 1 FROM project ph WHERE ph.parent_id = s.id)
    ),
    planned_projects AS (
      SELECT total_investment, planned_start, planned_finish FROM scope
       WHERE parent_id IS NULL AND planned_start IS NOT NULL AND planned_finish IS NOT NULL
    )
    SELECT to_char(m.month_start, 'YYYY-MM') AS month,
           (SELECT coalesce(sum(pp.total_investment * least(1, greatest(0,
                     (m.month_end - pp.planned_start + 1)::numeric / (pp.planned_finish - pp.planned_start + 1)))), 0)
              FROM planned_projects pp) AS planned,
           (SELECT coalesce(sum(latest.completed_investment), 0) FROM (
              SELECT DISTINCT ON (pr.project_id) pr.completed_investment
                FROM progress_report pr
               WHERE pr.project_id IN (SELECT id FROM leaves) AND pr.period_end <= m.month_end
               ORDER BY pr.project_id, pr.period_end DESC, pr.id DESC) latest) AS completed
      FROM months m
     ORDER BY m.month_start`;
  return rows.map((row) => ({
    month: row.month,
    planned: new Prisma.Decimal(row.planned).toDecimalPlaces(2),
    completed: new Prisma.Decimal(row.completed),
  }));
}
