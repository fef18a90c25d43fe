import type { Database } from "../src/db/database.js";
import { applyMigrations } from "../src/db/migrations.js";
import type { Region } from "../src/generated/prisma/client.js";
import { hasData, loadDemoData } from "../src/seed/demo/load-demo.js";
import { generateScaleData } from "../src/seed/scale.js";

/** The generated province of the benchmarks ("示范省", codes 99…). */
export const SCALE_PROVINCE = "990000000000";

/**
 * Makes a database ready for the benchmarks that read at a province's scale: migrations, the demo,
 * the generated province (once per database: a prepared one is reused) and fresh statistics.
 * Answers the province and its first county.
 */
export async function prepareScaleProvince(db: Database, counties: number): Promise<{ province: Region; county: Region }> {
  await applyMigrations(db.adapterFactory);
  if (!(await hasData(db.prisma))) await loadDemoData(db.prisma);
  if (!(await db.prisma.region.findUnique({ where: { code: SCALE_PROVINCE } }))) {
    console.error(`Generating a ${counties}-county province (once per database) …`);
    await generateScaleData(db.prisma, { counties, seed: 42, provinceDigits: "99" });
  }
  await db.prisma.$executeRawUnsafe("ANALYZE");
  const province = await db.prisma.region.findUniqueOrThrow({ where: { code: SCALE_PROVINCE } });
  const county = await db.prisma.region.findFirstOrThrow({
    where: { level: "COUNTY", path: { has: province.id } },
    orderBy: { code: "asc" },
  });
  return { province, county };
}
