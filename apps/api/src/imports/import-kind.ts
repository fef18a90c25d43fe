import type { AccessScope } from "../access/access-scope.js";
import type { ChangeAuthor } from "../changes/apply-change.js";
import type { Refusal } from "../common/errors.js";
import type { DbClient } from "../db/database.js";

/** How a column's cells are read (see cell-values.ts). */
export type CellType = "text" | "code" | "amount" | "percent" | "number" | "period" | "date";

/** One column of an import file: its Chinese header in the template, and what it holds. */
export interface ImportColumn {
  /** The field it fills, also accepted as the header (English files, scripts). */
  key: string;
  /** The template's header, e.g. 累计完成投资（元）. */
  header: string;
  /** Other headers clerks' spreadsheets use for it. */
  aliases?: string[];
  required: boolean;
  type: CellType;
  /** What to write, in Chinese, for the template's instructions sheet (填写说明). */
  hint: string;
  example: string;
}

/** A data row after its cells were read: each column's value as plain text, or null when blank. */
export interface ParsedRow {
  row: number;
  values: Record<string, string | null>;
}

/** Everything wrong with a file, each by row and column (null row: the file as a whole). */
export interface ImportProblem extends Refusal {
  row: number | null;
  /** The column's header as the template names it, or the file's own header when unknown. */
  column: string | null;
  /** The reason in English until the HTTP layer says it in the asker's language. */
  message: string;
}

/** What an importer needs from the run it is part of. */
export interface ImportRun {
  author: ChangeAuthor;
  /** Whether the asker may edit data of the region at this path (EDITOR there). */
  mayEdit(regionPath: readonly number[]): boolean;
  /** Records a problem with a row; `columnKey` is an ImportColumn key, or null for the whole row. */
  problem(row: number, columnKey: string | null, problem: Refusal): void;
  /** Counts rows written. */
  written(count: number): void;
}

/** Checks a chunk of rows and writes the good ones, inside the import's one transaction. */
export type ChunkImporter = (rows: ParsedRow[]) => Promise<void>;

/** A kind of data that can be imported from a file and exported back to one. */
export interface ImportKind {
  /** As in the URL: /api/imports/progress. */
  name:
    | "projects"
    | "progress"
    | "funds"
    | "fund-allocations"
    | "disbursements"
    | "indicator-values"
    | "party-members"
    | "community-needs"
    | "mediation-cases"
    | "cleaning-inspections"
    | "households";
  /** The template's file and sheet name. */
  titleZh: string;
  columns: ImportColumn[];
  /** Starts an import of this kind in a transaction; state across chunks lives in the closure. */
  start(tx: DbClient, run: ImportRun): ChunkImporter;
  /**
   * The region's records in the file's columns, in a stable order, a page at a time, as the asker
   * may read them (a resident's phone is masked for all but the community's own staff).
   */
  exportRows(db: DbClient, regionId: number, reader: AccessScope): AsyncIterable<Record<string, string | null>>;
}
