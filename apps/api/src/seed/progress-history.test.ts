import { describe, expect, it } from "vitest";
import { monthlyProgressHistory } from "./progress-history.js";

describe("monthlyProgressHistory", () => {
  const plan = {
    from: "2018-06",
    to: "2020-12",
    finalCompletedInvestment: "15340000",
    finalPhysicalProgress: "64",
    seedText: "CG-FHD-ECO-1",
  };

  it("covers every month and ends exactly at the published figures", () => {
    const history = monthlyProgressHistory(plan);
    expect(history).toHaveLength(31);
    expect(history[0]?.period).toBe("2018-06");
    const last = history.at(-1);
    expect(last?.period).toBe("2020-12");
    expect(last?.completedInvestment?.toFixed(2)).toBe("15340000.00");
    expect(last?.physicalProgress?.toFixed(2)).toBe("64.00");
  });

  it("never falls from one month to the next and starts well below the end", () => {
    const history = monthlyProgressHistory(plan);
    for (let i = 1; i < history.length; i++) {
      expect(history[i]!.completedInvestment!.gte(history[i - 1]!.completedInvestment!)).toBe(true);
      expect(history[i]!.physicalProgress!.gte(history[i - 1]!.physicalProgress!)).toBe(true);
    }
    expect(history[0]!.completedInvestment!.lt("1534000")).toBe(true);
  });

  it("is the same on every run and differs between projects", () => {
    const again = monthlyProgressHistory(plan).map((m) => m.completedInvestment?.toFixed(2));
    expect(monthlyProgressHistory(plan).map((m) => m.completedInvestment?.toFixed(2))).toEqual(again);
    const other = monthlyProgressHistory({ ...plan, seedText: "CG-FHD-ECO-2" }).map((m) => m.completedInvestment?.toFixed(2));
    expect(other).not.toEqual(again);
  });

  it("leaves a figure out of every month when it was never published", () => {
    const history = monthlyProgressHistory({ ...plan, finalCompletedInvestment: null });
    expect(history.every((m) => m.completedInvestment === null)).toBe(true);
    expect(history.at(-1)?.physicalProgress?.toFixed(0)).toBe("64");
  });
});
