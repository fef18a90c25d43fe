import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type {
  Disbursement,
  Fund,
  FundAllocation,
  FundLevel,
  FundSourceType,
  PerformanceGrade,
  SourceKind,
} from "../generated/prisma/client.js";

export const FUND_SOURCE_TYPES: readonly FundSourceType[] = [
  "CENTRAL_BRIDGING",
  "FISCAL_SPECIAL",
  "BANK_LOAN",
  "SELF_RAISED",
  "SOCIAL_CAPITAL",
  "POVERTY_MICROCREDIT",
  "INDUSTRY_SUBSIDY",
];
export const FUND_LEVELS: readonly FundLevel[] = ["CENTRAL", "PROVINCIAL", "PREFECTURE", "COUNTY", "TOWNSHIP", "NON_GOVERNMENT"];
export const PERFORMANCE_GRADES: readonly PerformanceGrade[] = ["A", "B", "C", "D"];

export interface CreateFundInput {
  code: string;
  nameZh: string;
  sourceType: FundSourceType;
  level: FundLevel;
  year: number;
  /** First year of a multi-year envelope; defaults to year. */
  startYear?: number | null;
  /** The region managing the fund. */
  regionCode: string;
  amount: string | number;
  performanceGrade?: PerformanceGrade | null;
  note?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
}

export async function createFund(db: DbClient, input: CreateFundInput): Promise<Fund> {
  const check = new InputChecker();
  const code = check.text("code", input.code, { max: 64 });
  const nameZh = check.text("nameZh", input.nameZh, { max: 200 });
  const sourceType = check.oneOf("sourceType", input.sourceType, FUND_SOURCE_TYPES);
  const level = check.oneOf("level", input.level, FUND_LEVELS);
  const year = check.year("year", input.year);
  const startYear = check.year("startYear", input.startYear ?? input.year);
  if (startYear > year) check.fail("startYear", "START_AFTER_YEAR", { start: startYear, year });
  const amount = check.money("amount", input.amount);
  const performanceGrade =
    input.performanceGrade == null ? null : check.oneOf("performanceGrade", input.performanceGrade, PERFORMANCE_GRADES);
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const [region, existing] = await Promise.all([
    db.region.findUnique({ where: { code: input.regionCode } }),
    db.fund.findUnique({ where: { code }, select: { id: true } }),
  ]);
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode });
  if (existing) check.fail("code", "FUND_CODE_TAKEN", { code });
  check.done();
  return db.fund.create({
    data: {
      code,
      nameZh,
      sourceType,
      level,
      year,
      startYear,
      regionId: region!.id,
      amount,
      performanceGrade,
      note: input.note?.trim() || null,
      source: input.source ?? null,
      sourceKind,
    },
  });
}

export interface AllocateFundInput {
  fundCode: string;
  projectCode: string;
  amount: string | number;
  /** YYYY-MM-DD */
  allocatedOn: string;
  note?: string | null;
  /**
   * 超概算安排原因: needed when this allocation takes the project's allocations (a phase's own, or
   * a project's with its phases') above its total investment; kept only then.
   */
  overAllocationReason?: string | null;
  sourceKind?: SourceKind | null;
}

/**
 * 资金安排. The fund's allocations together never exceed the fund; a project's may exceed its
 * total investment only with a stated reason, and are then flagged (the OVER_ALLOCATED alert)
 * until the total covers them.
 */
export async function allocateFund(db: DbClient, input: AllocateFundInput): Promise<FundAllocation> {
  const check = new InputChecker();
  const amount = check.money("amount", input.amount, { allowZero: false });
  const allocatedOn = check.date("allocatedOn", input.allocatedOn);
  if (!input.allocatedOn) check.fail("allocatedOn", "REQUIRED");
  const [fund, project] = await Promise.all([
    db.fund.findUnique({ where: { code: input.fundCode } }),
    db.project.findUnique({ where: { code: input.projectCode } }),
  ]);
  if (!fund) check.fail("fundCode", "NO_SUCH_FUND", { code: input.fundCode });
  if (!project) check.fail("projectCode", "NO_SUCH_PROJECT", { code: input.projectCode });
  if (fund && amount.greaterThan(0)) {
    const { _sum } = await db.fundAllocation.aggregate({ where: { fundId: fund.id }, _sum: { amount: true } });
    const allocated = _sum.amount ?? 0;
    if (amount.plus(allocated).greaterThan(fund.amount)) {
      check.fail("amount", "FUND_OVER_ALLOCATED", {
        amount: amount.toFixed(2),
        fund: fund.nameZh,
        allocated: amount.plus(allocated).toFixed(2),
        total: fund.amount.toFixed(2),
      });
    }
  }
  const reason = check.optionalText("overAllocationReason", input.overAllocationReason, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  let over = false;
  if (project && amount.greaterThan(0)) {
    const { _sum } = await db.fundAllocation.aggregate({
      where: { OR: [{ projectId: project.id }, { project: { parentId: project.id } }] },
      _sum: { amount: true },
    });
    const allocated = amount.plus(_sum.amount ?? 0);
    over = allocated.greaterThan(project.totalInvestment);
    if (over && !reason) {
      check.fail("amount", "ABOVE_PROJECT_TOTAL", {
        amount: amount.toFixed(2),
        project: project.nameZh,
        allocated: allocated.toFixed(2),
        total: project.totalInvestment.toFixed(2),
      });
    }
  }
  check.done();
  return db.fundAllocation.create({
    data: {
      fundId: fund!.id,
      projectId: project!.id,
      amount,
      allocatedOn: allocatedOn!,
      note: input.note?.trim() || null,
      overAllocationReason: over ? reason : null,
      sourceKind,
    },
  });
}

export interface RecordDisbursementInput {
  allocationId: number;
  amount: string | number;
  /** YYYY-MM-DD */
  paidOn: string;
  voucherNo?: string | null;
  note?: string | null;
}

/** 拨付. Payments against an allocation never exceed it. */
export async function recordDisbursement(db: DbClient, input: RecordDisbursementInput): Promise<Disbursement> {
  const check = new InputChecker();
  const amount = check.money("amount", input.amount, { allowZero: false });
  const paidOn = check.date("paidOn", input.paidOn);
  if (!input.paidOn) check.fail("paidOn", "REQUIRED");
  const allocation = await db.fundAllocation.findUnique({ where: { id: input.allocationId } });
  if (!allocation) {
    check.fail("allocationId", "NO_SUCH_ALLOCATION", { id: String(input.allocationId) });
  } else if (amount.greaterThan(0)) {
    const { _sum } = await db.disbursement.aggregate({ where: { allocationId: allocation.id }, _sum: { amount: true } });
    const paid = amount.plus(_sum.amount ?? 0);
    if (paid.greaterThan(allocation.amount)) {
      check.fail("amount", "ALLOCATION_OVER_PAID", {
        amount: amount.toFixed(2),
        paid: paid.toFixed(2),
        allocated: allocation.amount.toFixed(2),
      });
    }
  }
  check.done();
  return db.disbursement.create({
    data: {
      allocationId: allocation!.id,
      amount,
      paidOn: paidOn!,
      voucherNo: input.voucherNo?.trim() || null,
      note: input.note?.trim() || null,
    },
  });
}
