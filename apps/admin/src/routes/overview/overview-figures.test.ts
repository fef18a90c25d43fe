import { describe, expect, it } from "vitest";
import { investmentWindow, projectCounts, radarScores, targetCount } from "./overview-figures.js";

describe("the overview's headline figures", () => {
  it("counts projects and those under way", () => {
    expect(
      projectCounts([
        { key: "ACCEPTED", projectCount: 2 },
        { key: "IN_PROGRESS", projectCount: 5 },
        { key: "STARTED", projectCount: 1 },
        { key: "PLANNED", projectCount: 3 },
      ]),
    ).toEqual({ total: 11, underway: 6 });
  });

  it("counts indicators on target across pillars", () => {
    expect(
      targetCount([
        { onTarget: 2, withTarget: 2 },
        { onTarget: 1, withTarget: 3 },
      ]),
    ).toEqual({ onTarget: 3, withTarget: 5 });
  });

  it("charts from the first year with data, at most ten years back", () => {
    expect(investmentWindow(2020, [2016, 2017, 2020, 2021])).toEqual({ from: "2016", to: "2020" });
    expect(investmentWindow(2023, [2005, 2023])).toEqual({ from: "2014", to: "2023" });
    expect(investmentWindow(2015, [2016])).toEqual({ from: "2015", to: "2015" });
  });
});

describe("a key figure against a year before", () => {
  it("says how far it moved, flat below a twentieth of a percent, and nothing when there was nothing", async () => {
    const { yearOnYear } = await import("./overview-figures.js");
    expect(yearOnYear("795000000", "600000000")).toMatchObject({ trend: "up" });
    expect(yearOnYear("795000000", "600000000")!.change).toBeCloseTo(32.5, 5);
    expect(yearOnYear("100", "100.01")).toMatchObject({ trend: "flat" });
    expect(yearOnYear("50", "100")).toMatchObject({ trend: "down", change: -50 });
    expect(yearOnYear("100", "0")).toBeNull();
    expect(yearOnYear(null, "1")).toBeNull();
  });
});

describe("the scorecard radar", () => {
  it("scores each of the five pillars that has targets, and leaves the others without a score", () => {
    const scores = radarScores([
      { pillar: "INDUSTRY", onTarget: 1, withTarget: 3 },
      { pillar: "ECOLOGY", onTarget: 0, withTarget: 0 },
      { pillar: "POVERTY_CONSOLIDATION", onTarget: 1, withTarget: 1 },
    ]);
    expect(scores.map(({ pillar, score }) => [pillar, score])).toEqual([
      ["INDUSTRY", 33],
      ["ECOLOGY", null],
      ["CIVILITY", null],
      ["GOVERNANCE", null],
      ["PROSPERITY", null],
    ]);
    expect(scores[0]!.scored).toEqual({ onTarget: 1, withTarget: 3 });
  });

  it("draws nothing (the chart says so in words) when only 巩固脱贫 has targets", () => {
    expect(radarScores([{ pillar: "POVERTY_CONSOLIDATION", onTarget: 1, withTarget: 1 }])).toEqual([]);
    expect(radarScores([])).toEqual([]);
  });
});
