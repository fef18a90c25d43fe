import { msg } from "../catalogue.js";

/**
 * The database's own CHECK constraints (integrity_rules migration), reached only when a write
 * skips the services' checks: named here so even that refusal names its field in words.
 */
export const constraintReasons = {
  RULE_NOT_NEGATIVE: msg("不能为负数", "cannot be negative"),
  RULE_REGION_CODE_SHAPE: msg(
    "区划代码须为 12 位数字（片区、网格 15 位，楼栋 18 位）",
    "a region code has exactly 12 digits (an area or grid cell 15, a building 18)",
  ),
  RULE_REGION_ROOT: msg("只有省没有上级，省也不能有上级", "only a province has no parent, and a province has none"),
  RULE_REGION_KIND: msg("这一级没有这种类型的地区", "this kind of region does not exist at this level"),
  RULE_PHASE_NUMBER: msg(
    "分期项目须同时有所属项目和 1 或以上的期数",
    "a phase needs both a parent project and a phase number of 1 or more",
  ),
  RULE_PLANNED_DATES: msg("计划完工早于计划开工", "planned finish is before planned start"),
  RULE_ACTUAL_DATES: msg("实际完工早于实际开工", "actual finish is before actual start"),
  RULE_PERIOD_KEY: msg("填报期应写成 2023、2023Q2 或 2023-06", "write the period as 2023, 2023Q2 or 2023-06"),
  RULE_PROGRESS_RANGE: msg("形象进度是 0 到 100 之间的百分比", "physical progress is a percentage from 0 to 100"),
  RULE_FUND_YEARS: msg(
    "资金的起始年度不能晚于资金年度，且两者都须是真实的预算年度",
    "a fund's start year must not be after its year, and both must be real budget years",
  ),
  RULE_YEAR_AMOUNTS: msg(
    "分年度金额须每年一个、都不为负，合计等于资金总额",
    "yearly amounts must be one per year, none negative, adding up to the fund's amount",
  ),
  RULE_RANGE_ORDER: msg("合理范围的上限不能小于下限", "a plausible range's upper bound cannot be below its lower bound"),
  RULE_AGGREGATION_INPUTS: msg(
    "加权平均须有权重指标，比率须有分子和分母指标，其他汇总方式都不需要",
    "a weighted average needs a weight indicator, a ratio a numerator and a denominator, and nothing else takes them",
  ),
} as const;
