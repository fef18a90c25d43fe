import { describe, expect, it } from "vitest";
import { formatMoney, parseFen } from "./money.js";

describe("formatMoney", () => {
  it.each([
    ["468000000", {}, "4.68亿元"],
    ["129512500", {}, "1.30亿元"],
    ["129512500", { unit: "wan" as const }, "12,951.25万元"],
    ["12980000", {}, "1,298.00万元"],
    ["63010000.00", { unit: "wan" as const }, "6,301.00万元"],
    ["220000", { unit: "wan" as const, digits: 0 }, "22万元"],
    ["18479000", { unit: "wan" as const, digits: 1 }, "1,847.9万元"],
    ["5000", {}, "5,000.00元"],
    ["-12440000", {}, "-1,244.00万元"],
  ])("%s with %j is %s", (amount, options, expected) => {
    expect(formatMoney(amount, options)).toBe(expected);
  });

  it("never loses a fen to floating point", () => {
    expect(formatMoney("0.10", { unit: "yuan" })).toBe("0.10元");
    expect(formatMoney("99999999999999.99", { unit: "yuan" })).toBe("99,999,999,999,999.99元");
    expect(parseFen("0.005")).toBe(1n);
  });

  it("writes English in millions of yuan unless told a unit", () => {
    expect(formatMoney("468000000", { locale: "en" })).toBe("468.00 million yuan");
    expect(formatMoney("600000", { locale: "en" })).toBe("600,000.00 yuan");
    expect(formatMoney("129512500", { locale: "en", unit: "wan" })).toBe("12,951.25 × 10,000 yuan");
  });

  it("refuses what is not money", () => {
    expect(() => formatMoney("1e9")).toThrow(/not an amount of money/);
  });
});
