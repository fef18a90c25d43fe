import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { DEMO_PASSWORD } from "../seed/demo/users.js";
import { type RunningServer, startServer } from "../server.js";

/**
 * The compiled read path must answer exactly as the usual one: two servers over the same
 * database, one compiling and one not (neither keeping answers), are asked the same documents by
 * the same users, and their bodies must be the same text — keys in the same order, the same
 * numbers, dates, ids, cursors and nulls. Each case also says whether the compiled path answered
 * (or handed the operation on), so a case cannot pass by never being compiled.
 */
let db: TestDatabase;
let compiling: RunningServer;
let usual: RunningServer;

beforeAll(async () => {
  db = await openTestDatabase("demo");
  compiling = await startServer(db, { port: 0, responseCache: false, compiledReads: true });
  usual = await startServer(db, { port: 0, responseCache: false, compiledReads: false });
});
afterAll(async () => {
  await compiling?.stop();
  await usual?.stop();
  await db?.close();
});

async function post(server: RunningServer, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

const sessions = new Map<string, Record<string, string>>();
async function signIn(username: string): Promise<Record<string, string>> {
  const known = sessions.get(username);
  if (known) return known;
  const response = await fetch(`${usual.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username } }`,
      variables: { u: username, p: DEMO_PASSWORD },
    }),
  });
  const headers = { cookie: response.headers.getSetCookie()[0]!.split(";")[0]! };
  sessions.set(username, headers);
  return headers;
}

/** Asks both servers; the answers must be the same text. Returns how the compiled path took it. */
async function same(query: string, variables: Record<string, unknown> = {}, username = "cengong.viewer", headers = {}) {
  const session = username ? await signIn(username) : {};
  const before = compiling.compiledReads!.stats();
  const compiled = await post(compiling, query, variables, { ...session, ...headers });
  const after = compiling.compiledReads!.stats();
  const expected = await post(usual, query, variables, { ...session, ...headers });
  expect(compiled.text).toBe(expected.text);
  expect(compiled.status).toBe(expected.status);
  if (after.answered > before.answered) return { took: "answered" as const, body: JSON.parse(compiled.text) };
  if (after.handedOn > before.handedOn) return { took: "handedOn" as const, body: JSON.parse(compiled.text) };
  if (after.failed > before.failed) return { took: "failed" as const, body: JSON.parse(compiled.text) };
  return { took: "notCompiled" as const, body: JSON.parse(compiled.text) };
}

const CENGONG = "522626000000";
const JINGZHOU_DISTRICT = "421003000000";
const MASHAN = "421003102000";

async function subjects() {
  const withPhases = await db.prisma.project.findFirstOrThrow({ where: { phases: { some: {} } }, orderBy: { code: "asc" } });
  const phase = await db.prisma.project.findFirstOrThrow({ where: { parentId: withPhases.id }, orderBy: { phaseNumber: "asc" } });
  const reported = await db.prisma.project.findFirstOrThrow({
    where: { progressReports: { some: { completedInvestment: { not: null } } }, parentId: null },
    orderBy: { code: "asc" },
  });
  return { withPhases: withPhases.code, phase: phase.code, reported: reported.code };
}

const PROJECT_FIELDS = `id code nameZh nameEn version status totalInvestment phaseNumber plannedStart plannedFinish
  actualStart actualFinish deliveryModel description source sourceKind __typename
  category { code nameZh nameEn isIndustry }`;

describe("compiled reads answer as the usual path does", () => {
  it("bench:peer's q1–q3 and the fields they read", async () => {
    const { withPhases, reported } = await subjects();
    const q1 = await same(
      `query Q1($code: String!) { project(code: $code) { code nameZh status totalInvestment
        region { code nameZh } phases { code phaseNumber totalInvestment } } }`,
      { code: withPhases },
    );
    expect(q1.took).toBe("answered");
    expect(q1.body.data.project.phases.length).toBeGreaterThan(0);

    const q2 = await same(
      `query Q2($code: String!) { projects(regionCode: $code, first: 50) { totalCount
        edges { node { code nameZh totalInvestment region { code nameZh } } } } }`,
      { code: CENGONG },
    );
    expect(q2.took).toBe("answered");
    expect(q2.body.data.projects.edges.length).toBeGreaterThan(5);

    const q3 = await same(
      `query Q3($code: String!) { region(code: $code) { children { code nameZh
        projects(first: 10) { edges { node { code progressReports(first: 1) { edges { node { period completedInvestment } } } } } } } } }`,
      { code: CENGONG },
    );
    expect(q3.took).toBe("answered");
    expect(q3.body.data.region.children.length).toBeGreaterThan(3);

    const everything = await same(
      `query($code: String!) { project(code: $code) { ${PROJECT_FIELDS}
        region { id code codeIsOfficial level kind nameZh nameEn __typename parent { code } access { read edit approve administer __typename } }
        parent { code } phases { code parent { code } }
        progressReports(first: 3) { __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
          edges { __typename cursor node { id period completedInvestment physicalProgress note sourceKind overBudgetReason
            correctionReason reportedBy version __typename } } } } }`,
      { code: reported },
    );
    expect(everything.took).toBe("answered");
    expect(everything.body.data.project.progressReports.edges.length).toBeGreaterThan(0);
  });

  it("aliases, fragments, repeated keys, orders, filters, page sizes and empty pages", async () => {
    const { phase } = await subjects();
    const cases: [string, Record<string, unknown>][] = [
      [
        `query($c: String!) { a: region(code: $c) { ...R n: nameZh code } b: region(code: "522626101000") { code }
          none: region(code: "000000000000") { code } }
         fragment R on Region { code ... on Region { nameEn } children(includeCeased: true) { code } }`,
        { c: CENGONG },
      ],
      [
        `query($c: String!, $o: ProjectOrder, $n: Int) { projects(regionCode: $c, first: $n, orderBy: $o) { totalCount
          pageInfo { hasNextPage endCursor } edges { cursor node { code totalInvestment } } } }`,
        { c: CENGONG, o: "TOTAL_INVESTMENT_DESC", n: 7 },
      ],
      [
        `query($c: String!) { projects(regionCode: $c, orderBy: NAME, status: [IN_PROGRESS, COMPLETED]) { totalCount edges { node { code status } } } }`,
        { c: CENGONG },
      ],
      [
        `query($c: String!) { projects(regionCode: $c, categoryCode: "NO_SUCH_CATEGORY") { totalCount pageInfo { hasNextPage startCursor endCursor } edges { node { code } } } }`,
        { c: CENGONG },
      ],
      [
        `query($c: String!) { region(code: $c) { projects(first: 100, orderBy: TOTAL_INVESTMENT_ASC) { totalCount } } }`,
        { c: CENGONG },
      ],
      [
        `query($p: String!) { project(code: $p) { code parent { code phases { code } } } nothing: project(code: "NO-SUCH") { code } }`,
        { p: phase },
      ],
      [`{ __typename region(code: "${CENGONG}") { __typename children { code children { code level kind } } } }`, {}],
    ];
    for (const [query, variables] of cases) expect((await same(query, variables)).took).toBe("answered");
  });

  it("reads only approved or published figures as the usual path does", async () => {
    const query = `query($c: String!) { projects(regionCode: $c, first: 5) { totalCount
      edges { node { code progressReports(first: 2) { totalCount edges { node { period completedInvestment } } } } } } }`;
    const all = await same(query, { c: CENGONG });
    expect(all.took).toBe("answered");
    for (const figures of ["approved", "published"]) {
      const only = await same(query, { c: CENGONG }, "cengong.viewer", { "x-revita-figures": figures });
      expect(only.took).toBe("answered");
      // The demo's reports are not approved (nor published): the case is seen only if the figures differ.
      expect(JSON.stringify(only.body)).not.toBe(JSON.stringify(all.body));
    }
  });

  it("hands on what the rules refuse in part, so the refusal is said the usual way", async () => {
    // A town's mediator sees the district's towns, but the projects of the other towns are refused.
    const refused = await same(
      `query($c: String!) { region(code: $c) { children { code projects(first: 2) { totalCount } } } }`,
      { c: JINGZHOU_DISTRICT },
      "mashan.mediator",
    );
    expect(refused.took).toBe("handedOn");
    expect(refused.body.errors[0].extensions.code).toBe("FORBIDDEN");
    // …and their own town's are compiled.
    expect((await same(`{ region(code: "${MASHAN}") { projects { totalCount } } }`, {}, "mashan.mediator")).took).toBe(
      "answered",
    );
    // A list of a region not readable, or not there at all.
    expect((await same(`{ projects(regionCode: "${CENGONG}") { totalCount } }`, {}, "jingzhou.analyst")).took).toBe("handedOn");
    expect((await same(`{ projects(regionCode: "999999999999") { totalCount } }`, {})).took).toBe("handedOn");
    // Anonymous: not compiled; told to sign in.
    expect((await same(`{ region(code: "${CENGONG}") { code } }`, {}, "")).took).toBe("notCompiled");
  });

  it("leaves to the usual path what it does not know", async () => {
    const { reported } = await subjects();
    const cases: [string, Record<string, unknown>][] = [
      [`query($c: String!) { project(code: $c) { code standing { completionRate } } }`, { c: reported }],
      [`query($c: String!, $s: Boolean!) { project(code: $c) { code @include(if: $s) } }`, { c: reported, s: true }],
      [`query($c: String!) { project(code: $c) { progressReports(last: 1) { edges { node { period } } } } }`, { c: reported }],
      [`query($c: String!) { project(code: $c) { progressReports(first: 101) { totalCount } } }`, { c: reported }],
      [`query($c: String!) { projects(regionCode: $c, search: "水") { totalCount } }`, { c: CENGONG }],
      [`query($c: String!) { region(code: $c) { ... on Node { id } } }`, { c: CENGONG }],
      [`query($c: String!) { project(code: $c) { code } me { username } }`, { c: reported }],
      [`query { project(code: 5) { code } }`, {}],
      [`query($c: String!) { project(code: $c) { code } }`, {}],
    ];
    for (const [query, variables] of cases) expect((await same(query, variables)).took).toBe("notCompiled");
  });

  it("tries a document again with other values, and keeps answering one that never compiles", async () => {
    const { reported } = await subjects();
    // A page size outside 1–100 is the values' fault: the same document compiles with others.
    const paged = `query($c: String!, $n: Int!) { project(code: $c) { code progressReports(first: $n) { totalCount } } }`;
    expect((await same(paged, { c: reported, n: 101 })).took).toBe("notCompiled");
    expect((await same(paged, { c: reported, n: 5 })).took).toBe("answered");
    // A field not listed is the document's: asked again, it is answered the usual way each time.
    const unlisted = `query($c: String!) { project(code: $c) { code standing { completionRate } } }`;
    for (let round = 0; round < 3; round++) expect((await same(unlisted, { c: reported })).took).toBe("notCompiled");
  });

  it("a region's investment summary, by every grouping, at every level, for every set of figures", async () => {
    const groups = `key label labelEn projectCount plannedInvestment completedInvestment completionRate __typename`;
    const query = `query($c: String!) { region(code: $c) { code
      byCategory: investmentSummary(groupBy: CATEGORY) { ${groups} }
      byStatus: investmentSummary(groupBy: STATUS) { ${groups} }
      byChild: investmentSummary(groupBy: CHILD_REGION) { ${groups} } } }`;
    const places: [string, string][] = [
      [CENGONG, "cengong.viewer"],
      [JINGZHOU_DISTRICT, "jingzhou.analyst"],
      [MASHAN, "mashan.mediator"],
    ];
    // A village of the district with projects, the district's city, the province above Cengong.
    places.push(
      ["421003101200", "jingzhou.analyst"],
      ["421000000000", "jingzhoucity.analyst"],
      ["520000000000", "guizhou.viewer"],
    );
    let nonEmpty = 0;
    for (const [code, username] of places) {
      for (const figures of ["all", "approved", "published"]) {
        const answer = await same(query, { c: code }, username, figures === "all" ? {} : { "x-revita-figures": figures });
        expect(answer.took, `${code} ${figures}`).toBe("answered");
        if (answer.body.data.region.byCategory.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(3);
    // Another region's figures are refused the usual way.
    expect((await same(query, { c: CENGONG }, "mashan.mediator")).took).toBe("handedOn");
    // A grouping given as a variable, and one that is not a grouping.
    const byVariable = `query($c: String!, $g: InvestmentGrouping!) { region(code: $c) { investmentSummary(groupBy: $g) { key projectCount } } }`;
    expect((await same(byVariable, { c: CENGONG, g: "CATEGORY" })).took).toBe("answered");
    expect((await same(byVariable, { c: CENGONG, g: "NONE" })).took).toBe("notCompiled");
  });

  it("the dashboard's region scope: provinces, the region's ancestors and children with their access", async () => {
    const scope = `query RegionScope($code: String!) {
      provinces { code nameZh nameEn }
      region(code: $code) { code nameZh nameEn level access { read edit approve administer }
        ancestors { code nameZh nameEn } children { code nameZh nameEn access { read } } } }`;
    for (const [code, username] of [
      [MASHAN, "mashan.mediator"],
      [JINGZHOU_DISTRICT, "mashan.mediator"],
      ["421003101200", "jingzhou.analyst"],
      [CENGONG, "cengong.viewer"],
      ["520000000000", "guizhou.viewer"],
    ] as const) {
      const answer = await same(scope, { code }, username);
      expect(answer.took, code).toBe("answered");
      expect(answer.body.data.provinces.length).toBeGreaterThan(1);
    }
    const village = await same(scope, { code: "421003101200" }, "jingzhou.analyst");
    expect(village.body.data.region.ancestors.map((region: { code: string }) => region.code)).toEqual([
      "420000000000",
      "421000000000",
      "421003000000",
      "421003101000",
    ]);
  });
});
