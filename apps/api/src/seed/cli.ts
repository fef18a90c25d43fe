import { parseArgs } from "node:util";
import { databaseConfigFromEnv, openDatabase } from "../db/database.js";
import { applyMigrations } from "../db/migrations.js";
import { hasData, loadDemoData } from "./demo/load-demo.js";
import { generateScaleData, type ScaleProgress } from "./scale.js";

/**
 * pnpm db:seed                                        load the demo data (database must be empty)
 * pnpm db:generate-scale --counties 100 --seed 42    generate a province for performance work
 * Both migrate the configured database first (DATABASE_URL, or the embedded one).
 */
const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  const db = await openDatabase(databaseConfigFromEnv());
  const stop = () => {
    void db.close().finally(() => process.exit(130));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    await applyMigrations(db.adapterFactory);
    if (command === "demo") {
      if (await hasData(db.prisma)) {
        console.error(`${db.location} already holds regions: the demo data loads only into an empty database.`);
        return 1;
      }
      const started = performance.now();
      await loadDemoData(db.prisma);
      console.log(`Loaded the demo data into ${db.location} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
      return 0;
    }
    if (command === "scale") {
      const { values } = parseArgs({
        args: rest,
        options: {
          counties: { type: "string", default: "100" },
          seed: { type: "string", default: "42" },
          province: { type: "string", default: "99" },
        },
      });
      const counties = Number(values.counties);
      const seed = Number(values.seed);
      const started = performance.now();
      const counts = await generateScaleData(db.prisma, {
        counties,
        seed,
        provinceDigits: values.province,
        onProgress: progressBar(started),
      });
      const seconds = (performance.now() - started) / 1000;
      const peakMiB = process.resourceUsage().maxRSS / 1024;
      console.log(
        `\nGenerated into ${db.location} (${db.engine}) in ${seconds.toFixed(1)} s, peak memory ${peakMiB.toFixed(0)} MiB:\n` +
          Object.entries(counts)
            .map(([name, count]) => `  ${name.padEnd(16)} ${count.toLocaleString("en")}`)
            .join("\n"),
      );
      return 0;
    }
    console.error("Usage: tsx src/seed/cli.ts demo | scale [--counties 100] [--seed 42] [--province 99]");
    return 2;
  } finally {
    await db.close();
  }
}

function progressBar(started: number) {
  let lastLine = 0;
  return ({ countiesDone, counties, rows }: ScaleProgress) => {
    const share = countiesDone / counties;
    const width = 30;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, ".");
    const line = `[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  counties ${countiesDone}/${counties}  reports ${rows.progressReports.toLocaleString("en")}  values ${rows.indicatorValues.toLocaleString("en")}  ${((performance.now() - started) / 1000).toFixed(0)} s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}`);
    } else if (countiesDone === counties || performance.now() - lastLine > 5_000) {
      // Not a terminal (CI, a log file): a line every few seconds instead of redrawing.
      lastLine = performance.now();
      process.stderr.write(`${line}\n`);
    }
  };
}

// The schema engine leaves a timer running after its work: exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
