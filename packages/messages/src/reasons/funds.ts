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
} as const;
