import { monthKey, parsePeriod } from "@revita/schema/period";
import { setActor } from "../access/actor.js";
import { bulkInsert } from "../db/bulk-insert.js";
import type { DbClient } from "../db/database.js";
import { Prisma, type PrismaClient, type ProjectStatus } from "../generated/prisma/client.js";
import { pinyinSearchKey } from "../projects/project-search.js";
import { INDICATOR_DEFINITIONS, PROJECT_CATEGORIES } from "./catalog.js";
import { loadCatalog } from "./demo/load-demo.js";
import { monthlyProgressHistory } from "./progress-history.js";
import { seededRandom } from "./random.js";

/**
 * A deterministic synthetic province for performance work: with the defaults, 100 counties,
 * 1,000 towns, 12,000 villages, ~20,000 projects, ~500,000 monthly progress reports and
 * ~1,000,000 indicator values. The same options give the same rows on every machine.
 * Rows go in as bulk INSERTs (one statement per table and county), all in one transaction,
 * so that an interrupted run leaves nothing behind.
 */
export interface ScaleOptions {
  counties: number;
  seed: number;
  /** Two digits for the generated province's codes; 99 is no real province. */
  provinceDigits?: string;
  townsPerCounty?: number;
  villagesPerTown?: number;
  projectsPerCounty?: number;
  /** Progress is reported monthly up to and including this month. */
  asOf?: string;
  onProgress?: (progress: ScaleProgress) => void;
}

export interface ScaleProgress {
  countiesDone: number;
  counties: number;
  rows: ScaleCounts;
}

export interface ScaleCounts {
  regions: number;
  projects: number;
  progressReports: number;
  funds: number;
  allocations: number;
  disbursements: number;
  indicatorValues: number;
}

/** Yearly village indicators the generator fills, 2019–2024. */
const VILLAGE_INDICATORS = [
  "ADMIN_VILLAGES",
  "RESIDENT_POPULATION",
  "LABOUR_FORCE",
  "ARABLE_LAND",
  "VILLAGE_COLLECTIVE_INCOME",
  "REGISTERED_POOR_HOUSEHOLDS",
  "POOR_HOUSEHOLDS_OUT_OF_POVERTY",
  "POVERTY_ESCAPED_PERSONS",
  "POVERTY_ESCAPED_INCOME_PER_CAPITA",
  "MONITORED_HOUSEHOLDS_NEW",
  "MONITORED_PERSONS_NEW",
  "MONITORED_HOUSEHOLDS_RISK_ELIMINATED",
  "RURAL_SEWAGE_COVERAGE",
  "STREET_LIGHTS_INSTALLED",
] as const;
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const FUND_SOURCES = ["CENTRAL_BRIDGING", "FISCAL_SPECIAL", "BANK_LOAN", "SOCIAL_CAPITAL"] as const;

export async function generateScaleData(prisma: PrismaClient, options: ScaleOptions): Promise<ScaleCounts> {
  const {
    counties,
    seed,
    provinceDigits = "99",
    townsPerCounty = 10,
    villagesPerTown = 12,
    projectsPerCounty = 200,
    asOf = "2024-12",
  } = options;
  if (!Number.isInteger(counties) || counties < 1 || counties > 990)
    throw new Error(`--counties must be 1 to 990 (got ${counties})`);
  if (!/^\d{2}$/.test(provinceDigits)) throw new Error(`the province digits must be two digits (got ${provinceDigits})`);
  const provinceCode = `${provinceDigits}0000000000`;
  if (await prisma.region.findUnique({ where: { code: provinceCode } })) {
    throw new Error(`province ${provinceCode} already exists: generate into a fresh database or choose other province digits`);
  }
  const counts: ScaleCounts = {
    regions: 0,
    projects: 0,
    progressReports: 0,
    funds: 0,
    allocations: 0,
    disbursements: 0,
    indicatorValues: 0,
  };

  await prisma.$transaction(
    async (tx) => {
      await setActor(tx, "scale generator");
      if ((await tx.projectCategory.count()) === 0) await loadCatalog(tx);
      const categories = await tx.projectCategory.findMany({ where: { code: { in: PROJECT_CATEGORIES.map((c) => c.code) } } });
      const indicators = new Map(
        (await tx.indicator.findMany({ where: { code: { in: INDICATOR_DEFINITIONS.map((d) => d.code) } } })).map((i) => [
          i.code,
          i.id,
        ]),
      );
      const province = await tx.region.create({
        data: {
          code: provinceCode,
          codeIsOfficial: false,
          level: "PROVINCE",
          kind: "PROVINCE",
          nameZh: "示范省",
          nameEn: "Generated Province",
        },
      });
      counts.regions++;
      const prefectures = Math.ceil(counties / 10);
      const prefectureIds: number[] = [];
      for (let p = 1; p <= prefectures; p++) {
        const code = `${provinceDigits}${String(p).padStart(2, "0")}00000000`;
        const created = await tx.region.create({
          data: {
            code,
            codeIsOfficial: false,
            level: "PREFECTURE",
            kind: "PREFECTURE_CITY",
            nameZh: `示范市${p}`,
            nameEn: `Generated City ${p}`,
            parentId: province.id,
          },
        });
        prefectureIds.push(created.id);
        counts.regions++;
      }

      for (let c = 0; c < counties; c++) {
        const random = seededRandom((seed * 1_000_003 + c) >>> 0);
        const prefectureIndex = Math.floor(c / 10);
        const countyCode = `${provinceDigits}${String(prefectureIndex + 1).padStart(2, "0")}${String((c % 10) + 1).padStart(2, "0")}000000`;
        await generateCounty(tx, {
          random,
          countyCode,
          countyNumber: c + 1,
          prefectureId: prefectureIds[prefectureIndex]!,
          townsPerCounty,
          villagesPerTown,
          projectsPerCounty,
          asOf,
          categoryIds: categories.map((category) => category.id),
          indicators,
          counts,
        });
        options.onProgress?.({ countiesDone: c + 1, counties, rows: { ...counts } });
      }
    },
    { timeout: 6 * 60 * 60_000, maxWait: 60_000 },
  );
  // After a bulk load the planner's statistics still describe the empty tables, and it then
  // chooses nested loops over hundreds of thousands of rows.
  await prisma.$executeRawUnsafe("ANALYZE");
  return counts;
}

interface CountyPlan {
  random: () => number;
  countyCode: string;
  countyNumber: number;
  prefectureId: number;
  townsPerCounty: number;
  villagesPerTown: number;
  projectsPerCounty: number;
  asOf: string;
  categoryIds: number[];
  indicators: Map<string, number>;
  counts: ScaleCounts;
}

async function generateCounty(tx: DbClient, plan: CountyPlan): Promise<void> {
  const { random, countyCode, counts } = plan;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const label = String(plan.countyNumber).padStart(3, "0");

  // Regions, level by level: the trigger fills each path from its parent's.
  const county = await tx.region.create({
    data: {
      code: countyCode,
      codeIsOfficial: false,
      level: "COUNTY",
      kind: "COUNTY",
      nameZh: `示范县${label}`,
      nameEn: `Generated County ${label}`,
      parentId: plan.prefectureId,
    },
  });
  const towns = await tx.region.createManyAndReturn({
    data: Array.from({ length: plan.townsPerCounty }, (_, t) => ({
      code: `${countyCode.slice(0, 6)}${String(100 + t).padStart(3, "0")}000`,
      codeIsOfficial: false,
      level: "TOWNSHIP" as const,
      kind: "TOWN" as const,
      nameZh: `示范县${label}第${t + 1}镇`,
      nameEn: `Town ${t + 1} of County ${label}`,
      parentId: county.id,
    })),
    select: { id: true, code: true },
  });
  const villages = await tx.region.createManyAndReturn({
    data: towns.flatMap((town, t) =>
      Array.from({ length: plan.villagesPerTown }, (_, v) => ({
        code: `${town.code.slice(0, 9)}${String(200 + v).padStart(3, "0")}`,
        codeIsOfficial: false,
        level: "VILLAGE" as const,
        kind: "VILLAGE" as const,
        nameZh: `示范县${label}第${t + 1}镇${v + 1}村`,
        nameEn: `Village ${v + 1}, Town ${t + 1}, County ${label}`,
        parentId: town.id,
      })),
    ),
    select: { id: true },
  });
  counts.regions += 1 + towns.length + villages.length;
  const placeIds = [county.id, ...towns.map((t) => t.id), ...villages.map((v) => v.id)];

  // Projects: about one in ten is split into two or three phases.
  interface PlannedProject {
    code: string;
    total: Prisma.Decimal;
    start: { year: number; month: number };
    months: number;
    status: ProjectStatus;
    parentCode?: string;
    phaseNumber?: number;
    regionId: number;
    categoryId: number;
  }
  const planned: PlannedProject[] = [];
  const asOf = parsePeriod(plan.asOf);
  while (planned.length < plan.projectsPerCounty) {
    const code = `SCALE-${countyCode.slice(0, 6)}-${String(planned.length + 1).padStart(4, "0")}`;
    const regionId = pick(placeIds);
    const categoryId = pick(plan.categoryIds);
    const total = new Prisma.Decimal(Math.round(Math.exp(13 + random() * 6)) * 100);
    const start = { year: 2019 + Math.floor(random() * 5), month: 1 + Math.floor(random() * 12) };
    const months = 12 + Math.floor(random() * 31);
    const status = statusAt(start, months, asOf.year, asOf.index ?? 12, random);
    const phases = random() < 0.1 ? 2 + Math.floor(random() * 2) : 0;
    planned.push({ code, total, start, months, status, regionId, categoryId });
    for (let p = 1; p <= phases && planned.length < plan.projectsPerCounty; p++) {
      planned.push({
        code: `${code}-${p}`,
        total: total.dividedBy(phases + 1).toDecimalPlaces(2),
        start: { year: start.year, month: start.month },
        months,
        status,
        parentCode: code,
        phaseNumber: p,
        regionId,
        categoryId,
      });
    }
  }
  const projectRow = (p: PlannedProject, parentId: number | null) => {
    const nameZh = p.parentCode ? `示范项目${p.parentCode.slice(-4)}第${p.phaseNumber}期` : `示范项目${p.code.slice(-4)}`;
    return {
      code: p.code,
      nameZh,
      searchPinyin: pinyinSearchKey(nameZh),
      categoryId: p.categoryId,
      status: p.status,
      regionId: p.regionId,
      parentId,
      phaseNumber: p.phaseNumber ?? null,
      totalInvestment: p.total,
      plannedStart: new Date(Date.UTC(p.start.year, p.start.month - 1, 1)),
      plannedFinish: new Date(Date.UTC(p.start.year, p.start.month - 1 + p.months, 0)),
      source: "generated",
    };
  };
  const parents = await tx.project.createManyAndReturn({
    data: planned.filter((p) => !p.parentCode).map((p) => projectRow(p, null)),
    select: { id: true, code: true },
  });
  const idByCode = new Map(parents.map((p) => [p.code, p.id]));
  const phases = await tx.project.createManyAndReturn({
    data: planned.filter((p) => p.parentCode).map((p) => projectRow(p, idByCode.get(p.parentCode!)!)),
    select: { id: true, code: true },
  });
  for (const phase of phases) idByCode.set(phase.code, phase.id);
  counts.projects += planned.length;

  // Monthly progress from each project's start to its finish or the as-of month.
  const reports: {
    project_id: number;
    period: string;
    period_start: string;
    period_end: string;
    completed_investment: Prisma.Decimal | null;
    physical_progress: Prisma.Decimal | null;
    reported_by: string;
  }[] = [];
  for (const project of planned) {
    if (project.status === "PLANNED") continue;
    const from = monthKey(project.start.year, project.start.month);
    const finishIndex = project.start.year * 12 + project.start.month - 1 + project.months - 1;
    const lastIndex = Math.min(finishIndex, asOf.year * 12 + (asOf.index ?? 12) - 1);
    const to = monthKey(Math.floor(lastIndex / 12), (lastIndex % 12) + 1);
    const done = project.status === "COMPLETED" || project.status === "ACCEPTED";
    const share = done
      ? 1
      : Math.min(0.98, (lastIndex - (finishIndex - project.months + 1) + 1) / project.months) * (0.7 + random() * 0.3);
    const history = monthlyProgressHistory({
      from,
      to,
      finalCompletedInvestment: project.total.times(share).toDecimalPlaces(2),
      finalPhysicalProgress: new Prisma.Decimal(Math.min(100, share * 100 + (random() - 0.5) * 10)).toDecimalPlaces(1),
      seedText: project.code,
    });
    const projectId = idByCode.get(project.code)!;
    for (const month of history) {
      const period = parsePeriod(month.period);
      reports.push({
        project_id: projectId,
        period: month.period,
        period_start: period.start,
        period_end: period.end,
        completed_investment: month.completedInvestment,
        physical_progress: month.physicalProgress?.clamp(0, 100) ?? null,
        reported_by: "generated",
      });
    }
  }
  counts.progressReports += await bulkInsert(
    tx,
    "progress_report",
    {
      project_id: "int",
      period: "text",
      period_start: "date",
      period_end: "date",
      completed_investment: "numeric",
      physical_progress: "numeric",
      reported_by: "text",
    },
    reports,
  );

  // Funds: four sources a year, each sized to cover what it is allocated, paid quarterly.
  const fundable = planned.filter((p) => !p.parentCode);
  for (const year of YEARS) {
    for (const sourceType of FUND_SOURCES) {
      const recipients = fundable.filter((p) => p.start.year === year && random() < 0.35);
      if (recipients.length === 0) continue;
      const shares = recipients.map((p) => p.total.times(0.2 + random() * 0.5).toDecimalPlaces(2));
      const allocated = shares.reduce((sum, amount) => sum.plus(amount), new Prisma.Decimal(0));
      const fund = await tx.fund.create({
        data: {
          code: `SCALE-F-${countyCode.slice(0, 6)}-${year}-${sourceType}`,
          nameZh: `示范县${label}${year}年资金`,
          sourceType,
          level: sourceType === "CENTRAL_BRIDGING" ? "CENTRAL" : sourceType === "FISCAL_SPECIAL" ? "COUNTY" : "NON_GOVERNMENT",
          year,
          startYear: year,
          regionId: county.id,
          amount: allocated.times(1 + random() * 0.3).toDecimalPlaces(2),
          performanceGrade: pick(["A", "A", "B", "C"] as const),
        },
      });
      counts.funds++;
      const allocations = await tx.fundAllocation.createManyAndReturn({
        data: recipients.map((project, i) => ({
          fundId: fund.id,
          projectId: idByCode.get(project.code)!,
          amount: shares[i]!,
          allocatedOn: new Date(Date.UTC(year, project.start.month - 1, 1)),
        })),
        select: { id: true, amount: true, allocatedOn: true },
      });
      counts.allocations += allocations.length;
      const payments = allocations.flatMap((allocation) => {
        const instalments = 1 + Math.floor(random() * 4);
        const paidShare = 0.5 + random() * 0.5;
        const each = allocation.amount.times(paidShare).dividedBy(instalments).toDecimalPlaces(2, Prisma.Decimal.ROUND_DOWN);
        if (each.lessThanOrEqualTo(0)) return [];
        return Array.from({ length: instalments }, (_, i) => ({
          allocation_id: allocation.id,
          amount: each,
          paid_on: new Date(allocation.allocatedOn.getTime() + (i + 1) * 90 * 86_400_000),
        }));
      });
      counts.disbursements += await bulkInsert(
        tx,
        "disbursement",
        { allocation_id: "int", amount: "numeric", paid_on: "date" },
        payments,
      );
    }
  }

  // Yearly village indicators.
  const values: {
    indicator_id: number;
    region_id: number;
    period: string;
    period_start: string;
    period_end: string;
    value: number;
    target: number | null;
    reported_by: string;
  }[] = [];
  for (const village of villages) {
    const population = 800 + Math.floor(random() * 2500);
    const poorHouseholds = Math.floor(population / 3.5 / 10 + random() * 30);
    let coverage = random() * 60;
    for (const year of YEARS) {
      coverage = Math.min(100, coverage + random() * 15);
      const figures: Record<(typeof VILLAGE_INDICATORS)[number], number> = {
        ADMIN_VILLAGES: 1,
        RESIDENT_POPULATION: population + Math.floor((random() - 0.5) * 40),
        LABOUR_FORCE: Math.floor(population * (0.4 + random() * 0.1)),
        ARABLE_LAND: Math.floor(population * (1.5 + random())),
        VILLAGE_COLLECTIVE_INCOME: Math.floor(20_000 + (year - 2018) * random() * 30_000),
        REGISTERED_POOR_HOUSEHOLDS: poorHouseholds,
        POOR_HOUSEHOLDS_OUT_OF_POVERTY: year >= 2020 ? poorHouseholds : Math.floor(poorHouseholds * random()),
        POVERTY_ESCAPED_PERSONS: Math.floor(poorHouseholds * 3.3),
        POVERTY_ESCAPED_INCOME_PER_CAPITA: Math.floor(9_000 + (year - 2019) * 1_800 + random() * 3_000),
        MONITORED_HOUSEHOLDS_NEW: Math.floor(random() * 4),
        MONITORED_PERSONS_NEW: Math.floor(random() * 12),
        MONITORED_HOUSEHOLDS_RISK_ELIMINATED: Math.floor(random() * 3),
        RURAL_SEWAGE_COVERAGE: Math.round(coverage * 10) / 10,
        STREET_LIGHTS_INSTALLED: Math.floor(random() * 60),
      };
      const period = parsePeriod(String(year));
      for (const code of VILLAGE_INDICATORS) {
        values.push({
          indicator_id: plan.indicators.get(code)!,
          region_id: village.id,
          period: period.key,
          period_start: period.start,
          period_end: period.end,
          value: figures[code],
          target: code === "RURAL_SEWAGE_COVERAGE" ? 90 : null,
          reported_by: "generated",
        });
      }
    }
  }
  counts.indicatorValues += await bulkInsert(
    tx,
    "indicator_value",
    {
      indicator_id: "int",
      region_id: "int",
      period: "text",
      period_start: "date",
      period_end: "date",
      value: "numeric",
      target: "numeric",
      reported_by: "text",
    },
    values,
  );
}

function statusAt(
  start: { year: number; month: number },
  months: number,
  year: number,
  month: number,
  random: () => number,
): ProjectStatus {
  const elapsed = (year - start.year) * 12 + (month - start.month) + 1;
  if (elapsed <= 0) return "PLANNED";
  if (elapsed >= months) return random() < 0.5 ? "ACCEPTED" : "COMPLETED";
  return elapsed < 2 ? "STARTED" : "IN_PROGRESS";
}
