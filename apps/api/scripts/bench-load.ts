import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { hasData, loadDemoData } from "../src/seed/demo/load-demo.js";
import { DEMO_PASSWORD } from "../src/seed/demo/users.js";
import { startServer } from "../src/server.js";
import { addImportProjects, progressFile } from "../test/progress-file.js";
import { dashboardOperation } from "./dashboard-operations.js";

/**
 * The dashboard's overview as 20 readers load it at once, over HTTP on the loopback: each client
 * signs in once, then asks the page's five operations (Session, RegionScope, RegionYears,
 * Overview, Attention) again and again for BENCH_SECONDS. Prints requests per second, p50, p99 and errors.
 * BENCH_WRITERS adds editors saving a project each; BENCH_IMPORT_ROWS has an editor import that
 * many progress rows halfway through, and prints how the readers fared meanwhile.
 *
 *   pnpm --filter @revita/api bench:load                          a fresh embedded database
 *   pnpm --filter @revita/api with-postgres tsx scripts/bench-load.ts   a throwaway PostgreSQL 15
 *
 * Bounded in time and count, loopback only.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 0);
/** Rows of a progress file an editor imports (applied) halfway through, while the readers read. */
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 0);
const MAX_REQUESTS = 200_000;
const CENGONG = "522626000000";

const READS = [
  { operationName: "Session", query: dashboardOperation("Session"), variables: {} },
  { operationName: "RegionScope", query: dashboardOperation("RegionScope"), variables: { code: CENGONG } },
  { operationName: "RegionYears", query: dashboardOperation("RegionYears"), variables: { code: CENGONG } },
  {
    operationName: "Overview",
    query: dashboardOperation("Overview"),
    variables: { code: CENGONG, year: "2020", from: "2016-01", to: "2020-12" },
  },
  { operationName: "Attention", query: dashboardOperation("Attention"), variables: { code: CENGONG, first: 100 } },
];

const config = databaseConfigFromEnv();
const scratch = config.engine === "embedded" ? mkdtempSync(join(tmpdir(), "revita-bench-load-")) : undefined;
const db = await openDatabase(scratch ? { engine: "embedded", dataDir: join(scratch, "pglite") } : config);
try {
  await applyMigrations(db.adapterFactory);
  if (!(await hasData(db.prisma))) await loadDemoData(db.prisma);
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const server = await startServer(db, { port: 0, production: true });
  const signIn = async (username: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
        variables: { u: username, p: DEMO_PASSWORD },
      }),
    });
    return response.headers.getSetCookie()[0]!.split(";")[0]!;
  };
  // Each reader signs in on its own, as twenty people of one county would: answers the embedded
  // database keeps are kept per session (response-cache.ts).
  const readerCookies: string[] = [];
  for (let client = 0; client < CLIENTS; client++) readerCookies.push(await signIn("cengong.viewer"));
  const writerCookie = WRITERS ? await signIn("cengong.editor") : "";
  const latencies: number[] = [];
  let errors = 0;
  // The readers' answers while the import ran.
  let importing = false;
  const duringImport: number[] = [];
  let errorsDuringImport = 0;
  const firstErrors: string[] = [];
  let sent = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const post = async (cookie: string, body: unknown) => {
    const started = performance.now();
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
      });
      const answer = (await response.json()) as { errors?: unknown[] };
      if (!response.ok || answer.errors?.length) {
        errors++;
        if (firstErrors.length < 3)
          firstErrors.push(`${response.status} ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`);
        if (importing) errorsDuringImport++;
      }
    } catch (error) {
      errors++;
      if (firstErrors.length < 3) firstErrors.push(String(error));
      if (importing) errorsDuringImport++;
    }
    latencies.push(performance.now() - started);
    if (importing) duringImport.push(performance.now() - started);
  };
  const reader = async (client: number) => {
    for (let i = client; performance.now() < deadline && sent < MAX_REQUESTS; i++) {
      sent++;
      await post(readerCookies[client]!, READS[i % READS.length]);
    }
  };
  // Writers edit a project's description again and again, each their own project, from the
  // version they last saw: each edit a short transaction with its audit row.
  const editable = WRITERS
    ? await db.prisma.project.findMany({ where: { region: { code: CENGONG } }, orderBy: { code: "asc" }, take: WRITERS })
    : [];
  const writer = async (client: number) => {
    const project = editable[client];
    if (!project) return;
    let version = project.version;
    for (let i = 0; performance.now() < deadline && sent < MAX_REQUESTS; i++) {
      sent++;
      const started = performance.now();
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: writerCookie },
        body: JSON.stringify({
          query: `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { version } }`,
          variables: { i: { code: project.code, expectedVersion: version, description: `bench ${client} ${i}` } },
        }),
      }).catch(() => null);
      const answer = response
        ? ((await response.json()) as { data?: { updateProject?: { version: number } }; errors?: unknown[] })
        : null;
      if (!answer?.data?.updateProject || answer.errors?.length) errors++;
      else version = answer.data.updateProject.version;
      latencies.push(performance.now() - started);
    }
  };
  const importFile = IMPORT_ROWS
    ? progressFile(await addImportProjects(db.prisma, CENGONG, Math.ceil(IMPORT_ROWS / 100)), 100)
    : null;
  const importerCookie = importFile ? await signIn("cengong.editor") : "";
  let importReport = "";
  let longestHold = 0;
  const importer = async () => {
    if (!importFile) return;
    await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
    importing = true;
    const started = performance.now();
    // The longest the event loop went without a turn while the import ran: nothing at all is
    // answered for that long, not even what the response cache could answer.
    let turn = performance.now();
    const probe = setInterval(() => {
      longestHold = Math.max(longestHold, performance.now() - turn);
      turn = performance.now();
    }, 5);
    const response = await fetch(`${server.url}/api/imports/progress?apply=true`, {
      method: "POST",
      headers: { "content-type": "text/csv", cookie: importerCookie },
      body: importFile,
    });
    const lines = (await response.text()).trim().split("\n");
    importing = false;
    clearInterval(probe);
    const result = JSON.parse(lines.at(-1)!) as { result?: { committed: boolean; written: number } };
    importReport = `import of ${IMPORT_ROWS} rows: ${((performance.now() - started) / 1000).toFixed(1)} s, committed ${result.result?.committed}, ${result.result?.written} written`;
  };
  const started = performance.now();
  await Promise.all([
    ...Array.from({ length: CLIENTS }, (_, client) => reader(client)),
    ...Array.from({ length: WRITERS }, (_, client) => writer(client)),
    importer(),
  ]);
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  console.log(
    `${db.engine}: ${CLIENTS} readers${WRITERS ? ` + ${WRITERS} writers` : ""}, ${seconds.toFixed(1)} s: ` +
      `${(latencies.length / seconds).toFixed(1)} requests/s, p50 ${at(0.5).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, ` +
      `${errors} errors of ${latencies.length}`,
  );
  for (const error of firstErrors) console.log(`  error: ${error}`);
  if (importReport) {
    duringImport.sort((a, b) => a - b);
    const q = (f: number) => duringImport[Math.min(duringImport.length - 1, Math.floor(f * duringImport.length))] ?? 0;
    console.log(
      `${importReport}; readers meanwhile: ${duringImport.length} answers, p50 ${q(0.5).toFixed(0)} ms, ` +
        `p99 ${q(0.99).toFixed(0)} ms, ${errorsDuringImport} errors; the event loop held at most ${longestHold.toFixed(0)} ms`,
    );
  }
  const cache = server.responseCache?.stats();
  console.log(
    cache
      ? `answers kept in memory: ${cache.hits} answered from them, ${cache.misses} from the database (${cache.dropped} dropped by changes or size)`
      : "no answers kept in memory (PostgreSQL, or REVITA_RESPONSE_CACHE=0)",
  );
  await server.stop();
} finally {
  await db.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
