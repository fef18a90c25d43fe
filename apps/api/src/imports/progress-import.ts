import { parsePeriod } from "@revita/schema/period";
import { type Refusal, refusal } from "../common/errors.js";
import { bulkInsert } from "../db/bulk-insert.js";
import type { DbClient } from "../db/database.js";
import { Prisma } from "../generated/prisma/client.js";
import type { ImportKind, ImportRun, ParsedRow } from "./import-kind.js";

/**
 * 项目进度 from a file, checked as reportProgress checks one report, but a chunk at a time: the
 * projects of a chunk are read in one statement, the neighbouring reports, duplicates and locks of
 * every row in another, and the good rows are written with one insert. 100,000 rows take about
 * fifty statements, not half a million.
 */
export const progressImport: ImportKind = {
  name: "progress",
  titleZh: "项目进度",
  columns: [
    {
      key: "projectCode",
      header: "项目编码",
      aliases: ["项目代码"],
      required: true,
      type: "code",
      hint: "项目（或分期）在 Revita 中的编码。",
      example: "CG-FH-CBSTD-3",
    },
    {
      key: "period",
      header: "报告期",
      aliases: ["填报期", "月份"],
      required: true,
      type: "period",
      hint: "月 2024-06、季 2024Q2 或年 2024；也可写 2024年6月、2024年第二季度。",
      example: "2024-06",
    },
    {
      key: "completedInvestment",
      header: "累计完成投资（元）",
      aliases: ["累计完成投资"],
      required: false,
      type: "amount",
      hint: "截至期末的累计数，单位元；也可写 1298万、1.3亿、12,980,000。",
      example: "39800000",
    },
    {
      key: "physicalProgress",
      header: "形象进度（%）",
      aliases: ["工程形象进度", "形象进度"],
      required: false,
      type: "percent",
      hint: "0 到 100，写 98 或 98%。",
      example: "98",
    },
    {
      key: "overBudgetReason",
      header: "超概算说明",
      required: false,
      type: "text",
      hint: "累计完成投资超过总投资时必填。",
      example: "",
    },
    {
      key: "correctionReason",
      header: "更正说明",
      required: false,
      type: "text",
      hint: "累计数低于上期时必填，说明更正原因。",
      example: "",
    },
    { key: "note", header: "备注", required: false, type: "text", hint: "本期完成的建设内容等。", example: "主体工程完工" },
  ],
  start: startProgressImport,
  exportRows: exportProgress,
};

interface ProjectFacts {
  id: number;
  code: string;
  nameZh: string;
  totalInvestment: Prisma.Decimal;
  editable: boolean;
}

interface CheckedReport {
  row: number;
  project: ProjectFacts;
  period: string;
  start: string;
  end: string;
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
  overBudgetReason: string | null;
  correctionReason: string | null;
  note: string | null;
}

interface Neighbours {
  row: number;
  duplicate: boolean;
  lockedBy: string | null;
  previousPeriod: string | null;
  previousEnd: Date | null;
  previousInvestment: Prisma.Decimal | null;
  previousProgress: Prisma.Decimal | null;
  nextPeriod: string | null;
  nextStart: Date | null;
  nextInvestment: Prisma.Decimal | null;
  nextProgress: Prisma.Decimal | null;
  nextCorrected: boolean;
}

function startProgressImport(tx: DbClient, run: ImportRun) {
  const projects = new Map<string, ProjectFacts | null>();
  /** project id + period → the row that reports it, to name duplicates within the file. */
  const reportedIn = new Map<string, number>();

  return async (rows: ParsedRow[]) => {
    const unknown = [
      ...new Set(rows.map((r) => r.values.projectCode).filter((code): code is string => !!code && !projects.has(code))),
    ];
    if (unknown.length) {
      const found = await tx.project.findMany({
        where: { code: { in: unknown } },
        select: { id: true, code: true, nameZh: true, totalInvestment: true, region: { select: { path: true } } },
      });
      for (const code of unknown) projects.set(code, null);
      for (const project of found) {
        projects.set(project.code, { ...project, editable: run.mayEdit(project.region.path) });
      }
    }

    const checked: CheckedReport[] = [];
    for (const { row, values } of rows) {
      const code = values.projectCode;
      const project = code ? projects.get(code) : undefined;
      let ok = true;
      const fail = (column: string | null, problem: Refusal) => {
        run.problem(row, column, problem);
        ok = false;
      };
      if (code && !project) fail("projectCode", refusal("NO_SUCH_PROJECT_READABLE", { code }));
      if (project && !project.editable) fail("projectCode", refusal("OUTSIDE_YOUR_REGIONS", { what: code!, capability: "edit" }));
      const completedInvestment = values.completedInvestment ? new Prisma.Decimal(values.completedInvestment) : null;
      const physicalProgress = values.physicalProgress ? new Prisma.Decimal(values.physicalProgress) : null;
      if (completedInvestment === null && physicalProgress === null) {
        fail("completedInvestment", refusal("NO_FIGURES"));
      }
      if (project && completedInvestment?.greaterThan(project.totalInvestment) && !values.overBudgetReason) {
        fail(
          "completedInvestment",
          refusal("EXCEEDS_TOTAL_INVESTMENT", {
            value: completedInvestment.toFixed(2),
            total: project.totalInvestment.toFixed(2),
            project: project.nameZh,
          }),
        );
      }
      for (const key of ["overBudgetReason", "correctionReason", "note"]) {
        if ((values[key]?.length ?? 0) > 2000) fail(key, refusal("TOO_LONG", { max: 2000 }));
      }
      if (project && values.period) {
        const key = `${project.id}|${values.period}`;
        const earlier = reportedIn.get(key);
        if (earlier !== undefined)
          fail("period", refusal("DUPLICATE_ROW", { row: earlier, project: project.code, period: values.period }));
        else reportedIn.set(key, row);
      }
      if (!ok || !project || !values.period) continue;
      const { start, end } = parsePeriod(values.period);
      checked.push({
        row,
        project,
        period: values.period,
        start,
        end,
        completedInvestment,
        physicalProgress,
        overBudgetReason: values.overBudgetReason ?? null,
        correctionReason: values.correctionReason ?? null,
        note: values.note ?? null,
      });
    }
    if (!checked.length) return;

    const neighbours = await neighboursOf(tx, checked);
    const good = checkAgainstNeighbours(checked, neighbours, run);
    if (!good.length) return;
    run.written(
      await bulkInsert(
        tx,
        "progress_report",
        {
          project_id: "int",
          period: "text",
          period_start: "date",
          period_end: "date",
          completed_investment: "numeric",
          physical_progress: "numeric",
          over_budget_reason: "text",
          correction_reason: "text",
          note: "text",
          reported_by: "text",
        },
        good.map((report) => ({
          project_id: report.project.id,
          period: report.period,
          period_start: report.start,
          period_end: report.end,
          completed_investment: report.completedInvestment,
          physical_progress: report.physicalProgress,
          over_budget_reason: report.overBudgetReason,
          correction_reason: report.correctionReason,
          note: report.note,
          reported_by: run.author.name,
        })),
      ),
    );
  };
}

/**
 * For every checked row, in one statement: whether its period is already reported, which
 * approval locks it, and the reports just before and after it (which include the rows of earlier
 * chunks, already written in this transaction).
 */
async function neighboursOf(tx: DbClient, reports: CheckedReport[]): Promise<Map<number, Neighbours>> {
  const parameters = [
    reports.map((r) => r.row),
    reports.map((r) => r.project.id),
    reports.map((r) => r.period),
    reports.map((r) => r.start),
    reports.map((r) => r.end),
  ];
  const incoming = `unnest($1::int[], $2::int[], $3::text[], $4::date[], $5::date[]) AS i(row, project_id, period, period_start, period_end)`;
  // Two statements, not one: on PostgreSQL 15 the combined statement took 2 s a chunk where
  // its halves take 0.1 s each (measured with scripts/bench-import.ts).
  const [standing, around] = await Promise.all([
    tx.$queryRawUnsafe<Pick<Neighbours, "row" | "duplicate" | "lockedBy">[]>(
      `SELECT i.row, d.id IS NOT NULL AS duplicate,
              revita_locking_approval('PROGRESS', p.region_id, i.period_start, i.period_end) AS "lockedBy"
         FROM ${incoming}
         JOIN project p ON p.id = i.project_id
         -- A lateral lookup, not EXISTS: PostgreSQL turned EXISTS into a scan of the whole table
         -- for every chunk, which grew with each chunk the import had already written.
         LEFT JOIN LATERAL (SELECT r.id FROM progress_report r
                             WHERE r.project_id = i.project_id AND r.period = i.period LIMIT 1) d ON true`,
      ...parameters,
    ),
    tx.$queryRawUnsafe<Omit<Neighbours, "duplicate" | "lockedBy">[]>(
      `SELECT i.row,
              prev.period AS "previousPeriod", prev.period_end AS "previousEnd",
              prev.completed_investment AS "previousInvestment", prev.physical_progress AS "previousProgress",
              next.period AS "nextPeriod", next.period_start AS "nextStart",
              next.completed_investment AS "nextInvestment", next.physical_progress AS "nextProgress",
              coalesce(next.correction_reason, '') <> '' AS "nextCorrected"
         FROM ${incoming}
         LEFT JOIN LATERAL (SELECT r.period, r.period_end, r.completed_investment, r.physical_progress FROM progress_report r
                             WHERE r.project_id = i.project_id AND r.period_end < i.period_start
                             ORDER BY r.period_end DESC LIMIT 1) prev ON true
         LEFT JOIN LATERAL (SELECT r.period, r.period_start, r.completed_investment, r.physical_progress, r.correction_reason
                              FROM progress_report r
                             -- period_end, not period_start, so that the index on (project_id, period_end)
                             -- finds it in one step instead of reading the project's every report.
                             WHERE r.project_id = i.project_id AND r.period_end > i.period_end
                             ORDER BY r.period_end ASC LIMIT 1) next ON true`,
      ...parameters,
    ),
  ]);
  const byRow = new Map(standing.map((row) => [row.row, row]));
  const rows = around.map((row) => ({ ...row, ...byRow.get(row.row)! }));
  return new Map(rows.map((row) => [row.row, row]));
}

/**
 * Cumulative figures only fall with a correction reason. Each row is compared with the report
 * before it and after it, whether that one is already stored or another row of this chunk.
 */
function checkAgainstNeighbours(reports: CheckedReport[], neighbours: Map<number, Neighbours>, run: ImportRun): CheckedReport[] {
  const byProject = new Map<number, CheckedReport[]>();
  for (const report of reports) byProject.set(report.project.id, [...(byProject.get(report.project.id) ?? []), report]);
  const bad = new Set<number>();
  const fail = (row: number, column: string | null, problem: Refusal) => {
    run.problem(row, column, problem);
    bad.add(row);
  };
  for (const sameProject of byProject.values()) {
    sameProject.sort((a, b) => a.end.localeCompare(b.end));
    sameProject.forEach((report, index) => {
      const stored = neighbours.get(report.row)!;
      if (stored.duplicate) {
        fail(
          report.row,
          "period",
          refusal("ALREADY_REPORTED_IN_REVITA", { project: report.project.code, period: report.period }),
        );
      }
      if (stored.lockedBy) {
        fail(report.row, "period", refusal("PERIOD_LOCKED", { period: report.period, lockedBy: stored.lockedBy }));
      }
      // A period already reported is one problem, not also a wrong figure.
      if (stored.duplicate) return;
      const inFile = index > 0 ? sameProject[index - 1] : undefined;
      const storedEnd = stored.previousEnd?.toISOString().slice(0, 10);
      const previous =
        inFile && (!storedEnd || inFile.end > storedEnd)
          ? { period: inFile.period, investment: inFile.completedInvestment, progress: inFile.physicalProgress }
          : { period: stored.previousPeriod, investment: stored.previousInvestment, progress: stored.previousProgress };
      if (!report.correctionReason && previous.period) {
        if (
          report.completedInvestment &&
          previous.investment &&
          new Prisma.Decimal(previous.investment).greaterThan(report.completedInvestment)
        ) {
          fail(
            report.row,
            "completedInvestment",
            refusal("BELOW_EARLIER_INVESTMENT", {
              value: report.completedInvestment.toFixed(2),
              period: previous.period,
              earlier: new Prisma.Decimal(previous.investment).toFixed(2),
            }),
          );
        }
        if (
          report.physicalProgress &&
          previous.progress &&
          new Prisma.Decimal(previous.progress).greaterThan(report.physicalProgress)
        ) {
          fail(
            report.row,
            "physicalProgress",
            refusal("BELOW_EARLIER_PROGRESS", {
              value: report.physicalProgress.toFixed(2),
              period: previous.period,
              earlier: new Prisma.Decimal(previous.progress).toFixed(2),
            }),
          );
        }
      }
      // A stored later report must not fall below this one either (unless it says why).
      const laterInFile = sameProject[index + 1];
      const nextStart = stored.nextStart?.toISOString().slice(0, 10);
      if (stored.nextPeriod && !stored.nextCorrected && (!laterInFile || (nextStart && nextStart < laterInFile.start))) {
        if (
          report.completedInvestment &&
          stored.nextInvestment &&
          report.completedInvestment.greaterThan(stored.nextInvestment)
        ) {
          fail(
            report.row,
            "completedInvestment",
            refusal("ABOVE_LATER_INVESTMENT", {
              value: report.completedInvestment.toFixed(2),
              later: new Prisma.Decimal(stored.nextInvestment).toFixed(2),
              period: stored.nextPeriod,
            }),
          );
        }
        if (report.physicalProgress && stored.nextProgress && report.physicalProgress.greaterThan(stored.nextProgress)) {
          fail(
            report.row,
            "physicalProgress",
            refusal("ABOVE_LATER_PROGRESS", {
              value: report.physicalProgress.toFixed(2),
              later: new Prisma.Decimal(stored.nextProgress).toFixed(2),
              period: stored.nextPeriod,
            }),
          );
        }
      }
    });
  }
  return reports.filter((report) => !bad.has(report.row));
}

const EXPORT_PAGE = 5000;

async function* exportProgress(db: DbClient, regionId: number): AsyncIterable<Record<string, string | null>> {
  let afterId = 0;
  for (;;) {
    const page = await db.progressReport.findMany({
      where: { id: { gt: afterId }, project: { region: { path: { has: regionId } } } },
      orderBy: { id: "asc" },
      take: EXPORT_PAGE,
      select: {
        id: true,
        period: true,
        completedInvestment: true,
        physicalProgress: true,
        overBudgetReason: true,
        correctionReason: true,
        note: true,
        project: { select: { code: true } },
      },
    });
    for (const report of page) {
      yield {
        projectCode: report.project.code,
        period: report.period,
        completedInvestment: report.completedInvestment?.toFixed(2) ?? null,
        physicalProgress: report.physicalProgress?.toFixed(2) ?? null,
        overBudgetReason: report.overBudgetReason,
        correctionReason: report.correctionReason,
        note: report.note,
      };
    }
    if (page.length < EXPORT_PAGE) return;
    afterId = page.at(-1)!.id;
  }
}
