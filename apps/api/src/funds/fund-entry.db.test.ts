import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createFund } from "./funds.service.js";

let db: TestDatabase;
let editor: Authenticated;
let viewer: Authenticated;
const FUND = "CG-F-2026-TEST";
const PROJECT = "CG-SL-XXSK";

beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
  viewer = await demoUser(db.prisma, "cengong.viewer");
  // Scenario: a county fund of 1,000,000 yuan with nothing allocated yet.
  await createFund(db.prisma, {
    code: FUND,
    nameZh: "2026年县级衔接资金（测试）",
    sourceType: "FISCAL_SPECIAL",
    level: "COUNTY",
    year: 2026,
    regionCode: "522626000000",
    amount: "1000000",
  });
});
afterAll(async () => {
  await db?.close();
});

const ALLOCATE = `mutation($input: AllocateFundInput!, $key: String) {
  allocateFund(input: $input, idempotencyKey: $key) { id amount version fund { code } project { code } } }`;
const DISBURSE = `mutation($input: RecordDisbursementInput!, $key: String) {
  recordDisbursement(input: $input, idempotencyKey: $key) { id amount disbursements { amount voucherNo } } }`;

type Allocation = { id: string; amount: string; disbursements?: { amount: string }[] };
const allocate = (amount: string, as = editor, key?: string) =>
  tryGraphql<{ allocateFund: Allocation }>(
    db.prisma,
    ALLOCATE,
    { input: { fundCode: FUND, projectCode: PROJECT, amount, allocatedOn: "2026-03-01" }, key },
    as,
  );
const disburse = (allocationId: string, amount: string, key?: string, as = editor) =>
  tryGraphql<{ recordDisbursement: Allocation }>(
    db.prisma,
    DISBURSE,
    { input: { allocationId, amount, paidOn: "2026-04-15", voucherNo: "记-0415" }, key },
    as,
  );

describe("allocating a fund and paying out", () => {
  let allocationId: string;

  it("allocates within the fund, and refuses what would exceed it, naming the amounts", async () => {
    const first = await allocate("600000");
    expect(first.message).toBeUndefined();
    allocationId = first.data!.allocateFund.id;
    const over = await allocate("400000.01");
    expect(over.code).toBe("BAD_USER_INPUT");
    expect(over.issues).toEqual(["amount"]);
    expect(over.message).toContain(
      "would bring 2026年县级衔接资金（测试）'s allocations to 1000000.01, above the fund's 1000000.00",
    );
    expect(await db.prisma.fundAllocation.count({ where: { fund: { code: FUND } } })).toBe(1);
  });

  it("pays within the allocation once per idempotency key, and refuses an overpayment", async () => {
    const paid = await disburse(allocationId, "400000", "pay-voucher-0415");
    const retried = await disburse(allocationId, "400000", "pay-voucher-0415");
    expect(paid.message).toBeUndefined();
    expect(retried.data).toEqual(paid.data);
    expect(paid.data?.recordDisbursement.disbursements).toEqual([{ amount: "400000", voucherNo: "记-0415" }]);
    const over = await disburse(allocationId, "200000.01");
    expect(over.code).toBe("BAD_USER_INPUT");
    expect(over.message).toContain("would bring payments to 600000.01, above the allocated 600000.00");
    expect(await db.prisma.disbursement.count({ where: { allocation: { fund: { code: FUND } } } })).toBe(1);
  });

  it("refuses bad input by field, and a viewer altogether", async () => {
    const bad = await tryGraphql(
      db.prisma,
      ALLOCATE,
      { input: { fundCode: "NO-SUCH-FUND", projectCode: "NO-SUCH", amount: "-5", allocatedOn: "2026-02-30" } },
      editor,
    );
    expect(bad.issues).toEqual(["amount", "allocatedOn", "fundCode", "projectCode"]);
    expect((await allocate("1", viewer)).code).toBe("FORBIDDEN");
    expect((await disburse(allocationId, "1", undefined, viewer)).code).toBe("FORBIDDEN");
  });
});

describe("allocating above a project's total investment", () => {
  const OVER_FUND = "CG-F-2026-OVER";
  /** 病险水库除险加固 (5 reservoirs): a total of 12,440,000 yuan. */
  const SMALL = "CG-SL-BXSK";
  const OVER = `mutation($input: AllocateFundInput!) { allocateFund(input: $input) { amount overAllocationReason project { code } } }`;

  it("is refused without a reason, by field and in Chinese, and accepted with one, flagged until the total covers it", async () => {
    await createFund(db.prisma, {
      code: OVER_FUND,
      nameZh: "2026年县级水利资金（测试）",
      sourceType: "FISCAL_SPECIAL",
      level: "COUNTY",
      year: 2026,
      regionCode: "522626000000",
      amount: "100000000",
    });
    const project = await db.prisma.project.findUniqueOrThrow({ where: { code: SMALL } });
    const amount = project.totalInvestment.plus(1_000_000).toFixed(2);
    const input = { fundCode: OVER_FUND, projectCode: SMALL, amount, allocatedOn: "2026-03-01" };
    const refused = await tryGraphql(db.prisma, OVER, { input }, editor);
    expect(refused.code).toBe("BAD_USER_INPUT");
    expect(refused.zh?.issues.amount).toContain("超过其总投资 12440000.00 元；如确需超概算安排，请填写超概算安排原因");
    expect(await db.prisma.fundAllocation.count({ where: { fund: { code: OVER_FUND } } })).toBe(0);
    const accepted = await tryGraphql<{ allocateFund: { overAllocationReason: string | null } }>(
      db.prisma,
      OVER,
      { input: { ...input, overAllocationReason: "省厅追加除险加固资金，概算调整待批" } },
      editor,
    );
    expect(accepted.message).toBeUndefined();
    expect(accepted.data?.allocateFund.overAllocationReason).toBe("省厅追加除险加固资金，概算调整待批");
    const alerts = await tryGraphql<{ region: { alerts: { items: { subject: { code: string } }[] } } }>(
      db.prisma,
      `{ region(code: "522626000000") { alerts(rules: [OVER_ALLOCATED], first: 100) { items { subject { code } } } } }`,
      {},
      viewer,
    );
    expect(alerts.data?.region.alerts.items.map((alert) => alert.subject.code)).toContain(SMALL);
  });
});
