import { createHash } from "node:crypto";
import { formatReason } from "@revita/messages";
import { parsePeriod } from "@revita/schema/period";
import type { ChangeAuthor } from "../changes/apply-change.js";
import { onceForKey } from "../changes/idempotency.js";
import { AuthenticationError, type Refusal, refusal } from "../common/errors.js";
import type { Context } from "../context.js";
import type { DbClient } from "../db/database.js";
import {
  headerKey,
  headerUnit,
  isTotalRow,
  type Parsed,
  parseAmount,
  parseDateCell,
  parseNumber,
  parsePercent,
  parsePeriodCell,
  toHalfWidth,
  unescapeFormula,
  unitRowPower,
} from "./cell-values.js";
import type { CellType, ImportColumn, ImportKind, ImportProblem, ParsedRow } from "./import-kind.js";
import { readTable, type TableRow, UnreadableFileError } from "./table-reader.js";

/**
 * Rows checked and written together: large enough for few statements, small enough for little
 * memory and, on the embedded database, for short stretches without a turn for other requests
 * (2,000 rows held the event loop ~600 ms a chunk on the 2-core machine; 500, ~170 ms, for 10 %
 * more time in all).
 */
export const IMPORT_CHUNK_ROWS = 500;
/** Problems kept in the result; all of them are streamed to onProblems as they are found. */
const LISTED_PROBLEMS = 1000;
/** An import of a large file may take minutes; the statement timeout still bounds each statement. */
const IMPORT_TIMEOUT_MS = 30 * 60_000;

export interface ImportProgress {
  rowsRead: number;
  problemCount: number;
  written: number;
}

export interface ImportResult {
  kind: ImportKind["name"];
  format: "CSV" | "XLSX" | null;
  encoding: string | null;
  /** False for a dry run: everything is checked (and written, then rolled back), nothing kept. */
  apply: boolean;
  /** True when the rows were written and kept: only when asked to apply and there was no problem. */
  committed: boolean;
  /** Data rows read (blank rows not counted). */
  rows: number;
  blankRows: number;
  /** Rows that were (or, in a dry run, would be) written. */
  written: number;
  problemCount: number;
  /** The first problems, by row; the rest were streamed to onProblems. */
  problems: ImportProblem[];
  /** What was read differently from a plain table, for the clerk to check: a title row or a total row skipped, a unit applied. */
  notices: ImportProblem[];
  seconds: number;
}

export interface ImportOptions {
  /** Write and keep the rows (all or nothing); without it, a dry run. */
  apply: boolean;
  idempotencyKey?: string | null;
  onProgress?: (progress: ImportProgress) => void;
  onProblems?: (problems: ImportProblem[]) => void;
}

/** Thrown inside the transaction to undo everything a dry run or a failed import wrote. */
class RollBack extends Error {
  constructor(readonly result: ImportResult) {
    super("rolled back");
  }
}

/**
 * Imports a file of one kind, all or nothing: every row is read, checked and written in one
 * transaction as the asker (so the database's policies, integrity rules and approval locks apply
 * to each row); any problem, or a dry run, rolls the whole transaction back. The report names
 * every problem by row and column.
 */
export async function runImport(
  context: Context,
  kind: ImportKind,
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<ImportResult> {
  const user = context.auth?.user;
  if (!user) throw new AuthenticationError("SIGN_IN_REQUIRED", {});
  const author: ChangeAuthor = { userId: user.id, name: `${user.displayName}（${user.username}）` };
  const started = performance.now();
  const result: ImportResult = {
    kind: kind.name,
    format: null,
    encoding: null,
    apply: options.apply,
    committed: false,
    rows: 0,
    blankRows: 0,
    written: 0,
    problemCount: 0,
    problems: [],
    notices: [],
    seconds: 0,
  };
  let pending: ImportProblem[] = [];
  const report = (problem: ImportProblem) => {
    result.problemCount++;
    if (result.problems.length < LISTED_PROBLEMS) result.problems.push(problem);
    pending.push(problem);
  };
  const flush = () => {
    if (pending.length) options.onProblems?.(pending.sort(byRow));
    pending = [];
    options.onProgress?.({ rowsRead: result.rows, problemCount: result.problemCount, written: result.written });
  };
  const finish = () => {
    flush();
    result.problems.sort(byRow);
    result.seconds = Math.round(performance.now() - started) / 1000;
    return result;
  };

  let table: ReturnType<typeof readTable>;
  try {
    table = readTable(bytes);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    report(problemAt(null, null, error.refusal));
    return finish();
  }
  result.format = table.format;
  result.encoding = table.encoding;

  const importAll = async (tx: DbClient) => {
    const rows = table.rows[Symbol.asyncIterator]();
    const notice = (problem: ImportProblem) => {
      if (result.notices.length < LISTED_PROBLEMS) result.notices.push(problem);
    };
    const header = await readHeader(rows, kind, report, notice);
    if (!header) return;
    const importChunk = kind.start(tx, {
      author,
      mayEdit: (path) => !context.apiRules || context.access.covers("edit", path),
      problem: (row, columnKey, problem) => report(problemAt(row, headerOf(kind, columnKey), problem)),
      written: (count) => {
        result.written += count;
      },
    });
    let chunk: ParsedRow[] = [];
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      const parsed = parseRow(next.value, header, kind, report);
      if (parsed === "blank") result.blankRows++;
      else if (parsed === "total") notice(problemAt(next.value.row, null, refusal("TOTAL_ROW_SKIPPED", { row: next.value.row })));
      else {
        result.rows++;
        if (parsed) chunk.push(parsed);
      }
      // Problems found while reading are passed on as often as rows are checked, so a file whose
      // every row is wrong does not pile up its problems in memory either.
      if (chunk.length >= IMPORT_CHUNK_ROWS || pending.length >= IMPORT_CHUNK_ROWS) {
        if (chunk.length) await importChunk(chunk);
        chunk = [];
        flush();
        await letOthersIn();
      }
    }
    if (chunk.length) await importChunk(chunk);
    if (result.rows === 0 && result.problemCount === 0) {
      report(problemAt(null, null, refusal("NO_DATA_ROWS")));
    }
  };

  try {
    return (await context.transaction(
      (tx) =>
        onceForKey(
          tx,
          { userId: user.id, key: options.idempotencyKey, operation: `import:${kind.name}`, input: digest(bytes) },
          async () => {
            try {
              await importAll(tx);
            } catch (error) {
              if (!(error instanceof UnreadableFileError)) throw error;
              report(problemAt(null, null, error.refusal));
            }
            if (!options.apply || result.problemCount > 0) throw new RollBack(finish());
            result.committed = true;
            return { ...finish() } as unknown as Record<string, never>;
          },
        ),
      { timeoutMs: IMPORT_TIMEOUT_MS },
    )) as unknown as ImportResult;
  } catch (error) {
    if (error instanceof RollBack) return error.result;
    throw error;
  }
}

/**
 * Gives the event loop a turn between chunks. The embedded database answers inside this thread
 * and every await on it settles as a microtask, so without a turn an import of 13,000 rows held
 * the loop for 4.6 s in one stretch: no other request was even read, let alone one the response
 * cache could answer without the database.
 */
const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A problem at a row and column, its reason said in English until the HTTP layer says it in the asker's language. */
function problemAt(row: number | null, column: string | null, { reason, params }: Refusal): ImportProblem {
  return { row, column, reason, params, message: formatReason("en", reason, params) };
}

/** Problems in the order of the file (its own first), each row's in the order they were found. */
const byRow = (a: ImportProblem, b: ImportProblem) => (a.row ?? 0) - (b.row ?? 0);

/** A file is identified by its content: a retried upload of the same bytes with the same key replays. */
function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Which file column each template column is in, and the power of ten each column's amounts are
 * written in (4 under a 万元 header or below a 单位：万元 row; 0, yuan, otherwise).
 */
type Header = { columns: (ImportColumn | null)[]; unitPowers: number[]; width: number };

/** How many rows above the header a file may have: a title, a date, a unit line, a blank line. */
const ROWS_BEFORE_HEADER = 6;

async function readHeader(
  rows: AsyncIterator<TableRow>,
  kind: ImportKind,
  report: (problem: ImportProblem) => void,
  notice: (problem: ImportProblem) => void,
): Promise<Header | null> {
  const byHeader = new Map<string, ImportColumn>();
  for (const column of kind.columns) {
    for (const name of [column.header, column.key, ...(column.aliases ?? [])]) {
      byHeader.set(headerKey(name), column);
      // An amount's header may name another unit than the template's (元): 累计完成投资（万元）.
      if (column.type === "amount") byHeader.set(headerKey(headerUnit(name).name), column);
    }
  }
  const expected = kind.columns.map((column) => column.header).join(", ");
  let defaultPower = 0;
  let unitRow = false;
  let firstRow: number | null = null;
  for (let seen = 0; ; ) {
    const next = await rows.next();
    if (next.done) {
      report(
        problemAt(
          firstRow,
          null,
          refusal(firstRow === null ? "NO_HEADER_ROW" : "HEADERS_NOT_FOUND", { kind: kind.titleZh, expected }),
        ),
      );
      return null;
    }
    const { row, cells } = next.value;
    if (cells.every((cell) => !cell.trim())) continue;
    firstRow ??= row;
    const columnOf = (cell: string) => {
      if (!cell.trim()) return null;
      const exact = byHeader.get(headerKey(cell));
      if (exact) return exact;
      const named = byHeader.get(headerKey(headerUnit(cell).name));
      return named?.type === "amount" ? named : null;
    };
    const columns = cells.map(columnOf);
    if (!columns.some(Boolean)) {
      // A title, a date or a unit line above the header, as clerks' tables have: read past it.
      const unit = unitRowPower(cells);
      if (unit !== undefined) {
        defaultPower = unit;
        unitRow = true;
        notice(problemAt(row, null, refusal("UNIT_ROW_APPLIED", { row, unit: unitName(unit) })));
      } else notice(problemAt(row, null, refusal("TITLE_ROW_SKIPPED", { row })));
      if (++seen < ROWS_BEFORE_HEADER) continue;
      report(problemAt(firstRow, null, refusal("HEADERS_NOT_FOUND", { kind: kind.titleZh, expected })));
      return null;
    }
    let ok = true;
    const unitPowers = cells.map((cell, index) => {
      if (columns[index]?.type !== "amount") return 0;
      const named = headerUnit(cell).unitPower;
      if (named !== undefined && unitRow && named !== defaultPower) {
        // 单位：万元 above a header that says （元）: which one the clerk meant cannot be guessed.
        report(problemAt(row, cell.trim(), refusal("UNITS_DISAGREE", { column: cell.trim(), unit: unitName(defaultPower) })));
        ok = false;
      }
      const power = named ?? defaultPower;
      if (power !== 0)
        notice(problemAt(row, cell.trim(), refusal("COLUMN_UNIT_APPLIED", { column: cell.trim(), unit: unitName(power) })));
      return power;
    });
    cells.forEach((cell, index) => {
      if (cell.trim() && !columns[index]) {
        report(problemAt(row, cell.trim(), refusal("UNKNOWN_COLUMN", { column: cell.trim(), expected })));
        ok = false;
      }
    });
    for (const column of kind.columns) {
      const count = columns.filter((c) => c === column).length;
      if (count > 1) {
        report(problemAt(row, column.header, refusal("DUPLICATE_COLUMN", { column: column.header, count })));
        ok = false;
      }
      if (count === 0 && column.required) {
        report(problemAt(row, column.header, refusal("MISSING_COLUMN", { column: column.header })));
        ok = false;
      }
    }
    return ok ? { columns, unitPowers, width: cells.length } : null;
  }
}

/** A row's cells read by type; each bad cell is reported. Null when the row has a bad cell. */
function parseRow(
  { row, cells }: TableRow,
  header: Header,
  kind: ImportKind,
  report: (problem: ImportProblem) => void,
): ParsedRow | null | "blank" | "total" {
  if (cells.every((cell) => !cell.trim())) return "blank";
  if (isTotalRow(cells)) return "total";
  const values: Record<string, string | null> = {};
  const unreadable = new Set<ImportColumn>();
  let ok = true;
  cells.forEach((cell, index) => {
    const column = header.columns[index];
    if (!column) {
      if (cell.trim()) {
        report(problemAt(row, null, refusal("VALUE_OUTSIDE_COLUMNS", { value: cell.trim(), index: index + 1 })));
        ok = false;
      }
      return;
    }
    const text = cell.trim();
    if (!text) {
      values[column.key] = null;
      return;
    }
    const parsed = parseCell(column.type, text, header.unitPowers[index] ?? 0);
    if ("error" in parsed) {
      report(problemAt(row, column.header, parsed.error));
      unreadable.add(column);
      ok = false;
    } else values[column.key] = parsed.value;
  });
  for (const column of kind.columns) {
    if (column.required && !values[column.key] && !unreadable.has(column) && header.columns.includes(column)) {
      report(problemAt(row, column.header, refusal("REQUIRED")));
      ok = false;
    }
  }
  return ok ? { row, values } : null;
}

/** A unit's code in the notices' parameters (the catalogue names it in each language). */
const unitName = (power: number) => (power === 8 ? "YI" : power === 4 ? "WAN" : "YUAN");

function parseCell(type: CellType, text: string, unitPower: number): Parsed {
  switch (type) {
    case "amount":
      return parseAmount(text, unitPower);
    case "percent":
      return parsePercent(text);
    case "number":
      return parseNumber(text);
    case "date":
      return parseDateCell(text);
    case "period": {
      const parsed = parsePeriodCell(text);
      if ("error" in parsed) return parsed;
      try {
        parsePeriod(parsed.value);
        return parsed;
      } catch {
        return { error: refusal("NOT_A_PERIOD", { value: text }) };
      }
    }
    case "code":
      return { value: toHalfWidth(text).trim() };
    case "text":
      return { value: unescapeFormula(text) };
  }
}

function headerOf(kind: ImportKind, key: string | null): string | null {
  if (key === null) return null;
  return kind.columns.find((column) => column.key === key)?.header ?? key;
}
