import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { Prisma } from "../generated/prisma/client.js";
import { yearBefore } from "./investment-year-on-year.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

/** Straight from the reports: each reporting project's (no phases) latest completed investment by a day. */
async function completedBy(regionCode: string, day: string): Promise<string> {
  const region = await db.prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  const projects = await db.prisma.project.findMany({
    where: { region: { path: { has: region.id } }, phases: { none: {} } },
    select: {
      progressReports: {
        where: { periodEnd: { lte: new Date(`${day}T00:00:00Z`) }, completedInvestment: { not: null } },
        orderBy: { periodEnd: "desc" },
        take: 1,
        select: { completedInvestment: true },
      },
    },
  });
  return projects.reduce((sum, p) => sum.plus(p.progressReports[0]?.completedInvestment ?? 0), new Prisma.Decimal(0)).toFixed(2);
}

describe("investment year on year", () => {
  it("gives Cengong's completed investment at the end of 2020 and of 2019 as the reports add up", async () => {
    const data = await runGraphql<{ region: { investmentYearOnYear: Record<string, string> } }>(
      db.prisma,
      `{ region(code: "522626000000") { investmentYearOnYear(period: "2020") { asOf yearBeforeAsOf completed completedYearBefore planned plannedYearBefore } } }`,
    );
    const y = data.region.investmentYearOnYear;
    expect([y.asOf, y.yearBeforeAsOf]).toEqual(["2020-12-31", "2019-12-31"]);
    expect(new Prisma.Decimal(y.completed!).toFixed(2)).toBe(await completedBy("522626000000", "2020-12-31"));
    expect(new Prisma.Decimal(y.completedYearBefore!).toFixed(2)).toBe(await completedBy("522626000000", "2019-12-31"));
    expect(Number(y.completed)).toBeGreaterThan(Number(y.completedYearBefore));
    expect(Number(y.planned)).toBeGreaterThanOrEqual(Number(y.plannedYearBefore));
  });

  it("takes the funds' allocations and payments by each day", async () => {
    const data = await runGraphql<{ region: { fundsYearOnYear: Record<string, string> } }>(
      db.prisma,
      `{ region(code: "522626000000") { fundsYearOnYear(period: "2020") { allocated allocatedYearBefore disbursed disbursedYearBefore } } }`,
    );
    const region = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626000000" } });
    const inRegion = { fund: { region: { path: { has: region.id } } } };
    const allocated = async (day: string) =>
      (
        await db.prisma.fundAllocation.aggregate({
          where: { ...inRegion, allocatedOn: { lte: new Date(day) } },
          _sum: { amount: true },
        })
      )._sum.amount ?? new Prisma.Decimal(0);
    const paid = async (day: string) =>
      (
        await db.prisma.disbursement.aggregate({
          where: { allocation: inRegion, paidOn: { lte: new Date(day) } },
          _sum: { amount: true },
        })
      )._sum.amount ?? new Prisma.Decimal(0);
    const y = data.region.fundsYearOnYear;
    expect(new Prisma.Decimal(y.allocated!).equals(await allocated("2020-12-31"))).toBe(true);
    expect(new Prisma.Decimal(y.allocatedYearBefore!).equals(await allocated("2019-12-31"))).toBe(true);
    expect(new Prisma.Decimal(y.disbursed!).equals(await paid("2020-12-31"))).toBe(true);
    expect(new Prisma.Decimal(y.disbursedYearBefore!).equals(await paid("2019-12-31"))).toBe(true);
    expect(Number(y.disbursed)).toBeGreaterThan(0);
  });

  it("counts a year back from the period's last day, 29 February falling on the 28th", () => {
    expect(yearBefore("2024-02-29")).toBe("2023-02-28");
    expect(yearBefore("2020-12-31")).toBe("2019-12-31");
  });
});
