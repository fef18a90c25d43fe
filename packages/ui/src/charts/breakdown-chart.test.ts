import { describe, expect, it } from "vitest";
import { barsLieDown } from "./breakdown-chart.js";
import { labelWidth } from "./chart-format.js";

describe("the breakdown chart's labels", () => {
  it("lays the bars down when the labels would not fit side by side", () => {
    // Cengong's six categories in English overlapped under upright bars at 1920×1080.
    expect(
      barsLieDown([
        "Water conservancy",
        "Flood control",
        "Rural drinking water",
        "Sewage treatment",
        "Farmland irrigation",
        "Soil conservation",
      ]),
    ).toBe(true);
    expect(barsLieDown(["水利工程", "防洪治理", "农村饮水安全", "污水处理", "农田水利", "水土保持"])).toBe(true);
    expect(barsLieDown(["平庄镇", "注溪镇", "龙田镇"])).toBe(false);
  });

  it("counts a Chinese character about twice a Latin letter", () => {
    expect(labelWidth("水利")).toBe(22);
    expect(labelWidth("ab")).toBeCloseTo(12.4, 5);
  });
});
