import { getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkOperation, DEFAULT_LIMITS } from "./query-guard.js";

const check = (query: string, variables?: Record<string, unknown>) => checkOperation(parse(query), undefined, variables);

describe("checkOperation", () => {
  it("lets an ordinary dashboard query through", () => {
    expect(
      check(
        `{ projects(regionCode: "522626000000", first: 100) { edges { node { code phases { code } progressReports(first: 12) { edges { node { period } } } } } } }`,
      ),
    ).toBeUndefined();
  });

  it("refuses a query nested too deep", () => {
    const deep = `{ region(code: "1") { ${"children { ".repeat(DEFAULT_LIMITS.maxDepth)} code ${"} ".repeat(DEFAULT_LIMITS.maxDepth)} } }`;
    expect(check(deep)).toMatchObject({
      extensions: { code: "QUERY_TOO_DEEP" },
      message: expect.stringContaining("deeper than 12"),
    });
  });

  it("lets the introspection query of GraphiQL and code generators through, but not an endless ofType chain", () => {
    expect(check(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }))).toBeUndefined();
    const chain = (n: number) =>
      `{ __type(name: "Region") { fields { type { ${"ofType { ".repeat(n)} name ${"} ".repeat(n)} } } } }`;
    expect(check(chain(DEFAULT_LIMITS.maxDepth))).toBeUndefined();
    expect(check(chain(DEFAULT_LIMITS.maxDepth + 1))).toMatchObject({ extensions: { code: "QUERY_TOO_DEEP" } });
  });

  it("refuses an alias flood", () => {
    const flood = `{ ${Array.from({ length: 41 }, (_, i) => `a${i}: provinces { code }`).join(" ")} }`;
    expect(check(flood)).toMatchObject({ extensions: { code: "TOO_MANY_ALIASES" } });
  });

  it("refuses a huge page, whether written in the query or passed as a variable", () => {
    expect(check(`{ projects(regionCode: "x", first: 5000) { edges { node { code } } } }`)).toMatchObject({
      extensions: { code: "PAGE_TOO_LARGE" },
      message: expect.stringContaining("projects: first is 5000"),
    });
    expect(
      check(`query Q($n: Int) { projects(regionCode: "x", first: $n) { edges { node { code } } } }`, { n: 101 }),
    ).toMatchObject({
      extensions: { code: "PAGE_TOO_LARGE" },
    });
  });

  it("refuses nested pages that multiply into too many objects", () => {
    const costly = `{ projects(regionCode: "x", first: 100) { edges { node { progressReports(first: 100) { edges { node { period completedInvestment physicalProgress note } } } } } } }`;
    expect(check(costly)).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" } });
  });

  it("counts fields reached through fragments", () => {
    const viaFragment = `query { ...F } fragment F on Query { ${Array.from({ length: 41 }, (_, i) => `a${i}: provinces { code }`).join(" ")} }`;
    expect(check(viaFragment)).toMatchObject({ extensions: { code: "TOO_MANY_ALIASES" } });
  });
});
