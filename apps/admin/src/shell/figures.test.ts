import { describe, expect, it } from "vitest";
import { figuresFetch, figuresOfParams, switchFigures } from "./figures.js";

describe("which figures the dashboard reads", () => {
  it("asks the API for approved figures only after switching to them", async () => {
    const sent: (string | null)[] = [];
    const fetchWith = figuresFetch(async (_input, init) => {
      sent.push(new Headers(init?.headers).get("X-Revita-Figures"));
      return new Response("{}");
    });
    switchFigures("all");
    await fetchWith("/graphql", { headers: { "content-type": "application/json" } });
    expect(switchFigures("approved")).toBe(true);
    expect(switchFigures("approved")).toBe(false);
    await fetchWith("/graphql", { headers: { "content-type": "application/json" } });
    expect(switchFigures("published")).toBe(true);
    await fetchWith("/graphql", { headers: { "content-type": "application/json" } });
    switchFigures("all");
    expect(sent).toEqual([null, "approved", "published"]);
  });

  it("reads them from the URL, anything else meaning all", () => {
    expect(figuresOfParams({ figures: "approved" })).toBe("approved");
    expect(figuresOfParams({ figures: "published" })).toBe("published");
    expect(figuresOfParams({ figures: "x" })).toBe("all");
    expect(figuresOfParams({})).toBe("all");
  });
});
