import { writeFileSync } from "node:fs";
import pg from "pg";
import { openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { loadDemoData } from "../src/seed/demo/load-demo.js";
import { POSTGRES_TEMPLATES, withDatabase } from "./test-urls.js";

/**
 * Builds the test templates; run by global-setup.ts in a child process because the schema
 * engine's WebAssembly misbehaves inside vitest's global-setup context.
 *   tsx test/build-templates.ts embedded <empty.tar.gz> <demo.tar.gz>
 *   tsx test/build-templates.ts postgres <admin-url>
 */
const [engine, ...args] = process.argv.slice(2);

async function buildEmbedded(emptyPath: string, demoPath: string) {
  for (const [kind, path] of [
    ["empty", emptyPath],
    ["demo", demoPath],
  ] as const) {
    const db = await openDatabase({ engine: "embedded" });
    await applyMigrations(db.adapterFactory);
    if (kind === "demo") await loadDemoData(db.prisma);
    const dump = await db.pglite!.dumpDataDir("gzip");
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    await db.close();
  }
}

async function buildPostgres(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const kind of ["empty", "demo"] as const) {
      const name = POSTGRES_TEMPLATES[kind];
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name}`);
      const db = await openDatabase({ engine: "postgres", url: withDatabase(adminUrl, name) });
      await applyMigrations(db.adapterFactory);
      if (kind === "demo") await loadDemoData(db.prisma);
      await db.close();
    }
  } finally {
    await admin.end();
  }
}

const work =
  engine === "embedded" && args.length === 2
    ? buildEmbedded(args[0]!, args[1]!)
    : engine === "postgres" && args.length === 1
      ? buildPostgres(args[0]!)
      : Promise.reject(new Error("usage: build-templates.ts embedded <empty> <demo> | postgres <admin-url>"));

// The schema engine leaves a timer running after its work: exit explicitly.
work.then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
