import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { openDatabase } from "./database.js";

/**
 * Migrations in the standard prisma/migrations layout, run by Prisma's schema engine compiled
 * to WebAssembly. The native engine that `prisma migrate` downloads cannot be fetched on
 * Revita's machines; the WASM build records `_prisma_migrations` exactly as `prisma migrate
 * deploy` does, so the same folder still works with the standard CLI elsewhere.
 */

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_DIR = join(apiRoot, "prisma/schema");
export const MIGRATIONS_DIR = join(apiRoot, "prisma/migrations");

const NO_FILTERS: SchemaFilter = { externalTables: [], externalEnums: [] };

// @types/node 20 does not declare the WebAssembly global; these are the two calls used here.
declare const WebAssembly: {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: Record<string, unknown> }>;
};

type SchemaEngineClass = typeof SchemaEngine;
let schemaEngineClass: Promise<SchemaEngineClass> | undefined;

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

/**
 * The package's main entry imports the .wasm file as an ES module, which Node refuses, so the
 * glue is loaded alone and given the compiled .wasm by hand. It is loaded with Node's own
 * require (Node 20.19+ requires ES modules natively), out of reach of module runners: Vite's,
 * which vitest uses, evaluates the wasm-bindgen glue so that the engine's strings come back
 * garbled.
 */
function loadSchemaEngineClass(): Promise<SchemaEngineClass> {
  schemaEngineClass ??= (async () => {
    const require = createRequire(import.meta.url);
    const bindingsPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bindings = require(bindingsPath) as Bindings;
    const wasm = await WebAssembly.compile(readFileSync(join(dirname(bindingsPath), "schema_engine_bg.wasm")));
    const instance = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": bindings });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings.SchemaEngine;
  })();
  return schemaEngineClass;
}

export function readSchemaFiles(schemaDir = SCHEMA_DIR): { path: string; content: string }[] {
  return readdirSync(schemaDir)
    .filter((name) => name.endsWith(".prisma"))
    .sort()
    .map((name) => ({ path: join(schemaDir, name), content: readFileSync(join(schemaDir, name), "utf8") }));
}

export function readMigrationsList(migrationsDir = MIGRATIONS_DIR): MigrationList {
  const lockfilePath = join(migrationsDir, "migration_lock.toml");
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockfilePath) ? readFileSync(lockfilePath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

async function withSchemaEngine<T>(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const SchemaEngineClass = await loadSchemaEngineClass();
  const datamodels = readSchemaFiles().map((file) => [file.path, file.content] as [string, string]);
  const engine = await SchemaEngineClass.new(
    { datamodels },
    (line: string) => {
      if (process.env.REVITA_ENGINE_LOG) console.error("[schema-engine]", line);
    },
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
  }
}

/** Applies every migration not yet applied; returns their names (empty when up to date). */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  return withSchemaEngine(adapterFactory, async (engine) => {
    const result = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: NO_FILTERS,
    });
    return result.appliedMigrationNames;
  });
}

export interface MigrationStatus {
  pending: string[];
  failed: string[];
  edited: string[];
  /** Migrations the database has that the folder does not. */
  unknown: string[];
}

export async function migrationStatus(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<MigrationStatus> {
  return withSchemaEngine(adapterFactory, async (engine) => {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: readMigrationsList(),
      optInToShadowDatabase: false,
      filters: NO_FILTERS,
    });
    const history = diagnosis.history;
    return {
      pending:
        history?.diagnostic === "databaseIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unappliedMigrationNames
          : [],
      unknown:
        history?.diagnostic === "migrationsDirectoryIsBehind" || history?.diagnostic === "historiesDiverge"
          ? history.unpersistedMigrationNames
          : [],
      failed: diagnosis.failedMigrationNames,
      edited: diagnosis.editedMigrationNames,
    };
  });
}

/**
 * The SQL that would bring a database built from the migrations folder to the Prisma schema,
 * or "" when they agree. Always computed on a throwaway in-memory PGlite: the engine replays
 * the migrations on a shadow database, and @prisma/adapter-pg's shadow support is unreliable.
 */
export async function pendingSchemaChanges(): Promise<string> {
  const scratch = await openDatabase({ engine: "embedded" });
  try {
    return await withSchemaEngine(scratch.adapterFactory, async (engine) => {
      const result = await engine.diff({
        from: { tag: "migrations", ...readMigrationsList() },
        to: { tag: "schemaDatamodel", files: readSchemaFiles() },
        script: true,
        exitCode: true,
        filters: NO_FILTERS,
      });
      // exitCode 2 means "there is a difference"; 0 means none.
      return result.exitCode === 2 ? (result.stdout ?? "") : "";
    });
  } finally {
    await scratch.close();
  }
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql; returns its folder or null. */
export async function createMigration(name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must be lower-case letters, digits and underscores.`);
  }
  ensureMigrationLockfile();
  const sql = await pendingSchemaChanges();
  if (!sql.trim()) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "migration.sql"), sql);
  return folder;
}

/** The engine reads the connector from this file, as the standard CLI writes it. */
function ensureMigrationLockfile(): void {
  const lockfile = join(MIGRATIONS_DIR, "migration_lock.toml");
  if (existsSync(lockfile)) return;
  mkdirSync(MIGRATIONS_DIR, { recursive: true });
  writeFileSync(
    lockfile,
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
}
