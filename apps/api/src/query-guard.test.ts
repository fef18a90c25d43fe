import { getIntrospectionQuery, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkDocumentSize, checkOperation, DEFAULT_LIMITS } from "./query-guard.js";

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

/** Fragments each spreading the one before twice: 2^levels fields in a few hundred bytes. */
const fragmentBomb = (levels: number) => {
  const fragments = [`fragment F0 on Region { code }`];
  for (let level = 1; level <= levels; level++) {
    fragments.push(`fragment F${level} on Region { ...F${level - 1} children { ...F${level - 1} } }`);
  }
  return `{ provinces { ...F${levels} } } ${fragments.join(" ")}`;
};

describe("checkDocumentSize", () => {
  it("refuses fragments that expand past the limit, in time linear in the document", () => {
    const started = performance.now();
    expect(checkDocumentSize(parse(fragmentBomb(40)))).toMatchObject({
      extensions: { code: "QUERY_TOO_COSTLY", reason: "QUERY_TOO_LARGE" },
    });
    // 2^40 selections expanded one by one would never finish; counted once per fragment it is instant.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("lets the dashboard's and GraphiQL's documents through, and leaves a fragment cycle to validation", () => {
    expect(checkDocumentSize(parse(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })))).toBeUndefined();
    expect(checkDocumentSize(parse(fragmentBomb(8)))).toBeUndefined();
    expect(
      checkDocumentSize(parse(`{ provinces { ...A } } fragment A on Region { code ...B } fragment B on Region { ...A }`)),
    ).toBeUndefined();
  });
});

describe("checkOperation with variables and lists", () => {
  const nested = (first: string) =>
    `query($n: Int = 100) { projects(regionCode: "x", first: ${first}) { edges { node { progressReports(first: ${first}) { edges { node { period completedInvestment physicalProgress } } } } } } }`;

  it("counts a page size left to its variable's default as it counts the same literal", () => {
    expect(check(nested("100"))).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" } });
    expect(check(nested("$n"))).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" } });
    expect(check(nested("$n"), { n: 5 })).toBeUndefined();
  });

  it("multiplies what a field asks by the length of its list argument, literal or variable", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `id${i}`);
    const query = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Region { code nameZh nameEn level kind codeIsOfficial path { code } children { code } parent { code } investmentSummary(groupBy: CATEGORY) { key plannedInvestment completedInvestment } } } }`;
    expect(check(query, { ids })).toMatchObject({ extensions: { code: "QUERY_TOO_COSTLY" } });
    expect(check(query, { ids: ids.slice(0, 10) })).toBeUndefined();
  });
});
