import { describe, expect, it } from "vitest";
import { DEFAULT_REGION, hrefOf, pagePlace, parsePlace, regionOf, withParams, yearOf } from "./places.js";

describe("places in the URL", () => {
  it("reads a page, its region, year and filters, and writes them back the same way", () => {
    const place = parsePlace("/projects", "?status=IN_PROGRESS&region=421003000000&year=2023&q=");
    expect(place).toEqual({ page: "projects", params: { region: "421003000000", status: "IN_PROGRESS", year: "2023" } });
    expect(hrefOf(place)).toBe("/projects?region=421003000000&status=IN_PROGRESS&year=2023");
    expect(parsePlace("/projects/", "")).toEqual({ page: "projects", params: {} });
  });

  it("reads a project's code from its path, escaped or not", () => {
    const place = parsePlace("/projects/CG-FH-CBSTD", "?region=522626000000");
    expect(place).toMatchObject({ page: "project", projectCode: "CG-FH-CBSTD" });
    expect(hrefOf({ page: "project", projectCode: "A/B 1", params: {} })).toBe("/projects/A%2FB%201");
    expect(parsePlace("/projects/A%2FB%201", "").projectCode).toBe("A/B 1");
    // A mistyped link: the project page then says no project has that code.
    expect(parsePlace("/projects/CG-%E0%A4%A", "").projectCode).toBe("CG-%E0%A4%A");
  });

  it("shows the overview for a path it does not know", () => {
    expect(parsePlace("/no/such/page", "?region=421003000000")).toEqual({
      page: "overview",
      params: { region: "421003000000" },
    });
  });

  it("keeps the region and year across pages and drops the other page's filters", () => {
    const projects = parsePlace("/projects", "?region=421003000000&year=2023&status=PLANNED");
    expect(hrefOf(pagePlace(projects, "funds"))).toBe("/funds?region=421003000000&year=2023");
    expect(hrefOf(pagePlace(projects, "project", {}, "JZQ-1"))).toBe("/projects/JZQ-1?region=421003000000&year=2023");
  });

  it("changes and removes parameters", () => {
    const place = parsePlace("/", "?region=421003000000&year=2023");
    expect(hrefOf(withParams(place, { year: undefined, region: "522626000000" }))).toBe("/?region=522626000000");
  });

  it("falls back to Cengong County and to the latest year for values it cannot use", () => {
    expect(regionOf(parsePlace("/", "?region=42'; drop"))).toBe(DEFAULT_REGION);
    expect(regionOf(parsePlace("/", ""))).toBe(DEFAULT_REGION);
    expect(yearOf(parsePlace("/", "?year=2023"))).toBe(2023);
    expect(yearOf(parsePlace("/", "?year=abc"))).toBeUndefined();
    expect(yearOf(parsePlace("/", "?year=20231"))).toBeUndefined();
  });
});

describe("the route table", () => {
  it("reads back every page's path as that page", async () => {
    const { ROUTES } = await import("./routes.js");
    for (const page of Object.keys(ROUTES) as (keyof typeof ROUTES)[]) {
      const place = { page, params: { region: "522626000000" }, ...(page === "project" ? { projectCode: "CG-FH-CBSTD" } : {}) };
      const url = new URL(hrefOf(place), "http://revita.test");
      expect(parsePlace(url.pathname, url.search)).toEqual(place);
    }
  });
});
