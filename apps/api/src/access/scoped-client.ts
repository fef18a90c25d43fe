import { NotFoundError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";

type PrismaPromise<T> = Prisma.PrismaPromise<T>;

import type { AccessScope, Capability } from "./access-scope.js";

/**
 * Which figures a request reads: all that were reported, or only those inside approved periods.
 * Changes always see everything.
 */
export type Figures = "all" | "approved";

/** The database role the API works as: it owns no table, so row-level security applies to it. */
export const API_DATABASE_ROLE = "revita_api";

/**
 * The role for reading approved figures only: the API's role and its policies, plus restrictive
 * ones on progress reports and indicator values (the approved_figures_index migration). A role
 * rather than a setting, so that reading all figures is planned without those policies.
 */
const ROLE_FOR_FIGURES: Record<Figures, string> = { all: API_DATABASE_ROLE, approved: "revita_api_approved" };

/** The transaction-local settings the policies read (see the access_control migration). */
const ROOT_SETTINGS: Record<Exclude<Capability, "query">, string> = {
  read: "revita.read_roots",
  edit: "revita.write_roots",
  approve: "revita.approve_roots",
  admin: "revita.admin_roots",
};

const rootsLiteral = (roots: readonly number[]) => `{${roots.join(",")}}`;

/**
 * The statement that switches the current transaction to the API's role, with the request's
 * regions and the name the audit records. Transaction-local (the `true` of set_config), so
 * nothing outlives the transaction on a pooled connection.
 */
function enterScope(client: DbClient, scope: AccessScope, actor: string, figures: Figures = "all") {
  // JIT off: the policies inflate the planner's cost estimates past jit_above_cost, and compiling
  // then cost more than the query (a county's investment over time: 1,524 of 1,768 ms). Set here,
  // in the transaction, because a role's own settings do not follow SET ROLE.
  return client.$executeRaw`SELECT set_config('role', ${ROLE_FOR_FIGURES[figures]}, true),
    set_config('jit', 'off', true),
    set_config(${ROOT_SETTINGS.read}, ${rootsLiteral(scope.rootsFor("read"))}, true),
    set_config(${ROOT_SETTINGS.edit}, ${rootsLiteral(scope.rootsFor("edit"))}, true),
    set_config(${ROOT_SETTINGS.approve}, ${rootsLiteral(scope.rootsFor("approve"))}, true),
    set_config(${ROOT_SETTINGS.admin}, ${rootsLiteral(scope.rootsFor("admin"))}, true),
    set_config('revita.actor', ${actor}, true)`;
}

/**
 * A client whose every statement runs as the API's role, within the scope's regions: model
 * queries, raw SQL and the Pothos plugin's loaders alike. This is the client resolvers read
 * through.
 *
 * The operations asked for in the same tick share one short transaction, which also lets Prisma
 * combine findUnique calls into one statement as it does for a plain client (Pothos's relation
 * loaders rely on that). If such a batch fails, each operation is retried alone, so an error
 * reaches only the resolver that caused it; a failed batch has committed nothing.
 *
 * Its interactive transactions would escape the scope (the wrapper's transaction would run beside
 * them), so `$transaction` is refused: changes go through scopedTransaction.
 */
export function scopedClient(
  base: PrismaClient,
  scope: AccessScope,
  actor: string,
  { figures = "all" }: { figures?: Figures } = {},
): PrismaClient {
  let queue: QueuedOperation[] = [];
  const inTransaction = (statements: PrismaPromise<unknown>[]) =>
    base.$transaction([enterScope(base, scope, actor, figures), ...statements]).then(([, ...results]) => results);
  const runAlone = (operation: QueuedOperation) =>
    inTransaction([operation.run()]).then(([result]) => operation.resolve(result), operation.reject);
  const flush = async () => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) return runAlone(batch[0]!);
    const statements = combineFindUniques(base, batch);
    try {
      const results = await inTransaction(statements.map((statement) => statement.run()));
      for (const [index, statement] of statements.entries()) statement.deliver(results[index]);
    } catch {
      await Promise.all(batch.map(runAlone));
    }
  };
  const scoped = base.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        return new Promise((resolve, reject) => {
          if (queue.length === 0) process.nextTick(() => void flush());
          queue.push({ model, operation, args, run: () => query(args) as PrismaPromise<unknown>, resolve, reject });
        });
      },
    },
  });
  return new Proxy(scoped, {
    get(target, property, receiver) {
      if (property === "$transaction") {
        return () => {
          throw new Error("a scoped client runs no interactive transactions: use the context's transaction()");
        };
      }
      return Reflect.get(target, property, receiver);
    },
  }) as unknown as PrismaClient;
}

interface QueuedOperation {
  model?: string;
  operation: string;
  args: unknown;
  run: () => PrismaPromise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Statement {
  run: () => PrismaPromise<unknown>;
  deliver: (result: unknown) => void;
}

/**
 * The statements for a batch: findUnique calls on one model by the same single field and with the
 * same selection become one findMany (as Prisma itself does for a plain client), everything else
 * runs as asked.
 */
function combineFindUniques(base: PrismaClient, batch: QueuedOperation[]): Statement[] {
  const statements: Statement[] = [];
  const groups = new Map<string, { model: string; field: string; rest: Record<string, unknown>; members: QueuedOperation[] }>();
  for (const operation of batch) {
    const combinable = combinableFindUnique(operation);
    if (!combinable) {
      statements.push({ run: operation.run, deliver: operation.resolve });
      continue;
    }
    const key = JSON.stringify([operation.model, combinable.field, combinable.rest]);
    const group = groups.get(key) ?? { model: operation.model!, field: combinable.field, rest: combinable.rest, members: [] };
    group.members.push(operation);
    groups.set(key, group);
  }
  for (const { model, field, rest, members } of groups.values()) {
    if (members.length === 1) {
      statements.push({ run: members[0]!.run, deliver: members[0]!.resolve });
      continue;
    }
    const values = members.map((member) => whereOf(member)[field]);
    const delegate = (base as unknown as Record<string, { findMany(args: unknown): PrismaPromise<Record<string, unknown>[]> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ]!;
    statements.push({
      run: () => delegate.findMany({ ...rest, where: { [field]: { in: values } } }),
      deliver: (rows) => {
        const byValue = new Map((rows as Record<string, unknown>[]).map((row) => [row[field], row]));
        for (const member of members) {
          const row = byValue.get(whereOf(member)[field]);
          if (row) member.resolve(row);
          else if (member.operation === "findUniqueOrThrow")
            member.reject(new NotFoundError("NOT_FOUND", { what: `${model} ${String(whereOf(member)[field])}` }));
          else member.resolve(null);
        }
      },
    });
  }
  return statements;
}

const whereOf = (operation: QueuedOperation) => (operation.args as { where: Record<string, unknown> }).where;

/** A findUnique by one scalar field, whose selection keeps that field (to match rows back). */
function combinableFindUnique(operation: QueuedOperation): { field: string; rest: Record<string, unknown> } | undefined {
  if (!operation.model || (operation.operation !== "findUnique" && operation.operation !== "findUniqueOrThrow")) return undefined;
  const { where, ...rest } = operation.args as { where?: Record<string, unknown>; select?: Record<string, unknown> };
  const fields = Object.keys(where ?? {});
  const field = fields[0];
  if (fields.length !== 1 || !field) return undefined;
  const value = where![field];
  if (typeof value !== "number" && typeof value !== "string") return undefined;
  if (rest.select && !rest.select[field]) return undefined;
  return { field, rest };
}

/** Runs changes in one transaction as the API's role, within the scope, named in the audit. */
export function scopedTransaction<T>(
  base: PrismaClient,
  scope: AccessScope,
  actor: string,
  change: (tx: DbClient) => Promise<T>,
  { timeoutMs = 120_000 }: { timeoutMs?: number } = {},
): Promise<T> {
  return base.$transaction(
    async (tx) => {
      await enterScope(tx, scope, actor);
      return change(tx);
    },
    // Prisma's default of 5 s is shorter than a large change; the statement timeout still bounds each statement.
    { maxWait: 10_000, timeout: timeoutMs },
  );
}
