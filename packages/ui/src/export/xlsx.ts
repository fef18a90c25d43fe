import type { CellValue } from "./csv.js";

/**
 * An .xlsx workbook of one sheet. ExcelJS (the maintained choice; the `xlsx` package on npm is
 * frozen with known vulnerabilities) is loaded only when someone exports, as it is large.
 * Numeric strings (money, percentages) become numbers so that Excel can sum them.
 */
export async function toXlsx(sheetName: string, header: string[], rows: CellValue[][]): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet1");
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(toCellValue));
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(...[header[index] ?? "", ...rows.map((row) => String(row[index] ?? ""))].map(displayWidth));
    column.width = Math.min(60, Math.max(8, longest + 2));
  });
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

function toCellValue(value: CellValue): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) && value.replace(/\D/g, "").length <= 15) {
    return Number(value);
  }
  return value;
}

/** Chinese characters take two columns' width. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += char.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}
