import type { PrismaClient } from "../src/generated/prisma/client.js";

export const PROGRESS_HEADER = "项目编码,报告期,累计完成投资（元）,形象进度（%）,超概算说明,更正说明,备注";

/**
 * Scenario for large imports: `count` projects in the region, codes IMP-00001 ..., each with a
 * total of 100,000,000 yuan and no reports yet. Written as the database owner, like seed data.
 */
export async function addImportProjects(prisma: PrismaClient, regionCode: string, count: number): Promise<string[]> {
  const region = await prisma.region.findUniqueOrThrow({ where: { code: regionCode } });
  const category = await prisma.projectCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
  const codes = Array.from({ length: count }, (_, i) => `IMP-${String(i + 1).padStart(5, "0")}`);
  await prisma.project.createMany({
    data: codes.map((code) => ({
      code,
      nameZh: `导入测试项目${code}`,
      categoryId: category.id,
      status: "IN_PROGRESS" as const,
      regionId: region.id,
      totalInvestment: "100000000",
    })),
  });
  return codes;
}

/**
 * A progress file of codes × months rows (month by month from 2015-01, every project each month),
 * its cumulative figures rising, written with 万 units and thousands separators as clerks do.
 */
export function progressFile(codes: string[], months: number, { lastLine }: { lastLine?: string } = {}): Buffer {
  const lines = [PROGRESS_HEADER];
  for (let m = 0; m < months; m++) {
    const period = `${2015 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
    const wan = (m + 1) * 10;
    const progress = Math.min(100, (m + 1) * 0.9).toFixed(1);
    for (const code of codes) {
      lines.push(
        m % 2
          ? `${code},${period},${wan}万,${progress},,,`
          : `${code},${period},"${(wan * 10_000).toLocaleString("en-US")}",${progress}%,,,`,
      );
    }
  }
  if (lastLine) lines.push(lastLine);
  return Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
}
