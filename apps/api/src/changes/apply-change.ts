import type { Capability } from "../access/access-scope.js";
import { AuthenticationError, fieldIssue, RevitaError } from "../common/errors.js";
import type { Context } from "../context.js";
import type { DbClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";
import { onceForKey } from "./idempotency.js";

/** Who makes a change: the user's id (for idempotency keys) and the name their records carry. */
export interface ChangeAuthor {
  userId: number;
  /** "岑巩县录入员（cengong.editor）": what reportedBy and decidedBy columns show. */
  name: string;
}

/**
 * Runs one mutation's change the way every mutation must: by a signed-in user, in one transaction
 * as the API's role within their regions (all or nothing), and once per idempotency key (a retry
 * gets the first answer). The change returns plain JSON (ids), which is what a retry replays.
 */
export async function applyChange<Result extends Prisma.InputJsonObject>(
  context: Context,
  operation: string,
  { input, idempotencyKey }: { input: unknown; idempotencyKey?: string | null },
  change: (tx: DbClient, author: ChangeAuthor) => Promise<Result>,
): Promise<Result> {
  const user = context.auth?.user;
  if (!user) throw new AuthenticationError("SIGN_IN_REQUIRED", {});
  const author = { userId: user.id, name: `${user.displayName}（${user.username}）` };
  return context.transaction((tx) =>
    onceForKey(tx, { userId: user.id, key: idempotencyKey, operation, input }, () => change(tx, author)),
  );
}

/**
 * The API's own check that the asker may do this in the region at `regionPath`; the database's
 * policies check again when the row is written. `field` names the input that chose the region.
 */
export function requireCapability(
  context: Context,
  capability: Capability,
  regionPath: readonly number[],
  { field, what }: { field: string; what: string },
): void {
  if (context.apiRules && !context.access.covers(capability, regionPath)) {
    const verb = capability === "admin" ? "administer" : capability;
    throw new RevitaError("FORBIDDEN", "OUTSIDE_YOUR_REGIONS", { what, capability: verb }, [
      fieldIssue(field, "FIELD_OUTSIDE_YOUR_REGIONS", { capability: verb }),
    ]);
  }
}

/** The same check for a change to a project or to something of it (a report, an allocation). */
export async function requireProjectEditable(
  tx: DbClient,
  context: Context,
  where: { code: string } | { id: number },
  field: string,
): Promise<void> {
  const project = await tx.project.findUnique({ where, select: { code: true, region: { select: { path: true } } } });
  if (project) requireCapability(context, "edit", project.region.path, { field, what: project.code });
}

/**
 * The same check for a change in the region with this code (a new record there). A code that
 * names no region passes: the service then refuses it by field, as it refuses any bad input.
 */
export async function requireRegionEditable(tx: DbClient, context: Context, code: string, field: string): Promise<void> {
  const region = await tx.region.findUnique({ where: { code }, select: { path: true, nameZh: true } });
  if (region) requireCapability(context, "edit", region.path, { field, what: region.nameZh });
}
