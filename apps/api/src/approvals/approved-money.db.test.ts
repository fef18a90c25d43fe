import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { fromDatabaseError } from "../common/errors.js";

/**
 * Approval covers money: inside a submitted or approved month of a county's progress, payments
 * dated in it and the totals of projects reported in it are locked like the reports, so approved
 * disbursement and completion rates stay what was approved.
 */

let db: TestDatabase;
let editor: Authenticated;
let approver: Authenticated;
const CENGONG = "522626000000";
const MONTH = "2020-12";
/** A phase of the ecological embankment, reported for 2020-12. */
const PHASE = "CG-FH-CBSTD-3";

beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
  approver = await demoUser(db.prisma, "cengong.approver");
});
afterAll(async () => {
  await db?.close();
});

const MOVE = (name: string) => `mutation($input: ApprovalInput!) { ${name}(input: $input) { status } }`;
const PAY = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { totalInvestment version } }`;

/** A Cengong allocation with money still to pay, as its global id. */
async function openAllocation(): Promise<{ id: string; projectCode: string }> {
  const [row] = await db.prisma.$queryRaw<{ id: number; code: string }[]>`
    SELECT a.id, p.code FROM fund_allocation a JOIN project p ON p.id = a.project_id JOIN region r ON r.id = p.region_id
     WHERE r.path @> ARRAY[(SELECT id FROM region WHERE code = ${CENGONG})]
       AND a.amount > coalesce((SELECT sum(d.amount) FROM disbursement d WHERE d.allocation_id = a.id), 0) + 100
     ORDER BY a.id LIMIT 1`;
  return { id: Buffer.from(`FundAllocation:${row!.id}`).toString("base64"), projectCode: row!.code };
}

const pay = async (allocationId: string, paidOn: string) =>
  tryGraphql(db.prisma, PAY, { input: { allocationId, amount: "10", paidOn } }, editor);

async function changeTotal(code: string, by: number) {
  const project = await db.prisma.project.findUniqueOrThrow({ where: { code } });
  return tryGraphql(
    db.prisma,
    UPDATE,
    { input: { code, expectedVersion: project.version, totalInvestment: project.totalInvestment.plus(by).toFixed(2) } },
    editor,
  );
}

describe("an approved (or submitted) month's money", () => {
  it("is open until the month is submitted", async () => {
    const allocation = await openAllocation();
    expect((await pay(allocation.id, "2020-12-10")).message).toBeUndefined();
  });

  it("takes no payment dated in the month, and no change to a reported project's total, once submitted", async () => {
    const submitted = await tryGraphql(
      db.prisma,
      MOVE("submitData"),
      { input: { dataSet: "PROGRESS", regionCode: CENGONG, period: MONTH } },
      editor,
    );
    expect(submitted.message).toBeUndefined();
    const allocation = await openAllocation();
    const refused = await pay(allocation.id, "2020-12-15");
    expect(refused.code).toBe("CONFLICT");
    expect(refused.zh?.message).toBe(
      `岑巩县 2020-12 的项目进度已提交待审核：${allocation.projectCode} 于 2020-12-15 的拨付已锁定，须审核员退回或重新打开后才能录入或修改`,
    );
    expect(refused.issues).toEqual(["paidOn"]);
    // A payment of another month goes in.
    expect((await pay(allocation.id, "2021-01-05")).message).toBeUndefined();
    const total = await changeTotal(PHASE, 1000);
    expect(total.code).toBe("CONFLICT");
    expect(total.zh?.issues.totalInvestment).toBe("已因审核锁定");
    expect(total.zh?.message).toContain(`${PHASE} 的总投资已锁定（已审核的完成率不能因此改变）`);
    // The whole project's total too: its phases report for the month.
    expect((await changeTotal("CG-FH-CBSTD", 1000)).code).toBe("CONFLICT");
    // Other changes to the project are not money: they go through.
    const project = await db.prisma.project.findUniqueOrThrow({ where: { code: PHASE } });
    const renamed = await tryGraphql(
      db.prisma,
      UPDATE,
      { input: { code: PHASE, expectedVersion: project.version, description: "复核后补充说明" } },
      editor,
    );
    expect(renamed.message).toBeUndefined();
  });

  it("holds in the database whatever path a write takes", async () => {
    const [paid] = await db.prisma.$queryRaw<{ id: number }[]>`
      SELECT d.id FROM disbursement d JOIN fund_allocation a ON a.id = d.allocation_id JOIN project p ON p.id = a.project_id
       JOIN region r ON r.id = p.region_id
      WHERE d.paid_on BETWEEN '2020-12-01' AND '2020-12-31' AND r.path @> ARRAY[(SELECT id FROM region WHERE code = ${CENGONG})]
      LIMIT 1`;
    const deleted = await db.prisma.disbursement.delete({ where: { id: paid!.id } }).then(
      () => null,
      (error: unknown) => fromDatabaseError(error),
    );
    expect(deleted?.reason).toBe("LOCKED_PAYMENT");
    const raised = await db.prisma.project.update({ where: { code: PHASE }, data: { totalInvestment: { increment: 1 } } }).then(
      () => null,
      (error: unknown) => fromDatabaseError(error),
    );
    expect(raised?.reason).toBe("LOCKED_TOTAL");
  });

  it("opens again when the approver returns the month", async () => {
    const returned = await tryGraphql(
      db.prisma,
      MOVE("returnData"),
      { input: { dataSet: "PROGRESS", regionCode: CENGONG, period: MONTH, comment: "请补充拨付凭证" } },
      approver,
    );
    expect(returned.message).toBeUndefined();
    const allocation = await openAllocation();
    expect((await pay(allocation.id, "2020-12-20")).message).toBeUndefined();
    expect((await changeTotal(PHASE, 1000)).message).toBeUndefined();
  });
});
