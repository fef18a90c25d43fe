import { describe, expect, it } from "vitest";
import { formatArea, formatChange, formatCount, formatPercent, formatQuantity } from "./numbers.js";

describe("formatPercent", () => {
  it("rounds the API's percent strings and marks what is missing", () => {
    expect(formatPercent("48.62")).toBe("48.6%");
    expect(formatPercent("93", { digits: 0 })).toBe("93%");
    expect(formatPercent("48.65", { digits: 2, locale: "en" })).toBe("48.65%");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent("not a number")).toBe("—");
  });
});

describe("formatCount", () => {
  it("groups thousands and adds a unit the way each language does", () => {
    expect(formatCount(20000)).toBe("20,000");
    expect(formatCount("11", { unit: "个" })).toBe("11个");
    expect(formatCount(11, { unit: "projects", locale: "en" })).toBe("11 projects");
  });
});

describe("formatChange", () => {
  it("signs a relative change and refuses to divide by a zero baseline", () => {
    expect(formatChange(112.34, 100)).toBe("+12.3%");
    expect(formatChange("90", "100")).toBe("−10.0%");
    expect(formatChange(5, 5)).toBe("±0.0%");
    expect(formatChange(5, 0)).toBe("—");
  });

  it("gives percentage points between two percentages", () => {
    expect(formatChange("93", "91")).toBe("+2.2%");
    expect(formatChange("93", "91", { asPoints: true })).toBe("+2.0个百分点");
    expect(formatChange("89.5", "91", { asPoints: true, locale: "en" })).toBe("−1.5 pp");
  });
});

describe("formatArea", () => {
  it("shows mu, or hectares at 15 mu each", () => {
    expect(formatArea(1200)).toBe("1,200亩");
    expect(formatArea(1200, { unit: "hectare" })).toBe("80.00公顷");
    expect(formatArea(1200, { unit: "hectare", locale: "en", digits: 0 })).toBe("80 ha");
    expect(formatArea("37500", { locale: "en" })).toBe("37,500 mu");
  });
});

describe("formatQuantity", () => {
  it("shows a value in its unit and decimals, a percent sign without a space", () => {
    expect(formatQuantity("93", { unit: "%" })).toBe("93%");
    expect(formatQuantity("93", { unit: "%", locale: "en" })).toBe("93%");
    expect(formatQuantity("19372", { unit: "元" })).toBe("19,372元");
    // English says the unit in English, and leaves a bare counter word out.
    expect(formatQuantity("19372", { unit: "元", locale: "en" })).toBe("19,372 yuan");
    expect(formatQuantity("3", { unit: "个", locale: "en" })).toBe("3");
    expect(formatQuantity("3", { unit: "个" })).toBe("3个");
    expect(formatQuantity("12", { unit: "户", locale: "en" })).toBe("12 households");
    // A unit the table does not know is kept as written.
    expect(formatQuantity("2", { unit: "艘", locale: "en" })).toBe("2 艘");
    expect(formatQuantity("102.14", { unit: "%", digits: 1 })).toBe("102.1%");
    expect(formatQuantity(null, { unit: "%" })).toBe("—");
  });
});
