import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * The real product for browser tests: the API (serving the built dashboard) on a free port, on
 * a fresh embedded database that loads the demo data on start, deleted afterwards.
 */
export interface RevitaServer {
  url: string;
  stop: () => Promise<void>;
}

const API_DIR = join(import.meta.dirname, "..", "..", "api");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startRevita(): Promise<RevitaServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "revita-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(API_DIR, "node_modules", "tsx", "dist", "cli.mjs"), "src/main.ts"], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      REVITA_DATA_DIR: dataDir,
      REVITA_SEED_DEMO: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the API was not ready within 120 s:\n${output}`);
    }
    if (output.includes("Revita is running")) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
