import { describe, expect, it } from "vitest";
import { downsample } from "./downsample.js";

describe("downsample", () => {
  const series = Array.from({ length: 10_000 }, (_, index) => ({ index, value: Math.sin(index / 300) * 100 }));

  it("keeps as many points as asked, the first and the last among them", () => {
    const kept = downsample(series, 600, (point) => point.value);
    expect(kept).toHaveLength(600);
    expect(kept[0]).toBe(series[0]);
    expect(kept.at(-1)).toBe(series.at(-1));
  });

  it("keeps a one-month spike that averaging would flatten", () => {
    const spiky = series.map((point) => (point.index === 4321 ? { ...point, value: 10_000 } : point));
    expect(downsample(spiky, 200, (point) => point.value).some((point) => point.value === 10_000)).toBe(true);
  });

  it("returns short series unchanged", () => {
    expect(downsample(series.slice(0, 10), 600, (point) => point.value)).toHaveLength(10);
  });
});
