import { fieldIssue, RevitaError } from "./errors.js";

/**
 * Optimistic concurrency: every editable record carries a version that a trigger raises on each
 * change (data_entry migration). An edit names the version it was made from; if someone changed
 * the record since, the edit is refused rather than silently overwriting their change.
 */
export function staleVersionError(what: string, expectedVersion: number, currentVersion?: number): RevitaError {
  // 0 stands for "not known": the row changed between our read and our write.
  const current = currentVersion ?? 0;
  return new RevitaError("CONFLICT", "STALE_VERSION", { what, expected: expectedVersion, current }, [
    fieldIssue("expectedVersion", "STALE_VERSION_FIELD", { expected: expectedVersion, current }),
  ]);
}

/** Refuses an edit made from an older version than the record's. */
export function requireVersion(what: string, record: { version: number }, expectedVersion: number): void {
  if (record.version !== expectedVersion) throw staleVersionError(what, expectedVersion, record.version);
}

/**
 * Checks the outcome of `updateMany({ where: { id, version: expectedVersion } })`: no row means
 * another transaction changed the record between our read and our write.
 */
export function requireUpdated(what: string, result: { count: number }, expectedVersion: number): void {
  if (result.count === 0) throw staleVersionError(what, expectedVersion);
}
