import { describe, expect, it } from "vitest";
import {
  feedbackQuarter,
  filterNeeds,
  isMonthKey,
  needCounts,
  needFilterOf,
  previousMonth,
  recentMonths,
} from "./community-lists.js";

const need = (number: number, kind: string, status: string, raisedOn: string, overdueDays: number | null = null) => ({
  number,
  kind: kind as "NEED" | "WISH",
  status: status as "OPEN",
  raisedOn,
  overdueDays,
});

describe("a community's lists", () => {
  const needs = [
    need(1, "NEED", "OPEN", "2026-11-18"),
    need(2, "NEED", "IN_PROGRESS", "2026-10-20", 11),
    need(3, "WISH", "CONFIRMED", "2022-07-05"),
    need(4, "NEED", "CLAIMED", "2026-11-10"),
    need(5, "WISH", "OPEN", "2026-11-22"),
  ];

  it("shows overdue claims first, then the latest collected, in each view", () => {
    expect(filterNeeds(needs, "ALL").map((n) => n.number)).toEqual([2, 5, 1, 4, 3]);
    expect(filterNeeds(needs, "OPEN").map((n) => n.number)).toEqual([5, 1]);
    expect(filterNeeds(needs, "PROJECTS").map((n) => n.number)).toEqual([2, 4]);
    expect(filterNeeds(needs, "CLOSED").map((n) => n.number)).toEqual([3]);
    expect(filterNeeds(needs, "WISHES").map((n) => n.number)).toEqual([5, 3]);
    expect(needCounts(needs)).toEqual({ open: 2, inHand: 2, overdue: 1 });
  });

  it("reads its URL parameters defensively", () => {
    expect(needFilterOf("PROJECTS")).toBe("PROJECTS");
    expect(needFilterOf("<script>")).toBe("ALL");
    expect(isMonthKey("2026-11")).toBe(true);
    expect(isMonthKey("2026-13")).toBe(false);
  });

  it("opens on last month's cards and the quarter under way", () => {
    expect(previousMonth(new Date(2026, 11, 1))).toBe("2026-11");
    expect(previousMonth(new Date(2027, 0, 5))).toBe("2026-12");
    expect(feedbackQuarter(2026, new Date(2026, 11, 1))).toBe("2026Q4");
    expect(feedbackQuarter(2026, new Date(2026, 4, 1))).toBe("2026Q2");
    expect(feedbackQuarter(2024, new Date(2026, 4, 1))).toBe("2024Q4");
  });

  it("offers this month, the twelve before it, and an older month the URL asked for", () => {
    const months = recentMonths(new Date(2026, 11, 1), "2020-07");
    expect(months.slice(0, 3)).toEqual(["2026-12", "2026-11", "2026-10"]);
    expect(months).toHaveLength(14);
    expect(months.at(-1)).toBe("2020-07");
    expect(recentMonths(new Date(2026, 0, 9), "2025-12").slice(0, 2)).toEqual(["2026-01", "2025-12"]);
  });
});
