import { describe, expect, it } from "vitest";
import { moneyRatio, remainingMoney, sumMoney } from "./sums.js";

describe("sums of money", () => {
  it("adds money exactly, to the fen, and gives the rate", () => {
    // 城北新区生态防洪堤's three phases: 129,512,500 planned, 63,010,000 completed.
    const ratio = moneyRatio([
      { part: "15340000", whole: "43375700" },
      { part: "7870000", whole: "35061400" },
      { part: "39800000", whole: "51075400" },
    ]);
    expect(ratio).toEqual({ part: "63010000.00", whole: "129512500.00", percent: 48.65 });
    expect(
      moneyRatio([
        { part: "0.10", whole: "0.20" },
        { part: "0.20", whole: "0.10" },
      ]),
    ).toMatchObject({
      part: "0.30",
      whole: "0.30",
      percent: 100,
    });
    expect(moneyRatio([])).toEqual({ part: "0.00", whole: "0.00", percent: null });
  });

  it("leaves the rest of a plan exactly, and nothing below zero", () => {
    expect(remainingMoney("260000000", "63010000")).toBe("196990000.00");
    expect(remainingMoney("0.30", "0.10")).toBe("0.20");
    expect(remainingMoney("100", "120.50")).toBe("0.00");
  });

  it("adds amounts to the fen", () => {
    expect(sumMoney(["15340000", "7870000", "39800000"])).toBe("63010000.00");
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney([])).toBe("0.00");
  });
});
