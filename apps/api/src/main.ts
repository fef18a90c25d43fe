import { type Scheduler, startBriefingScheduler } from "./briefings/briefing-schedule.js";
import { databaseConfigFromEnv, openDatabase } from "./db/database.js";
import { applyMigrations } from "./db/migrations.js";
import { backfillPinyinSearchKeys } from "./projects/project-search.js";
import { addMissingDemoUsers, hasData, loadDemoData } from "./seed/demo/load-demo.js";
import { startServer } from "./server.js";

/**
 * Starts Revita: opens the database (DATABASE_URL, or the embedded one in REVITA_DATA_DIR),
 * applies pending migrations, loads the demo data into an empty embedded database (or any empty
 * one when REVITA_SEED_DEMO=1), and serves the API and the dashboard until SIGINT or SIGTERM.
 */
async function main() {
  const config = databaseConfigFromEnv();
  const db = await openDatabase(config);
  let stopping = false;
  let stopServer: (() => Promise<void>) | undefined;
  let scheduler: Scheduler | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    try {
      await scheduler?.stop();
      await stopServer?.();
    } finally {
      // Closing cleanly matters most for the embedded database: it flushes and frees the lock.
      await db.close();
      process.exit(0);
    }
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  try {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const backfilled = await backfillPinyinSearchKeys(db.prisma);
    if (backfilled) console.log(`Wrote the pinyin search key of ${backfilled} project(s)`);
    if (config.engine === "embedded") {
      // PGlite runs no autovacuum daemon, so nothing else keeps the planner's statistics fresh;
      // without them it picks nested loops over large tables (seconds instead of milliseconds).
      await db.prisma.$executeRawUnsafe("ANALYZE");
    }
    const seedDemo =
      process.env.REVITA_SEED_DEMO === "1" || (config.engine === "embedded" && process.env.REVITA_SEED_DEMO !== "0");
    if (seedDemo && !(await hasData(db.prisma))) {
      console.log("Empty database: loading the demo data (Cengong County, Jingzhou) ...");
      await loadDemoData(db.prisma);
    } else if (seedDemo && (await addMissingDemoUsers(db.prisma))) {
      console.log("A demo database without accounts: added the demo users (password revita-demo-2026, see README)");
    }
    if ((await db.prisma.user.count()) === 0) {
      // Everything but signing in needs a user: say how to make the first one.
      console.warn(
        "No user can sign in yet. Create the first administrator with:\n" +
          "  npx -y pnpm@10.34.9 user:create --username <name> --name <display name> --role ADMIN --region <12-digit code>",
      );
    }
    const running = await startServer(db, {
      port: Number(process.env.PORT ?? 4000),
      host: process.env.HOST ?? "127.0.0.1",
      // Production rules unless asked for development (the dev script): introspection for
      // analysts and admins only, no "did you mean" hints about the schema.
      production: process.env.NODE_ENV !== "development",
    });
    stopServer = running.stop;
    // Weekly briefs, made on their users' schedules (each once, however many processes run).
    if (process.env.REVITA_BRIEFING_SCHEDULE !== "0") {
      scheduler = startBriefingScheduler(db.prisma, { intervalMs: Number(process.env.REVITA_BRIEFING_INTERVAL_MS ?? 60_000) });
    }
    console.log(`Revita is running on ${db.engine === "embedded" ? `the embedded database in ${db.location}` : db.location}`);
    console.log(`  dashboard  ${running.url}/`);
    console.log(`  GraphQL    ${running.url}/graphql`);
  } catch (error) {
    await db.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
