import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { allocateFund, createFund, recordDisbursement } from "./funds.service.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const fund = (code: string, amount: string) => ({
  code,
  nameZh: "测试资金",
  sourceType: "FISCAL_SPECIAL" as const,
  level: "COUNTY" as const,
  year: 2024,
  regionCode: "522626000000",
  amount,
});

describe("funds", () => {
  it("refuses a negative fund, a bad grade and an unknown region at once", async () => {
    await expect(
      createFund(db.prisma, { ...fund("T-NEG", "-100"), regionCode: "000000000000", performanceGrade: "E" as "A" }),
    ).rejects.toMatchObject({
      issues: expect.arrayContaining([
        expect.objectContaining({ field: "amount", message: "cannot be negative (got -100)" }),
        expect.objectContaining({ field: "performanceGrade" }),
        expect.objectContaining({ field: "regionCode", message: "no region has the code 000000000000" }),
      ]),
    });
    expect(await db.prisma.fund.count({ where: { code: "T-NEG" } })).toBe(0);
  });

  it("never allocates more than the fund holds", async () => {
    await createFund(db.prisma, fund("T-CAP", "1000000"));
    await allocateFund(db.prisma, {
      fundCode: "T-CAP",
      projectCode: "CG-FH-CBFHD",
      amount: "600000",
      allocatedOn: "2024-01-10",
      overAllocationReason: "测试：只验资金总额的上限",
    });
    await expect(
      allocateFund(db.prisma, {
        fundCode: "T-CAP",
        projectCode: "CG-WS-XCKR",
        amount: "400000.01",
        allocatedOn: "2024-01-11",
        overAllocationReason: "测试：只验资金总额的上限",
      }),
    ).rejects.toThrow(/amount: 400000.01 would bring 测试资金's allocations to 1000000.01, above the fund's 1000000.00/);
  });

  it("never pays more than was allocated", async () => {
    await createFund(db.prisma, fund("T-PAY", "500000"));
    const allocation = await allocateFund(db.prisma, {
      fundCode: "T-PAY",
      projectCode: "CG-FH-CBFHD",
      amount: "500000",
      allocatedOn: "2024-02-01",
      overAllocationReason: "测试：只验拨付不超安排",
    });
    await recordDisbursement(db.prisma, { allocationId: allocation.id, amount: "300000", paidOn: "2024-03-01" });
    await expect(
      recordDisbursement(db.prisma, { allocationId: allocation.id, amount: "200000.01", paidOn: "2024-04-01" }),
    ).rejects.toThrow(/above the allocated 500000.00/);
    await expect(
      recordDisbursement(db.prisma, { allocationId: allocation.id, amount: "0", paidOn: "2024-04-01" }),
    ).rejects.toThrow(/amount: must be more than zero/);
    await expect(
      recordDisbursement(db.prisma, { allocationId: allocation.id, amount: "1", paidOn: "2024-02-30" }),
    ).rejects.toThrow(/paidOn: "2024-02-30" is not a real calendar date/);
  });

  it("holds the same rules in the database, against raw SQL", async () => {
    const capped = await db.prisma.fund.findUniqueOrThrow({ where: { code: "T-CAP" } });
    const project = await db.prisma.project.findUniqueOrThrow({ where: { code: "CG-WS-XCKR" } });
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO fund_allocation (fund_id, project_id, amount, allocated_on, updated_at) VALUES (${capped.id}, ${project.id}, 400000.01, '2024-01-11', now())`,
      ),
    ).rejects.toThrow(/allocating 400000.01 would bring its allocations to 1000000.01, above the fund's amount 1000000.00/);
    await expect(db.prisma.fund.update({ where: { id: capped.id }, data: { amount: "599999.99" } })).rejects.toThrow(
      /amount 599999.99 is below the 600000.00 already allocated/,
    );
    await expect(db.prisma.fund.update({ where: { id: capped.id }, data: { amount: "-1" } })).rejects.toThrow(
      /fund_amount_not_negative/,
    );
    const allocation = await db.prisma.fundAllocation.findFirstOrThrow({ where: { fund: { code: "T-PAY" } } });
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO disbursement (allocation_id, amount, paid_on) VALUES (${allocation.id}, 200000.01, '2024-04-01')`,
      ),
    ).rejects.toThrow(/paying 200000.01 would bring payments to 500000.01, above the allocated 500000.00/);
    await expect(
      db.prisma.$executeRawUnsafe(
        `INSERT INTO disbursement (allocation_id, amount, paid_on) VALUES (${allocation.id}, -5, '2024-04-01')`,
      ),
    ).rejects.toThrow(/disbursement_amount_positive/);
  });
});
