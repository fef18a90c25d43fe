import { authenticate, signIn } from "../src/accounts/accounts.service.js";
import { createContext } from "../src/context.js";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { runImport } from "../src/imports/import.service.js";
import { progressImport } from "../src/imports/progress-import.js";
import { loadDemoData } from "../src/seed/demo/load-demo.js";
import { DEMO_PASSWORD } from "../src/seed/demo/users.js";
import { addImportProjects, progressFile } from "../test/progress-file.js";

/**
 * Time and peak memory to import 100,000 progress rows (1,000 projects × 100 months) as the
 * county's editor: a dry run, then the real import, in one transaction each.
 *   pnpm --filter @revita/api bench:import          embedded database in a fresh temporary directory
 *   pnpm with-postgres tsx scripts/bench-import.ts
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 1000);
const MONTHS = Number(process.env.BENCH_MONTHS ?? 100);
const CENGONG = "522626000000";

async function main() {
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    await applyMigrations(db.adapterFactory);
    if (!(await db.prisma.region.findUnique({ where: { code: CENGONG } }))) await loadDemoData(db.prisma);
    await db.prisma.$executeRawUnsafe(
      `DELETE FROM progress_report WHERE project_id IN (SELECT id FROM project WHERE code LIKE 'IMP-%')`,
    );
    await db.prisma.$executeRawUnsafe(`DELETE FROM project WHERE code LIKE 'IMP-%'`);
    const codes = await addImportProjects(db.prisma, CENGONG, PROJECTS);
    const file = progressFile(codes, MONTHS);
    const editor = await authenticate(db.prisma, (await signIn(db.prisma, "cengong.editor", DEMO_PASSWORD)).token);
    console.log(`engine ${db.engine}; file ${(file.length / 1024 / 1024).toFixed(1)} MB, ${PROJECTS * MONTHS} rows`);
    for (const apply of [false, true]) {
      global.gc?.();
      const baseline = process.memoryUsage();
      let peakHeap = baseline.heapUsed;
      let peakRss = baseline.rss;
      // Live memory: collected first, so that garbage not yet swept does not count.
      const sample = () => {
        global.gc?.();
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
      };
      // The embedded database runs on this thread, so a timer alone would seldom get a turn:
      // memory is also sampled after every chunk.
      const timer = setInterval(sample, 1000);
      const started = performance.now();
      const result = await runImport(createContext(db.prisma, editor), progressImport, file, { apply, onProgress: sample });
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${apply ? "import " : "dry run"}: ${seconds.toFixed(1)} s, ${result.written} rows, ${result.problemCount} problems; ` +
          `peak heap ${(peakHeap / 1048576).toFixed(0)} MB (+${((peakHeap - baseline.heapUsed) / 1048576).toFixed(0)} MB), ` +
          `peak RSS ${(peakRss / 1048576).toFixed(0)} MB (+${((peakRss - baseline.rss) / 1048576).toFixed(0)} MB)`,
      );
    }
  } finally {
    await db.close();
  }
}

await main();
