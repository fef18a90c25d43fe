import { msg } from "../catalogue.js";

/** Funds, their allocations to projects and payments. Amounts are in yuan as exact decimal strings. */
export const fundReasons = {
  NO_SUCH_FUND: msg<{ code: string }>("没有编号为 {code} 的资金", "no fund has the code {code}"),
  FUND_CODE_TAKEN: msg<{ code: string }>("编号为 {code} 的资金已存在", "a fund with the code {code} already exists"),
  NO_SUCH_ALLOCATION: msg<{ id: string }>("没有编号为 {id} 的资金安排", "no allocation has the id {id}"),
  START_AFTER_YEAR: msg<{ start: number; year: number }>(
    "起始年度 {start} 晚于资金年度 {year}",
    "{start} is after the fund's year {year}",
  ),
  FUND_OVER_ALLOCATED: msg<{ amount: string; fund: string; allocated: string; total: string }>(
    "安排 {amount} 元后，{fund}的安排总额将达 {allocated} 元，超过资金总额 {total} 元",
    "{amount} would bring {fund}'s allocations to {allocated}, above the fund's {total}",
  ),
  ABOVE_PROJECT_TOTAL: msg<{ amount: string; project: string; allocated: string; total: string }>(
    "安排 {amount} 元后，{project}的资金安排将达 {allocated} 元，超过其总投资 {total} 元；如确需超概算安排，请填写超概算安排原因",
    "{amount} would bring {project}'s allocations to {allocated}, above its total investment {total}; give the reason to allocate it all the same",
  ),
  ALLOCATION_OVER_PAID: msg<{ amount: string; paid: string; allocated: string }>(
    "拨付 {amount} 元后，累计拨付将达 {paid} 元，超过安排的 {allocated} 元",
    "{amount} would bring payments to {paid}, above the allocated {allocated}",
  ),
  FUND_BELOW_ALLOCATED: msg<{ fund: string; amount: string; allocated: string }>(
    "{fund}的金额 {amount} 元低于已安排的 {allocated} 元",
    "{fund}: amount {amount} is below the {allocated} already allocated",
  ),
  ALLOCATION_BELOW_PAID: msg<{ amount: string; paid: string }>(
    "安排金额 {amount} 元低于已拨付的 {paid} 元",
    "amount {amount} is below the {paid} already paid",
  ),
  YEAR_AMOUNTS_COUNT: msg<{ count: number; years: number; start: number; year: number }>(
    "分年度金额填了 {count} 个，{start}—{year} 年共 {years} 个年度，请每年填一个金额",
    "{count} yearly amounts given for the {years} years {start}–{year}: give one per year",
  ),
  YEAR_AMOUNTS_SUM: msg<{ sum: string; amount: string }>(
    "分年度金额合计 {sum} 元，与资金总额 {amount} 元不符",
    "the yearly amounts add up to {sum}, not the fund's {amount}",
  ),
  EVALUATION_OUTSIDE_FUND_YEARS: msg<{ year: number; start: number; end: number; fund: string }>(
    "{fund}的年度为 {start}—{end} 年，不含评价年度 {year}",
    "{fund} covers {start}–{end}, not the evaluated year {year}",
  ),
  SCORE_OUT_OF_RANGE: msg<{ value: string }>("评价得分 {value} 不在 0 到 100 之间", "score {value} is not between 0 and 100"),
  EVALUATED_BEFORE_YEAR: msg<{ date: string; year: number }>(
    "评价日期 {date} 早于被评价的 {year} 年度",
    "evaluated on {date}, before the evaluated year {year}",
  ),
  YEAR_ALREADY_EVALUATED: msg<{ year: number; fund: string }>(
    "{fund}的 {year} 年度已有绩效评价；如需更正，请在该评价上修改",
    "{fund} already has an evaluation for {year}; correct that one instead",
  ),
  REALLOCATE_TO_SAME_PROJECT: msg<{ project: string }>(
    "调入项目与原项目相同（{project}）；调整本项目的安排金额即可",
    "the receiving project is the same ({project}); change its amount instead",
  ),
  NOTHING_TO_MOVE: msg<{ amount: string; allocated: string }>(
    "调剂后保留 {amount} 元，不少于原安排的 {allocated} 元，没有可调出的资金",
    "keeping {amount} of the allocated {allocated} leaves nothing to move",
  ),
} as const;
