import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { hasData, loadDemoData } from "../src/seed/demo/load-demo.js";
import { DEMO_PASSWORD } from "../src/seed/demo/users.js";
import { startServer } from "../src/server.js";

/**
 * How long the dispatch meeting's briefing takes to make, over HTTP as a leader asks it
 * (`GET /api/briefings/briefing.pdf`): Cengong County's and Jingzhou District's on the demo data,
 * the first one after start (the font is read) and then BENCH_ROUNDS more, with the median.
 *
 *   pnpm --filter @revita/api bench:briefing                                a fresh embedded database
 *   pnpm --filter @revita/api with-postgres tsx scripts/bench-briefing.ts   a throwaway PostgreSQL 15
 *
 * BENCH_SAVE=<folder> keeps the last file of each region there (the README's picture is one).
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const MONTH = "2026-11";
const REGIONS = [
  { name: "Cengong County", code: "522626000000", user: "cengong.viewer" },
  { name: "Jingzhou District", code: "421003000000", user: "jingzhou.analyst" },
];

const config = databaseConfigFromEnv();
const scratch = config.engine === "embedded" ? mkdtempSync(join(tmpdir(), "revita-bench-briefing-")) : undefined;
const db = await openDatabase(scratch ? { engine: "embedded", dataDir: join(scratch, "pglite") } : config);
try {
  await applyMigrations(db.adapterFactory);
  if (!(await hasData(db.prisma))) await loadDemoData(db.prisma);
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const server = await startServer(db, { port: 0, production: true });
  console.log(`briefing PDF over HTTP, ${db.engine} database, demo data, month ${MONTH}`);
  console.log("| region | pages | bytes | first | median of the next | max |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const region of REGIONS) {
    const signIn = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
        variables: { u: region.user, p: DEMO_PASSWORD },
      }),
    });
    const cookie = signIn.headers.getSetCookie()[0]!.split(";")[0]!;
    const times: number[] = [];
    let bytes = 0;
    let pages = "?";
    let lastPdf: Buffer | undefined;
    for (let round = 0; round <= ROUNDS; round++) {
      const started = performance.now();
      const response = await fetch(`${server.url}/api/briefings/briefing.pdf?regionCode=${region.code}&month=${MONTH}`, {
        headers: { cookie },
      });
      const pdf = Buffer.from(await response.arrayBuffer());
      times.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`${region.name}: HTTP ${response.status} ${pdf.toString().slice(0, 200)}`);
      bytes = pdf.length;
      lastPdf = pdf;
      pages = String((pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length);
    }
    if (process.env.BENCH_SAVE) writeFileSync(join(process.env.BENCH_SAVE, `briefing-${region.code}.pdf`), lastPdf!);
    const [first, ...rest] = times;
    const sorted = [...rest].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? first!;
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(`| ${region.name} | ${pages} | ${bytes} | ${ms(first!)} | ${ms(median)} | ${ms(Math.max(...rest))} |`);
  }
  await server.stop();
} finally {
  await db.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
process.exit(0);
