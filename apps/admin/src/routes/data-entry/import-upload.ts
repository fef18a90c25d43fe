/**
 * Talks to the API's file endpoints (apps/api/src/imports/imports.http.ts): uploads a file for a
 * dry run or an import and reads the answer's NDJSON lines as they arrive, so the page can show
 * progress and the first problems while a large file is still being checked.
 */
import type { Params } from "@revita/messages";
import { RefusedError } from "../../features/entry/refusals.js";
import { readNdjson } from "../../features/ndjson.js";

export type ImportKindName =
  | "projects"
  | "progress"
  | "funds"
  | "fund-allocations"
  | "disbursements"
  | "indicator-values"
  | "party-members"
  | "community-needs";

export interface ImportProblem {
  /** Null for the file as a whole. */
  row: number | null;
  column: string | null;
  /** The problem's reason of the shared catalogue, said in the dashboard's language; message is the server's text. */
  reason?: string;
  params?: Params;
  message: string;
}

export interface ImportResult {
  apply: boolean;
  committed: boolean;
  rows: number;
  written: number;
  problemCount: number;
  problems: ImportProblem[];
  /** What was read differently from a plain table: title and total rows skipped, units applied. */
  notices?: ImportProblem[];
  seconds: number;
}

export type ImportEvent =
  | { type: "progress"; rowsRead: number; problemCount: number; written: number }
  | { type: "problems"; problems: ImportProblem[] }
  | { type: "result"; result: ImportResult }
  | { type: "error"; error: { code: string; reason?: string; params?: Params; message: string } };

/** An import's events, one per NDJSON line. */
export const readImportEvents = (body: ReadableStream<Uint8Array>) => readNdjson<ImportEvent>(body);

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * Uploads a file and resolves with the result, calling onEvent for each line on the way. An
 * import (apply) carries an idempotency key, so that a retry after a lost answer imports once.
 */
export async function uploadImport(
  kind: ImportKindName,
  file: Blob & { name?: string },
  { apply, idempotencyKey, onEvent }: { apply: boolean; idempotencyKey?: string; onEvent?: (event: ImportEvent) => void },
): Promise<ImportResult> {
  const response = await fetch(`/api/imports/${kind}${apply ? "?apply=true" : ""}`, {
    method: "POST",
    body: file,
    credentials: "same-origin",
    headers: {
      "Content-Type": file.name?.toLowerCase().endsWith(".xlsx") ? XLSX : "text/csv",
      "Accept-Language": document.documentElement.lang === "en" ? "en" : "zh-CN",
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    },
  });
  if (!response.ok || !response.body) {
    const refusal = (await response.json().catch(() => null)) as {
      error?: { message?: string; reason?: string; params?: Params };
    } | null;
    throw new RefusedError(
      refusal?.error?.message ?? `HTTP ${response.status}`,
      refusal?.error?.reason ?? "IMPORT_FAILED",
      refusal?.error?.params,
    );
  }
  for await (const event of readImportEvents(response.body)) {
    onEvent?.(event);
    if (event.type === "result") return event.result;
    if (event.type === "error") throw new RefusedError(event.error.message, event.error.reason, event.error.params);
  }
  throw new RefusedError("the answer ended before the result: nothing was written", "IMPORT_FAILED");
}

export const templateHref = (kind: ImportKindName, format: "csv" | "xlsx") => `/api/imports/${kind}/template.${format}`;
export const exportHref = (kind: ImportKindName, format: "csv" | "xlsx", regionCode: string) =>
  `/api/exports/${kind}.${format}?regionCode=${encodeURIComponent(regionCode)}`;
