// @vitest-environment node
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "./xlsx.js";

describe("toXlsx", () => {
  it("writes a sheet Excel can sum: decimal strings become numbers, text stays text", async () => {
    const blob = await toXlsx(
      "岑巩县项目: 2020/12",
      ["项目", "总投资（元）"],
      [
        ["城北新区生态防洪堤工程", "260000000.00"],
        ["病险水库除险加固工程（5座）", "12980000"],
        ["编号 007", null],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("岑巩县项目  2020 12");
    expect(sheet.getRow(1).values).toEqual([undefined, "项目", "总投资（元）"]);
    expect(sheet.getCell("B2").value).toBe(260000000);
    expect(sheet.getCell("B3").value).toBe(12980000);
    expect(sheet.getCell("A4").value).toBe("编号 007");
    expect(sheet.getCell("B4").value).toBeNull();
  });
});
