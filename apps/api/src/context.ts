import { AccessScope } from "./access/access-scope.js";
import { userActor } from "./access/actor.js";
import { type RegionLookup, regionLookup } from "./access/region-lookup.js";
import { type Figures, scopedClient, scopedTransaction, scopeStatement } from "./access/scoped-client.js";
import type { Authenticated } from "./accounts/accounts.service.js";
import type { Database, DbClient, SqlStatement } from "./db/database.js";
import type { PrismaClient } from "./generated/prisma/client.js";

/** How a resolver sets or clears the dashboard's session cookie without knowing about HTTP. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** What every resolver receives. */
export interface Context {
  /**
   * Reads as the API's database role, within the request's regions: row-level security filters
   * every statement, whatever the resolver asked for (access/scoped-client.ts).
   */
  prisma: PrismaClient;
  /** What the request may do where. */
  access: AccessScope;
  /** The signed-in user and session; null for an anonymous request. */
  auth: Authenticated | null;
  /**
   * Whether the API's own rules (scope-auth) are checked. Always true in the server; false only in
   * the tests that show the database's policies hold on their own.
   */
  apiRules: boolean;
  /** Whether reads see every figure or only approved ones (progress reports, indicator values). */
  figures: Figures;
  /** Where records sit, for the access rules. */
  regions: RegionLookup;
  /**
   * Runs one read statement in a read-only transaction of its own, as the API's role within the
   * request's regions, as `prisma` would — but straight through the driver when the server gave
   * one (the compiled reads: no Prisma transaction around their one statement).
   */
  readStatement(statement: SqlStatement): Promise<Record<string, unknown>[]>;
  /** Runs changes in one transaction as the API's role within the request's regions, named in the audit. */
  transaction<T>(change: (tx: DbClient) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Absent outside HTTP (tests calling the schema directly). */
  sessionCookie?: SessionCookie;
  /** Set once the request ran a transaction: its answer is not kept (response-cache.ts). */
  wrote?: boolean;
  /** Set when the answer came from the response cache. */
  cached?: boolean;
}

export interface ContextOptions {
  sessionCookie?: SessionCookie;
  apiRules?: boolean;
  /** Read only approved figures (the X-Revita-Figures: approved header); all by default. */
  figures?: Figures;
  /** The database's own driver, for readStatement; without it, readStatement goes through `prisma`. */
  driver?: Pick<Database, "readInTransaction">;
}

/** The context of one request by a user (or nobody), over the database's own client. */
export function createContext(database: PrismaClient, auth: Authenticated | null, options: ContextOptions = {}): Context {
  const access = auth ? AccessScope.of(auth.user.grants) : AccessScope.anonymous();
  const actor = auth ? userActor(auth.user.username) : "anonymous";
  // Made when first used: a compiled read (compiled-reads.ts) needs neither, and building the
  // client's Prisma extension was a tenth of such a request's CPU.
  let prisma: PrismaClient | undefined;
  let regions: RegionLookup | undefined;
  let wrote = false;
  const scoped = () => (prisma ??= scopedClient(database, access, actor, { figures: options.figures ?? "all" }));
  // Apollo hands resolvers and plugins a copy of the context (Object.assign onto an object of the
  // same prototype), which would read a getter of the context's own once, at copying, and keep a
  // flag set on the original from the copy's readers. On the prototype, the lazy clients are made
  // only when asked for, and `wrote` is one value for the context and its copies.
  const shared = {
    get prisma() {
      return scoped();
    },
    get regions() {
      regions ??= regionLookup(scoped());
      return regions;
    },
    get wrote() {
      return wrote;
    },
    set wrote(value: boolean | undefined) {
      wrote = value === true;
    },
  };
  const context: Context = Object.assign(Object.create(shared) as Context, {
    access,
    auth,
    apiRules: options.apiRules ?? true,
    figures: options.figures ?? "all",
    readStatement: (statement: SqlStatement) =>
      options.driver
        ? options.driver.readInTransaction([scopeStatement(access, actor, options.figures), statement])
        : scoped().$queryRawUnsafe<Record<string, unknown>[]>(statement.sql, ...statement.params),
    transaction: <T>(change: (tx: DbClient) => Promise<T>, options?: { timeoutMs?: number }) => {
      wrote = true;
      return scopedTransaction(database, access, actor, change, options);
    },
    ...(options.sessionCookie ? { sessionCookie: options.sessionCookie } : {}),
  });
  return context;
}
