import { msg } from "../catalogue.js";

/**
 * Refusals of one input field for what it is on its own: missing, too long, not a number or a
 * date. Shown beside the field, so the Chinese text does not repeat the field's name; the
 * English reads after it ("completedInvestment: is required").
 */
export const inputReasons = {
  /** The whole input's refusal: its issues say which fields. */
  INVALID_INPUT: msg<{ count: number }>(
    "{count, plural, other {有 # 处填写有误}}",
    "{count, plural, one {# field is wrong} other {# fields are wrong}}",
  ),
  REQUIRED: msg("必填", "is required"),
  TOO_LONG: msg<{ max: number }>("不能超过 {max} 个字", "is longer than {max} characters"),
  TOO_MANY_ITEMS: msg<{ count: number; max: number }>(
    "最多 {max} 项，填写了 {count, number} 项（未逐项检查）",
    "holds at most {max} items; got {count, number} (not checked one by one)",
  ),
  NOT_A_NUMBER: msg<{ value: string }>(
    "“{value}”不是数字（请填写数字，如 12980000 或 1298.5）",
    '"{value}" is not a number (write digits, e.g. 12980000 or 1298.5)',
  ),
  TOO_MANY_DECIMALS: msg<{ places: number; value: string }>(
    "小数不能超过 {places} 位（填写的是 {value}）",
    "has more than {places} decimal places (got {value})",
  ),
  NEGATIVE: msg<{ value: string }>("不能为负数（填写的是 {value}）", "cannot be negative (got {value})"),
  NOT_POSITIVE: msg("必须大于零", "must be more than zero"),
  MONEY_TOO_LARGE: msg("超过 100 万亿元：请检查单位", "is more than 100 trillion yuan: check the unit"),
  PERCENT_OUT_OF_RANGE: msg<{ value: string }>(
    "百分比应在 0 到 100 之间（填写的是 {value}）",
    "is a percentage from 0 to 100 (got {value})",
  ),
  NOT_A_DATE: msg<{ value: string }>(
    "“{value}”不是日期（请写成 年-月-日，如 2024-06-05）",
    '"{value}" is not a date (write YYYY-MM-DD)',
  ),
  NOT_A_CALENDAR_DATE: msg<{ value: string }>("“{value}”不是真实存在的日期", '"{value}" is not a real calendar date'),
  YEAR_OUT_OF_RANGE: msg<{ value: string }>(
    "年份应在 1949 到 2100 之间（填写的是 {value}）",
    "must be a year from 1949 to 2100 (got {value})",
  ),
  NOT_ONE_OF: msg<{ allowed: string; value: string }>(
    "只能是以下之一：{allowed}（填写的是 {value}）",
    "must be one of {allowed} (got {value})",
  ),
  NOT_A_PERIOD: msg<{ value: string }>(
    "“{value}”不是填报期（月写 2024-06，季度写 2024Q2，年写 2024）",
    '"{value}" is not a period (write 2024-06 for a month, 2024Q2 for a quarter, 2024 for a year)',
  ),
  DATE_OUT_OF_RANGE: msg<{ value: string }>(
    "“{value}”不在 1900 年到 2100 年之间",
    '"{value}" is not between the years 1900 and 2100',
  ),
  NUMBER_TOO_LARGE: msg<{ value: string }>("{value} 太大：请检查单位", "{value} is too large: check the unit"),
  UNPRINTABLE_TEXT: msg(
    "含有无法保存的字符（如空字符或不完整的字符）：请重新输入",
    "holds characters that cannot be stored (a NUL byte or half a character): type it again",
  ),
  /** A value the database could not take for its column, where no rule of ours named it first. */
  INVALID_VALUE: msg(
    "有一个值的格式或大小不符合要求：请检查后重试",
    "a value has a form or size the database cannot store: check the input",
  ),
  BEFORE_DATE: msg<{ value: string; other: string }>("{value} 早于 {other}", "{value} is before {other}"),
  BEFORE_PLANNED_START: msg("早于计划开工日期", "is before the planned start"),
  BEFORE_ACTUAL_START: msg("早于实际开工日期", "is before the actual start"),
  OUT_OF_RANGE: msg<{ min: number; max: number; value: string }>(
    "应在 {min} 到 {max} 之间（填写的是 {value}）",
    "must be between {min} and {max} (got {value})",
  ),
  /** GraphQL refused the value for its type before any rule ran (a Decimal written 350万). */
  WRONG_TYPE: msg<{ expected: string; value: string }>(
    "{expected, select, Decimal {应为数字，如 1298.50，不带单位} Date {应为日期，写成 年-月-日，如 2024-06-05} Period {应为填报期，如 2024-06、2024Q2 或 2024} Int {应为整数} Float {应为数字} Boolean {应为是或否} other {格式不对}}（填写的是“{value}”）",
    "{expected, select, Decimal {must be digits such as 1298.50, without a unit} Date {must be a date written YYYY-MM-DD} Period {must be a period such as 2024-06, 2024Q2 or 2024} Int {must be a whole number} Float {must be a number} Boolean {must be true or false} other {has the wrong form}} (got “{value}”)",
  ),
  NOT_AN_OPTION: msg<{ value: string }>("“{value}”不是可选的值", '"{value}" is not one of the choices'),
  UNKNOWN_FIELD: msg<{ value: string }>("没有名为 {value} 的字段", "there is no field called {value}"),
} as const;
