import { msg } from "../catalogue.js";

/** A money unit by its code: YUAN, WAN (万元, 10,000 yuan), YI (亿元, 100 million yuan). */
const UNIT_ZH = "{unit, select, WAN {万元} YI {亿元} other {元}}";
const UNIT_EN = "{unit, select, WAN {10,000 yuan (万元)} YI {100 million yuan (亿元)} other {yuan}}";

/** Files: reading them, their headers and cells, and exports. `row` counts from 1, headers included, as a spreadsheet does. */
export const importReasons = {
  FILE_EMPTY: msg("文件是空的", "the file is empty"),
  FILE_XLS: msg(
    "这是旧版 Excel 97–2003（.xls）文件：请另存为 .xlsx 或 CSV 后再试",
    "this is an old Excel 97–2003 (.xls) file: save it as .xlsx or as CSV and try again",
  ),
  FILE_NOT_TEXT: msg(
    "无法识别文件的文字编码：请另存为 CSV（UTF-8）或 .xlsx 后再试",
    "the file is neither UTF-8 nor GBK text, nor an .xlsx workbook: save it as CSV (UTF-8) or .xlsx",
  ),
  FILE_QUOTE_UNCLOSED: msg<{ row: number }>(
    '第 {row} 行：引号没有闭合（缺少一个 "）',
    'row {row}: a quoted cell is never closed (a " is missing)',
  ),
  FILE_XLSX_TOO_LARGE: msg(
    "该 .xlsx 文件解压后超过 200 MB（或无法读取其目录）：请分成几个文件，或另存为 CSV",
    "the .xlsx file unpacks to more than 200 MB (or its directory cannot be read): split it, or save it as CSV",
  ),
  FILE_XLSX_UNREADABLE: msg<{ detail: string }>(
    "无法读取该 .xlsx 文件（{detail}）：请用 Excel 或 WPS 重新保存",
    "the .xlsx file cannot be read ({detail}): save it again from Excel or WPS",
  ),
  NO_HEADER_ROW: msg("文件是空的：第一行应为列标题", "the file is empty: the first row must be the column headers"),
  NO_DATA_ROWS: msg("文件只有列标题，没有数据行", "the file has headers but no data rows"),
  HEADERS_NOT_FOUND: msg<{ kind: string; expected: string }>(
    "第一行应为{kind}的列标题：{expected}（可下载模板）",
    "the first row must be the column headers of {kind}: {expected} (download the template)",
  ),
  UNKNOWN_COLUMN: msg<{ column: string; expected: string }>(
    "未知的列“{column}”；可用的列：{expected}",
    'unknown column "{column}"; the columns are: {expected}',
  ),
  DUPLICATE_COLUMN: msg<{ column: string; count: number }>(
    "“{column}”列出现了 {count} 次",
    "the column {column} appears {count} times",
  ),
  MISSING_COLUMN: msg<{ column: string }>("缺少必填的“{column}”列", "the column {column} is missing; it is required"),
  VALUE_OUTSIDE_COLUMNS: msg<{ value: string; index: number }>(
    "“{value}”在所有列之外（第 {index} 列）",
    'a value "{value}" outside any column (column {index})',
  ),
  BAD_THOUSANDS: msg<{ value: string }>(
    "“{value}”的千位分隔符位置不对（请写 12,980,000 或 12980000）",
    '"{value}" has misplaced thousands separators (write 12,980,000 or 12980000)',
  ),
  NOT_AN_AMOUNT: msg<{ value: string }>(
    "“{value}”不是金额（请以元为单位写 12980000，或带单位写 1298万、1.3亿）",
    '"{value}" is not an amount (write yuan as 12980000, or with a unit as 1298万 or 1.3亿)',
  ),
  BELOW_A_FEN: msg<{ value: string }>("“{value}”精确到了分（0.01 元）以下", '"{value}" is more precise than a fen (0.01 yuan)'),
  NEGATIVE_AMOUNT: msg<{ value: string }>(
    "“{value}”是负数：金额不能小于零",
    '"{value}" is negative: amounts are never below zero',
  ),
  AMOUNT_TOO_LARGE: msg<{ value: string }>(
    "“{value}”超过 100 万亿元：请检查单位",
    '"{value}" is more than 100 trillion yuan: check the unit',
  ),
  NOT_A_PERCENT: msg<{ value: string }>(
    "“{value}”不是百分比（请写 98 或 98%）",
    '"{value}" is not a percentage (write 98 or 98%)',
  ),
  PERCENT_RANGE: msg<{ value: string }>("“{value}”不在 0 到 100 之间", '"{value}" is not a percentage from 0 to 100'),
  PERCENT_DECIMALS: msg<{ value: string }>("“{value}”的小数超过两位", '"{value}" has more than two decimal places'),
  NOT_A_NUMBER_CELL: msg<{ value: string }>("“{value}”不是数字", '"{value}" is not a number'),
  NOT_A_DATE_CELL: msg<{ value: string }>("“{value}”不是日期（请写 2024-06-05）", '"{value}" is not a date (write 2024-06-05)'),
  ALREADY_REPORTED_IN_REVITA: msg<{ project: string; period: string }>(
    "{project} 已填报 {period} 的进度；请在 Revita 中更正",
    "{project} already has a progress report for {period}; correct it in Revita instead",
  ),
  PERIOD_LOCKED: msg<{ period: string; lockedBy: string }>(
    "{period} 的进度已锁定（{lockedBy}），须审核员退回或重新打开后才能修改",
    "the progress for {period} is locked ({lockedBy}) until an approver returns or reopens it",
  ),
  ABOVE_LATER_INVESTMENT: msg<{ value: string; later: string; period: string }>(
    "{value} 元高于之后 {period} 已填报的累计 {later} 元",
    "{value} is above the cumulative {later} already reported for the later period {period}",
  ),
  ABOVE_LATER_PROGRESS: msg<{ value: string; later: string; period: string }>(
    "{value}% 高于之后 {period} 已填报的 {later}%",
    "{value}% is above the {later}% already reported for the later period {period}",
  ),
  SEVERAL_ALLOCATIONS: msg<{ project: string; count: number; fund: string }>(
    "{project} 有 {count} 笔来自 {fund} 的资金安排：请在 Revita 中登记这笔拨付，以便选择对应的安排",
    "{project} has {count} allocations from {fund}: enter this payment in Revita, where you choose the allocation",
  ),
  NO_ALLOCATION: msg<{ project: string; fund: string }>(
    "{project} 没有来自 {fund} 的资金安排（或其中之一不存在）",
    "{project} has no allocation from {fund} (or one of them does not exist)",
  ),
  /** Notices: what was read differently from a plain table, for the clerk to check. */
  TITLE_ROW_SKIPPED: msg<{ row: number }>(
    "第 {row} 行不是列标题（标题或说明行），已跳过",
    "row {row} is not the column headers (a title or a note): skipped",
  ),
  UNIT_ROW_APPLIED: msg<{ row: number; unit: string }>(
    `第 {row} 行注明单位为${UNIT_ZH}：未写单位的金额按${UNIT_ZH}读取`,
    `row {row} gives the unit ${UNIT_EN}: amounts written without a unit are read in ${UNIT_EN}`,
  ),
  COLUMN_UNIT_APPLIED: msg<{ column: string; unit: string }>(
    `“{column}”列的金额按${UNIT_ZH}读取，保存时换算为元`,
    `the amounts of {column} are read in ${UNIT_EN} and stored in yuan`,
  ),
  UNITS_DISAGREE: msg<{ column: string; unit: string }>(
    `表格注明单位为${UNIT_ZH}，而“{column}”列标题写的是另一单位：请统一后再导入`,
    `the table gives the unit ${UNIT_EN}, but the header {column} names another: make them agree and import again`,
  ),
  TOTAL_ROW_SKIPPED: msg<{ row: number }>("第 {row} 行是合计行，已跳过", "row {row} is a total: skipped"),
  NO_SUCH_IMPORT: msg<{ kind: string }>("没有可以导入的“{kind}”", "nothing called {kind} can be imported"),
  NO_SUCH_TEMPLATE: msg<{ name: string }>("没有模板 {name}", "no template {name}"),
  NO_SUCH_EXPORT: msg<{ name: string }>("没有可以导出的“{name}”", "nothing called {name} can be exported"),
  UPLOAD_TYPE: msg<{ type: string }>(
    "请以 CSV（text/csv）或 Excel（.xlsx）上传文件，而不是 {type}",
    "send the file as CSV (text/csv) or Excel (.xlsx), not {type}",
  ),
  UPLOAD_TOO_LARGE: msg<{ max: string }>("文件超过 {max}", "the file is larger than {max}"),
  IMPORT_FAILED: msg("导入失败，未写入任何数据", "the import failed; nothing was written"),
  ROWS_REFUSED: msg<{ count: number }>(
    "{count, plural, other {有 # 个问题，未导入任何数据}}",
    "{count, plural, one {# problem: nothing was imported} other {# problems: nothing was imported}}",
  ),
} as const;
