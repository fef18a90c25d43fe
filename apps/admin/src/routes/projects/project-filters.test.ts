import { describe, expect, it } from "vitest";
import { filtersFromParams, parseAmount } from "./project-filters.js";

describe("the project list's filters in the URL", () => {
  it("reads search, statuses, category, amounts and order", () => {
    expect(
      filtersFromParams({
        q: " 防洪堤 ",
        status: "IN_PROGRESS,STARTED",
        category: "FLOOD_CONTROL",
        min: "60,000,000",
        max: "260000000.5",
        order: "TOTAL_INVESTMENT_DESC",
      }),
    ).toEqual({
      filters: {
        search: "防洪堤",
        status: ["IN_PROGRESS", "STARTED"],
        category: "FLOOD_CONTROL",
        min: "60000000",
        max: "260000000.5",
        orderBy: "TOTAL_INVESTMENT_DESC",
      },
      problems: [],
    });
  });

  it("drops unknown statuses and orders, and names an amount that is not one", () => {
    const { filters, problems } = filtersFromParams({ status: "BUILDING", order: "RANDOM", min: "一千万", max: "1e9" });
    expect(filters).toEqual({ orderBy: "CODE" });
    expect(problems).toEqual([
      { param: "min", value: "一千万" },
      { param: "max", value: "1e9" },
    ]);
  });

  it("accepts yuan with at most two decimals", () => {
    expect(parseAmount("12.34")).toBe("12.34");
    expect(parseAmount("12.345")).toBeNull();
    expect(parseAmount("-5")).toBeNull();
    expect(parseAmount("")).toBeNull();
  });
});
