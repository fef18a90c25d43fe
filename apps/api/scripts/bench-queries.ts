import { graphql } from "graphql";
import { createContext } from "../src/context.js";
import { databaseConfigFromEnv, openDatabase } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import { Prisma, type PrismaClient } from "../src/generated/prisma/client.js";
import { schema } from "../src/schema/index.js";
import { generateScaleData } from "../src/seed/scale.js";
import { provinceViewer } from "../test/run-graphql.js";

/**
 * Median latency of the dashboard's heaviest queries on the province-sized data set, executed
 * against the schema in-process (no HTTP) so that the figures are the API's own work.
 *   pnpm bench:queries                       embedded database in REVITA_DATA_DIR
 *   pnpm with-postgres tsx scripts/bench-queries.ts
 * Generates the province (100 counties, seed 42) first when the database lacks it, and approves
 * every other county's progress and indicators year by year, so that the queries that read
 * figures can be timed again as "approved figures only" (X-Revita-Figures: approved), where a
 * restrictive policy asks for each progress report and indicator value whether it is approved.
 * It marks the other counties' projects, reports and indicator values published, so the same
 * queries are timed a third time as "published figures only" (X-Revita-Figures: published).
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PROVINCE = "990000000000";
const COUNTY = "990101000000";

const QUERIES: Record<string, string> = {
  "province investment by child region": `{ region(code: "${PROVINCE}") { investmentSummary(groupBy: CHILD_REGION) { key plannedInvestment completedInvestment completionRate } } }`,
  "province investment by category": `{ region(code: "${PROVINCE}") { investmentSummary(groupBy: CATEGORY) { key plannedInvestment completedInvestment completionRate } } }`,
  "county project list with standing (100)": `{ projects(regionCode: "${COUNTY}", first: 100) { totalCount edges { node { code nameZh status totalInvestment
      standing { completedInvestment completionRate physicalProgress behindSchedule } category { nameZh } phases { code } } } } }`,
  "province funds with allocations (100)": `{ funds(regionCode: "${PROVINCE}", first: 100) { totalCount edges { node { code amount sourceType allocations(first: 20) { totalCount edges { node { amount project { code } } } } } } } }`,
  "province projects behind schedule (5)": `{ region(code: "${PROVINCE}") { projectsBehindSchedule(first: 5) { code standing { scheduleElapsed physicalProgress } } } }`,
  "county projects behind schedule (5)": `{ region(code: "${COUNTY}") { projectsBehindSchedule(first: 5) { code } } }`,
  "province largest projects (5)": `{ projects(regionCode: "${PROVINCE}", first: 5, orderBy: TOTAL_INVESTMENT_DESC) { edges { node { code totalInvestment standing { completionRate } } } } }`,
  "province years with data": `{ region(code: "${PROVINCE}") { dataYears scorecardYears: dataYears(of: [ANNUAL_INDICATORS]) } }`,
  "county sewage coverage values (100)": `{ indicatorValues(regionCode: "${COUNTY}", indicatorCode: "RURAL_SEWAGE_COVERAGE", first: 100) { totalCount edges { node { period value target region { nameZh } } } } }`,
};

/** The queries whose figures change when only approved (or published) data is read. */
const READ_FIGURES = new Set([
  "province investment by child region",
  "province investment by category",
  "county project list with standing (100)",
  "province projects behind schedule (5)",
  "county sewage coverage values (100)",
]);

/** Approves every other county's data, year by year, as its approvers would have (once). */
async function approveHalfTheCounties(prisma: PrismaClient): Promise<number> {
  const approved = await prisma.dataApproval.count({ where: { region: { code: { startsWith: PROVINCE.slice(0, 2) } } } });
  if (approved > 0) return approved;
  return prisma.$executeRaw`
    INSERT INTO data_approval (data_set, region_id, period, period_start, period_end, status, submitted_by, submitted_at, decided_by, decided_at)
    SELECT s.data_set::"ApprovalDataSet", c.id, y::text, make_date(y, 1, 1), make_date(y, 12, 31), 'APPROVED',
           'bench', now(), 'bench', now()
      FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM region
             WHERE level = 'COUNTY' AND path @> ARRAY[(SELECT id FROM region WHERE code = ${PROVINCE})]) c
      CROSS JOIN generate_series(2015, 2030) y
      CROSS JOIN (VALUES ('PROGRESS'), ('INDICATORS')) s(data_set)
     WHERE c.n % 2 = 0`;
}

/** Marks the other half of the counties' records published, as the demo's articles' are (once). */
async function publishTheOtherCounties(prisma: PrismaClient): Promise<number> {
  const counties = Prisma.sql`(SELECT id FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM region
             WHERE level = 'COUNTY' AND path @> ARRAY[(SELECT id FROM region WHERE code = ${PROVINCE})]) c WHERE c.n % 2 = 1)`;
  const published = await prisma.project.count({
    where: { sourceKind: "PUBLISHED", region: { code: { startsWith: PROVINCE.slice(0, 2) } } },
  });
  if (published > 0) return published;
  return prisma.$transaction(
    async (tx) => {
      const projects = await tx.$executeRaw`
        UPDATE project p SET source_kind = 'PUBLISHED' FROM region r
         WHERE r.id = p.region_id AND r.path && ARRAY(SELECT id FROM ${counties} x)`;
      await tx.$executeRaw`
        UPDATE progress_report pr SET source_kind = 'PUBLISHED' FROM project p
         WHERE p.id = pr.project_id AND p.source_kind = 'PUBLISHED'`;
      await tx.$executeRaw`
        UPDATE indicator_value v SET source_kind = 'PUBLISHED' FROM region r
         WHERE r.id = v.region_id AND r.path && ARRAY(SELECT id FROM ${counties} x)`;
      return projects;
    },
    { timeout: 30 * 60_000 },
  );
}

async function main() {
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    await applyMigrations(db.adapterFactory);
    if (!(await db.prisma.region.findUnique({ where: { code: PROVINCE } }))) {
      console.error("Generating the province-sized data set first (a few minutes) ...");
      await generateScaleData(db.prisma, { counties: 100, seed: 42 });
    }
    console.error(`${await approveHalfTheCounties(db.prisma)} county-years of data approved in the province set.`);
    console.error(`${await publishTheOtherCounties(db.prisma)} projects of the other counties published.`);
    // Read through the API's rules and the database's policies: every query as a viewer of every
    // province (the policies' widest case), and the county's queries also as the county's own
    // viewer, whom they are meant for.
    const provinceWide = await provinceViewer(db.prisma);
    const county = await db.prisma.region.findUniqueOrThrow({
      where: { code: COUNTY },
      select: { id: true, code: true, path: true },
    });
    const countyViewer = {
      ...provinceWide,
      user: { ...provinceWide.user, grants: [{ role: "VIEWER" as const, region: county }] },
    };
    console.log(`Median of ${RUNS} runs on ${db.engine} (${db.location}):`);
    for (const [name, source] of Object.entries(QUERIES)) {
      const askers = name.startsWith("county")
        ? [["province viewer", provinceWide] as const, ["county viewer", countyViewer] as const]
        : [["province viewer", provinceWide] as const];
      const figures = READ_FIGURES.has(name) ? (["all", "approved", "published"] as const) : (["all"] as const);
      for (const [asker, auth] of askers)
        for (const only of figures) {
          const label = only === "all" ? `${name}, as ${asker}` : `${name}, ${only} only, as ${asker}`;
          const times: number[] = [];
          for (let run = 0; run <= RUNS; run++) {
            const started = performance.now();
            const contextValue = createContext(db.prisma, auth, { figures: only });
            const result = await graphql({ schema, source, contextValue });
            const elapsed = performance.now() - started;
            if (result.errors?.length) throw new Error(`${name}: ${result.errors[0]?.message}`);
            if (run > 0) times.push(elapsed); // the first run warms caches and is left out
          }
          times.sort((a, b) => a - b);
          const median = times[Math.floor(times.length / 2)] ?? 0;
          console.log(
            `  ${label.padEnd(75)} ${median.toFixed(1).padStart(8)} ms   (min ${times[0]?.toFixed(1)}, max ${times.at(-1)?.toFixed(1)})`,
          );
        }
    }
  } finally {
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
