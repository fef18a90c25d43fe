import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { DriverAdapterError, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type Prisma, PrismaClient } from "../generated/prisma/client.js";
import { acquireEmbeddedLock, type EmbeddedLock } from "./embedded-lock.js";
import { parameterText, pipelinedReads } from "./pipelined-read.js";

/**
 * Where the data lives. Revita runs on PostgreSQL in both cases: a real server when
 * DATABASE_URL is set, otherwise PostgreSQL compiled to WebAssembly (PGlite) inside the
 * process, storing a data directory, so that a fresh clone needs no server.
 */
export type DatabaseConfig =
  | { engine: "postgres"; url: string }
  /** dataDir undefined keeps the database in memory (tests, migration authoring). */
  | { engine: "embedded"; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  readonly engine: DatabaseConfig["engine"];
  /** For log lines: a data directory or a server address without the password. */
  readonly location: string;
  readonly prisma: PrismaClient;
  /** What the schema engine migrates through. */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** The embedded database itself, for dumping its data directory (tests clone it). */
  readonly pglite?: PGlite;
  /**
   * Calls `onChange` after every committed change to any table (the change_notify migration's
   * notices), and `onListening` whenever it starts or stops hearing them; resolves to a function
   * that stops listening.
   */
  readonly listenForChanges: (onChange: () => void, onListening?: (heard: boolean) => void) => Promise<() => Promise<void>>;
  /**
   * When a change's notice arrives. `with-commit` on the embedded database: this process is the
   * only writer (embedded-lock.ts) and the notice comes before the committing statement returns,
   * so answers may be kept until it comes (response-cache.ts). `after-commit` on PostgreSQL:
   * another process may write, and its notice comes a moment after its commit (through a
   * connection of its own, which may be lost and is then opened again): enough to forget
   * sessions by (remembered-sessions.ts), not to keep answers by.
   */
  readonly changesArrive: "with-commit" | "after-commit";
  /**
   * Runs `statements` in one short read-only transaction, straight through the driver
   * (node-postgres on a connection of Prisma's pool, or PGlite), and resolves to the last one's
   * rows. For reads Prisma need not carry: the compiled reads' one statement after the scope's
   * settings (bench:peer: Prisma's interactive transaction cost more CPU than the whole answer).
   * READ ONLY, so that nothing sent this way can change data, whatever its text. On PostgreSQL
   * the whole transaction is one round trip, each statement prepared once per connection
   * (pipelined-read.ts). Parameters are text, numbers, booleans or null (parameterText).
   */
  readInTransaction(statements: readonly SqlStatement[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A statement's text with $1, $2, … and the values for them. */
export interface SqlStatement {
  sql: string;
  params: readonly unknown[];
}

/** What services take: the client itself, or the client inside a transaction. */
export type DbClient = Prisma.TransactionClient;

/** Where the database says that data changed (the change_notify migration). */
const CHANGE_CHANNEL = "revita_change";

export const DEFAULT_DATA_DIR = ".revita-data/pglite";

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { engine: "postgres", url };
  return { engine: "embedded", dataDir: resolve(env.REVITA_DATA_DIR ?? DEFAULT_DATA_DIR) };
}

export interface OpenOptions {
  /** Called with every SQL statement Prisma sends: tests count them. */
  onQuery?: (sql: string, milliseconds: number) => void;
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  return config.engine === "postgres" ? openPostgres(config.url, options) : openEmbedded(config, options);
}

/** The longest a statement may run on PostgreSQL (REVITA_STATEMENT_TIMEOUT_MS). */
export const STATEMENT_TIMEOUT_MS = Number(process.env.REVITA_STATEMENT_TIMEOUT_MS ?? 120_000);

/**
 * Every transaction Prisma runs, the scoped client's batches of a request's reads among them:
 * Prisma's defaults (2 s to get a connection, 5 s to finish) expired a province's overview
 * (P2028) and, on a busy machine, the reads around it. A transaction may now last as long as a
 * statement may, and wait for a connection as long as the pool waits for one; past either, the
 * request is refused with DATABASE_BUSY rather than an internal error.
 */
export const TRANSACTION_OPTIONS = {
  maxWait: Number(process.env.REVITA_TRANSACTION_MAX_WAIT_MS ?? 30_000),
  timeout: STATEMENT_TIMEOUT_MS + 5_000,
};

function createClient(adapter: PrismaPg | PrismaPGlite, { onQuery }: OpenOptions): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
  const client = new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query, event.duration));
  // The log option only changes which $on events are typed.
  return client as unknown as PrismaClient;
}

function openPostgres(url: string, options: OpenOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.REVITA_DB_POOL_SIZE ?? 10),
    // pg waits forever for a free connection by default; a request should fail instead.
    connectionTimeoutMillis: 10_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: 60_000,
  });
  // An idle connection the server ends (a restart, an administrator) emits "error" on the pool;
  // unheard, that event would crash the process. The pool replaces the connection by itself.
  pool.on("error", (error) => console.error(`PostgreSQL closed an idle connection: ${error.message}`));
  const queryAdapter = new PrismaPg(pool);
  const prisma = createClient(queryAdapter, options);
  return {
    engine: "postgres",
    location: redactPassword(url),
    prisma,
    adapterFactory: withWholeScripts(queryAdapter, pool),
    changesArrive: "after-commit",
    listenForChanges: (onChange, onListening) => listenOnPostgres(url, onChange, onListening),
    readInTransaction: pipelinedReads(pool),
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** How long to wait before opening a lost listening connection again. */
const RELISTEN_MS = 1_000;

/**
 * LISTEN on a connection of its own (a pooled one goes back to the pool). Resolves once the first
 * attempt is over, heard or not, so that the server starts while the database is briefly away;
 * a lost connection is reported (`onListening(false)`) and opened again every second until it
 * is back, then reported heard.
 */
async function listenOnPostgres(
  url: string,
  onChange: () => void,
  onListening?: (heard: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const lost = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    onListening?.(false);
    client.end().catch(() => undefined);
    if (!stopped) retry = setTimeout(() => void open(), RELISTEN_MS);
  };
  const open = async () => {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on("notification", () => onChange());
    client.on("error", () => lost(client));
    client.on("end", () => lost(client));
    try {
      current = client;
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (stopped) await client.end();
      else if (current === client) onListening?.(true);
    } catch (error) {
      console.error(`Not hearing changes from PostgreSQL (trying again): ${(error as Error).message}`);
      lost(client);
    }
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    await client?.end().catch(() => undefined);
  };
}

/**
 * @prisma/adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks
 * any PL/pgSQL function body (and any comment with a semicolon). PostgreSQL's simple query
 * protocol runs a multi-statement script as sent, so the script goes to the server whole.
 */
function withWholeScripts(factory: PrismaPg, pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  const executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      const e = error as pg.DatabaseError;
      throw new DriverAdapterError({
        kind: "postgres",
        code: e.code ?? "unknown",
        severity: e.severity ?? "ERROR",
        message: e.message,
        detail: e.detail,
        column: e.column,
        hint: e.hint,
        originalCode: e.code,
        originalMessage: e.message,
      });
    }
  };
  const patch = <T extends object>(adapter: T): T =>
    new Proxy(adapter, {
      get: (target, property, receiver) =>
        property === "executeScript" ? executeScript : Reflect.get(target, property, receiver),
    });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

async function openEmbedded(config: { dataDir?: string; loadDataDir?: Blob }, options: OpenOptions): Promise<Database> {
  let lock: EmbeddedLock | undefined;
  if (config.dataDir) {
    // PGlite fails with an opaque "External error" when the parent directory is missing.
    mkdirSync(dirname(config.dataDir), { recursive: true });
    lock = acquireEmbeddedLock(config.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(config.dataDir ? { dataDir: config.dataDir } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = createClient(adapterFactory, options);
  let closed = false;
  return {
    engine: "embedded",
    location: config.dataDir ?? "memory",
    prisma,
    adapterFactory,
    pglite,
    changesArrive: "with-commit",
    // PGlite's transaction() waits for the one connection as Prisma's adapter's transactions do.
    readInTransaction: async (statements) => {
      for (const { params } of statements) params.forEach(parameterText);
      return pglite.transaction(async (tx) => {
        await tx.exec("SET TRANSACTION READ ONLY");
        let rows: Record<string, unknown>[] = [];
        for (const { sql, params } of statements) rows = (await tx.query<Record<string, unknown>>(sql, params as unknown[])).rows;
        return rows;
      });
    },
    async listenForChanges(onChange, onListening) {
      const stop = await pglite.listen(CHANGE_CHANNEL, onChange);
      onListening?.(true);
      return stop;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
