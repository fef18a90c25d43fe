import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import {
  type Disbursement,
  type Fund,
  type FundAllocation,
  type FundEvaluation,
  type FundLevel,
  type FundSourceType,
  type PerformanceGrade,
  Prisma,
  type SourceKind,
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
  /** A multi-year envelope's amount per year, startYear first; their sum is the amount. */
  yearAmounts?: readonly (string | number)[] | null;
  performanceGrade?: PerformanceGrade | null;
  note?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
}

/** The years and amounts of a fund, checked together: the years ordered, the split adding up. */
function checkFundMoney(
  check: InputChecker,
  input: { startYear?: number | null; year: number; amount: string | number; yearAmounts?: readonly (string | number)[] | null },
): { startYear: number; year: number; amount: Prisma.Decimal; yearAmounts: Prisma.Decimal[] } {
  const year = check.year("year", input.year);
  const startYear = check.year("startYear", input.startYear ?? input.year);
  if (startYear > year) check.fail("startYear", "START_AFTER_YEAR", { start: startYear, year });
  const amount = check.money("amount", input.amount);
  const given = check.bounded("yearAmounts", input.yearAmounts, 50);
  const yearAmounts = given.map((value, index) => check.money(`yearAmounts.${index}`, value));
  // One year's fund needs no split: its amount is that year's.
  if (yearAmounts.length === 0 || startYear === year) return { startYear, year, amount, yearAmounts: [] };
  const years = year - startYear + 1;
  if (yearAmounts.length !== years) {
    check.fail("yearAmounts", "YEAR_AMOUNTS_COUNT", { count: yearAmounts.length, years, start: startYear, year });
  } else {
    const sum = yearAmounts.reduce((total, value) => total.plus(value), new Prisma.Decimal(0));
    if (!sum.equals(amount)) check.fail("yearAmounts", "YEAR_AMOUNTS_SUM", { sum: sum.toFixed(2), amount: amount.toFixed(2) });
  }
  return { startYear, year, amount, yearAmounts };
}

/** 登记资金: a fund managed by a region. */
export async function createFund(db: DbClient, input: CreateFundInput): Promise<Fund> {
  const check = new InputChecker();
  const code = check.text("code", input.code, { max: 64 });
  const nameZh = check.text("nameZh", input.nameZh, { max: 200 });
  const sourceType = check.oneOf("sourceType", input.sourceType, FUND_SOURCE_TYPES);
  const level = check.oneOf("level", input.level, FUND_LEVELS);
  const money = checkFundMoney(check, input);
  const performanceGrade =
    input.performanceGrade == null ? null : check.oneOf("performanceGrade", input.performanceGrade, PERFORMANCE_GRADES);
  const note = check.optionalText("note", input.note);
  const source = check.optionalText("source", input.source);
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
      ...money,
      regionId: region!.id,
      performanceGrade,
      note,
      source,
      sourceKind,
    },
  });
}

/** The fields of a fund an edit may change; absent ones stay. The managing region stays. */
export interface UpdateFundInput {
  code: string;
  expectedVersion: number;
  nameZh?: string | null;
  sourceType?: FundSourceType | null;
  level?: FundLevel | null;
  startYear?: number | null;
  year?: number | null;
  amount?: string | number | null;
  /** Replaces the split by year; an empty list removes it. */
  yearAmounts?: readonly (string | number)[] | null;
  note?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
}

/**
 * Edits a fund from the version the editor saw. Its amount never goes below what is allocated
 * from it (named with the figures); a split by year is checked against the years and amount
 * the fund will have, so changing the years or the amount means restating the split.
 */
export async function updateFund(db: DbClient, input: UpdateFundInput): Promise<Fund> {
  const check = new InputChecker();
  const fund = await db.fund.findUnique({ where: { code: input.code } });
  if (!fund) {
    check.fail("code", "NO_SUCH_FUND", { code: input.code });
    check.done();
  }
  const current = fund!;
  const given = (field: keyof UpdateFundInput) => input[field] !== undefined && input[field] !== null;
  const data: Prisma.FundUncheckedUpdateManyInput = {};
  if (given("nameZh")) data.nameZh = check.text("nameZh", input.nameZh, { max: 200 });
  if (given("sourceType")) data.sourceType = check.oneOf("sourceType", input.sourceType, FUND_SOURCE_TYPES);
  if (given("level")) data.level = check.oneOf("level", input.level, FUND_LEVELS);
  if (input.note !== undefined) data.note = check.optionalText("note", input.note);
  if (input.source !== undefined) data.source = check.optionalText("source", input.source);
  if (input.sourceKind !== undefined) data.sourceKind = sourceKindOf(check, input.sourceKind);
  const moneyGiven = given("startYear") || given("year") || given("amount") || input.yearAmounts != null;
  if (moneyGiven) {
    const money = checkFundMoney(check, {
      startYear: input.startYear ?? current.startYear,
      year: input.year ?? current.year,
      amount: input.amount ?? current.amount.toFixed(2),
      yearAmounts: input.yearAmounts ?? current.yearAmounts.map((value) => value.toFixed(2)),
    });
    Object.assign(data, money);
    const { _sum } = await db.fundAllocation.aggregate({ where: { fundId: current.id }, _sum: { amount: true } });
    const allocated = _sum.amount ?? new Prisma.Decimal(0);
    if (money.amount.lessThan(allocated)) {
      check.fail("amount", "FUND_BELOW_ALLOCATED", {
        fund: current.nameZh,
        amount: money.amount.toFixed(2),
        allocated: allocated.toFixed(2),
      });
    }
  }
  check.done();
  const what = `fund ${current.code}`;
  requireVersion(what, current, input.expectedVersion);
  requireUpdated(
    what,
    await db.fund.updateMany({ where: { id: current.id, version: input.expectedVersion }, data }),
    input.expectedVersion,
  );
  return db.fund.findUniqueOrThrow({ where: { id: current.id } });
}

export interface RecordFundEvaluationInput {
  fundCode: string;
  /** The budget year evaluated, within the fund's years. */
  year: number;
  grade: PerformanceGrade;
  /** Out of 100, where the evaluation gave one. */
  score?: string | number | null;
  /** YYYY-MM-DD */
  evaluatedOn: string;
  evaluator: string;
  note?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
  /** To correct a year already evaluated: the version of that evaluation the editor saw. */
  expectedVersion?: number | null;
}

/**
 * 绩效评价: records (or, from its version, corrects) one year's evaluation of a fund; the fund's
 * grade becomes its latest evaluated year's.
 */
export async function recordFundEvaluation(db: DbClient, input: RecordFundEvaluationInput): Promise<FundEvaluation> {
  const check = new InputChecker();
  const fund = await db.fund.findUnique({ where: { code: input.fundCode } });
  if (!fund) {
    check.fail("fundCode", "NO_SUCH_FUND", { code: input.fundCode });
    check.done();
  }
  const { id: fundId, startYear, year: lastYear, nameZh } = fund!;
  const year = check.year("year", input.year);
  if (year < startYear || year > lastYear)
    check.fail("year", "EVALUATION_OUTSIDE_FUND_YEARS", { year, start: startYear, end: lastYear, fund: nameZh });
  const grade = check.oneOf("grade", input.grade, PERFORMANCE_GRADES);
  let score: Prisma.Decimal | null = null;
  if (input.score != null && String(input.score).trim() !== "") {
    score = check.decimal("score", input.score, { places: 2, below: "1e4" });
    if (score && (score.lessThan(0) || score.greaterThan(100)))
      check.fail("score", "SCORE_OUT_OF_RANGE", { value: score.toFixed() });
  }
  if (!input.evaluatedOn) check.fail("evaluatedOn", "REQUIRED");
  const evaluatedOn = check.date("evaluatedOn", input.evaluatedOn);
  if (evaluatedOn && evaluatedOn.getUTCFullYear() < year) {
    check.fail("evaluatedOn", "EVALUATED_BEFORE_YEAR", { date: input.evaluatedOn, year });
  }
  const evaluator = check.text("evaluator", input.evaluator, { max: 200 });
  const note = check.optionalText("note", input.note);
  const source = check.optionalText("source", input.source);
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const existing = await db.fundEvaluation.findUnique({ where: { fundId_year: { fundId, year } } });
  if (existing && input.expectedVersion == null) check.fail("year", "YEAR_ALREADY_EVALUATED", { year, fund: nameZh });
  check.done();
  const data = { grade, score, evaluatedOn: evaluatedOn!, evaluator, note, source, sourceKind };
  let evaluation: FundEvaluation;
  if (existing) {
    const what = `evaluation ${year} of fund ${fund!.code}`;
    requireVersion(what, existing, input.expectedVersion!);
    requireUpdated(
      what,
      await db.fundEvaluation.updateMany({ where: { id: existing.id, version: input.expectedVersion! }, data }),
      input.expectedVersion!,
    );
    evaluation = await db.fundEvaluation.findUniqueOrThrow({ where: { id: existing.id } });
  } else {
    // region_id is the fund's, set by the fund_evaluation_region trigger whatever is sent.
    evaluation = await db.fundEvaluation.create({ data: { ...data, fundId, year, regionId: fund!.regionId } });
  }
  const latest = await db.fundEvaluation.findFirst({ where: { fundId }, orderBy: { year: "desc" }, select: { grade: true } });
  await db.fund.update({ where: { id: fundId }, data: { performanceGrade: latest?.grade ?? null } });
  return evaluation;
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
  const over = project && amount.greaterThan(0) ? await aboveProjectTotal(db, check, project, amount, reason, "amount") : false;
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

export interface ReallocateFundInput {
  /** The allocation changed. */
  allocationId: number;
  expectedVersion: number;
  /** What stays allocated to its project: 0 takes back all of it (only when nothing was paid). */
  amount: string | number;
  /** 调剂: the project receiving the difference, from the same fund; without it the fund keeps it. */
  toProjectCode?: string | null;
  /** The new allocation's date (YYYY-MM-DD) when money moves to another project. */
  allocatedOn?: string | null;
  /** 调整原因: why, kept on every allocation changed and in the audit. */
  reason: string;
  /** As for allocateFund: needed when the receiving project's allocations go above its total. */
  overAllocationReason?: string | null;
}

export interface Reallocation {
  /** The allocation changed, or null when all of it was taken back. */
  allocationId: number | null;
  /** The receiving project's new allocation, when money moved. */
  movedToId: number | null;
}

/**
 * 调整/调剂: changes what an allocation gives its project — more (within the fund and, unless a
 * reason is given, the project's total), less (never below what was paid), or moves the
 * difference to another project of the same fund. Always with a reason; every rule is refused by
 * field, with the figures, and nothing is written unless all of it holds.
 */
export async function reallocateFund(db: DbClient, input: ReallocateFundInput): Promise<Reallocation> {
  const check = new InputChecker();
  const allocation = await db.fundAllocation.findUnique({
    where: { id: input.allocationId },
    include: { fund: true, project: true },
  });
  if (!allocation) {
    check.fail("allocationId", "NO_SUCH_ALLOCATION", { id: String(input.allocationId) });
    check.done();
  }
  const current = allocation!;
  const amount = check.money("amount", input.amount);
  const reason = check.text("reason", input.reason, { max: 500 });
  const overReason = check.optionalText("overAllocationReason", input.overAllocationReason, { max: 500 });
  const { _sum: paidSum } = await db.disbursement.aggregate({ where: { allocationId: current.id }, _sum: { amount: true } });
  const paid = paidSum.amount ?? new Prisma.Decimal(0);
  if (amount.lessThan(paid)) check.fail("amount", "ALLOCATION_BELOW_PAID", { amount: amount.toFixed(2), paid: paid.toFixed(2) });
  const difference = current.amount.minus(amount);
  const target = input.toProjectCode?.trim()
    ? await db.project.findUnique({ where: { code: input.toProjectCode.trim() } })
    : null;
  if (input.toProjectCode?.trim()) {
    if (!target) check.fail("toProjectCode", "NO_SUCH_PROJECT", { code: input.toProjectCode.trim() });
    else if (target.id === current.projectId)
      check.fail("toProjectCode", "REALLOCATE_TO_SAME_PROJECT", { project: target.nameZh });
    if (!difference.greaterThan(0)) {
      check.fail("amount", "NOTHING_TO_MOVE", { amount: amount.toFixed(2), allocated: current.amount.toFixed(2) });
    }
  }
  const movedOn = target ? (input.allocatedOn ? check.date("allocatedOn", input.allocatedOn) : null) : null;
  if (target && !input.allocatedOn) check.fail("allocatedOn", "REQUIRED");
  // Raised on this project: within the fund, and within the project's total unless a reason is given.
  let over = false;
  if (difference.lessThan(0)) {
    const raise = difference.neg();
    const { _sum } = await db.fundAllocation.aggregate({ where: { fundId: current.fundId }, _sum: { amount: true } });
    const allocated = raise.plus(_sum.amount ?? 0);
    if (allocated.greaterThan(current.fund.amount)) {
      check.fail("amount", "FUND_OVER_ALLOCATED", {
        amount: raise.toFixed(2),
        fund: current.fund.nameZh,
        allocated: allocated.toFixed(2),
        total: current.fund.amount.toFixed(2),
      });
    }
    over = await aboveProjectTotal(db, check, current.project, raise, overReason, "amount");
  }
  const targetOver =
    target && difference.greaterThan(0)
      ? await aboveProjectTotal(db, check, target, difference, overReason, "toProjectCode")
      : false;
  check.done();
  requireVersion(`allocation ${current.id}`, current, input.expectedVersion);
  let allocationId: number | null = current.id;
  if (amount.isZero()) {
    await db.fundAllocation.update({ where: { id: current.id }, data: { adjustmentReason: reason } });
    await db.fundAllocation.delete({ where: { id: current.id } });
    allocationId = null;
  } else {
    requireUpdated(
      `allocation ${current.id}`,
      await db.fundAllocation.updateMany({
        where: { id: current.id, version: input.expectedVersion },
        data: { amount, adjustmentReason: reason, ...(over ? { overAllocationReason: overReason } : {}) },
      }),
      input.expectedVersion,
    );
  }
  let movedToId: number | null = null;
  if (target) {
    const moved = await db.fundAllocation.create({
      data: {
        fundId: current.fundId,
        projectId: target.id,
        amount: difference,
        allocatedOn: movedOn!,
        note: `由 ${current.project.code} 调剂`,
        adjustmentReason: reason,
        overAllocationReason: targetOver ? overReason : null,
      },
    });
    movedToId = moved.id;
  }
  return { allocationId, movedToId };
}

/**
 * Whether `added` takes a project's allocations (its own and its phases') above its total
 * investment; refused on `field` without a reason.
 */
async function aboveProjectTotal(
  db: DbClient,
  check: InputChecker,
  project: { id: number; nameZh: string; totalInvestment: Prisma.Decimal },
  added: Prisma.Decimal,
  reason: string | null,
  field: string,
): Promise<boolean> {
  const { _sum } = await db.fundAllocation.aggregate({
    where: { OR: [{ projectId: project.id }, { project: { parentId: project.id } }] },
    _sum: { amount: true },
  });
  const allocated = added.plus(_sum.amount ?? 0);
  const over = allocated.greaterThan(project.totalInvestment);
  if (over && !reason) {
    check.fail(field, "ABOVE_PROJECT_TOTAL", {
      amount: added.toFixed(2),
      project: project.nameZh,
      allocated: allocated.toFixed(2),
      total: project.totalInvestment.toFixed(2),
    });
  }
  return over;
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
