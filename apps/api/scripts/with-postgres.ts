import { spawn } from "node:child_process";
import { startThrowawayPostgres } from "../test/throwaway-postgres.js";

/**
 * Runs a command against a throwaway PostgreSQL 15 server, with DATABASE_URL set, then stops
 * and deletes the server. For trying Revita on a real server and for benchmarks:
 *   pnpm with-postgres tsx src/seed/cli.ts scale --counties 100
 */
const command = process.argv.slice(2);
if (command.length === 0) {
  console.error("Usage: tsx scripts/with-postgres.ts <command> [args...]");
  process.exit(2);
}
const server = await startThrowawayPostgres();
const url = server.adminUrl;
console.error(`Throwaway PostgreSQL at ${url}`);
const child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
const code: number = await new Promise((done) => child.on("exit", (exitCode) => done(exitCode ?? 1)));
server.stop();
process.exit(code);
