import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

/**
 * Three projects: "unit" for code that needs no database, and the same integration tests
 * (*.db.test.ts) once on the embedded database (PGlite) and once on a real PostgreSQL server,
 * because Revita promises both.
 */
const integration = ["src/**/*.db.test.ts"];
const globalSetup = ["./test/global-setup.ts"];

export default defineConfig({
  resolve: {
    // graphql 16 has no exports map: Node loads its CommonJS build for Pothos and Apollo, while
    // Vite would pick its ES build for our files, and two graphql instances refuse each other's
    // types. Everyone gets the file Node picks.
    alias: { graphql: createRequire(import.meta.url).resolve("graphql") },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: integration } },
      { extends: true, test: { name: "embedded", include: integration, env: { REVITA_TEST_ENGINE: "embedded" }, globalSetup } },
      { extends: true, test: { name: "postgres", include: integration, env: { REVITA_TEST_ENGINE: "postgres" }, globalSetup } },
    ],
  },
});
