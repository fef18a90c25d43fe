import { describe, expect, it } from "vitest";
import { briefingAsOf, briefingVariables, lastFullMonth } from "./briefing-variables.js";

describe("the briefing's variables", () => {
  it("judge a past month on its last day and the current one on today", () => {
    expect(briefingAsOf("2026-10", "2026-12-01")).toBe("2026-10-31");
    expect(briefingAsOf("2026-02", "2026-12-01")).toBe("2026-02-28");
    expect(briefingAsOf("2026-12", "2026-12-01")).toBe("2026-12-01");
  });

  it("show the latest year with funds and with indicator values, not after the month's", () => {
    const years = { fundYears: [2019, 2020], indicatorYears: [2021, 2022, 2023, 2027] };
    expect(briefingVariables("522626000000", "2026-11", years, "2026-12-01")).toEqual({
      variables: { code: "522626000000", month: "2026-11", fundYear: 2020, indicatorYear: "2023", asOf: "2026-11-30" },
      fundYear: 2020,
      indicatorYear: 2023,
    });
    expect(briefingVariables("522626000000", "2026-11", { fundYears: [], indicatorYears: [] }, "2026-12-01").fundYear).toBe(2026);
  });

  it("default to the month before this one", () => {
    expect(lastFullMonth("2026-12-01")).toBe("2026-11");
    expect(lastFullMonth("2027-01-15")).toBe("2026-12");
  });
});
