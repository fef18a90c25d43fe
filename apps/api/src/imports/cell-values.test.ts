import { describe, expect, it } from "vitest";
import {
  escapeFormula,
  headerKey,
  parseAmount,
  parseDateCell,
  parseNumber,
  parsePercent,
  parsePeriodCell,
  unescapeFormula,
} from "./cell-values.js";

describe("amounts as clerks type them", () => {
  it.each([
    ["12980000", "12980000"],
    ["12,980,000.50", "12980000.5"],
    ["1298万", "12980000"],
    ["1298.5万元", "12985000"],
    ["1.2亿", "120000000"],
    ["１，２９８万", "12980000"],
    ["39800000元", "39800000"],
    [" 0.01 ", "0.01"],
  ])("reads %s as %s yuan", (cell, yuan) => {
    expect(parseAmount(cell)).toEqual({ value: yuan });
  });

  it.each([
    ["12,98,000", "BAD_THOUSANDS"],
    ["约1298万", "NOT_AN_AMOUNT"],
    ["1298.123", "BELOW_A_FEN"],
    ["0.00000000001亿", "BELOW_A_FEN"],
    ["", "NOT_AN_AMOUNT"],
    ["-5", "NEGATIVE_AMOUNT"],
  ])("refuses %s for %s, naming the cell", (cell, reason) => {
    expect(parseAmount(cell)).toEqual({ error: { reason, params: { value: cell } } });
  });
});

describe("percentages, periods and dates", () => {
  it("reads an indicator's number with separators or a percent sign", () => {
    expect(parseNumber("1,234.5")).toEqual({ value: "1234.5" });
    expect(parseNumber("87.5%")).toEqual({ value: "87.5" });
    expect(parseNumber("约90")).toHaveProperty("error");
  });

  it("reads percentages with or without a sign", () => {
    expect(parsePercent("98%")).toEqual({ value: "98" });
    expect(parsePercent("９８．５％")).toEqual({ value: "98.5" });
    expect(parsePercent("很多")).toHaveProperty("error");
  });

  it.each([
    ["2024-06", "2024-06"],
    ["2024/6", "2024-06"],
    ["2024年6月", "2024-06"],
    ["2024.06", "2024-06"],
    ["2024Q2", "2024Q2"],
    ["2024年第二季度", "2024Q2"],
    ["2024年3季度", "2024Q3"],
    ["2024", "2024"],
    ["2024年", "2024"],
  ])("reads the period %s as %s", (cell, key) => {
    expect(parsePeriodCell(cell)).toEqual({ value: key });
  });

  it("refuses what is no period or date", () => {
    expect(parsePeriodCell("六月")).toHaveProperty("error");
    expect(parsePeriodCell("2024年13月")).toHaveProperty("error");
    expect(parseDateCell("2024年6月5日")).toEqual({ value: "2024-06-05" });
    expect(parseDateCell("5/6/2024")).toHaveProperty("error");
  });
});

describe("formula cells", () => {
  it("escapes text a spreadsheet would run, and reads it back unchanged", () => {
    for (const text of ['=HYPERLINK("http://x")', "+1", "-施工中", "@SUM(A1)", "\tx"]) {
      expect(escapeFormula(text)).toBe(`'${text}`);
      expect(unescapeFormula(escapeFormula(text))).toBe(text);
    }
    expect(escapeFormula("正常备注")).toBe("正常备注");
    expect(unescapeFormula("'正常")).toBe("'正常");
  });

  it("compares headers loosely", () => {
    expect(headerKey("\uFEFF累计完成投资（元） ")).toBe(headerKey("累计完成投资(元)"));
  });
});
