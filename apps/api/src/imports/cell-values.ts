import { type Refusal, refusal } from "../common/errors.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * What clerks type into spreadsheets, turned into the API's plain forms: amounts with 万/亿
 * units and thousands separators, full-width digits, percentages with a sign, Chinese dates and
 * periods. Each function returns the plain text or the reason it is wrong.
 */
export type Parsed = { value: string } | { error: Refusal };

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width letters, digits and punctuation (１２３，．％) as their ASCII twins. */
export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

const UNITS: [RegExp, number][] = [
  [/亿元?$/, 8],
  [/万元?$/, 4],
  [/元$/, 0],
];

/**
 * An amount in yuan: "12980000", "12,980,000.50", "1298万", "1298.5万元", "1.2亿", "１２９８万".
 * Exact: the unit moves the decimal point, no float is involved. A cell without a unit of its
 * own is in the column's unit (`unitPower` 4 under a 万元 header or a 单位：万元 row).
 */
export function parseAmount(cell: string, unitPower = 0): Parsed {
  let text = toHalfWidth(cell).trim().replace(/\s+/g, "");
  let shift = unitPower;
  for (const [unit, power] of UNITS) {
    if (unit.test(text)) {
      text = text.replace(unit, "");
      shift = power;
      break;
    }
  }
  if (text.includes(",")) {
    if (!/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) {
      return { error: refusal("BAD_THOUSANDS", { value: cell }) };
    }
    text = text.replaceAll(",", "");
  }
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    return { error: refusal("NOT_AN_AMOUNT", { value: cell }) };
  }
  const amount = new Prisma.Decimal(text).times(new Prisma.Decimal(10).pow(shift));
  if (amount.decimalPlaces() > 2) return { error: refusal("BELOW_A_FEN", { value: cell }) };
  if (amount.lessThan(0)) return { error: refusal("NEGATIVE_AMOUNT", { value: cell }) };
  if (amount.greaterThanOrEqualTo("1e14")) return { error: refusal("AMOUNT_TOO_LARGE", { value: cell }) };
  return { value: amount.toFixed() };
}

/**
 * A percentage from 0 to 100, to two decimals: "98", "98%", "98.5％". A fraction such as 0.98
 * is taken as written (0.98%); Excel's percentage cells arrive as "98%" (see table-reader.ts).
 */
export function parsePercent(cell: string): Parsed {
  const text = toHalfWidth(cell).trim().replace(/%$/, "").trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: refusal("NOT_A_PERCENT", { value: cell }) };
  const percent = new Prisma.Decimal(text);
  if (percent.lessThan(0) || percent.greaterThan(100)) return { error: refusal("PERCENT_RANGE", { value: cell }) };
  if (percent.decimalPlaces() > 2) return { error: refusal("PERCENT_DECIMALS", { value: cell }) };
  return { value: percent.toFixed() };
}

/**
 * A plain decimal number, thousands separators allowed: indicator values, counts. A trailing %
 * is dropped, so a rate typed (or formatted in Excel) as 87.5% is the value 87.5 of a % indicator.
 */
export function parseNumber(cell: string): Parsed {
  const text = toHalfWidth(cell).trim().replace(/\s+/g, "").replace(/%$/, "");
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(",", "") : text;
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return { error: refusal("NOT_A_NUMBER_CELL", { value: cell }) };
  return { value: plain };
}

const CHINESE_QUARTERS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4" };

/**
 * A reporting period as its canonical key: "2024-06", "2024/6", "2024.06", "2024年6月" are the
 * month 2024-06; "2024Q2", "2024年第二季度", "2024年2季度" the quarter; "2024", "2024年" the year.
 */
export function parsePeriodCell(cell: string): Parsed {
  const text = toHalfWidth(cell).trim().replace(/\s+/g, "");
  let match = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12) return { value: `${match[1]}-${match[2]!.padStart(2, "0")}` };
  match = /^(\d{4})(?:[Qq]|年第?)([1-4一二三四])(?:季度?)?$/.exec(text);
  if (match && (text.includes("Q") || text.includes("q") || text.endsWith("季度") || text.endsWith("季"))) {
    return { value: `${match[1]}Q${CHINESE_QUARTERS[match[2]!] ?? match[2]}` };
  }
  match = /^(\d{4})年?$/.exec(text);
  if (match) return { value: match[1]! };
  return { error: refusal("NOT_A_PERIOD", { value: cell }) };
}

/** A date as YYYY-MM-DD: "2024-06-05", "2024/6/5", "2024.6.5", "2024年6月5日". */
export function parseDateCell(cell: string): Parsed {
  const text = toHalfWidth(cell).trim();
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!match) return { error: refusal("NOT_A_DATE_CELL", { value: cell }) };
  return { value: `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` };
}

/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab or carriage return) as a
 * formula: an exported remark like "=HYPERLINK(...)" would run on the reader's machine. Such
 * text is exported with a leading apostrophe, which spreadsheets show as text (OWASP's advice).
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Reads back what escapeFormula wrote, so that an exported file imports unchanged. */
export function unescapeFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** The powers of ten of the units a header or a unit row may name. */
export const UNIT_POWERS: Record<string, number> = { 元: 0, 万元: 4, 亿元: 8 };

/**
 * A header's name and the money unit it names, if any: "累计完成投资（万元）" is 累计完成投资 in
 * 万元 (power 4); "备注" names none.
 */
export function headerUnit(header: string): { name: string; unitPower: number | undefined } {
  const match = /^(.*?)[（(]\s*(元|万元|亿元)\s*[）)]$/.exec(toHalfWidth(header.trim()).replace(/（/g, "(").replace(/）/g, ")"));
  return match ? { name: match[1]!.trim(), unitPower: UNIT_POWERS[match[2]!] } : { name: header.trim(), unitPower: undefined };
}

/** A row that only says the unit of the table's amounts, as clerks write above a header: "单位：万元". */
export function unitRowPower(cells: readonly string[]): number | undefined {
  const text = cells
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join("");
  const match = /^(?:金额)?单位[:：]\s*(元|万元|亿元)$/.exec(toHalfWidth(text).replace(/\s+/g, ""));
  return match ? UNIT_POWERS[match[1]!] : undefined;
}

/** A total row (合计, 总计, 小计) at the foot of a table: not a record. */
export function isTotalRow(cells: readonly string[]): boolean {
  const first = cells.find((cell) => cell.trim())?.replace(/\s+/g, "") ?? "";
  return /^(合计|总计|小计|共计)[:：]?$/.test(first);
}

/** Headers compared loosely: spaces, case, and full-width brackets do not matter. */
export function headerKey(header: string): string {
  return toHalfWidth(header.replace(/^\uFEFF/, ""))
    .replace(/\s+/g, "")
    .toLowerCase();
}

/** A date as an export's cell writes it: YYYY-MM-DD, or blank. */
export function dateCell(date: Date | null): string | null {
  return date?.toISOString().slice(0, 10) ?? null;
}
