import { describe, expect, it } from "vitest";
import { InvalidPeriodError, monthsBetween, parsePeriod } from "./period.js";

describe("parsePeriod", () => {
  it("reads years, quarters and months with their first and last days", () => {
    expect(parsePeriod("2023")).toMatchObject({ type: "YEAR", start: "2023-01-01", end: "2023-12-31" });
    expect(parsePeriod("2023Q2")).toMatchObject({ type: "QUARTER", index: 2, start: "2023-04-01", end: "2023-06-30" });
    expect(parsePeriod("2024-02")).toMatchObject({ type: "MONTH", index: 2, start: "2024-02-01", end: "2024-02-29" });
    expect(parsePeriod("2023-02").end).toBe("2023-02-28");
    expect(parsePeriod("2020Q4").end).toBe("2020-12-31");
  });

  it.each(["2023-13", "2023Q5", "23", "2023-6", "2023q2", " 2023", "1800", "2023-00"])(
    "refuses %j with a message that shows the accepted shapes",
    (input) => {
      expect(() => parsePeriod(input)).toThrow(InvalidPeriodError);
      expect(() => parsePeriod(input)).toThrow(/2023Q2/);
    },
  );
});

describe("monthsBetween", () => {
  it("lists months across a year boundary", () => {
    expect(monthsBetween("2019-11", "2020-02")).toEqual(["2019-11", "2019-12", "2020-01", "2020-02"]);
  });
  it("is empty when the range is reversed", () => {
    expect(monthsBetween("2020-02", "2020-01")).toEqual([]);
  });
});
