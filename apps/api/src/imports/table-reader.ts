import { PassThrough, Readable } from "node:stream";
import { formatReason } from "@revita/messages";
import ExcelJS from "exceljs";
import unzipper from "unzipper";
import { type Refusal, refusal } from "../common/errors.js";

/** One row of a file: its number as a spreadsheet shows it (the header is row 1) and its cells as text. */
export interface TableRow {
  row: number;
  cells: string[];
}

export interface Table {
  format: "CSV" | "XLSX";
  /** For CSV: the text encoding found (UTF-8, GBK as Excel saves it on Chinese Windows, or UTF-16). */
  encoding: "UTF-8" | "GBK" | "UTF-16" | null;
  rows: AsyncIterable<TableRow>;
}

/** A file that cannot be read as a table at all; the reason says why and what to do. */
export class UnreadableFileError extends Error {
  constructor(readonly refusal: Refusal) {
    super(formatReason("en", refusal.reason, refusal.params));
    this.name = "UnreadableFileError";
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/**
 * Reads a CSV or .xlsx file as rows of text cells, one row at a time, so a file of 100,000 rows
 * is never held as 100,000 row objects. Only the first worksheet of a workbook is read.
 */
export function readTable(bytes: Uint8Array): Table {
  if (bytes.length === 0) throw new UnreadableFileError(refusal("FILE_EMPTY"));
  if (startsWith(bytes, ZIP)) {
    const unpacked = unpackedSize(bytes);
    if (unpacked === undefined || unpacked > MAX_UNPACKED_BYTES) throw new UnreadableFileError(refusal("FILE_XLSX_TOO_LARGE"));
    return { format: "XLSX", encoding: null, rows: xlsxRows(bytes) };
  }
  if (startsWith(bytes, OLE)) {
    throw new UnreadableFileError(refusal("FILE_XLS"));
  }
  const encoding = detectEncoding(bytes);
  return { format: "CSV", encoding, rows: csvRows(bytes, encoding) };
}

function detectEncoding(bytes: Uint8Array): "UTF-8" | "GBK" | "UTF-16" {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return "UTF-16";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "UTF-8";
  } catch {
    // Not UTF-8: Excel on Chinese Windows saves CSV in GBK (read here as GB 18030, its superset).
    try {
      new TextDecoder("gb18030", { fatal: true }).decode(bytes);
      return "GBK";
    } catch {
      throw new UnreadableFileError(refusal("FILE_NOT_TEXT"));
    }
  }
}

const SLICE = 64 * 1024;

async function* csvRows(bytes: Uint8Array, encoding: "UTF-8" | "GBK" | "UTF-16"): AsyncGenerator<TableRow> {
  const decoder = new TextDecoder(
    encoding === "UTF-8" ? "utf-8" : encoding === "GBK" ? "gb18030" : bytes[0] === 0xff ? "utf-16le" : "utf-16be",
  );
  let separator: string | null = null;
  let field = "";
  let cells: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let row = 1;
  let first = true;
  for (let start = 0; start < bytes.length; start += SLICE) {
    let text = decoder.decode(bytes.subarray(start, start + SLICE), { stream: start + SLICE < bytes.length });
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      // Excel's "Unicode text" is tab-separated; everything else here is comma-separated.
      const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
      separator = firstLine.includes("\t") && !firstLine.includes(",") ? "\t" : ",";
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const char = text[i]!;
      if (quoted) {
        if (char === '"') {
          quoted = false;
          afterQuote = true;
        } else field += char;
        continue;
      }
      if (afterQuote && char === '"') {
        // "" inside quotes is one quote character.
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (char === '"' && field === "") quoted = true;
      else if (char === separator) {
        cells.push(field);
        field = "";
      } else if (char === "\n") {
        cells.push(field);
        yield { row, cells };
        row++;
        cells = [];
        field = "";
      } else if (char !== "\r") field += char;
    }
  }
  if (quoted) throw new UnreadableFileError(refusal("FILE_QUOTE_UNCLOSED", { row }));
  if (field !== "" || cells.length) {
    cells.push(field);
    yield { row, cells };
  }
}

/**
 * The most a workbook may unpack to. A county's 100,000 monthly reports are about 20 MB as
 * sheet XML; a 1 MB "zip bomb" unpacking to 1 GB ran 82 s and left it on disk.
 */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

/**
 * What a zip file says its entries unpack to, from its central directory (at its end), without
 * unpacking anything; undefined when there is no readable directory or an entry is too large to
 * say (ZIP64). The streaming reader trusts the same sizes.
 */
export function unpackedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record: 22 bytes and a comment of at most 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const unpacked = view.getUint32(at + 24, true);
    if (unpacked === 0xffffffff) return undefined;
    total += unpacked;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/**
 * ExcelJS's streaming reader, fed through the zip's central directory. Its own `parse()` reads the
 * archive in one streaming pass (unzipper's `Parse`) whose async iteration drops entries while the
 * reader awaits (exceljs#3064, unzipper#234): now and then `xl/workbook.xml`, which Excel-like
 * writers store last, never arrives and the read fails with "Cannot read properties of undefined
 * (reading 'sheets')" — or a worksheet goes missing. Opening entries by name instead makes the
 * order ours: the workbook's relations, sheet list, shared strings and styles first, then the
 * worksheets in the order their tabs show, each still read row by row (no temporary files).
 * The methods called are ExcelJS's own (4.4.0, pinned).
 */
interface WorkbookReaderParts {
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

async function* worksheetsInTabOrder(bytes: Uint8Array): AsyncGenerator<ExcelJS.stream.xlsx.WorksheetReader> {
  const zip = await unzipper.Open.buffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const entries = new Map(zip.files.map((file) => [file.path, file]));
  // Every entry's inflated bytes count against the workbook's bound, whatever its directory says.
  let unpacked = 0;
  const open = (path: string) => {
    const entry = entries.get(path);
    if (!entry) return undefined;
    const bounded = new PassThrough();
    const source = entry.stream();
    source.on("error", (error) => bounded.destroy(error));
    source.on("data", (chunk: Buffer) => {
      unpacked += chunk.length;
      if (unpacked > MAX_UNPACKED_BYTES) {
        source.unpipe(bounded);
        bounded.destroy(new UnreadableFileError(refusal("FILE_XLSX_TOO_LARGE")));
      }
    });
    source.pipe(bounded);
    return bounded;
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  }) as unknown as WorkbookReaderParts;
  const rels = open("xl/_rels/workbook.xml.rels");
  if (rels) await reader._parseRels(rels);
  const book = open("xl/workbook.xml");
  if (!book) throw new Error("the workbook has no xl/workbook.xml");
  await reader._parseWorkbook(book);
  const strings = open("xl/sharedStrings.xml");
  if (strings) for await (const _ of reader._parseSharedStrings(strings));
  const styles = open("xl/styles.xml");
  if (styles) await reader._parseStyles(styles);

  const targets = new Map((reader.workbookRels ?? []).map((rel) => [rel.Id, rel.Target.replace(/^\/?(xl\/)?/, "")]));
  const sheetNumbers = (reader.model?.sheets ?? [])
    .map((sheet) => /^worksheets\/sheet(\d+)\.xml$/.exec(targets.get(sheet.rId) ?? "")?.[1])
    .filter((number): number is string => number !== undefined);
  for (const number of sheetNumbers) {
    const sheet = open(`xl/worksheets/sheet${number}.xml`);
    if (!sheet) continue;
    for (const { value } of reader._parseWorksheet(sheet, number)) yield value as ExcelJS.stream.xlsx.WorksheetReader;
  }
}

async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<TableRow> {
  try {
    // Only the first tab is read: instructions may follow on others.
    for await (const worksheet of worksheetsInTabOrder(bytes)) {
      for await (const row of worksheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, column) => {
          cells[column - 1] = cellText(cell);
        });
        yield { row: row.number, cells: Array.from(cells, (cell) => cell ?? "") };
      }
      return;
    }
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError(refusal("FILE_XLSX_UNREADABLE", { detail: (error as Error).message }));
  }
}

/** A cell as the clerk sees it: numbers as shown to 15 digits, dates as YYYY-MM-DD, formulas by their result. */
function cellText(cell: ExcelJS.Cell): string {
  let value = cell.value as unknown;
  if (value && typeof value === "object" && "result" in value) value = (value as { result: unknown }).result;
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    const shown = String(Number(value.toPrecision(15)));
    // A cell formatted as a percentage holds 0.98 for 98%.
    return cell.numFmt?.includes("%") ? `${Number((value * 100).toPrecision(15))}%` : shown;
  }
  if (value instanceof Date) return value.toISOString().slice(0, cell.numFmt && !/d/i.test(cell.numFmt) ? 7 : 10);
  if (typeof value === "object" && "richText" in value) {
    return (value as { richText: { text: string }[] }).richText.map((part) => part.text).join("");
  }
  if (typeof value === "object" && "text" in value) return String((value as { text: unknown }).text);
  if (typeof value === "object" && "error" in value) return String((value as { error: unknown }).error);
  return String(value);
}
