import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { startThrowawayPostgres } from "./throwaway-postgres.js";
import "./test-urls.js";

/**
 * Builds each test database once, so that every test file can start from a private copy:
 * for PGlite a dumped data directory, for PostgreSQL a template database. Two starting points:
 * "empty" (migrated) and "demo" (migrated and loaded with the demo data). Without
 * TEST_DATABASE_URL a throwaway PostgreSQL server is started for the run.
 */

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function buildTemplates(...args: string[]) {
  execFileSync(process.execPath, ["--import", "tsx", join(apiRoot, "test/build-templates.ts"), ...args], {
    cwd: apiRoot,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** Runs once per database project (see vitest.config.ts), for that project's engine. */
export default async function setup(project: TestProject) {
  const engine = project.config.env?.REVITA_TEST_ENGINE;
  const cleanups: (() => void)[] = [];
  const teardown = () => {
    for (const cleanup of cleanups.reverse()) cleanup();
  };
  try {
    if (engine === "embedded") {
      const dir = mkdtempSync(join(tmpdir(), "revita-pglite-templates-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const templates = { empty: join(dir, "empty.tar.gz"), demo: join(dir, "demo.tar.gz") };
      buildTemplates("embedded", templates.empty, templates.demo);
      project.provide("embeddedTemplates", templates);
    }
    if (engine === "postgres") {
      let adminUrl = process.env.TEST_DATABASE_URL;
      if (!adminUrl) {
        const server = await startThrowawayPostgres();
        cleanups.push(() => server.stop());
        adminUrl = server.adminUrl;
      }
      buildTemplates("postgres", adminUrl);
      project.provide("postgresAdminUrl", adminUrl);
    }
  } catch (error) {
    teardown();
    throw error;
  }
  return teardown;
}
