import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { acquireEmbeddedLock, type EmbeddedLock } from "./embedded-lock.js";

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
  close(): Promise<void>;
}

export const DEFAULT_DATA_DIR = ".revita-data/pglite";

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { engine: "postgres", url };
  return { engine: "embedded", dataDir: resolve(env.REVITA_DATA_DIR ?? DEFAULT_DATA_DIR) };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.engine === "postgres" ? openPostgres(config.url) : openEmbedded(config);
}

function openPostgres(url: string): Database {
  const adapterFactory = new PrismaPg({
    connectionString: url,
    max: Number(process.env.REVITA_DB_POOL_SIZE ?? 10),
    // pg waits forever for a free connection by default; a request should fail instead.
    connectionTimeoutMillis: 10_000,
    statement_timeout: Number(process.env.REVITA_STATEMENT_TIMEOUT_MS ?? 120_000),
    idle_in_transaction_session_timeout: 60_000,
  });
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    engine: "postgres",
    location: redactPassword(url),
    prisma,
    adapterFactory,
    async close() {
      await prisma.$disconnect();
    },
  };
}

async function openEmbedded(config: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
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
  const prisma = new PrismaClient({ adapter: adapterFactory });
  let closed = false;
  return {
    engine: "embedded",
    location: config.dataDir ?? "memory",
    prisma,
    adapterFactory,
    pglite,
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
