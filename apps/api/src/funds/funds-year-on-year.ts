import type { Period } from "@revita/schema/period";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import { yearBefore } from "../projects/investment-year-on-year.js";

export interface FundsYearOnYear {
  asOf: Date;
  yearBeforeAsOf: Date;
  /** Allocated to projects (资金安排) by each day, from the funds managed in the region and below. */
  allocated: Prisma.Decimal;
  allocatedYearBefore: Prisma.Decimal;
  /** Paid out (拨付) by each day. */
  disbursed: Prisma.Decimal;
  disbursedYearBefore: Prisma.Decimal;
}

/** The funds of a region and below: allocated and paid out by a period's end and by the same day a year before, in one statement. */
export async function fundsYearOnYear(db: DbClient, regionId: number, period: Period): Promise<FundsYearOnYear> {
  const before = yearBefore(period.end);
  const [row] = await db.$queryRaw<
    { allocated: string; allocated_before: string; disbursed: string; disbursed_before: string }[]
  >`
    WITH allocations AS (
      SELECT a.id, a.amount, a.allocated_on
        FROM fund_allocation a JOIN fund f ON f.id = a.fund_id JOIN region r ON r.id = f.region_id
       WHERE r.path @> ARRAY[${regionId}::int]
    )
    SELECT (SELECT coalesce(sum(amount) FILTER (WHERE allocated_on <= ${period.end}::date), 0) FROM allocations)::text AS allocated,
           (SELECT coalesce(sum(amount) FILTER (WHERE allocated_on <= ${before}::date), 0) FROM allocations)::text AS allocated_before,
           (SELECT coalesce(sum(d.amount) FILTER (WHERE d.paid_on <= ${period.end}::date), 0)
              FROM disbursement d JOIN allocations a ON a.id = d.allocation_id)::text AS disbursed,
           (SELECT coalesce(sum(d.amount) FILTER (WHERE d.paid_on <= ${before}::date), 0)
              FROM disbursement d JOIN allocations a ON a.id = d.allocation_id)::text AS disbursed_before`;
  const money = (text: string | undefined) => new Prisma.Decimal(text ?? "0");
  return {
    asOf: new Date(`${period.end}T00:00:00Z`),
    yearBeforeAsOf: new Date(`${before}T00:00:00Z`),
    allocated: money(row?.allocated),
    allocatedYearBefore: money(row?.allocated_before),
    disbursed: money(row?.disbursed),
    disbursedYearBefore: money(row?.disbursed_before),
  };
}
