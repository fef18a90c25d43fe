import { refusal, ValidationError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import { recordDisbursement } from "../funds/funds.service.js";
import type { DeliveryModel, ProjectStatus } from "../generated/prisma/client.js";
import { recordIndicatorValue } from "../indicators/indicators.service.js";
import { createProject } from "../projects/projects.service.js";
import { dateCell } from "./cell-values.js";
import type { ImportColumn, ImportKind, ImportRun, ParsedRow } from "./import-kind.js";

/**
 * Imports whose rows are few enough (hundreds of projects, thousands of payments or indicator
 * values) to go through the same service as the dashboard's form, one row at a time: every rule
 * is the form's rule, and a row's refusal names the same fields, shown here as the file's columns.
 */
export function rowByRowImport(
  definition: Pick<ImportKind, "name" | "titleZh" | "columns" | "exportRows">,
  importRow: (tx: DbClient, values: Record<string, string | null>, run: ImportRun, row: number) => Promise<boolean>,
  /** Service field names that are not column keys. */
  fieldColumns: Record<string, string> = {},
): ImportKind {
  const keys = new Set(definition.columns.map((column) => column.key));
  return {
    ...definition,
    start: (tx, run) => async (rows: ParsedRow[]) => {
      for (const { row, values } of rows) {
        try {
          if (await importRow(tx, values, run, row)) run.written(1);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          for (const issue of error.issues) {
            const field = fieldColumns[issue.field] ?? issue.field.split(".")[0]!;
            run.problem(row, keys.has(field) ? field : null, issue);
          }
        }
      }
    },
  };
}

export const column = (
  key: string,
  header: string,
  type: ImportColumn["type"],
  hint: string,
  example: string,
  { required = false, aliases }: { required?: boolean; aliases?: string[] } = {},
): ImportColumn => ({ key, header, type, hint, example, required, ...(aliases ? { aliases } : {}) });

const STATUS_NAMES: Record<string, ProjectStatus> = {
  规划: "PLANNED",
  开工: "STARTED",
  在建: "IN_PROGRESS",
  完工: "COMPLETED",
  验收: "ACCEPTED",
  已验收: "ACCEPTED",
};
const DELIVERY_NAMES: Record<string, DeliveryModel> = {
  政府投资: "GOVERNMENT",
  PPP: "PPP",
  企业投资: "ENTERPRISE",
  村集体: "COLLECTIVE",
};
const STATUS_TEXT: Record<ProjectStatus, string> = {
  PLANNED: "规划",
  STARTED: "开工",
  IN_PROGRESS: "在建",
  COMPLETED: "完工",
  ACCEPTED: "验收",
};

/** Whether the row's region may be edited by the importer; reports the row when not. */
export async function regionEditable(
  tx: DbClient,
  regionCode: string | null | undefined,
  run: ImportRun,
  row: number,
): Promise<boolean> {
  const region = regionCode ? await tx.region.findUnique({ where: { code: regionCode } }) : null;
  if (region && !run.mayEdit(region.path)) {
    run.problem(row, "regionCode", refusal("OUTSIDE_YOUR_REGIONS", { what: region.nameZh, capability: "edit" }));
    return false;
  }
  return true;
}

export const projectsImport = rowByRowImport(
  {
    name: "projects",
    titleZh: "项目",
    columns: [
      column("code", "项目编码", "code", "唯一编码。", "CG-2025-001", { required: true, aliases: ["项目代码"] }),
      column("nameZh", "项目名称", "text", "与立项批复一致。", "平庄镇产业路硬化工程", { required: true }),
      column("nameEn", "英文名称", "text", "可不填。", ""),
      column("categoryCode", "项目类别", "code", "项目类别的编码或中文名称。", "RURAL_ROADS", { required: true }),
      column("status", "项目状态", "text", "规划、开工、在建、完工或验收。", "在建", { required: true, aliases: ["状态"] }),
      column("deliveryModel", "建设模式", "text", "政府投资（默认）、PPP、企业投资或村集体。", "政府投资"),
      column("regionCode", "区划代码", "code", "所属县、乡镇或村的 12 位区划代码。", "522626107000", { required: true }),
      column("parentCode", "上级项目编码", "code", "分期项目填写总项目的编码。", ""),
      column("phaseNumber", "期次", "number", "分期项目填写期次：一期填 1，二期填 2。", ""),
      column("totalInvestment", "总投资（元）", "amount", "单位元；也可写 1298万、1.3亿。", "3500000", {
        required: true,
        aliases: ["总投资"],
      }),
      column("plannedStart", "计划开工日期", "date", "日期，如 2025-03-01。", "2025-03-01"),
      column("plannedFinish", "计划完工日期", "date", "日期，如 2025-03-01。", "2025-12-31"),
      column("actualStart", "实际开工日期", "date", "日期，如 2025-03-01。", ""),
      column("actualFinish", "实际完工日期", "date", "日期，如 2025-03-01。", ""),
      column("description", "建设内容", "text", "建设内容。", "硬化产业路3.2公里"),
      column("source", "资料来源", "text", "文件文号等来源。", "岑发改〔2025〕12号"),
    ],
    exportRows: async function* (db, regionId) {
      const projects = await db.project.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ code: "asc" }],
        include: { category: true, region: true, parent: { select: { code: true } } },
      });
      for (const p of projects) {
        yield {
          code: p.code,
          nameZh: p.nameZh,
          nameEn: p.nameEn,
          categoryCode: p.category.code,
          status: STATUS_TEXT[p.status],
          deliveryModel: Object.entries(DELIVERY_NAMES).find(([, model]) => model === p.deliveryModel)?.[0] ?? p.deliveryModel,
          regionCode: p.region.code,
          parentCode: p.parent?.code ?? null,
          phaseNumber: p.phaseNumber === null ? null : String(p.phaseNumber),
          totalInvestment: p.totalInvestment.toFixed(2),
          plannedStart: dateCell(p.plannedStart),
          plannedFinish: dateCell(p.plannedFinish),
          actualStart: dateCell(p.actualStart),
          actualFinish: dateCell(p.actualFinish),
          description: p.description,
          source: p.source,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    const category = values.categoryCode
      ? await tx.projectCategory.findFirst({ where: { OR: [{ code: values.categoryCode }, { nameZh: values.categoryCode }] } })
      : null;
    await createProject(tx, {
      code: values.code ?? "",
      nameZh: values.nameZh ?? "",
      nameEn: values.nameEn ?? null,
      description: values.description ?? null,
      categoryCode: category?.code ?? values.categoryCode ?? "",
      status: STATUS_NAMES[values.status ?? ""] ?? ((values.status ?? "").toUpperCase() as ProjectStatus),
      deliveryModel: values.deliveryModel
        ? (DELIVERY_NAMES[values.deliveryModel] ?? (values.deliveryModel.toUpperCase() as DeliveryModel))
        : "GOVERNMENT",
      regionCode: values.regionCode ?? "",
      parentCode: values.parentCode ?? null,
      phaseNumber: values.phaseNumber ? Number(values.phaseNumber) : null,
      totalInvestment: values.totalInvestment ?? "",
      plannedStart: values.plannedStart ?? null,
      plannedFinish: values.plannedFinish ?? null,
      actualStart: values.actualStart ?? null,
      actualFinish: values.actualFinish ?? null,
      source: values.source ?? null,
    });
    return true;
  },
);

export const indicatorValuesImport = rowByRowImport(
  {
    name: "indicator-values",
    titleZh: "指标数据",
    columns: [
      column("indicatorCode", "指标编码", "code", "指标在 Revita 中的编码。", "MAJOR_PROJECTS_STARTED", {
        required: true,
      }),
      column("regionCode", "区划代码", "code", "地区的 12 位区划代码。", "522626107000", { required: true }),
      column("period", "报告期", "period", "年 2024、季 2024Q2 或月 2024-06。", "2024", { required: true }),
      column("value", "数值", "number", "按指标的计量单位填写。", "12", { required: true, aliases: ["指标值"] }),
      column("target", "目标值", "number", "可不填。", "15"),
      column("baseline", "基期值", "number", "可不填。", "8"),
      column("note", "备注", "text", "数字的限定说明，如“≥”“约”。", ""),
      column("source", "来源", "text", "数据来源。", "县统计局"),
    ],
    exportRows: async function* (db, regionId) {
      const values = await db.indicatorValue.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ periodEnd: "asc" }, { id: "asc" }],
        include: { indicator: { select: { code: true } }, region: { select: { code: true } } },
      });
      for (const v of values) {
        yield {
          indicatorCode: v.indicator.code,
          regionCode: v.region.code,
          period: v.period,
          value: v.value.toFixed(),
          target: v.target?.toFixed() ?? null,
          baseline: v.baseline?.toFixed() ?? null,
          note: v.note,
          source: v.source,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    await recordIndicatorValue(tx, {
      indicatorCode: values.indicatorCode ?? "",
      regionCode: values.regionCode ?? "",
      period: values.period ?? "",
      value: values.value ?? "",
      target: values.target ?? null,
      baseline: values.baseline ?? null,
      note: values.note ?? null,
      source: values.source ?? null,
      reportedBy: run.author.name,
    });
    return true;
  },
);

export const disbursementsImport = rowByRowImport(
  {
    name: "disbursements",
    titleZh: "资金拨付",
    columns: [
      column("fundCode", "资金编码", "code", "拨付所出自的资金编码。", "CG-F-2019-ZXLY", { required: true }),
      column("projectCode", "项目编码", "code", "收款项目编码；该项目须已从该资金安排过资金。", "CG-FH-CBSTD", {
        required: true,
      }),
      column("amount", "拨付金额（元）", "amount", "单位元；也可写 1298万。", "500000", {
        required: true,
        aliases: ["拨付金额", "金额"],
      }),
      column("paidOn", "拨付日期", "date", "日期，如 2025-03-01。", "2024-06-15", { required: true }),
      column("voucherNo", "凭证号", "text", "支付凭证号。", "记-0615"),
      column("note", "备注", "text", "备注。", ""),
    ],
    exportRows: async function* (db, regionId) {
      const payments = await db.disbursement.findMany({
        where: { allocation: { project: { region: { path: { has: regionId } } } } },
        orderBy: [{ paidOn: "asc" }, { id: "asc" }],
        include: { allocation: { include: { fund: { select: { code: true } }, project: { select: { code: true } } } } },
      });
      for (const d of payments) {
        yield {
          fundCode: d.allocation.fund.code,
          projectCode: d.allocation.project.code,
          amount: d.amount.toFixed(2),
          paidOn: dateCell(d.paidOn),
          voucherNo: d.voucherNo,
          note: d.note,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    const allocations = await tx.fundAllocation.findMany({
      where: { fund: { code: values.fundCode ?? "" }, project: { code: values.projectCode ?? "" } },
      include: { project: { select: { region: { select: { path: true } } } } },
    });
    if (allocations.length !== 1) {
      const project = values.projectCode ?? "";
      const fund = values.fundCode ?? "";
      run.problem(
        row,
        "projectCode",
        allocations.length
          ? refusal("SEVERAL_ALLOCATIONS", { project, count: allocations.length, fund })
          : refusal("NO_ALLOCATION", { project, fund }),
      );
      return false;
    }
    const allocation = allocations[0]!;
    if (!run.mayEdit(allocation.project.region.path)) {
      run.problem(row, "projectCode", refusal("OUTSIDE_YOUR_REGIONS", { what: values.projectCode ?? "", capability: "edit" }));
      return false;
    }
    await recordDisbursement(tx, {
      allocationId: allocation.id,
      amount: values.amount ?? "",
      paidOn: values.paidOn ?? "",
      voucherNo: values.voucherNo ?? null,
      note: values.note ?? null,
    });
    return true;
  },
  { allocationId: "projectCode" },
);
