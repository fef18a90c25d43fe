import { describe, expect, it } from "vitest";
import { ownHistory, phasedHistory } from "./project-history.js";

describe("a project's progress history", () => {
  it("orders its own reports by period, months and quarters alike", () => {
    const history = ownHistory([
      { period: "2020-12", completedInvestment: "3", physicalProgress: null },
      { period: "2020Q2", completedInvestment: "1", physicalProgress: null },
      { period: "2020-07", completedInvestment: "2", physicalProgress: null },
    ]);
    expect(history.map((r) => r.period)).toEqual(["2020Q2", "2020-07", "2020-12"]);
  });

  it("combines the embankment's three phases into the project's own figures", () => {
    // 城北新区生态防洪堤 phases 1–3: 43,375,700 / 35,061,400 / 51,075,400; by the end of 2020
    // 15,340,000 / 7,870,000 / 39,800,000 completed and 64% / 36% / 98% built.
    const history = phasedHistory([
      {
        totalInvestment: "43375700",
        reports: [
          { period: "2020-12", completedInvestment: "15340000", physicalProgress: "64" },
          { period: "2020-06", completedInvestment: "5000000", physicalProgress: "20" },
        ],
      },
      { totalInvestment: "35061400", reports: [{ period: "2020-12", completedInvestment: "7870000", physicalProgress: "36" }] },
      { totalInvestment: "51075400", reports: [{ period: "2020-06", completedInvestment: "39800000", physicalProgress: "98" }] },
    ]);
    expect(history).toEqual([
      // June: phase 1's June figures and phase 3's; phase 2 had not reported, so counts as 0 % built.
      { period: "2020-06", completedInvestment: "44800000.00", physicalProgress: "45.35" },
      // December: the latest of each, 63,010,000 in all, as the project's standing says.
      { period: "2020-12", completedInvestment: "63010000.00", physicalProgress: "69.83" },
    ]);
  });

  it("does not drop when another phase starts reporting", () => {
    const history = phasedHistory([
      { totalInvestment: "100", reports: [{ period: "2024-01", completedInvestment: null, physicalProgress: "60" }] },
      {
        totalInvestment: "100",
        reports: [
          { period: "2024-02", completedInvestment: null, physicalProgress: "5" },
          { period: "2024-03", completedInvestment: null, physicalProgress: "10" },
        ],
      },
    ]);
    expect(history.map((point) => point.physicalProgress)).toEqual(["30.00", "32.50", "35.00"]);
  });

  it("has nothing to draw when no phase has reported", () => {
    expect(phasedHistory([{ totalInvestment: "1", reports: [] }])).toEqual([]);
  });
});
