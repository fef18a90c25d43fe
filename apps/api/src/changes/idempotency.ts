import { createHash } from "node:crypto";
import { fieldIssue, RevitaError, ValidationError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Runs a change once per idempotency key: a request retried with the same key (a response lost
 * on a bad line, a double click) gets the first answer, and the data changes once. Call it inside
 * the change's transaction, so the key and the change are written together or not at all.
 * Without a key the change simply runs.
 */
export async function onceForKey<Result extends Prisma.InputJsonObject>(
  tx: DbClient,
  { userId, key, operation, input }: { userId: number; key: string | null | undefined; operation: string; input: unknown },
  change: () => Promise<Result>,
): Promise<Result> {
  if (key === null || key === undefined) return change();
  if (!/^[A-Za-z0-9._:-]{8,200}$/.test(key)) {
    throw new ValidationError([fieldIssue("idempotencyKey", "BAD_IDEMPOTENCY_KEY")]);
  }
  // Two requests with one key at once (a double click on PostgreSQL): the second waits here until
  // the first commits, then finds its answer, instead of running the change a second time.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`idempotency:${userId}:${key}`}, 0))`;
  const requestHash = createHash("sha256")
    .update(JSON.stringify([operation, input]))
    .digest("hex");
  const earlier = await tx.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
  if (earlier) {
    if (earlier.operation !== operation || earlier.requestHash !== requestHash) {
      throw new RevitaError("CONFLICT", "IDEMPOTENCY_KEY_REUSED", { key, operation: earlier.operation }, [
        fieldIssue("idempotencyKey", "IDEMPOTENCY_KEY_REUSED_FIELD"),
      ]);
    }
    return earlier.result as Result;
  }
  const result = await change();
  await tx.idempotencyKey.create({ data: { userId, key, operation, requestHash, result } });
  return result;
}
