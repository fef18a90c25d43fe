import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, type OpenOptions, openDatabase } from "../src/db/database.js";
import { POSTGRES_TEMPLATES, withDatabase } from "./test-urls.js";

export type TestEngine = "embedded" | "postgres";

/** The engine this test project runs on (see vitest.config.ts). */
export function testEngine(): TestEngine {
  const engine = process.env.REVITA_TEST_ENGINE;
  if (engine !== "embedded" && engine !== "postgres") {
    throw new Error("REVITA_TEST_ENGINE must be embedded or postgres: run database tests through vitest.config.ts's projects");
  }
  return engine;
}

export interface TestDatabase extends Database {
  /** For PostgreSQL: the database's URL, e.g. for a second connection. */
  readonly url?: string;
}

/**
 * A private database for one test file: "blank" has nothing in it, not even the migrations;
 * "empty" is migrated; "demo" also holds the demo data. Dropped again by close().
 */
export async function openTestDatabase(start: "blank" | "empty" | "demo", options: OpenOptions = {}): Promise<TestDatabase> {
  if (testEngine() === "embedded") {
    if (start === "blank") return openDatabase({ engine: "embedded" }, options);
    const template = inject("embeddedTemplates")[start];
    return openDatabase({ engine: "embedded", loadDataDir: new Blob([readFileSync(template)]) }, options);
  }
  const adminUrl = inject("postgresAdminUrl");
  const name = `revita_test_${randomUUID().replaceAll("-", "")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(
      start === "blank" ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATES[start]}`,
    );
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const db = await openDatabase({ engine: "postgres", url }, options);
  return {
    ...db,
    url,
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
