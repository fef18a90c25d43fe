import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lockPathFor } from "./db/embedded-lock.js";
import { DEMO_PASSWORD } from "./seed/demo/users.js";

const apiRoot = resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

describe("starting Revita with no DATABASE_URL", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "creates the embedded database with the demo data, serves it, and frees the directory on %s",
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), "revita-main-"));
      const dataDir = join(dir, "data", "pglite");
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
        cwd: apiRoot,
        // NODE_ENV as in production: vitest's "test" switches off behaviour (such as Apollo's own
        // signal handlers) that production has.
        env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "", REVITA_DATA_DIR: dataDir, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      try {
        const started = Date.now();
        while (!output.includes("GraphQL") && Date.now() - started < 90_000 && child.exitCode === null) {
          await new Promise((wait) => setTimeout(wait, 200));
        }
        expect(output).toContain("loading the demo data");
        expect(existsSync(lockPathFor(dataDir))).toBe(true);
        // The demo users are there: Jingzhou's analyst signs in and reads the district.
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query: `mutation { signIn(username: "jingzhou.analyst", password: "${DEMO_PASSWORD}") { username } }`,
          }),
        });
        const cookie = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
        const read = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ query: '{ region(code: "421003000000") { nameZh } }' }),
        });
        expect(await read.json()).toEqual({ data: { region: { nameZh: "荆州区" } } });

        child.kill(signal);
        const code = await new Promise((done) => child.once("exit", done));
        expect(code).toBe(0);
        expect(existsSync(lockPathFor(dataDir))).toBe(false);
      } finally {
        child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
