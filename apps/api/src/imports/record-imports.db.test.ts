import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import { allocateFund, createFund } from "../funds/funds.service.js";
import { runImport } from "./import.service.js";
import type { ImportKind } from "./import-kind.js";
import { disbursementsImport, indicatorValuesImport, projectsImport } from "./record-imports.js";

let db: TestDatabase;
let editor: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
});
afterAll(async () => {
  await db?.close();
});

const importAs = (kind: ImportKind, bytes: Uint8Array, apply = true) =>
  runImport(createContext(db.prisma, editor), kind, bytes, { apply });

/** A workbook as Excel or WPS saves it: a header row and typed cells (numbers, dates, percentages). */
async function workbook(rows: unknown[][], formats: { row: number; column: number; numFmt: string }[] = []): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("项目");
  for (const row of rows) sheet.addRow(row);
  for (const { row, column, numFmt } of formats) sheet.getRow(row).getCell(column).numFmt = numFmt;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("importing projects from a workbook", () => {
  const HEADER = ["项目编码", "项目名称", "项目类别", "项目状态", "区划代码", "总投资（元）", "计划开工日期", "计划完工日期"];
  /** A good row as Excel types it: a number for the amount, dates for the dates. */
  const roadRow = (category: string) => [
    "CG-IMP-001",
    "平庄镇产业路",
    category,
    "在建",
    "522626107000",
    3500000,
    new Date("2025-03-01"),
    new Date("2025-12-31"),
  ];

  it("names each bad cell by its column, and writes none of the good rows with them", async () => {
    const category = await db.prisma.projectCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
    const file = await workbook([
      HEADER,
      roadRow(category.nameZh),
      ["CG-IMP-002", "", "没有这个类别", "建设中", "522626107000", "12,30", "", ""],
      ["CG-IMP-003", "荆州的项目", category.code, "规划", "421003000000", "1亿", "", ""],
    ]);
    const result = await importAs(projectsImport, file);
    expect(result.format).toBe("XLSX");
    expect(result.committed).toBe(false);
    expect(result.problems.map((p) => `${p.row} ${p.column}`)).toEqual(["3 总投资（元）", "3 项目名称", "4 区划代码"]);
    expect(await db.prisma.project.count({ where: { code: { startsWith: "CG-IMP-" } } })).toBe(0);
  });

  it("names a code used twice in the file and a region that does not exist", async () => {
    const category = await db.prisma.projectCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
    const row = (code: string, region: string) => [code, "重复测试", category.code, "规划", region, "100万", "", ""];
    const file = await workbook([
      HEADER,
      row("CG-DUP-1", "522626107000"),
      row("CG-DUP-1", "522626107000"),
      row("CG-DUP-2", "522626999999"),
    ]);
    const result = await importAs(projectsImport, file);
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: "项目编码",
        reason: "PROJECT_CODE_TAKEN",
        message: "a project with the code CG-DUP-1 already exists",
      }),
      expect.objectContaining({ row: 4, column: "区划代码", reason: "NO_SUCH_REGION", params: { code: "522626999999" } }),
    ]);
    expect(await db.prisma.project.count({ where: { code: { startsWith: "CG-DUP-" } } })).toBe(0);
  });

  it("writes a good workbook whole, reading Excel's dates and numbers", async () => {
    const category = await db.prisma.projectCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
    const file = await workbook([
      HEADER,
      roadRow(category.nameZh),
      ["CG-IMP-002", "平庄镇冷链仓储", category.code, "规划", "522626107000", "1,250万", "", ""],
    ]);
    const result = await importAs(projectsImport, file);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ committed: true, written: 2 });
    const stored = await db.prisma.project.findMany({ where: { code: { startsWith: "CG-IMP-" } }, orderBy: { code: "asc" } });
    expect(
      stored.map((p) => [p.code, p.status, p.totalInvestment.toFixed(2), p.plannedStart?.toISOString().slice(0, 10)]),
    ).toEqual([
      ["CG-IMP-001", "IN_PROGRESS", "3500000.00", "2025-03-01"],
      ["CG-IMP-002", "PLANNED", "12500000.00", undefined],
    ]);
  });
});

describe("importing indicator values and payments", () => {
  it("reads a percentage cell as Excel stores it, and refuses a value already entered", async () => {
    const file = await workbook(
      [
        ["指标编码", "区划代码", "报告期", "数值", "目标值"],
        ["MAJOR_PROJECTS_STARTED", "522626107000", "2026", 4, 5],
        ["RURAL_SEWAGE_COVERAGE", "522626107000", "2026", 0.875, 0.9],
        ["MAJOR_PROJECTS_STARTED", "522626107000", "2026", 6, ""],
      ],
      [
        { row: 3, column: 4, numFmt: "0.0%" },
        { row: 3, column: 5, numFmt: "0.0%" },
      ],
    );
    const dry = await importAs(indicatorValuesImport, file, false);
    expect(dry.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      expect.stringMatching(/^4 报告期: .* already has a value for 平庄镇 in 2026/),
    ]);
    expect(dry.written).toBe(2);
    const applied = await importAs(indicatorValuesImport, file.slice(0), true);
    expect(applied.committed).toBe(false);
    const coverage = await db.prisma.indicatorValue.count({
      where: { indicator: { code: "RURAL_SEWAGE_COVERAGE" }, period: "2026" },
    });
    expect(coverage).toBe(0);
  });

  it("refuses a payment above its allocation, naming the amounts, and pays the rest only with it fixed", async () => {
    await createFund(db.prisma, {
      code: "CG-F-IMP",
      nameZh: "导入测试资金",
      sourceType: "FISCAL_SPECIAL",
      level: "COUNTY",
      year: 2026,
      regionCode: "522626000000",
      amount: "1000000",
    });
    await allocateFund(db.prisma, {
      fundCode: "CG-F-IMP",
      projectCode: "CG-SL-XXSK",
      amount: "600000",
      allocatedOn: "2026-02-01",
    });
    const csv = (second: string) =>
      Buffer.from(`资金编码,项目编码,拨付金额（元）,拨付日期,凭证号\nCG-F-IMP,CG-SL-XXSK,40万,2026-03-01,记-1\n${second}\n`);
    const over = await importAs(disbursementsImport, csv("CG-F-IMP,CG-SL-XXSK,30万,2026/4/1,记-2"));
    expect(over.problems).toEqual([
      {
        row: 3,
        column: "拨付金额（元）",
        reason: "ALLOCATION_OVER_PAID",
        params: { amount: "300000.00", paid: "700000.00", allocated: "600000.00" },
        message: "300000.00 would bring payments to 700000.00, above the allocated 600000.00",
      },
    ]);
    expect(await db.prisma.disbursement.count({ where: { allocation: { fund: { code: "CG-F-IMP" } } } })).toBe(0);
    const fixed = await importAs(disbursementsImport, csv("CG-F-IMP,CG-SL-XXSK,20万,2026/4/1,记-2"));
    expect(fixed).toMatchObject({ committed: true, written: 2, problemCount: 0 });
  });
});
