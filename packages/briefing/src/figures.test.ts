import { describe, expect, it } from "vitest";
import { groupedYuan, signedChange } from "./figures.js";

describe("the briefing's figures", () => {
  it("writes yuan exactly, with digit grouping, from the decimal text", () => {
    expect(groupedYuan("129512500.00")).toBe("129,512,500.00");
    expect(groupedYuan("63010000")).toBe("63,010,000.00");
    expect(groupedYuan("999.5")).toBe("999.50");
    expect(groupedYuan("-1234567.89")).toBe("-1,234,567.89");
    // Beyond what a float holds exactly: the text's digits, not a rounded number's.
    expect(groupedYuan("12345678901234567.01")).toBe("12,345,678,901,234,567.01");
  });

  it("says a change on a year before with its sign, and nothing without a base", () => {
    expect(signedChange("110", "100")).toBe("+10.0%");
    expect(signedChange("95", "100")).toBe("-5.0%");
    expect(signedChange("95", "0")).toBeNull();
    expect(signedChange("95", null)).toBeNull();
  });
});
