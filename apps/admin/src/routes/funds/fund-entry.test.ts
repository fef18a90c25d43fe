import { describe, expect, it } from "vitest";
import { yearAmountsOf, yearOf } from "./fund-entry.js";

describe("what a clerk types into the fund forms", () => {
  it("reads amounts by year separated as clerks separate them, thousands separators dropped", () => {
    expect(yearAmountsOf("1,000,000；2000000; 3000000、4000000")).toEqual(["1000000", "2000000", "3000000", "4000000"]);
    expect(yearAmountsOf("")).toBeNull();
    expect(yearAmountsOf(null)).toBeNull();
  });

  it("sends a year that is no whole number as 0, for the API to refuse beside the field", () => {
    expect(yearOf("2025")).toBe(2025);
    expect(yearOf("2025.5")).toBe(0);
    expect(yearOf("明年")).toBe(0);
    expect(yearOf(null)).toBeNull();
  });
});
