import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import { schema } from "../schema/index.js";

/**
 * A fund's life as a county's finance clerk lives it: registered (a three-year envelope split
 * by year), edited, evaluated each year, allocated, paid, and re-allocated between projects.
 */
let db: TestDatabase;
let editor: Authenticated;
let viewer: Authenticated;
const CENGONG = "522626000000";
const ENVELOPE = "CG-F-2024-2026-LIFE";
/** 岑巩县 projects with room under their totals. */
const FROM_PROJECT = "CG-SL-XXSK";
const TO_PROJECT = "CG-SL-BXSK";

beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
  viewer = await demoUser(db.prisma, "cengong.viewer");
});
afterAll(async () => {
  await db?.close();
});

const FUND_FIELDS =
  "code version amount startYear year yearAmounts { year amount } performanceGrade evaluations { year grade score evaluator version }";
const CREATE = `mutation($input: CreateFundInput!, $key: String) { createFund(input: $input, idempotencyKey: $key) { ${FUND_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateFundInput!) { updateFund(input: $input) { ${FUND_FIELDS} } }`;
const EVALUATE = `mutation($input: FundEvaluationInput!) { recordFundEvaluation(input: $input) { ${FUND_FIELDS} } }`;
const ALLOCATE = `mutation($input: AllocateFundInput!) { allocateFund(input: $input) { id version amount } }`;
const PAY = `mutation($input: RecordDisbursementInput!) { recordDisbursement(input: $input) { id } }`;
const REALLOCATE = `mutation($input: ReallocateFundInput!) {
  reallocateFund(input: $input) { allocations(first: 20) { edges { node { id amount version adjustmentReason project { code } } } } } }`;

interface FundView {
  code: string;
  version: number;
  amount: string;
  yearAmounts: { year: number; amount: string }[];
  performanceGrade: string | null;
  evaluations: { year: number; grade: string; score: string | null; evaluator: string; version: number }[];
}
type AllocationView = { id: string; amount: string; version: number; adjustmentReason: string | null; project: { code: string } };

const envelope = {
  code: ENVELOPE,
  nameZh: "2024—2026年县级衔接资金（测试）",
  sourceType: "FISCAL_SPECIAL",
  level: "COUNTY",
  startYear: 2024,
  year: 2026,
  regionCode: CENGONG,
  amount: "3000000",
};

async function fund(): Promise<FundView> {
  const outcome = await tryGraphql<{ funds: { edges: { node: FundView }[] } }>(
    db.prisma,
    `{ funds(regionCode: "${CENGONG}", first: 100) { edges { node { ${FUND_FIELDS} } } } }`,
    {},
    viewer,
  );
  return outcome.data!.funds.edges.map((edge) => edge.node).find((node) => node.code === ENVELOPE)!;
}

async function byYear(year?: number) {
  const outcome = await tryGraphql<{ region: { fundFlow: { key: string; fundAmount: string; allocated: string }[] } }>(
    db.prisma,
    `query($year: Int) { region(code: "${CENGONG}") { fundFlow(groupBy: YEAR, year: $year) { key fundAmount allocated } } }`,
    { year },
    viewer,
  );
  return Object.fromEntries(outcome.data!.region.fundFlow.map((group) => [group.key, group]));
}

describe("registering a fund", () => {
  it("refuses a split that does not add up, or has the wrong number of years, by field and in Chinese", async () => {
    const short = await tryGraphql(db.prisma, CREATE, { input: { ...envelope, yearAmounts: ["1000000", "2000000"] } }, editor);
    expect(short.code).toBe("BAD_USER_INPUT");
    expect(short.zh?.issues.yearAmounts).toBe("分年度金额填了 2 个，2024—2026 年共 3 个年度，请每年填一个金额");
    const wrong = await tryGraphql(
      db.prisma,
      CREATE,
      { input: { ...envelope, yearAmounts: ["1000000", "1000000", "999999.99"] } },
      editor,
    );
    expect(wrong.zh?.issues.yearAmounts).toBe("分年度金额合计 2999999.99 元，与资金总额 3000000.00 元不符");
    const bad = await tryGraphql(
      db.prisma,
      CREATE,
      { input: { ...envelope, code: " ", startYear: 2027, regionCode: "999" } },
      editor,
    );
    expect(bad.issues?.sort()).toEqual(["code", "regionCode", "startYear"]);
    expect(await db.prisma.fund.count({ where: { code: ENVELOPE } })).toBe(0);
  });

  it("refuses a viewer, and an editor outside their county", async () => {
    expect((await tryGraphql(db.prisma, CREATE, { input: envelope }, viewer)).code).toBe("FORBIDDEN");
    const elsewhere = await tryGraphql(db.prisma, CREATE, { input: { ...envelope, regionCode: "421003000000" } }, editor);
    expect(elsewhere.code).toBe("FORBIDDEN");
    expect(await db.prisma.fund.count({ where: { code: ENVELOPE } })).toBe(0);
  });

  it("registers a three-year envelope split by year once per idempotency key, each year in its own bar", async () => {
    const before = await byYear();
    const input = { ...envelope, yearAmounts: ["500000", "1000000", "1500000"] };
    const created = await tryGraphql<{ createFund: FundView }>(db.prisma, CREATE, { input, key: "fund-life-1" }, editor);
    const retried = await tryGraphql<{ createFund: FundView }>(db.prisma, CREATE, { input, key: "fund-life-1" }, editor);
    expect(created.message).toBeUndefined();
    expect(retried.data).toEqual(created.data);
    expect(created.data!.createFund.yearAmounts).toEqual([
      { year: 2024, amount: "500000" },
      { year: 2025, amount: "1000000" },
      { year: 2026, amount: "1500000" },
    ]);
    const after = await byYear();
    const added = (key: string) => Number(after[key]?.fundAmount ?? 0) - Number(before[key]?.fundAmount ?? 0);
    expect([added("2024"), added("2025"), added("2026")]).toEqual([500000, 1000000, 1500000]);
    expect(after["2024–2026"]).toBeUndefined();
    // Asked for one year, the envelope counts that year's part only.
    const in2025 = await byYear(2025);
    const before2025 = before["2025"] ? Number(before["2025"].fundAmount) : 0;
    expect(Number(in2025["2025"]!.fundAmount) - before2025).toBe(1000000);
  });

  it("shows an envelope known only by its total as its span, not in its last year", async () => {
    const outcome = await tryGraphql<{ region: { fundFlow: { key: string; fundAmount: string }[] } }>(
      db.prisma,
      `{ region(code: "421003000000") { fundFlow(groupBy: YEAR) { key fundAmount } } }`,
      {},
      await demoUser(db.prisma, "jingzhou.analyst"),
    );
    const groups = Object.fromEntries(outcome.data!.region.fundFlow.map((group) => [group.key, group.fundAmount]));
    // 4.97亿 bridging funds and 10亿 social capital, 2019–2023: the articles give only the totals.
    expect(Number(groups["2019–2023"])).toBe(1497000000);
    expect(Number(groups["2023"] ?? 0)).toBeLessThan(497000000);
  });
});

describe("editing and evaluating a fund", () => {
  it("edits from the version seen, refuses a stale version and years that no longer fit the split", async () => {
    const current = await fund();
    const edited = await tryGraphql<{ updateFund: FundView }>(
      db.prisma,
      UPDATE,
      {
        input: {
          code: ENVELOPE,
          expectedVersion: current.version,
          amount: "3600000",
          yearAmounts: ["600000", "1200000", "1800000"],
        },
      },
      editor,
    );
    expect(edited.message).toBeUndefined();
    expect(edited.data!.updateFund.amount).toBe("3600000");
    const stale = await tryGraphql(
      db.prisma,
      UPDATE,
      { input: { code: ENVELOPE, expectedVersion: current.version, nameZh: "x" } },
      editor,
    );
    expect(stale.code).toBe("CONFLICT");
    const years = await tryGraphql(
      db.prisma,
      UPDATE,
      { input: { code: ENVELOPE, expectedVersion: edited.data!.updateFund.version, year: 2027 } },
      editor,
    );
    expect(years.zh?.issues.yearAmounts).toBe("分年度金额填了 3 个，2024—2027 年共 4 个年度，请每年填一个金额");
    expect((await fund()).amount).toBe("3600000");
  });

  it("records a year's evaluation, keeps the latest year's grade on the fund, and corrects one only from its version", async () => {
    const first = await tryGraphql<{ recordFundEvaluation: FundView }>(
      db.prisma,
      EVALUATE,
      {
        input: {
          fundCode: ENVELOPE,
          year: 2025,
          grade: "B",
          score: "82.5",
          evaluatedOn: "2026-03-20",
          evaluator: "岑巩县财政局",
        },
      },
      editor,
    );
    expect(first.message).toBeUndefined();
    expect(first.data!.recordFundEvaluation.performanceGrade).toBe("B");
    const earlier = await tryGraphql<{ recordFundEvaluation: FundView }>(
      db.prisma,
      EVALUATE,
      { input: { fundCode: ENVELOPE, year: 2024, grade: "A", evaluatedOn: "2025-03-01", evaluator: "第三方评价机构" } },
      editor,
    );
    // The 2024 A is older than the 2025 B: the fund keeps B.
    expect(earlier.data!.recordFundEvaluation.performanceGrade).toBe("B");
    expect(earlier.data!.recordFundEvaluation.evaluations.map((e) => [e.year, e.grade])).toEqual([
      [2025, "B"],
      [2024, "A"],
    ]);
    const again = await tryGraphql(
      db.prisma,
      EVALUATE,
      { input: { fundCode: ENVELOPE, year: 2025, grade: "A", evaluatedOn: "2026-04-01", evaluator: "岑巩县财政局" } },
      editor,
    );
    expect(again.zh?.issues.year).toBe("2024—2026年县级衔接资金（测试）的 2025 年度已有绩效评价；如需更正，请在该评价上修改");
    const version = earlier.data!.recordFundEvaluation.evaluations[0]!.version;
    const corrected = await tryGraphql<{ recordFundEvaluation: FundView }>(
      db.prisma,
      EVALUATE,
      {
        input: {
          fundCode: ENVELOPE,
          year: 2025,
          grade: "A",
          score: "91",
          evaluatedOn: "2026-04-01",
          evaluator: "岑巩县财政局",
          expectedVersion: version,
        },
      },
      editor,
    );
    expect(corrected.data!.recordFundEvaluation.performanceGrade).toBe("A");
    const outside = await tryGraphql(
      db.prisma,
      EVALUATE,
      { input: { fundCode: ENVELOPE, year: 2023, grade: "A", score: "120", evaluatedOn: "2022-01-01", evaluator: " " } },
      editor,
    );
    expect(outside.issues?.sort()).toEqual(["evaluatedOn", "evaluator", "score", "year"]);
    expect(outside.zh?.issues.score).toBe("评价得分 120 不在 0 到 100 之间");
    expect(
      (
        await tryGraphql(
          db.prisma,
          EVALUATE,
          { input: { fundCode: ENVELOPE, year: 2026, grade: "A", evaluatedOn: "2026-12-01", evaluator: "x" } },
          viewer,
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("allocating and re-allocating", () => {
  let allocationId: string;
  let version: number;

  it("keeps what was paid, and refuses a reallocation without a reason or below the payments, in Chinese", async () => {
    const allocated = await tryGraphql<{ allocateFund: { id: string; version: number } }>(
      db.prisma,
      ALLOCATE,
      { input: { fundCode: ENVELOPE, projectCode: FROM_PROJECT, amount: "1000000", allocatedOn: "2025-03-01" } },
      editor,
    );
    expect(allocated.message).toBeUndefined();
    allocationId = allocated.data!.allocateFund.id;
    version = allocated.data!.allocateFund.version;
    // Allocated in 2025: the split envelope counts it in 2025.
    expect(Number((await byYear(2025))["2025"]!.allocated)).toBeGreaterThanOrEqual(1000000);
    await tryGraphql(db.prisma, PAY, { input: { allocationId, amount: "300000", paidOn: "2025-06-01" } }, editor);
    const below = await tryGraphql(
      db.prisma,
      REALLOCATE,
      { input: { allocationId, expectedVersion: version, amount: "200000", reason: " " } },
      editor,
    );
    expect(below.issues?.sort()).toEqual(["amount", "reason"]);
    expect(below.zh?.issues.amount).toBe("安排金额 200000.00 元低于已拨付的 300000.00 元");
    const nothing = await tryGraphql(
      db.prisma,
      REALLOCATE,
      {
        input: {
          allocationId,
          expectedVersion: version,
          amount: "1000000",
          toProjectCode: FROM_PROJECT,
          allocatedOn: "2025-07-01",
          reason: "调剂",
        },
      },
      editor,
    );
    expect(nothing.issues?.sort()).toEqual(["amount", "toProjectCode"]);
  });

  it("moves the unpaid part to another project with its reason, in one change, and keeps the reason in the audit", async () => {
    const moved = await tryGraphql<{ reallocateFund: { allocations: { edges: { node: AllocationView }[] } } }>(
      db.prisma,
      REALLOCATE,
      {
        input: {
          allocationId,
          expectedVersion: version,
          amount: "400000",
          toProjectCode: TO_PROJECT,
          allocatedOn: "2025-07-01",
          reason: "项目建设内容调减，结余资金调剂至病险水库除险加固",
        },
      },
      editor,
    );
    expect(moved.message).toBeUndefined();
    const allocations = moved.data!.reallocateFund.allocations.edges.map((edge) => edge.node);
    expect(allocations.map((a) => [a.project.code, a.amount])).toEqual([
      [FROM_PROJECT, "400000"],
      [TO_PROJECT, "600000"],
    ]);
    expect(new Set(allocations.map((a) => a.adjustmentReason))).toEqual(
      new Set(["项目建设内容调减，结余资金调剂至病险水库除险加固"]),
    );
    const audit = await db.prisma.$queryRaw<{ before: { amount: number }; after: { adjustment_reason: string } }[]>`
      SELECT before, after FROM audit_log WHERE table_name = 'fund_allocation' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`;
    expect(audit[0]!.before.amount).toBe(1000000);
    expect(audit[0]!.after.adjustment_reason).toContain("调剂至病险水库");
    // A retry from the old version is a conflict, not a second move.
    const stale = await tryGraphql(
      db.prisma,
      REALLOCATE,
      { input: { allocationId, expectedVersion: version, amount: "350000", reason: "再次调减" } },
      editor,
    );
    expect(stale.code).toBe("CONFLICT");
  });

  it("raises an allocation within the fund only, and takes back an unpaid one whole", async () => {
    const current = (await fund()) as FundView;
    expect(current.amount).toBe("3600000");
    const all = await db.prisma.fundAllocation.findMany({ where: { fund: { code: ENVELOPE } }, orderBy: { id: "asc" } });
    const unpaid = all[1]!;
    const tooMuch = await tryGraphql(
      db.prisma,
      REALLOCATE,
      { input: { allocationId: globalId(unpaid.id), expectedVersion: unpaid.version, amount: "3200000.01", reason: "追加" } },
      editor,
    );
    expect(tooMuch.issues).toContain("amount");
    expect(tooMuch.zh?.issues.amount).toContain("超过资金总额 3600000.00 元");
    const back = await tryGraphql<{ reallocateFund: { allocations: { edges: { node: AllocationView }[] } } }>(
      db.prisma,
      REALLOCATE,
      {
        input: { allocationId: globalId(unpaid.id), expectedVersion: unpaid.version, amount: "0", reason: "项目取消，资金收回" },
      },
      editor,
    );
    expect(back.message).toBeUndefined();
    expect(back.data!.reallocateFund.allocations.edges.map((edge) => edge.node.project.code)).toEqual([FROM_PROJECT]);
    const paid = all[0]!;
    const paidBack = await tryGraphql(
      db.prisma,
      REALLOCATE,
      { input: { allocationId: globalId(paid.id), expectedVersion: paid.version, amount: "0", reason: "收回" } },
      editor,
    );
    expect(paidBack.zh?.issues.amount).toBe("安排金额 0.00 元低于已拨付的 300000.00 元");
    expect(
      (
        await tryGraphql(
          db.prisma,
          REALLOCATE,
          { input: { allocationId: globalId(paid.id), expectedVersion: paid.version, amount: "1", reason: "x" } },
          viewer,
        )
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("the database's own guard, with the API's rules off", () => {
  it("keeps another county's editor from evaluating or re-allocating this county's fund, and from reading its evaluations", async () => {
    const outsider = await demoUser(db.prisma, "mashan.mediator");
    const asOutsider = (source: string, variableValues: Record<string, unknown>) =>
      graphql({ schema, source, variableValues, contextValue: createContext(db.prisma, outsider, { apiRules: false }) });
    const evaluated = await asOutsider(EVALUATE, {
      input: { fundCode: ENVELOPE, year: 2026, grade: "D", evaluatedOn: "2026-12-01", evaluator: "荆州区财政局" },
    });
    expect(evaluated.errors?.length).toBeGreaterThan(0);
    const paid = (await db.prisma.fundAllocation.findMany({ where: { fund: { code: ENVELOPE } } }))[0]!;
    const moved = await asOutsider(REALLOCATE, {
      input: { allocationId: globalId(paid.id), expectedVersion: paid.version, amount: "350000", reason: "越权" },
    });
    expect(moved.errors?.length).toBeGreaterThan(0);
    expect((await db.prisma.fundAllocation.findUniqueOrThrow({ where: { id: paid.id } })).amount.toFixed(2)).toBe("400000.00");
    expect(await db.prisma.fundEvaluation.count({ where: { fund: { code: ENVELOPE } } })).toBe(2);
    // Read as the API's role with Jingzhou District's read roots, then with Cengong's.
    const seenFrom = (code: string) =>
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL ROLE revita_api`;
        await tx.$executeRaw`SELECT set_config('revita.read_roots', (SELECT '{' || id || '}' FROM region WHERE code = ${code}), true)`;
        return tx.fundEvaluation.count({ where: { fundId: paid.fundId } });
      });
    expect(await seenFrom("421003000000")).toBe(0);
    expect(await seenFrom(CENGONG)).toBe(2);
  });
});

function globalId(id: number): string {
  return Buffer.from(`FundAllocation:${id}`).toString("base64");
}
