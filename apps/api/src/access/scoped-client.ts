import { NotFoundError } from "../common/errors.js";
import type { DbClient, SqlStatement } from "../db/database.js";
import type { PrismaClient } from "../generated/prisma/client.js";

import type { AccessScope, Capability } from "./access-scope.js";

/**
 * Which figures a request reads: all that were reported, only those inside approved periods, or
 * only records an article published (source_kind PUBLISHED, with the rows that belong to them).
 * Changes always see everything.
 */
export type Figures = "all" | "approved" | "published";

/** The database role the API works as: it owns no table, so row-level security applies to it. */
export const API_DATABASE_ROLE = "revita_api";

/**
 * The roles for reading approved or published figures only: the API's role and its policies, plus
 * restrictive ones (the approved_figures_index and published_figures migrations). Roles rather
 * than a setting, so that reading all figures is planned without those policies.
 */
const ROLE_FOR_FIGURES: Record<Figures, string> = {
  all: API_DATABASE_ROLE,
  approved: "revita_api_approved",
  published: "revita_api_published",
};

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
 * nothing outlives the transaction on a pooled connection. As text and parameters, because the
 * compiled reads send it straight to the driver (Database.readInTransaction) and Prisma sends it
 * for everything else.
 */
export function scopeStatement(scope: AccessScope, actor: string, figures: Figures = "all"): SqlStatement {
  // JIT off: the policies inflate the planner's cost estimates past jit_above_cost, and compiling
  // then cost more than the query (a county's investment over time: 1,524 of 1,768 ms). Set here,
  // in the transaction, because a role's own settings do not follow SET ROLE.
  return {
    sql: `SELECT set_config('role', $1, true),
    set_config('jit', 'off', true),
    set_config('${ROOT_SETTINGS.read}', $2, true),
    set_config('${ROOT_SETTINGS.edit}', $3, true),
    set_config('${ROOT_SETTINGS.approve}', $4, true),
    set_config('${ROOT_SETTINGS.admin}', $5, true),
    set_config('revita.actor', $6, true)`,
    params: [
      ROLE_FOR_FIGURES[figures],
      rootsLiteral(scope.rootsFor("read")),
      rootsLiteral(scope.rootsFor("edit")),
      rootsLiteral(scope.rootsFor("approve")),
      rootsLiteral(scope.rootsFor("admin")),
      actor,
    ],
  };
}

function enterScope(client: DbClient, scope: AccessScope, actor: string, figures: Figures = "all") {
  const { sql, params } = scopeStatement(scope, actor, figures);
  return client.$executeRawUnsafe(sql, ...params);
}

/**
 * A client whose every statement runs as the API's role, within the scope's regions: model
 * queries, raw SQL and the Pothos plugin's loaders alike. This is the client resolvers read
 * through.
 *
 * The operations asked for in the same tick share a transaction, which also lets Prisma combine
 * findUnique calls into one statement as it does for a plain client (Pothos's relation loaders
 * rely on that) — and so do the ticks that follow while the request keeps asking: a transaction
 * lasts from the first read to the first turn of the event loop in which nothing is being read or
 * waiting to be, or after a second (one BEGIN, scope and COMMIT for a request's reads, not one a
 * tick: bench:peer's q3 went from 24 statements to 9). If a batch fails, that transaction ends and each of the batch's
 * operations is retried alone, so an error reaches only the resolver that caused it. Changes
 * (create, update, delete, $executeRaw) never join it: each runs and commits on its own, so a
 * later read's failure cannot take a change back.
 *
 * Statements are sent model queries first, raw SQL after: Prisma 7 keeps the plans it compiles
 * for model queries, but not for a batch whose first statement is raw SQL — with the scope's
 * set_config at the head of an array transaction, every tick's batch was compiled anew (13 % of
 * the API's busy CPU in bench:peer's profile).
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
  /** The transaction the current run of reads shares; undefined between runs. */
  let shared: SharedTransaction | undefined;

  const openShared = (): SharedTransaction => {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    const client = new Promise<DbClient>((ready, fail) => {
      base
        .$transaction(async (tx) => {
          await enterScope(tx, scope, actor, figures);
          ready(tx);
          await ended;
        })
        .catch(fail);
    });
    // Its failure reaches whoever waits for the client; a later one (at COMMIT) has nobody to tell.
    client.catch(() => undefined);
    return { client, running: 0, end, openedAt: Date.now() };
  };
  /** Hands the next reads to a new transaction; this one ends when its batches are in. */
  const retire = (transaction: SharedTransaction) => {
    if (shared === transaction) shared = undefined;
    if (transaction.running === 0) transaction.end();
  };
  const closeShared = (transaction: SharedTransaction) => {
    if (shared === transaction) shared = undefined;
    transaction.end();
  };
  /** Ends the shared transaction once a turn of the event loop passes with nothing to read. */
  const closeWhenIdle = (transaction: SharedTransaction) =>
    setImmediate(() => {
      if (transaction.running === 0 && (queue.length === 0 || transaction !== shared)) closeShared(transaction);
    });

  const runAlone = (operation: QueuedOperation) =>
    base
      .$transaction(async (tx) => {
        await enterScope(tx, scope, actor, figures);
        return (await sendAll(tx, [statementOf(operation)]))[0];
      })
      .then(operation.resolve, operation.reject);

  const flush = async () => {
    const batch = queue;
    queue = [];
    const reads = batch.filter((operation) => !isChange(operation));
    const changes = batch.filter(isChange);
    const done = changes.map(runAlone);
    if (reads.length > 0) {
      // A client that never stops reading (one shared by many requests) still gets short
      // transactions: one that has lasted a second takes no new batches.
      if (shared && Date.now() - shared.openedAt > SHARED_TRANSACTION_MS) retire(shared);
      shared ??= openShared();
      const transaction = shared;
      transaction.running++;
      const statements = combineFindUniques(reads);
      try {
        const results = await sendAll(await transaction.client, statements);
        for (const [index, statement] of statements.entries()) statement.deliver(results[index]);
      } catch {
        // The transaction is aborted now: the rest of the run starts another.
        closeShared(transaction);
        done.push(...reads.map(runAlone));
      } finally {
        transaction.running--;
        if (transaction.running === 0) closeWhenIdle(transaction);
      }
    }
    await Promise.all(done);
  };
  const scoped = base.$extends({
    query: {
      $allOperations({ model, operation, args }) {
        return new Promise((resolve, reject) => {
          if (queue.length === 0) process.nextTick(() => void flush());
          queue.push({ model, operation, args, resolve, reject });
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

/** How long a run of reads may keep adding batches to its transaction. */
const SHARED_TRANSACTION_MS = 1_000;

interface SharedTransaction {
  client: Promise<DbClient>;
  openedAt: number;
  /** Batches being sent in it now. */
  running: number;
  end: () => void;
}

const CHANGES = new Set([
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
  "$executeRaw",
  "$executeRawUnsafe",
]);

const isChange = (operation: QueuedOperation) => CHANGES.has(operation.operation);

/**
 * Sends a batch in a transaction: model queries in this tick, raw SQL in the next, so that the
 * raw statements form a batch of their own (Prisma batches what an interactive transaction is
 * asked in one tick, and reads the first statement's kind to decide whether to keep its plan).
 * Resolves to the results in the batch's order once all are in; rejects with the first failure.
 */
async function sendAll(tx: DbClient, statements: Statement[]): Promise<unknown[]> {
  const models = statements.filter((statement) => !statement.raw).map((statement) => statement.run(tx));
  const raws = statements.some((statement) => statement.raw)
    ? await new Promise<Promise<unknown>[]>((next) =>
        setImmediate(() => next(statements.filter((statement) => statement.raw).map((statement) => statement.run(tx)))),
      )
    : [];
  const settled = await Promise.allSettled([...models, ...raws]);
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
  const values = settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
  const results = new Array<unknown>(statements.length);
  let model = 0;
  let raw = models.length;
  for (const [index, statement] of statements.entries()) results[index] = values[statement.raw ? raw++ : model++];
  return results;
}

interface QueuedOperation {
  model?: string;
  operation: string;
  args: unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Statement {
  /** Raw SQL rather than a model query: sent after the model queries (see scopedClient). */
  raw: boolean;
  run: (tx: DbClient) => Promise<unknown>;
  deliver: (result: unknown) => void;
}

type Delegate = Record<string, (args: unknown) => Promise<unknown>>;

const delegateOf = (tx: DbClient, model: string) =>
  (tx as unknown as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)]!;

/** An operation asked of the scoped client, as the same call on the transaction's client. */
function statementOf(operation: QueuedOperation): Statement {
  const { model, operation: name, args } = operation;
  return {
    raw: !model,
    // async: a call that throws at once rejects like one that fails in the database.
    run: async (tx) => {
      if (model) return delegateOf(tx, model)[name]!(args);
      // $queryRaw / $executeRaw receive the tagged template's Sql; the Unsafe variants their arguments.
      const raw = (tx as unknown as Record<string, (...values: unknown[]) => Promise<unknown>>)[name]!;
      return raw.apply(tx, Array.isArray(args) ? args : [args]);
    },
    deliver: operation.resolve,
  };
}

/**
 * The statements for a batch: findUnique calls on one model by the same single field and with the
 * same selection become one findMany (as Prisma itself does for a plain client), everything else
 * runs as asked.
 */
function combineFindUniques(batch: QueuedOperation[]): Statement[] {
  const statements: Statement[] = [];
  const groups = new Map<string, { model: string; field: string; rest: Record<string, unknown>; members: QueuedOperation[] }>();
  for (const operation of batch) {
    const combinable = combinableFindUnique(operation);
    if (!combinable) {
      statements.push(statementOf(operation));
      continue;
    }
    const key = JSON.stringify([operation.model, combinable.field, combinable.rest]);
    const group = groups.get(key) ?? { model: operation.model!, field: combinable.field, rest: combinable.rest, members: [] };
    group.members.push(operation);
    groups.set(key, group);
  }
  for (const { model, field, rest, members } of groups.values()) {
    if (members.length === 1) {
      statements.push(statementOf(members[0]!));
      continue;
    }
    const values = members.map((member) => whereOf(member)[field]);
    statements.push({
      raw: false,
      run: (tx) => delegateOf(tx, model).findMany!({ ...rest, where: { [field]: { in: values } } }),
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
