import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { escapeFormula } from "./cell-values.js";
import type { ImportKind } from "./import-kind.js";

export type TableFormat = "csv" | "xlsx";

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Writes a kind's rows in its template's columns, streaming: a page of rows at a time goes out,
 * so exporting a county's 100,000 reports does not build them all in memory. Every cell that a
 * spreadsheet would run as a formula is escaped; importing the file back reads it unchanged.
 * With no rows it is the kind's template (the .xlsx template also explains each column).
 */
export async function writeTable(
  kind: ImportKind,
  format: TableFormat,
  rows: AsyncIterable<Record<string, string | null>>,
  out: Writable,
  { template = false }: { template?: boolean } = {},
): Promise<void> {
  if (format === "csv") return writeCsv(kind, rows, out);
  return writeXlsx(kind, rows, out, template);
}

async function writeCsv(kind: ImportKind, rows: AsyncIterable<Record<string, string | null>>, out: Writable): Promise<void> {
  // The byte-order mark makes Excel open UTF-8 Chinese correctly instead of guessing GBK.
  let buffer = `\uFEFF${kind.columns.map((column) => csvCell(column.header)).join(",")}\r\n`;
  for await (const row of rows) {
    buffer += `${kind.columns.map((column) => csvCell(escapeFormula(row[column.key] ?? ""))).join(",")}\r\n`;
    if (buffer.length > 64 * 1024) {
      await write(out, buffer);
      buffer = "";
    }
  }
  await write(out, buffer);
  out.end();
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function write(out: Writable, text: string): Promise<void> {
  return new Promise((done, fail) => {
    out.write(text, (error) => (error ? fail(error) : done()));
  });
}

async function writeXlsx(
  kind: ImportKind,
  rows: AsyncIterable<Record<string, string | null>>,
  out: Writable,
  template: boolean,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(kind.titleZh, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = kind.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: Math.max(12, column.header.length * 2 + 4),
    // Codes, periods and amounts stay text, so Excel does not turn 2024-06 into a date or drop a fen.
    style: { numFmt: "@" },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const row of rows) {
    sheet.addRow(kind.columns.map((column) => escapeFormula(row[column.key] ?? ""))).commit();
  }
  sheet.commit();
  if (template) {
    const help = workbook.addWorksheet("填写说明");
    help.columns = [
      { header: "列名", key: "header", width: 22 },
      { header: "必填", key: "required", width: 8 },
      { header: "填写要求", key: "hint", width: 70 },
      { header: "示例", key: "example", width: 24 },
    ];
    help.getRow(1).font = { bold: true };
    for (const column of kind.columns) {
      help
        .addRow({ header: column.header, required: column.required ? "是" : "否", hint: column.hint, example: column.example })
        .commit();
    }
    help
      .addRow({ header: "只读取第一个工作表；空行会跳过。导入前先“检查”，没有问题再“导入”，要么全部写入，要么一行都不写。" })
      .commit();
    help.commit();
  }
  await workbook.commit();
}
