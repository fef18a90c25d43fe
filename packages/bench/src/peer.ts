import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { PEER_QUERIES, type PeerQuery, type Subjects, shapeFloor } from "./queries.js";
import { type StatementCounter, startStatementCounter } from "./statement-counter.js";

/**
 * bench:peer — Revita beside PostGraphile 4.14 (+ @graphile/pg-aggregates) on the same
 * PostgreSQL, the same tables and rows, and the same row-level security: PostGraphile's
 * pgSettings switch to revita_api with the transaction-local settings Revita's scoped client
 * sets. Also PostGraphile as the tables' owner (no policies) and a bare node:http + pg floor.
 *
 *   pnpm with-postgres pnpm --filter @revita/bench bench:peer       (a throwaway PostgreSQL)
 *   DATABASE_URL=postgresql://… pnpm --filter @revita/bench bench:peer
 *
 * Prepares the database (apps/api/scripts/bench-peer-setup.ts: demo + a BENCH_COUNTIES-county
 * province), checks that every system answers q1–q4 with the same data, counts each system's
 * statements and round trips per request through a relay, then runs BENCH_ROUNDS interleaved rounds of
 * BENCH_CONNECTIONS clients for BENCH_SECONDS per query and system, and prints the ratio table.
 * Adds the function region_subtree_projects (PostGraphile's computed column for "a region's
 * subtree") for the run and drops it after.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const COUNTED_REQUESTS = 20;

const here = dirname(fileURLToPath(import.meta.url));
const benchDir = join(here, "..");
const apiDir = join(here, "../../../apps/api");
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "bench:peer needs a PostgreSQL database: DATABASE_URL=… or `pnpm with-postgres pnpm --filter @revita/bench bench:peer`",
  );
  process.exit(2);
}
const database = new URL(databaseUrl);
const CLOCK_TICKS_PER_SECOND = 100;

interface Setup extends Subjects {
  token: string;
  roots: Record<"read" | "edit" | "approve" | "admin", number[]>;
  actor: string;
  projects: number;
}

interface System {
  name: string;
  counter: StatementCounter;
  child: ChildProcess;
  port: number;
  ask(query: PeerQuery, subjects: Subjects): Promise<unknown>;
}

const SUBTREE_FUNCTION = `CREATE OR REPLACE FUNCTION public.region_subtree_projects(r public.region) RETURNS SETOF public.project
  LANGUAGE sql STABLE AS $$
    SELECT p.* FROM public.project p JOIN public.region pr ON pr.id = p.region_id
    WHERE pr.path @> ARRAY[r.id] AND p.parent_id IS NULL
  $$;
  GRANT EXECUTE ON FUNCTION public.region_subtree_projects(public.region) TO revita_api;
  COMMENT ON FUNCTION public.region_subtree_projects(public.region) IS 'bench:peer only: dropped after the run'`;

async function main() {
  console.log("Preparing the database (migrations, demo, the generated province) …");
  const { stdout } = await promisify(execFile)("node", ["--import", "tsx", "scripts/bench-peer-setup.ts"], {
    cwd: apiDir,
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const setup = JSON.parse(stdout.trim().split("\n").at(-1)!) as Setup;
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  await owner.query(SUBTREE_FUNCTION);
  const policies: Record<string, string> = {
    role: "revita_api",
    jit: "off",
    "revita.read_roots": `{${setup.roots.read.join(",")}}`,
    "revita.write_roots": "{}",
    "revita.approve_roots": "{}",
    "revita.admin_roots": "{}",
    "revita.actor": setup.actor,
  };
  const systems: System[] = [];
  try {
    systems.push(
      await startSystem("Revita", apiDir, ["src/main.ts"], /Revita is running/, {
        REVITA_BRIEFING_SCHEDULE: "0",
        REVITA_SEED_DEMO: "0",
        NODE_ENV: "production",
      }),
      await startSystem("PostGraphile + RLS", benchDir, ["src/postgraphile-server.ts"], /ready/, {
        PEER_SETTINGS: JSON.stringify(policies),
      }),
      await startSystem("PostGraphile (owner, no RLS)", benchDir, ["src/postgraphile-server.ts"], /ready/, {
        PEER_SETTINGS: "{}",
      }),
      await startSystem("floor (node:http + pg, RLS)", benchDir, ["src/floor-server.ts"], /ready/, {
        PEER_SETTINGS: JSON.stringify(policies),
      }),
    );
    const [revita, peer, bare, floor] = systems as [System, System, System, System];
    revita.ask = graphqlAsker(revita.port, "revita", { authorization: `Bearer ${setup.token}` });
    peer.ask = graphqlAsker(peer.port, "postgraphile");
    bare.ask = graphqlAsker(bare.port, "postgraphile");
    floor.ask = async (query, subjects) => {
      const response = await fetch(
        `http://127.0.0.1:${floor.port}/${query.name}?subject=${encodeURIComponent(query.floor.subject(subjects))}`,
      );
      const body = (await response.json()) as { data: unknown; errors?: { message: string }[] };
      if (!response.ok || body.errors) throw new Error(`floor ${query.name}: ${body.errors?.[0]?.message ?? response.status}`);
      return shapeFloor(query, body.data);
    };

    console.log(
      `Database: ${setup.projects.toLocaleString("en")} projects in the generated province; county ${setup.countyCode}, project ${setup.projectCode}`,
    );
    // The gate: the same data from every system, or no figures at all.
    for (const query of PEER_QUERIES) {
      const expected = JSON.stringify(await revita.ask(query, setup));
      for (const system of systems.slice(1)) {
        const got = JSON.stringify(await system.ask(query, setup));
        if (got !== expected) {
          throw new Error(
            `${query.name}: ${system.name} answers differently from Revita\n  Revita: ${expected.slice(0, 600)}\n  ${system.name}: ${got.slice(0, 600)}`,
          );
        }
      }
      console.log(`gate ${query.name}: the same answer from all four (${expected.length} characters)`);
    }

    const statements = new Map<string, Sent>();
    for (const query of PEER_QUERIES) {
      for (const system of systems) {
        await system.ask(query, setup);
        const before = { statements: system.counter.statements(), roundTrips: system.counter.roundTrips() };
        for (let i = 0; i < COUNTED_REQUESTS; i++) await system.ask(query, setup);
        statements.set(`${query.name}/${system.name}`, {
          statements: (system.counter.statements() - before.statements) / COUNTED_REQUESTS,
          roundTrips: (system.counter.roundTrips() - before.roundTrips) / COUNTED_REQUESTS,
        });
      }
    }

    const runs = new Map<string, Run[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of PEER_QUERIES) {
        for (const system of round % 2 ? [...systems].reverse() : systems) {
          const run = await load(system, query, setup);
          const key = `${query.name}/${system.name}`;
          runs.set(key, [...(runs.get(key) ?? []), run]);
          console.log(
            `round ${round + 1} ${query.name} ${system.name}: ${run.rps.toFixed(1)} rps, p99 ${run.p99.toFixed(0)} ms, ` +
              `${run.cpuMsPerRequest.toFixed(2)} CPU ms/request${run.errors ? `, ${run.errors} errors (${run.firstError})` : ""}`,
          );
        }
      }
    }
    printTable(runs, statements, systems);
  } finally {
    for (const system of systems) system.child.kill("SIGTERM");
    await Promise.all(systems.map((system) => system.counter.close()));
    await owner.query("DROP FUNCTION IF EXISTS public.region_subtree_projects(public.region)");
    await owner.end();
  }
}

async function startSystem(
  name: string,
  cwd: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string>,
): Promise<System> {
  const counter = await startStatementCounter({ host: database.hostname, port: Number(database.port || 5432) });
  const viaCounter = new URL(databaseUrl!);
  viaCounter.hostname = "127.0.0.1";
  viaCounter.port = String(counter.port);
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  // node --import tsx, not the tsx command: one process, whose CPU time /proc reports.
  // BENCH_PROFILE_DIR: Revita's CPU profile (node --cpu-prof), written there when the bench ends.
  const profile =
    name === "Revita" && process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn("node", [...profile, "--import", "tsx", ...args], {
    cwd,
    env: { ...process.env, ...env, DATABASE_URL: viaCounter.toString(), PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((started, failed) => {
    const timer = setTimeout(() => failed(new Error(`${name} did not start in 120 s:\n${output}`)), 120_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        started();
      }
    };
    child.stdout!.on("data", listen);
    child.stderr!.on("data", listen);
    child.on("exit", (code) => failed(new Error(`${name} exited (${code}):\n${output}`)));
  });
  return { name, counter, child, port, ask: async () => undefined };
}

function graphqlAsker(port: number, system: "revita" | "postgraphile", headers: Record<string, string> = {}) {
  return async (query: PeerQuery, subjects: Subjects) => {
    const words = query[system];
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: words.document, variables: words.variables(subjects) }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
    if (!response.ok || body.errors?.length || !body.data) {
      throw new Error(`${system} ${query.name}: ${body.errors?.map((error) => error.message).join("; ") ?? response.status}`);
    }
    return words.shape(body.data, subjects);
  };
}

interface Run {
  rps: number;
  p99: number;
  cpuMsPerRequest: number;
  errors: number;
  firstError?: string;
}

/** CONNECTIONS clients asking one question for SECONDS; the server's CPU from /proc. */
async function load(system: System, query: PeerQuery, subjects: Subjects): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const cpuBefore = cpuTicks(system.child.pid!);
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          await system.ask(query, subjects);
          latencies.push(performance.now() - sent);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpuMs = ((cpuTicks(system.child.pid!) - cpuBefore) / CLOCK_TICKS_PER_SECOND) * 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / elapsed,
    p99: latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN,
    cpuMsPerRequest: latencies.length ? cpuMs / latencies.length : Number.NaN,
    errors,
    firstError,
  };
}

/** User and system CPU time of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** What a system sent PostgreSQL per request (statement-counter.ts). */
interface Sent {
  statements: number;
  roundTrips: number;
}

function printTable(runs: Map<string, Run[]>, statements: Map<string, Sent>, systems: System[]) {
  const [revita, peer, bare, floor] = systems.map((system) => system.name) as [string, string, string, string];
  const of = (query: PeerQuery, system: string) => runs.get(`${query.name}/${system}`)!;
  console.log(
    `\n${ROUNDS} interleaved rounds, ${CONNECTIONS} connections, ${SECONDS} s each; medians over rounds; ratio = Revita ÷ PostGraphile + RLS, paired per round\n`,
  );
  console.log(
    `| query | Revita rps | PostGraphile + RLS rps | ratio | PostGraphile, no RLS rps | floor rps | p99 ms (Revita vs PostGraphile + RLS) | SQL statements / round trips per request (Revita vs PostGraphile + RLS) | Node CPU ms / request (Revita vs PostGraphile + RLS) |`,
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const query of PEER_QUERIES) {
    const mine = of(query, revita);
    const theirs = of(query, peer);
    const ratio = median(mine.map((run, round) => run.rps / theirs[round]!.rps));
    const rps = (system: string) => median(of(query, system).map((run) => run.rps)).toFixed(1);
    const p99 = (list: Run[]) => median(list.map((run) => run.p99)).toFixed(0);
    const cpu = (list: Run[]) => median(list.map((run) => run.cpuMsPerRequest)).toFixed(1);
    const count = (system: string) => sent(statements.get(`${query.name}/${system}`)!);
    console.log(
      `| ${query.name} ${query.title} | ${rps(revita)} | ${rps(peer)} | ${ratio.toFixed(2)} | ${rps(bare)} | ${rps(floor)} | ` +
        `${p99(mine)} vs ${p99(theirs)} | ${count(revita)} vs ${count(peer)} | ${cpu(mine)} vs ${cpu(theirs)} |`,
    );
  }
  console.log(
    `\nStatements / round trips per request of the floor: ${PEER_QUERIES.map((query) => `${query.name} ${sent(statements.get(`${query.name}/${floor}`)!)}`).join(", ")}; ` +
      `of PostGraphile without policies: ${PEER_QUERIES.map((query) => `${query.name} ${sent(statements.get(`${query.name}/${bare}`)!)}`).join(", ")}`,
  );
}

/** "4 / 1": the statements and the round trips they took; fractions only where requests differed. */
function sent({ statements, roundTrips }: Sent): string {
  const figure = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
  return `${figure(statements)} / ${figure(roundTrips)}`;
}

await main();
process.exit(0);
