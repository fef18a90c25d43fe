import { describe, expect, it } from "vitest";
import { board, columnOf, daysOpen, orderCases } from "./mediation-board.js";

const found = (number: number, status: string, nextStep: string | null, receivedOn: string) => ({
  number,
  status: status as "OPEN",
  nextStep: nextStep as "SCREENING" | null,
  receivedOn,
});

describe("the mediation board", () => {
  const today = new Date(2026, 11, 1);
  const cases = [
    found(1, "CLOSED", "FOLLOW_UP", "2021-01-08"),
    found(2, "OPEN", "MEDIATION", "2026-09-12"),
    found(3, "SETTLED", "FOLLOW_UP", "2026-10-05"),
    found(4, "OPEN", "INVESTIGATION", "2026-11-20"),
    found(5, "OPEN", "SCREENING", "2026-11-30"),
    found(6, "REFERRED", null, "2026-08-01"),
  ];

  it("puts an open case at the step it takes next, a settled one at its follow-up, the rest concluded", () => {
    expect(cases.map(columnOf)).toEqual(["CONCLUDED", "MEDIATION", "FOLLOW_UP", "INVESTIGATION", "SCREENING", "CONCLUDED"]);
  });

  it("counts each column with its oldest case's age in days", () => {
    expect(daysOpen("2026-11-20", today)).toBe(11);
    expect(board(cases, today)).toEqual([
      { column: "SCREENING", count: 1, oldest: 1 },
      { column: "INVESTIGATION", count: 1, oldest: 11 },
      { column: "ANALYSIS", count: 0, oldest: null },
      { column: "MEDIATION", count: 1, oldest: 80 },
      { column: "FOLLOW_UP", count: 1, oldest: 57 },
      { column: "CONCLUDED", count: 2, oldest: null },
    ]);
  });

  it("lists open cases longest first, then settled, then the concluded latest first", () => {
    expect(orderCases(cases).map((c) => c.number)).toEqual([2, 4, 5, 3, 6, 1]);
  });
});
