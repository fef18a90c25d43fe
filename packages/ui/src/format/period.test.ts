import { describe, expect, it } from "vitest";
import { formatDate, formatPeriod } from "./period.js";

describe("formatPeriod", () => {
  it.each([
    ["2023Q2", "zh-CN", "2023年第二季度"],
    ["2023Q2", "en", "Q2 2023"],
    ["2023-06", "zh-CN", "2023年6月"],
    ["2023-06", "en", "Jun 2023"],
    ["2023", "zh-CN", "2023年"],
    ["2023", "en", "2023"],
  ] as const)("%s in %s is %s", (key, locale, expected) => {
    expect(formatPeriod(key, { locale })).toBe(expected);
  });

  it("has short forms for chart axes", () => {
    expect(formatPeriod("2020-12", { short: true })).toBe("20-12");
    expect(formatPeriod("2023Q4", { short: true })).toBe("23Q4");
  });

  it("refuses a key that is not a period", () => {
    expect(() => formatPeriod("2023Q5")).toThrow("is not a period");
  });
});

describe("formatDate", () => {
  it("writes dates in each language's order", () => {
    expect(formatDate("2020-12-31")).toBe("2020年12月31日");
    expect(formatDate("2020-12-31", { locale: "en" })).toBe("31 Dec 2020");
    expect(formatDate(null)).toBe("—");
  });
});
