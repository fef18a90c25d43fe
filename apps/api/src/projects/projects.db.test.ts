import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { ValidationError } from "../common/errors.js";
import { backfillPinyinSearchKeys } from "./project-search.js";
import { createProject, reportProgress } from "./projects.service.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const cengong = "522626000000";
const newProject = (code: string) => ({
  code,
  nameZh: "测试项目",
  categoryCode: "SEWAGE",
  status: "PLANNED" as const,
  regionCode: cengong,
  totalInvestment: "1000000",
});

describe("createProject", () => {
  it("stores money exactly, to the fen", async () => {
    const project = await createProject(db.prisma, { ...newProject("T-EXACT"), totalInvestment: "129512500.07" });
    const stored = await db.prisma.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(stored.totalInvestment.toFixed(2)).toBe("129512500.07");
  });

  it("refuses a negative total, an unknown region and a reversed schedule, naming each field", async () => {
    const attempt = createProject(db.prisma, {
      ...newProject("T-BAD"),
      totalInvestment: "-5",
      regionCode: "999999999999",
      plannedStart: "2021-06-01",
      plannedFinish: "2021-01-01",
    });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      issues: expect.arrayContaining([
        expect.objectContaining({ field: "totalInvestment", message: "cannot be negative (got -5)" }),
        expect.objectContaining({ field: "regionCode", message: "no region has the code 999999999999" }),
        expect.objectContaining({ field: "plannedFinish" }),
      ]),
    });
  });

  it.each([["12.345"], ["1e9"], ["一百万"], [""]])("refuses %j as an amount of money", async (amount) => {
    await expect(createProject(db.prisma, { ...newProject("T-MONEY"), totalInvestment: amount })).rejects.toThrow(
      /totalInvestment/,
    );
  });

  it("names an output metric it does not know", async () => {
    const attempt = createProject(db.prisma, {
      ...newProject("T-METRIC"),
      outputs: [{ metric: "PIPE_LENGTH" as never, quantity: "12.5", unit: "公里" }],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      issues: [
        expect.objectContaining({
          field: "outputs.0.metric",
          message: expect.stringContaining("must be one of WATER_SUPPLY_POPULATION"),
        }),
      ],
    });
  });

  it("writes nothing when one of its outputs is bad", async () => {
    const attempt = createProject(db.prisma, {
      ...newProject("T-OUTPUTS"),
      outputs: [
        { metric: "LAND_AREA", quantity: "100", unit: "亩" },
        { metric: "FACILITIES", quantity: "-1", unit: "个" },
      ],
    });
    await expect(attempt).rejects.toThrow(/outputs.1.quantity: cannot be negative/);
    expect(await db.prisma.project.count({ where: { code: "T-OUTPUTS" } })).toBe(0);
    expect(await db.prisma.projectOutput.count({ where: { project: { code: "T-OUTPUTS" } } })).toBe(0);
  });
});

describe("reportProgress", () => {
  it("refuses completed investment above the total without an over-budget reason, and takes it with one", async () => {
    await createProject(db.prisma, newProject("T-BUDGET"));
    const over = { projectCode: "T-BUDGET", period: "2024-01", completedInvestment: "1000000.01", reportedBy: "clerk" };
    await expect(reportProgress(db.prisma, over)).rejects.toThrow(
      /completedInvestment: 1000000.01 exceeds the total investment 1000000.00 of 测试项目; give an over-budget reason/,
    );
    const accepted = await reportProgress(db.prisma, { ...over, overBudgetReason: "设计变更增加护坡" });
    expect(accepted.completedInvestment?.toFixed(2)).toBe("1000000.01");
  });

  it.each([["-0.1"], ["100.01"], ["250"]])("refuses physical progress of %s%%", async (progress) => {
    await expect(
      reportProgress(db.prisma, {
        projectCode: "CG-FH-CBFHD",
        period: "2021-01",
        physicalProgress: progress,
        reportedBy: "clerk",
      }),
    ).rejects.toThrow(/physicalProgress: is a percentage from 0 to 100/);
  });

  it("refuses a malformed period, an unknown project and a report with no figure", async () => {
    await expect(
      reportProgress(db.prisma, { projectCode: "CG-FH-CBFHD", period: "2021-13", completedInvestment: "1", reportedBy: "clerk" }),
    ).rejects.toThrow(/period: "2021-13" is not a period/);
    await expect(
      reportProgress(db.prisma, { projectCode: "NO-SUCH", period: "2021-01", completedInvestment: "1", reportedBy: "clerk" }),
    ).rejects.toThrow(/projectCode: no project has the code NO-SUCH/);
    await expect(
      reportProgress(db.prisma, { projectCode: "CG-FH-CBFHD", period: "2021-01", reportedBy: "clerk" }),
    ).rejects.toThrow(ValidationError);
  });

  it("refuses a second report for the same period", async () => {
    await expect(
      reportProgress(db.prisma, {
        projectCode: "CG-FH-CBFHD",
        period: "2020-12",
        completedInvestment: "13000000",
        reportedBy: "clerk",
      }),
    ).rejects.toThrow(/already has a progress report for 2020-12/);
  });
});

describe("the database itself", () => {
  const insertReport = async (projectCode: string, values: string) => {
    const project = await db.prisma.project.findUniqueOrThrow({ where: { code: projectCode } });
    return db.prisma.$executeRawUnsafe(
      `INSERT INTO progress_report (project_id, period, period_start, period_end, completed_investment, physical_progress, reported_by) VALUES (${project.id}, ${values}, 'sql')`,
    );
  };

  it("refuses completed investment above the total", async () => {
    await expect(insertReport("CG-FH-CBFHD", "'2021-02', '2021-02-01', '2021-02-28', 60000000.01, 30")).rejects.toThrow(
      /completed investment 60000000.01 exceeds the total investment 60000000.00/,
    );
  });

  it("refuses progress outside 0–100, negative money and a period that does not match its dates", async () => {
    await expect(insertReport("CG-FH-CBFHD", "'2021-02', '2021-02-01', '2021-02-28', 13000000, 100.5")).rejects.toThrow(
      /progress_report_physical_progress_range/,
    );
    await expect(insertReport("CG-FH-CBFHD", "'2021-02', '2021-02-01', '2021-02-28', -1, 30")).rejects.toThrow(
      /progress_report_completed_investment_not_negative/,
    );
    await expect(insertReport("CG-FH-CBFHD", "'2021-02', '2021-02-01', '2021-03-31', 13000000, 30")).rejects.toThrow(
      /progress_report_period_key/,
    );
  });

  it("refuses a negative total investment, and lowering a total below what was reported", async () => {
    await expect(db.prisma.project.update({ where: { code: "CG-FH-CBFHD" }, data: { totalInvestment: "-1" } })).rejects.toThrow(
      /project_total_investment_not_negative/,
    );
    await expect(
      db.prisma.project.update({ where: { code: "CG-FH-CBFHD" }, data: { totalInvestment: "10000000" } }),
    ).rejects.toThrow(/total investment 10000000.00 is below the completed investment 12980000.00 reported for 2020-12/);
  });

  it("rolls back everything a failed transaction wrote", async () => {
    const before = await db.prisma.progressReport.count();
    await expect(
      db.prisma.$transaction(async (tx) => {
        await createProject(tx, newProject("T-ROLLBACK"));
        await reportProgress(tx, {
          projectCode: "T-ROLLBACK",
          period: "2024-01",
          completedInvestment: "500000",
          reportedBy: "clerk",
        });
        await reportProgress(tx, { projectCode: "T-ROLLBACK", period: "2024-02", physicalProgress: "101", reportedBy: "clerk" });
      }),
    ).rejects.toThrow(/physicalProgress/);
    expect(await db.prisma.project.count({ where: { code: "T-ROLLBACK" } })).toBe(0);
    expect(await db.prisma.progressReport.count()).toBe(before);
  });
});

describe("the pinyin search key", () => {
  it("is written with every new project and filled in for projects that lack it", async () => {
    const created = await createProject(db.prisma, { ...newProject("T-PINYIN"), nameZh: "污水管网改造" });
    expect(created.searchPinyin).toBe("wushuiguanwanggaizao wsgwgz");

    // As left by a database migrated from before the column existed.
    await db.prisma.project.update({ where: { id: created.id }, data: { searchPinyin: "" } });
    expect(await backfillPinyinSearchKeys(db.prisma, 2)).toBeGreaterThanOrEqual(1);
    const filled = await db.prisma.project.findUniqueOrThrow({ where: { id: created.id } });
    expect(filled.searchPinyin).toBe("wushuiguanwanggaizao wsgwgz");
    expect(await db.prisma.project.count({ where: { searchPinyin: "" } })).toBe(0);
    expect(await backfillPinyinSearchKeys(db.prisma)).toBe(0);
  });
});
