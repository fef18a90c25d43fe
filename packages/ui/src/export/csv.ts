/**
 * CSV that Excel on a Chinese Windows opens correctly: a byte-order mark (without it Excel reads
 * UTF-8 as GBK and shows mojibake), CRLF line ends, fields quoted when they need it (RFC 4180),
 * and cells that would start a formula (=, +, -, @) defused with a leading apostrophe.
 */
export type CellValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Numbers are data, not formulas, even negative ones; strings that look like formulas are not.
  if (typeof value === "string" && FORMULA_START.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CellValue[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
