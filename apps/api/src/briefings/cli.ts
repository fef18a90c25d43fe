import { databaseConfigFromEnv, openDatabase } from "../db/database.js";
import { runDueBriefings } from "./briefing-schedule.js";

/**
 * `pnpm --filter @revita/api briefings:run-due`: makes the weekly briefs that are due, once, and
 * exits (for a cron job instead of the server's own schedule, and for the test that runs two
 * processes side by side). Each slot is made once however many run at the same time.
 */
const db = await openDatabase(databaseConfigFromEnv());
try {
  const run = await runDueBriefings(db.prisma);
  console.log(JSON.stringify(run));
} finally {
  await db.close();
}
process.exit(0);
