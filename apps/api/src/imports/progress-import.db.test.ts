import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addImportProjects, progressFile } from "../../test/progress-file.js";
import { demoUser } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import { IMPORT_CHUNK_ROWS, runImport } from "./import.service.js";
import { progressImport } from "./progress-import.js";

let db: TestDatabase;
let editor: Authenticated;
let clerk: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  editor = await demoUser(db.prisma, "cengong.editor");
  clerk = await demoUser(db.prisma, "pingzhuang.clerk");
});
afterAll(async () => {
  await db?.close();
});

const HEADER = "项目编码,报告期,累计完成投资（元）,形象进度（%）,超概算说明,更正说明,备注";
const csv = (...lines: string[]) => Buffer.from(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`, "utf8");
const importAs = (who: Authenticated, bytes: Uint8Array, apply = true) =>
  runImport(createContext(db.prisma, who), progressImport, bytes, { apply });
const reportCount = () => db.prisma.progressReport.count();

/** Reported 2020-12 at 39,800,000 yuan and 98% of a 51,075,400 total. */
const PHASE = "CG-FH-CBSTD-3";

describe("importing progress reports as clerks lay out their tables", () => {
  /** A project of its own, so these months do not meet the other tests' reports. */
  const UNITS = "CG-UNIT-TEST";
  beforeAll(async () => {
    const region = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626000000" } });
    const category = await db.prisma.projectCategory.findFirstOrThrow({ orderBy: { id: "asc" } });
    await db.prisma.project.create({
      data: {
        code: UNITS,
        nameZh: "单位测试项目",
        categoryId: category.id,
        status: "IN_PROGRESS",
        regionId: region.id,
        totalInvestment: "100000000",
      },
    });
  });

  it("reads amounts under a 万元 header in 万元, past a title row, and skips a total row, saying so", async () => {
    const file = Buffer.from(
      [
        "岑巩县2021年3月项目进度表,,,",
        "项目编码,报告期,累计完成投资（万元）,形象进度（%）",
        `${UNITS},2021-03,4056.25,99`,
        "合计,,4056.25,",
      ].join("\n"),
    );
    const dry = await importAs(editor, file, false);
    expect(dry.problems).toEqual([]);
    expect(dry.notices.map((notice) => notice.reason)).toEqual(["TITLE_ROW_SKIPPED", "COLUMN_UNIT_APPLIED", "TOTAL_ROW_SKIPPED"]);
    expect(dry.written).toBe(1);
    const applied = await importAs(editor, file);
    expect(applied.committed).toBe(true);
    const stored = await db.prisma.progressReport.findFirstOrThrow({ where: { project: { code: UNITS }, period: "2021-03" } });
    // 4056.25万 is 40,562,500 yuan, not 4,056.25 yuan.
    expect(stored.completedInvestment?.toFixed(2)).toBe("40562500.00");
  });

  it("applies a 单位：万元 line above the header to the amounts written without a unit, and keeps a unit written in a cell", async () => {
    const file = Buffer.from(
      [
        "单位：万元,,,",
        "项目编码,报告期,累计完成投资,形象进度（%）",
        `${UNITS},2021-04,4060,99`,
        `${UNITS},2021-05,40700000元,99`,
      ].join("\n"),
    );
    const result = await importAs(editor, file);
    expect(result.problems).toEqual([]);
    expect(result.notices.map((notice) => notice.reason)).toContain("UNIT_ROW_APPLIED");
    const stored = await db.prisma.progressReport.findMany({
      where: { project: { code: UNITS }, period: { in: ["2021-04", "2021-05"] } },
      orderBy: { periodEnd: "asc" },
    });
    expect(stored.map((report) => report.completedInvestment?.toFixed(2))).toEqual(["40600000.00", "40700000.00"]);
  });

  it("refuses a unit line that disagrees with a header's unit, naming the column", async () => {
    const file = Buffer.from(["单位：万元", "项目编码,报告期,累计完成投资（元）", `${UNITS},2021-06,4070`].join("\n"));
    const result = await importAs(editor, file, false);
    expect(result.problems).toEqual([expect.objectContaining({ column: "累计完成投资（元）", reason: "UNITS_DISAGREE" })]);
  });

  it("still refuses a file whose header cannot be found within its first rows", async () => {
    const result = await importAs(
      editor,
      Buffer.from(["说明一", "说明二", "说明三", "说明四", "说明五", "说明六", "项目编码,报告期"].join("\n")),
      false,
    );
    expect(result.problems.map((problem) => problem.reason)).toEqual(["HEADERS_NOT_FOUND"]);
  });
});

describe("importing progress reports", () => {
  it("writes every row of a good file, with 万 units and thousands separators read exactly", async () => {
    const before = await reportCount();
    const result = await importAs(
      editor,
      csv(
        `${PHASE},2021-01,"40,100,000",98.5,,,"=HYPERLINK(""x"")"`,
        `${PHASE},2021年2月,4020万,99%,,,`,
        "",
        `${PHASE},2021Q2,4030.5万元,100,,,`,
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ committed: true, rows: 3, blankRows: 1, written: 3, format: "CSV", encoding: "UTF-8" });
    expect(await reportCount()).toBe(before + 3);
    const stored = await db.prisma.progressReport.findMany({
      where: { project: { code: PHASE }, period: { in: ["2021-01", "2021-02", "2021Q2"] } },
      orderBy: { periodEnd: "asc" },
    });
    expect(
      stored.map((r) => [r.period, r.completedInvestment?.toFixed(2), r.physicalProgress?.toFixed(2), r.reportedBy]),
    ).toEqual([
      ["2021-01", "40100000.00", "98.50", "岑巩县 水务局填报员（cengong.editor）"],
      ["2021-02", "40200000.00", "99.00", "岑巩县 水务局填报员（cengong.editor）"],
      ["2021Q2", "40305000.00", "100.00", "岑巩县 水务局填报员（cengong.editor）"],
    ]);
    expect(stored[0]!.note).toBe('=HYPERLINK("x")');
  });

  it("reads a GBK file as Excel saves it on Chinese Windows", async () => {
    const gbk = iconv.encode(`${HEADER}\r\n${PHASE},2021-07,4040万,100,,,竣工验收准备\r\n`, "gbk");
    const dry = await importAs(editor, gbk, false);
    expect(dry).toMatchObject({ encoding: "GBK", problems: [], written: 1, committed: false });
  });

  it("names every problem by row and column, and writes nothing when there is one", async () => {
    const before = await reportCount();
    const result = await importAs(
      editor,
      csv(
        `${PHASE},2021-08,4050万,100,,,ok`,
        `NO-SUCH-PROJECT,2021-08,1,1,,,`,
        `${PHASE},2021-13,1,1,,,`,
        `${PHASE},2021-09,"1,23,4",120,,,`,
        `${PHASE},2021-10,9999万,,,,`,
        `${PHASE},2021-08,4060万,100,,,`,
        `${PHASE},2021-01,4060万,100,,,`,
        `${PHASE},2021-11,3000万,100,,,`,
        `${PHASE},2021-12,,,,,`,
        `JZ-SC-JZYG,2021-12,1,1,,,`,
      ),
    );
    expect(result.committed).toBe(false);
    expect(result.problems.map((p) => `${p.row} ${p.column}`)).toEqual([
      "3 项目编码",
      "4 报告期",
      "5 累计完成投资（元）",
      "5 形象进度（%）",
      "6 累计完成投资（元）",
      "7 报告期",
      "8 报告期",
      "9 累计完成投资（元）",
      "10 累计完成投资（元）",
      "11 项目编码",
    ]);
    expect(result.problems.find((p) => p.row === 7)?.message).toBe(`row 2 already reports ${PHASE} for 2021-08`);
    expect(result.problems.find((p) => p.row === 8)?.message).toContain("already has a progress report for 2021-01");
    expect(result.problems.find((p) => p.row === 9)?.message).toContain("is below 2021-08's cumulative 40500000.00");
    expect(result.problems.find((p) => p.row === 11)?.message).toContain("no project has the code JZ-SC-JZYG");
    expect(await reportCount()).toBe(before);
  });

  it("refuses wrong headers before reading any row", async () => {
    const wrong = await importAs(editor, Buffer.from("项目编码,期间,金额\nX,2021-01,1\n"));
    expect(wrong.problems.map((p) => `${p.row} ${p.column}: ${p.message}`)).toEqual([
      expect.stringContaining('1 期间: unknown column "期间"'),
      expect.stringContaining('1 金额: unknown column "金额"'),
      "1 报告期: the column 报告期 is missing; it is required",
    ]);
    expect((await importAs(editor, Buffer.from(""))).problems[0]?.message).toBe("the file is empty");
    expect((await importAs(editor, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).problems[0]?.message).toContain(".xls");
    // Bytes that are text in neither UTF-8 nor GBK (0xFF never starts a GBK character).
    expect((await importAs(editor, Buffer.from([0x41, 0xff, 0x41, 0x0a]))).problems).toEqual([
      expect.objectContaining({ row: null, column: null, reason: "FILE_NOT_TEXT" }),
    ]);
  });

  it("refuses rows outside the importer's regions, and rows locked by an approval", async () => {
    const outside = await importAs(clerk, csv(`${PHASE},2030-01,4100万,100,,,`));
    expect(outside.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "项目编码",
        message: `${PHASE} is outside the regions you may edit (EDITOR role)`,
      }),
    ]);
    const cengong = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626000000" } });
    await db.prisma.dataApproval.create({
      data: {
        dataSet: "PROGRESS",
        regionId: cengong.id,
        period: "2030",
        periodStart: new Date("2030-01-01"),
        periodEnd: new Date("2030-12-31"),
        status: "APPROVED",
        submittedBy: "test",
        submittedAt: new Date(),
        decidedBy: "test",
      },
    });
    const locked = await importAs(editor, csv(`${PHASE},2030-03,4100万,100,,,`));
    expect(locked.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: "报告期",
        reason: "PERIOD_LOCKED",
        message: "the progress for 2030-03 is locked (岑巩县 2030 approved) until an approver returns or reopens it",
      }),
    ]);
  });
});

describe("a file of 100,000 rows", () => {
  it("is refused whole for one bad row at its end, which the report names", { timeout: 600_000 }, async () => {
    const codes = await addImportProjects(db.prisma, "522626000000", 1000);
    const file = progressFile(codes, 100, { lastLine: "IMP-99999,2023-05,100万,50,,," });
    const before = await reportCount();
    const streamed: number[] = [];
    const result = await runImport(createContext(db.prisma, editor), progressImport, file, {
      apply: true,
      onProgress: (progress) => streamed.push(progress.rowsRead),
    });
    expect(result).toMatchObject({ rows: 100_001, written: 100_000, committed: false, problemCount: 1 });
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 100_002,
        column: "项目编码",
        reason: "NO_SUCH_PROJECT_READABLE",
        params: { code: "IMP-99999" },
      }),
    ]);
    // Progress came chunk by chunk, not only at the end.
    expect(streamed.length).toBeGreaterThan(40);
    expect(await reportCount()).toBe(before);
  });

  it("streams all of 100,000 problems but keeps only the first thousand in the result", { timeout: 600_000 }, async () => {
    const codes = Array.from({ length: 1000 }, (_, i) => `IMP-${String(i + 1).padStart(5, "0")}`);
    const file = Buffer.from(
      progressFile(codes, 100)
        .toString("utf8")
        .replaceAll(/,20\d\d-\d\d,/g, ",2024-13,"),
    );
    let streamed = 0;
    let largestBatch = 0;
    const result = await runImport(createContext(db.prisma, editor), progressImport, file, {
      apply: false,
      onProblems: (problems) => {
        streamed += problems.length;
        largestBatch = Math.max(largestBatch, problems.length);
      },
    });
    expect(result.problemCount).toBe(100_000);
    expect(streamed).toBe(100_000);
    // Passed on a chunk at a time, never held all at once.
    expect(largestBatch).toBeLessThanOrEqual(2000);
    expect(result.problems).toHaveLength(1000);
    expect(result.problems[999]).toMatchObject({ row: 1001, column: "报告期" });
  });
});

describe("while a large file is imported", () => {
  it("the event loop gets a turn between chunks, so other requests are read and answered", async () => {
    // The projects the 100,000-row tests above added, reported by a file of 3,000 rows.
    const codes = Array.from({ length: 30 }, (_, i) => `IMP-${String(i + 1).padStart(5, "0")}`);
    const file = progressFile(codes, 100);
    // Counts the turns other requests would get: a timer fires only when the loop is free. On the
    // embedded database every await of the import settles as a microtask, so without a deliberate
    // turn the whole import ran in one stretch and this stayed at 0.
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      const result = await importAs(editor, file, false);
      expect(result.problemCount).toBe(0);
      expect(result.rows).toBe(3000);
    } finally {
      clearInterval(timer);
    }
    expect(turns).toBeGreaterThanOrEqual(3000 / IMPORT_CHUNK_ROWS - 1);
  });
});
