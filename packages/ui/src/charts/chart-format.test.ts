import { describe, expect, it } from "vitest";
import { largestPlotted, moneyAxisFormatter } from "./chart-format.js";

describe("moneyAxisFormatter", () => {
  it("labels every tick of an axis in the unit its largest value needs", () => {
    const ticks = [0, 5e7, 1e8, 1.5e8, 2e8];
    expect(ticks.map(moneyAxisFormatter(2e8, "zh-CN"))).toEqual(["0", "0.5亿", "1亿", "1.5亿", "2亿"]);
    expect(ticks.map(moneyAxisFormatter(2e8, "en"))).toEqual(["0", "50M", "100M", "150M", "200M"]);
    expect([0, 5e8, 1e9].map(moneyAxisFormatter(1e9, "en"))).toEqual(["0", "0.5B", "1B"]);
    expect([3.5e8, 7e8, 1.05e9, 1.4e9].map(moneyAxisFormatter(1.4e9, "en"))).toEqual(["0.35B", "0.7B", "1.05B", "1.4B"]);
  });

  it("keeps 万 when the largest value is below 1亿, and the digits a quarter needs", () => {
    expect([0, 2.5e7, 5e7, 9.8e7].map(moneyAxisFormatter(9.8e7, "zh-CN"))).toEqual(["0", "2,500万", "5,000万", "9,800万"]);
    expect([0, 2.5e7].map(moneyAxisFormatter(1e8, "zh-CN"))).toEqual(["0", "0.25亿"]);
    expect([0, 5000].map(moneyAxisFormatter(8000, "zh-CN"))).toEqual(["0", "5,000"]);
  });
});

describe("largestPlotted", () => {
  it("takes the largest magnitude, skipping the missing", () => {
    expect(largestPlotted([3, null, -7, undefined, 5])).toBe(7);
    expect(largestPlotted([])).toBe(0);
  });
});
