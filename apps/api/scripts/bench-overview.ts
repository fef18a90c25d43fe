import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueSession } from "../src/accounts/accounts.service.js";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { startServer } from "../src/server.js";
import { dashboardOperation } from "./dashboard-operations.js";
import { prepareScaleProvince, SCALE_PROVINCE } from "./scale-province.js";

/**
 * The overview page's operations over HTTP, for a county and for a 100-county province (20,000
 * projects, ~500,000 reports), all figures and approved only: each operation asked BENCH_ROUNDS
 * times in turn, then 20 readers at once. Prints p50, p95 and max per operation and the errors.
 *
 *   DATABASE_URL=… pnpm --filter @revita/api bench:overview     a PostgreSQL database (reused)
 *   pnpm --filter @revita/api bench:overview                     a fresh embedded database
 *
 * The province is generated (db:generate-scale) when the database has none: ~20 min on
 * PostgreSQL, longer embedded; a database prepared once is reused. BENCH_COUNTIES makes it smaller.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const CONCURRENT_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const config = databaseConfigFromEnv();
const scratch = config.engine === "embedded" ? mkdtempSync(join(tmpdir(), "revita-bench-overview-")) : undefined;
const db = await openDatabase(scratch ? { engine: "embedded", dataDir: join(scratch, "pglite") } : config);
try {
  const { province, county } = await prepareScaleProvince(db, COUNTIES);
  const projects = await db.prisma.project.count({ where: { region: { path: { has: province.id } } } });
  const reports = await db.prisma.progressReport.count({ where: { project: { region: { path: { has: province.id } } } } });

  // A viewer of the province, with a bearer token: the benchmark measures reading, not signing in.
  const user = await db.prisma.user.upsert({
    where: { username: "bench.viewer" },
    update: {},
    create: {
      username: "bench.viewer",
      displayName: "Benchmark viewer",
      passwordHash: "!",
      grants: { create: [{ role: "VIEWER", regionId: province.id }] },
    },
  });
  const { token } = await issueSession(db.prisma, user.id, "BEARER", { days: 1, label: "bench:overview" });
  const server = await startServer(db, { port: 0, production: true });

  const overview = dashboardOperation("Overview");
  const years = dashboardOperation("RegionYears");
  const attention = dashboardOperation("Attention");
  const cases = [
    { name: `county ${county.code} overview`, query: overview, code: county.code, approved: false },
    { name: `county ${county.code} attention list`, query: attention, code: county.code, approved: false },
    { name: `province overview (${COUNTIES} counties)`, query: overview, code: SCALE_PROVINCE, approved: false },
    { name: `province attention list (${COUNTIES} counties)`, query: attention, code: SCALE_PROVINCE, approved: false },
    { name: "province overview, approved figures", query: overview, code: SCALE_PROVINCE, approved: true },
    { name: "province years with data", query: years, code: SCALE_PROVINCE, approved: false },
  ];
  let errors = 0;
  const ask = async (c: (typeof cases)[number]) => {
    const started = performance.now();
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${token}`,
        ...(c.approved ? { "x-revita-figures": "approved" } : {}),
      },
      body: JSON.stringify({
        query: c.query,
        variables: { code: c.code, year: "2024", from: "2020-01", to: "2024-12", first: 100, rules: null, subjectCode: null },
      }),
    });
    const answer = (await response.json()) as { errors?: { message: string }[] };
    if (!response.ok || answer.errors?.length) {
      errors++;
      if (errors <= 3) console.error(`${c.name}: ${answer.errors?.map((e) => e.message).join("; ") ?? response.status}`);
    }
    return performance.now() - started;
  };
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };

  console.log(`${db.engine}: province of ${projects.toLocaleString("en")} projects, ${reports.toLocaleString("en")} reports`);
  const timings = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (const c of cases) for (let i = 0; i < 3; i++) await ask(c);
  for (let round = 0; round < ROUNDS; round++) for (const c of cases) timings.get(c.name)!.push(await ask(c));
  console.log(`| operation | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- |`);
  for (const [name, values] of timings) {
    console.log(
      `| ${name} | ${quantile(values, 0.5).toFixed(0)} | ${quantile(values, 0.95).toFixed(0)} | ${Math.max(...values).toFixed(0)} |`,
    );
  }

  // 20 readers at once, each asking the four in turn.
  const deadline = performance.now() + CONCURRENT_SECONDS * 1000;
  const latencies: number[] = [];
  const before = errors;
  await Promise.all(
    Array.from({ length: 20 }, async (_, reader) => {
      for (let i = reader; performance.now() < deadline; i++) latencies.push(await ask(cases[i % cases.length]!));
    }),
  );
  console.log(
    `20 readers at once, ${CONCURRENT_SECONDS} s: ${(latencies.length / CONCURRENT_SECONDS).toFixed(1)} requests/s, ` +
      `p50 ${quantile(latencies, 0.5).toFixed(0)} ms, p95 ${quantile(latencies, 0.95).toFixed(0)} ms, ` +
      `${errors - before} errors of ${latencies.length}`,
  );
  await db.prisma.session.deleteMany({ where: { label: "bench:overview" } });
  await server.stop();
} finally {
  await db.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
