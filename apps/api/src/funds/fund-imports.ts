import { refusal } from "../common/errors.js";
import type { FundLevel, FundSourceType } from "../generated/prisma/client.js";
import { dateCell, parseAmount } from "../imports/cell-values.js";
import { column, regionEditable, rowByRowImport } from "../imports/record-imports.js";
import { allocateFund, createFund, FUND_LEVELS, FUND_SOURCE_TYPES } from "./funds.service.js";

/** 资金来源 as a finance bureau's ledger names it; the schema's names are accepted too. */
const SOURCE_NAMES: Record<FundSourceType, string> = {
  CENTRAL_BRIDGING: "中央衔接资金",
  FISCAL_SPECIAL: "财政专项",
  BANK_LOAN: "融资贷款",
  SELF_RAISED: "自筹",
  SOCIAL_CAPITAL: "社会资本",
  POVERTY_MICROCREDIT: "扶贫小额信贷",
  INDUSTRY_SUBSIDY: "产业奖补",
};
const LEVEL_NAMES: Record<FundLevel, string> = {
  CENTRAL: "中央",
  PROVINCIAL: "省级",
  PREFECTURE: "市级",
  COUNTY: "县级",
  TOWNSHIP: "乡镇",
  NON_GOVERNMENT: "非政府",
};

/** A Chinese name (or the schema's own, or 县 for 县级) back to the enum value; null when it is neither. */
function named<T extends string>(names: Record<T, string>, allowed: readonly T[], text: string | null): T | null {
  const value = (text ?? "").trim();
  const found = allowed.find(
    (key) => names[key] === value || names[key].replace(/级$/, "") === value || key === value.toUpperCase(),
  );
  return found ?? null;
}

/** "500万；1000万；1500万": one amount per year, in order, with the units clerks write. */
const YEAR_SEPARATORS = /[;；、\n]+/;

export const fundsImport = rowByRowImport(
  {
    name: "funds",
    titleZh: "资金",
    columns: [
      column("code", "资金编码", "code", "唯一编码。", "CG-F-2025-XJ", { required: true, aliases: ["资金编号"] }),
      column("nameZh", "资金名称", "text", "与资金文件一致。", "2025年中央衔接推进乡村振兴补助资金", { required: true }),
      column("sourceType", "资金来源", "text", Object.values(SOURCE_NAMES).join("、"), "中央衔接资金", { required: true }),
      column("level", "资金层级", "text", Object.values(LEVEL_NAMES).join("、"), "中央", { required: true, aliases: ["层级"] }),
      column("startYear", "起始年度", "number", "多年度资金的第一个预算年度；单一年度可不填。", ""),
      column("year", "资金年度", "number", "预算年度；多年度资金填最后一年。", "2025", { required: true, aliases: ["年度"] }),
      column("regionCode", "管理地区区划代码", "code", "管理该资金的地区的 12 位区划代码。", "522626000000", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("amount", "资金规模（元）", "amount", "单位元；也可写 1298万、1.3亿。", "12000000", {
        required: true,
        aliases: ["资金规模", "金额"],
      }),
      column("yearAmounts", "分年度金额", "text", "多年度资金每年一个金额，按年度先后用“；”分隔；只知总额可不填。", ""),
      column("note", "备注", "text", "文号等说明。", "黔财农〔2025〕8号"),
      column("source", "资料来源", "text", "数据来源。", "县财政局"),
    ],
    exportRows: async function* (db, regionId) {
      const funds = await db.fund.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ year: "asc" }, { code: "asc" }],
        include: { region: { select: { code: true } } },
      });
      for (const f of funds) {
        yield {
          code: f.code,
          nameZh: f.nameZh,
          sourceType: SOURCE_NAMES[f.sourceType],
          level: LEVEL_NAMES[f.level],
          startYear: f.startYear === f.year ? null : String(f.startYear),
          year: String(f.year),
          regionCode: f.region.code,
          amount: f.amount.toFixed(2),
          yearAmounts: f.yearAmounts.length ? f.yearAmounts.map((amount) => amount.toFixed(2)).join("；") : null,
          note: f.note,
          source: f.source,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    const yearAmounts: string[] = [];
    for (const part of (values.yearAmounts ?? "").split(YEAR_SEPARATORS).filter((text) => text.trim())) {
      const parsed = parseAmount(part);
      if ("error" in parsed) {
        run.problem(row, "yearAmounts", parsed.error);
        return false;
      }
      yearAmounts.push(parsed.value);
    }
    const sourceType = named(SOURCE_NAMES, FUND_SOURCE_TYPES, values.sourceType ?? null);
    const level = named(LEVEL_NAMES, FUND_LEVELS, values.level ?? null);
    // Said with the names the template's instructions use, not the schema's codes.
    if (!sourceType) {
      const allowed = Object.values(SOURCE_NAMES).join("、");
      run.problem(row, "sourceType", refusal("NOT_ONE_OF", { allowed, value: values.sourceType ?? "" }));
    }
    if (!level)
      run.problem(
        row,
        "level",
        refusal("NOT_ONE_OF", { allowed: Object.values(LEVEL_NAMES).join("、"), value: values.level ?? "" }),
      );
    if (!sourceType || !level) return false;
    await createFund(tx, {
      code: values.code ?? "",
      nameZh: values.nameZh ?? "",
      sourceType,
      level,
      startYear: values.startYear ? Number(values.startYear) : null,
      year: Number(values.year),
      regionCode: values.regionCode ?? "",
      amount: values.amount ?? "",
      yearAmounts,
      note: values.note ?? null,
      source: values.source ?? null,
    });
    return true;
  },
);

export const fundAllocationsImport = rowByRowImport(
  {
    name: "fund-allocations",
    titleZh: "资金安排",
    columns: [
      column("fundCode", "资金编码", "code", "安排所出自的资金编码。", "CG-F-2025-XJ", { required: true }),
      column("projectCode", "项目编码", "code", "获得安排的项目编码。", "CG-SL-XXSK", { required: true }),
      column("amount", "安排金额（元）", "amount", "单位元；也可写 1298万。", "3000000", {
        required: true,
        aliases: ["安排金额", "金额"],
      }),
      column("allocatedOn", "安排日期", "date", "资金文件日期，如 2025-03-01。", "2025-03-01", { required: true }),
      column("note", "备注", "text", "资金文件文号等。", "岑财农〔2025〕3号"),
      column("overAllocationReason", "超概算安排原因", "text", "安排后超过项目总投资时必填。", ""),
    ],
    exportRows: async function* (db, regionId) {
      const allocations = await db.fundAllocation.findMany({
        where: { project: { region: { path: { has: regionId } } } },
        orderBy: [{ allocatedOn: "asc" }, { id: "asc" }],
        include: { fund: { select: { code: true } }, project: { select: { code: true } } },
      });
      for (const a of allocations) {
        yield {
          fundCode: a.fund.code,
          projectCode: a.project.code,
          amount: a.amount.toFixed(2),
          allocatedOn: dateCell(a.allocatedOn),
          note: a.note,
          overAllocationReason: a.overAllocationReason,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    const project = values.projectCode
      ? await tx.project.findUnique({ where: { code: values.projectCode }, select: { region: { select: { path: true } } } })
      : null;
    if (project && !run.mayEdit(project.region.path)) {
      run.problem(row, "projectCode", refusal("OUTSIDE_YOUR_REGIONS", { what: values.projectCode ?? "", capability: "edit" }));
      return false;
    }
    await allocateFund(tx, {
      fundCode: values.fundCode ?? "",
      projectCode: values.projectCode ?? "",
      amount: values.amount ?? "",
      allocatedOn: values.allocatedOn ?? "",
      note: values.note ?? null,
      overAllocationReason: values.overAllocationReason ?? null,
    });
    return true;
  },
);
