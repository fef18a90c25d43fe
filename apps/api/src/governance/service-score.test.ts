import { describe, expect, it } from "vitest";
import { GOOD_SCORE, gradeOf, isOnScale } from "./service-score.js";

describe("the service score scale", () => {
  it("grades by the published bands, the bounds belonging to the better grade", () => {
    expect([100, 90, 89, 80, 79, 60, 59, 0].map(gradeOf)).toEqual([
      "EXCELLENT",
      "EXCELLENT",
      "GOOD",
      "GOOD",
      "PASS",
      "PASS",
      "FAIL",
      "FAIL",
    ]);
    expect(gradeOf(GOOD_SCORE)).toBe("GOOD");
  });

  it("takes whole points from 0 to 100 only", () => {
    expect([0, 55, 100].every(isOnScale)).toBe(true);
    expect([-1, 101, 85.5, Number.NaN].some(isOnScale)).toBe(false);
  });
});
