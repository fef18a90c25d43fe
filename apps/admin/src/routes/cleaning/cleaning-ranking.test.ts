import { describe, expect, it } from "vitest";
import { monthFigures, rectification } from "./cleaning-ranking.js";

describe("a month's cleaning figures", () => {
  it("counts the villages and those passing, and averages their scores to one decimal", () => {
    expect(
      monthFigures({
        villages: [
          { score: "93.0", passed: true },
          { score: "88.0", passed: true },
          { score: "70.5", passed: false },
        ],
      }),
    ).toEqual({ villages: 3, passed: 2, average: "83.8" });
    expect(monthFigures({ villages: [] })).toEqual({ villages: 0, passed: 0, average: "—" });
  });

  it("says where an inspection's problems stand", () => {
    expect(rectification({ problems: null })).toBe("NONE");
    expect(rectification({ problems: "沟渠有垃圾", fixedOn: "2026-11-20", overdueDays: null })).toBe("FIXED");
    expect(rectification({ problems: "沟渠有垃圾", fixedOn: null, overdueDays: 3 })).toBe("OVERDUE");
    expect(rectification({ problems: "沟渠有垃圾", fixedOn: null, overdueDays: null })).toBe("PENDING");
  });
});
