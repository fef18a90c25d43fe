import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL 15 server of our own on a free loopback port, in a temporary directory, for
 * the tests and benchmarks. Started from Debian's server binaries; as root, the server runs as
 * the `postgres` user because PostgreSQL refuses to run as root.
 */
export interface ThrowawayPostgres {
  /** Connection URL of the superuser to the `postgres` database. */
  adminUrl: string;
  stop(): void;
}

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  if (!existsSync(join(PG_BIN, "initdb"))) {
    throw new Error(
      `PostgreSQL server binaries are not in ${PG_BIN} (install postgresql-15, set PG_BIN, or give TEST_DATABASE_URL of a server where the user may create databases).`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "revita-pg-"));
  chmodSync(dir, 0o777);
  const dataDir = join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (binary: string, args: string[]) => {
    const command = join(PG_BIN, binary);
    if (asRoot) {
      const quoted = [command, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
      execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
    } else {
      execFileSync(command, args, { stdio: "pipe" });
    }
  };
  const port = await freePort();
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"]);
  run("pg_ctl", [
    "-D",
    dataDir,
    "-l",
    join(dir, "server.log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "-w",
    "start",
  ]);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
