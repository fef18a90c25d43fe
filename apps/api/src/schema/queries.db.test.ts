import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, provinceViewer, runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";

let db: TestDatabase;
let statements: string[] = [];
beforeAll(async () => {
  db = await openTestDatabase("demo", { onQuery: (sql) => statements.push(sql) });
});
afterAll(async () => {
  await db?.close();
});

/** The dashboard's project list: every project of a county with phases, category and latest report. */
const COUNTY_PROJECTS = `
  query CountyProjects($code: String!) {
    projects(regionCode: $code, first: 100) {
      totalCount
      edges { node {
        code nameZh status totalInvestment
        standing { completedInvestment completionRate physicalProgress behindSchedule }
        category { nameZh isIndustry }
        region { nameZh }
        phases { code totalInvestment progressReports(first: 1) { edges { node { period completedInvestment physicalProgress } } } }
        progressReports(first: 1) { edges { node { period completedInvestment physicalProgress } } }
      } }
    }
  }`;

describe("reading the demo data through GraphQL", () => {
  it("filters projects by text in either language, status, category and amount", async () => {
    const codes = async (filter: string) =>
      (
        await runGraphql<{ projects: { edges: { node: { code: string } }[] } }>(
          db.prisma,
          `{ projects(regionCode: "522626000000", first: 50, ${filter}) { edges { node { code } } } }`,
        )
      ).projects.edges.map((edge) => edge.node.code);
    expect(await codes(`search: "防洪堤"`)).toEqual(["CG-FH-CBFHD", "CG-FH-CBSTD"]);
    expect(await codes(`search: "EMBANKMENT"`)).toEqual(["CG-FH-CBFHD", "CG-FH-CBSTD"]);
    // 城北新区防洪堤 and 城北新区生态防洪堤工程, typed in pinyin or in initials.
    expect(await codes(`search: "Fang Hong Di"`)).toEqual(["CG-FH-CBFHD", "CG-FH-CBSTD"]);
    expect(await codes(`search: "cbxqfhd"`)).toEqual(["CG-FH-CBFHD"]);
    expect(await codes(`search: "shuiku"`)).toEqual(["CG-SL-BXSK", "CG-SL-XXSK"]);
    expect(await codes(`status: [ACCEPTED]`)).toEqual(["CG-SL-BXSK"]);
    expect(await codes(`categoryCode: "SEWAGE"`)).toEqual(["CG-WS-XCKR", "CG-WS-XZPPP"]);
    expect(await codes(`minTotalInvestment: "200000000"`)).toEqual(["CG-FH-CBSTD", "CG-GS-GW", "CG-SL-XXSK"]);
    expect(await codes(`minTotalInvestment: "60000000", maxTotalInvestment: "60000000"`)).toEqual(["CG-FH-CBFHD"]);
  });

  it("orders by total investment across pages without skipping or repeating a project", async () => {
    type Page = {
      projects: {
        pageInfo: { endCursor: string; hasNextPage: boolean };
        edges: { node: { code: string; totalInvestment: string } }[];
      };
    };
    const seen: { code: string; totalInvestment: string }[] = [];
    let after: string | null = null;
    do {
      const page: Page = await runGraphql<Page>(
        db.prisma,
        `query($after: String) { projects(regionCode: "522626000000", first: 3, after: $after, orderBy: TOTAL_INVESTMENT_DESC) {
          pageInfo { endCursor hasNextPage } edges { node { code totalInvestment } } } }`,
        { after },
      );
      seen.push(...page.projects.edges.map((edge) => edge.node));
      after = page.projects.pageInfo.hasNextPage ? page.projects.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(11);
    expect(new Set(seen.map((project) => project.code)).size).toBe(11);
    const amounts = seen.map((project) => Number(project.totalInvestment));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(seen[0]).toEqual({ code: "CG-SL-XXSK", totalInvestment: "468000000" });
  });

  it("walks the tree: a village's breadcrumb and every village under a district", async () => {
    const data = await runGraphql<{
      village: { ancestors: { nameZh: string }[] };
      district: { descendants: { totalCount: number; edges: { node: { nameZh: string } }[] } };
    }>(
      db.prisma,
      `{
        village: region(code: "${await codeOf("背鹅村")}") { ancestors { nameZh } }
        district: region(code: "421003000000") { descendants(level: VILLAGE, first: 50) { totalCount edges { node { nameZh } } } }
      }`,
    );
    expect(data.village.ancestors.map((r) => r.nameZh)).toEqual(["贵州省", "黔东南苗族侗族自治州", "岑巩县", "平庄镇"]);
    // Nine villages and communities of the articles on indicators, and 迎宾社区 of the micro-wishes.
    expect(data.district.descendants.totalCount).toBe(10);
    expect(data.district.descendants.edges.map((e) => e.node.nameZh)).toContain("凤鸣社区");
  });

  it("lists Jingzhou District's funds with their allocations and payments", async () => {
    const data = await runGraphql<{
      funds: {
        totalCount: number;
        edges: {
          node: { sourceType: string; amount: string; performanceGrade: string | null; allocations: { totalCount: number } };
        }[];
      };
    }>(
      db.prisma,
      `{ funds(regionCode: "421003000000", year: 2023, first: 10) { totalCount edges { node { sourceType amount performanceGrade allocations(first: 1) { totalCount } } } } }`,
    );
    const bridging = data.funds.edges.find((edge) => edge.node.sourceType === "CENTRAL_BRIDGING")?.node;
    expect(bridging).toMatchObject({ amount: "497000000", performanceGrade: "A", allocations: { totalCount: 10 } });
    expect(data.funds.totalCount).toBe(4);
  });

  it("reads indicator values by period range", async () => {
    const data = await runGraphql<{
      indicatorValues: { totalCount: number; edges: { node: { value: string; period: string } }[] };
    }>(
      db.prisma,
      `{ indicatorValues(regionCode: "421003000000", indicatorCode: "RURAL_SEWAGE_COVERAGE", from: "2023Q1", to: "2023", first: 5) {
          totalCount edges { node { value period } } } }`,
    );
    expect(data.indicatorValues.edges.map((e) => e.node)).toEqual([{ value: "93", period: "2023" }]);
    await expect(
      runGraphql(db.prisma, `{ indicatorValues(regionCode: "421003000000", from: "2023-13", first: 5) { totalCount } }`),
    ).rejects.toThrow(/"2023-13" is not a period: write a year \(2023\), a quarter \(2023Q2\) or a month \(2023-06\)/);
  });

  it("fetches any object again by its global id", async () => {
    const first = await runGraphql<{ projects: { edges: { node: { id: string; code: string } }[] } }>(
      db.prisma,
      `{ projects(regionCode: "522626000000", first: 1) { edges { node { id code } } } }`,
    );
    const { id, code } = first.projects.edges[0]!.node;
    const again = await runGraphql<{ node: { code: string } }>(
      db.prisma,
      `query ($id: ID!) { node(id: $id) { ... on Project { code } } }`,
      { id },
    );
    expect(again.node.code).toBe(code);
  });
});

describe("a project's standing", () => {
  it("rolls the ecological embankment up from its phases and flags the flood embankment as behind", async () => {
    const data = await runGraphql<{ projects: { edges: { node: { code: string; standing: Record<string, unknown> } }[] } }>(
      db.prisma,
      `{ projects(regionCode: "522626000000", search: "防洪堤", first: 5) { edges { node { code standing {
          asOf completedInvestment completionRate physicalProgress behindSchedule } } } } }`,
    );
    const byCode = Object.fromEntries(data.projects.edges.map((edge) => [edge.node.code, edge.node.standing]));
    expect(byCode["CG-FH-CBSTD"]).toMatchObject({
      asOf: "2020-12-31",
      completedInvestment: "63010000",
      completionRate: "24.23",
      physicalProgress: "69.83",
    });
    expect(byCode["CG-FH-CBFHD"]).toMatchObject({
      completedInvestment: "12980000",
      completionRate: "21.63",
      physicalProgress: "21.6",
      behindSchedule: true,
    });
  });
});

describe("a region's investment summary", () => {
  type Group = {
    key: string | null;
    label: string | null;
    labelEn: string | null;
    projectCount: number;
    plannedInvestment: string;
    completedInvestment: string;
    completionRate: string | null;
  };
  const summary = async (code: string, groupBy: string) =>
    (
      await runGraphql<{ region: { investmentSummary: Group[] } }>(
        db.prisma,
        `{ region(code: "${code}") { investmentSummary(groupBy: ${groupBy}) { key label labelEn projectCount plannedInvestment completedInvestment completionRate } } }`,
      )
    ).region.investmentSummary;

  it("counts the phased embankment once, with its phases' completed investment", async () => {
    const flood = (await summary("522626000000", "CATEGORY")).find((group) => group.key === "FLOOD_CONTROL");
    // 60,000,000 + 260,000,000 planned; 12,980,000 + (15,340,000 + 7,870,000 + 39,800,000) completed
    expect(flood).toMatchObject({
      label: "防洪治理",
      labelEn: "Flood control",
      projectCount: 2,
      plannedInvestment: "320000000",
      completedInvestment: "75990000",
      completionRate: "23.75",
    });
  });

  it("adds up to the county's eleven projects whichever way it is grouped", async () => {
    for (const groupBy of ["CATEGORY", "STATUS", "CHILD_REGION"]) {
      const groups = await summary("522626000000", groupBy);
      expect(groups.reduce((sum, g) => sum + g.projectCount, 0)).toBe(11);
      // The eleven totals of domain.md: 468,000,000 + 12,440,000 + ... + 99,540,000
      expect(groups.reduce((sum, g) => sum + BigInt(g.plannedInvestment), 0n)).toBe(1_471_942_000n);
    }
  });

  it("groups a district's projects by the town or village level below it", async () => {
    const groups = await summary("421003000000", "CHILD_REGION");
    expect(groups.map((g) => g.label)).toEqual(expect.arrayContaining([null, "川店镇", "马山镇", "李埠镇"]));
    const mashan = groups.find((g) => g.label === "马山镇");
    expect(mashan).toMatchObject({ labelEn: "Mashan Town", projectCount: 1, plannedInvestment: "8000000" });
  });
});

describe("a region's investment over time", () => {
  it("ends 2020 at the completed investment the summary reports, and never falls", async () => {
    const data = await runGraphql<{
      region: {
        investmentOverTime: { month: string; planned: string; completed: string }[];
        investmentSummary: { completedInvestment: string }[];
      };
    }>(
      db.prisma,
      `{ region(code: "522626000000") {
          investmentOverTime(from: "2016", to: "2020") { month planned completed }
          investmentSummary(groupBy: STATUS) { completedInvestment } } }`,
    );
    const series = data.region.investmentOverTime;
    expect(series).toHaveLength(60);
    expect(series.at(-1)?.month).toBe("2020-12");
    // domain.md: 468,000,000 + 12,440,000 + 90,010,000 + 94,300,000 + 12,980,000 + 63,010,000
    //          + 18,810,000 + 2,773,000 + 32,233,600 completed by the end of 2020
    expect(series.at(-1)?.completed).toBe("794556600");
    const summaryTotal = data.region.investmentSummary.reduce((sum, group) => sum + Number(group.completedInvestment), 0);
    expect(Number(series.at(-1)?.completed)).toBe(summaryTotal);
    for (let i = 1; i < series.length; i++) {
      expect(Number(series[i]!.completed)).toBeGreaterThanOrEqual(Number(series[i - 1]!.completed));
      expect(Number(series[i]!.planned)).toBeGreaterThanOrEqual(Number(series[i - 1]!.planned));
    }
  });

  it("refuses a reversed or overlong range", async () => {
    await expect(
      runGraphql(db.prisma, `{ region(code: "522626000000") { investmentOverTime(from: "2021", to: "2020") { month } } }`),
    ).rejects.toThrow(/to: 2020 is before 2021/);
    await expect(
      runGraphql(db.prisma, `{ region(code: "522626000000") { investmentOverTime(from: "2000", to: "2020") { month } } }`),
    ).rejects.toThrow(/at most 120 months/);
  });
});

describe("a region's fund flow", () => {
  type Group = {
    key: string | null;
    label: string | null;
    labelEn: string | null;
    fundAmount: string | null;
    allocated: string;
    disbursed: string;
    disbursementRate: string | null;
    industryShare: string | null;
  };
  const flow = async (code: string, groupBy: string, year?: number) =>
    (
      await runGraphql<{ region: { fundFlow: Group[] } }>(
        db.prisma,
        `{ region(code: "${code}") { fundFlow(groupBy: ${groupBy}${year ? `, year: ${year}` : ""}) { key label labelEn fundAmount allocated disbursed disbursementRate industryShare } } }`,
      )
    ).region.fundFlow;

  it("takes only the funds whose years include the year asked for, as the funds list does", async () => {
    const all = await flow("421003000000", "YEAR");
    const listed = async (year: number) =>
      (
        await runGraphql<{ funds: { edges: { node: { amount: string } }[] } }>(
          db.prisma,
          `{ funds(regionCode: "421003000000", year: ${year}, first: 100) { edges { node { amount } } } }`,
        )
      ).funds.edges.reduce((sum, edge) => sum + Number(edge.node.amount), 0);
    for (const year of [2019, 2023]) {
      const inYear = await flow("421003000000", "SOURCE_TYPE", year);
      expect(inYear.reduce((sum, group) => sum + Number(group.fundAmount), 0)).toBe(await listed(year));
    }
    // The multi-year bridging funds (2019–2023) count in 2019, but 2023's own funds do not.
    expect((await flow("421003000000", "SOURCE_TYPE", 2019)).length).toBeLessThan(
      (await flow("421003000000", "SOURCE_TYPE")).length,
    );
    expect(all.length).toBeGreaterThan(0);
  });

  it("counts what reached a town's projects from the district's funds, and at the district the same money either way", async () => {
    const received = async (code: string, groupBy: string) =>
      (
        await runGraphql<{ region: { fundFlow: Group[] } }>(
          db.prisma,
          `{ region(code: "${code}") { fundFlow(groupBy: ${groupBy}, received: true) { key fundAmount allocated disbursed } } }`,
        )
      ).region.fundFlow;
    const chuandian = (await db.prisma.region.findFirstOrThrow({ where: { nameZh: "川店镇" } })).code;
    // The town manages no fund: what it manages is nothing, what reached it is 9,600万 (the
    // Chuandian park's 5,705万 and 张新场村's 3,895万 of bridging funds).
    expect(await flow(chuandian, "SOURCE_TYPE")).toEqual([]);
    const reached = await received(chuandian, "SOURCE_TYPE");
    expect(reached).toMatchObject([{ key: "CENTRAL_BRIDGING", fundAmount: null, allocated: "96000000" }]);
    // The district manages every fund its projects received: the two views agree on the money.
    const district = (groups: Group[]) => groups.reduce((sum, group) => sum + Number(group.allocated), 0);
    expect(district(await received("421003000000", "SOURCE_TYPE"))).toBe(district(await flow("421003000000", "SOURCE_TYPE")));
    // By child region, the town's line is the same 9,600万.
    const byTown = await received("421003000000", "CHILD_REGION");
    expect(byTown.find((group) => group.key === chuandian)?.allocated).toBe("96000000");
  });

  it("shows Jingzhou District's bridging funds fully allocated, 65% to industry", async () => {
    const bridging = (await flow("421003000000", "SOURCE_TYPE")).find((group) => group.key === "CENTRAL_BRIDGING");
    expect(bridging).toMatchObject({ fundAmount: "497000000", allocated: "497000000", industryShare: "65" });
    // The demo pays 90% of each allocation.
    expect(bridging).toMatchObject({ disbursed: "447300000", disbursementRate: "90" });
  });

  it("splits the same money by the category of the projects that received it", async () => {
    const groups = await flow("421003000000", "PROJECT_CATEGORY");
    const total = groups.reduce((sum, group) => sum + BigInt(group.allocated), 0n);
    expect(total).toBe(497_000_000n);
    expect(groups.every((group) => group.fundAmount === null)).toBe(true);
    expect(groups.find((group) => group.key === "RURAL_TOURISM")).toMatchObject({
      label: "乡村旅游",
      labelEn: "Rural tourism",
      allocated: "260000000",
      industryShare: "100",
    });
  });

  it("groups a prefecture's funds by the county managing them", async () => {
    const groups = await flow("421000000000", "CHILD_REGION");
    expect(groups.map((group) => group.label).sort()).toEqual(["监利市", "荆州区"]);
    expect(groups.map((group) => group.labelEn).sort()).toEqual(["Jianli City", "Jingzhou District"]);
  });
});

describe("what the overview asks of a region", () => {
  interface Standing {
    scheduleElapsed: string | null;
    physicalProgress: string | null;
    completionRate: string | null;
    behindSchedule: boolean;
  }
  type Listed = { code: string; standing: Standing };

  it("lists the projects behind schedule, furthest behind first, agreeing with each project's standing", async () => {
    const data = await runGraphql<{ region: { projectsBehindSchedule: Listed[] }; projects: { edges: { node: Listed }[] } }>(
      db.prisma,
      `{
        region(code: "522626000000") { projectsBehindSchedule(first: 100) { code standing { scheduleElapsed physicalProgress completionRate behindSchedule } } }
        projects(regionCode: "522626000000", first: 100) { edges { node { code standing { scheduleElapsed physicalProgress completionRate behindSchedule } } } }
      }`,
    );
    const behind = data.projects.edges.map((edge) => edge.node).filter((project) => project.standing.behindSchedule);
    const listed = data.region.projectsBehindSchedule;
    // 城北新区防洪堤: 21.6% built with 61% of its schedule gone.
    expect(listed.map((project) => project.code)).toContain("CG-FH-CBFHD");
    expect(new Set(listed.map((project) => project.code))).toEqual(new Set(behind.map((project) => project.code)));
    const gap = ({ standing }: Listed) =>
      Number(standing.scheduleElapsed) - Number(standing.physicalProgress ?? standing.completionRate);
    const gaps = listed.map(gap);
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));

    const one = await runGraphql<{ region: { projectsBehindSchedule: { code: string }[] } }>(
      db.prisma,
      `{ region(code: "522626000000") { projectsBehindSchedule(first: 1) { code } } }`,
    );
    expect(one.region.projectsBehindSchedule.map((project) => project.code)).toEqual([listed[0]!.code]);
  });

  it("refuses to list zero or more than a hundred projects behind schedule", async () => {
    for (const first of [0, 101]) {
      await expect(
        runGraphql(db.prisma, `{ region(code: "522626000000") { projectsBehindSchedule(first: ${first}) { code } } }`),
      ).rejects.toThrow(`first: must be between 1 and 100 (got ${first})`);
    }
  });

  it("spans the years from the first to the last with data, by kind", async () => {
    statements = [];
    const data = await runGraphql<{
      county: { all: number[]; indicators: number[]; progress: number[] };
      village: { all: number[] };
    }>(
      db.prisma,
      `{
        county: region(code: "522626000000") { all: dataYears indicators: dataYears(of: [ANNUAL_INDICATORS]) progress: dataYears(of: [PROGRESS]) }
        village: region(code: "${await codeOf("吴桥村")}") { all: dataYears(of: [PROGRESS]) }
      }`,
    );
    // Every dataYears field of the request, both regions and all kinds, in one statement.
    expect(statements.filter((sql) => sql.includes("WITH scope AS"))).toHaveLength(1);
    const reportYears = async (code: string) => {
      const region = await db.prisma.region.findUniqueOrThrow({ where: { code } });
      const reported = await db.prisma.progressReport.findMany({
        where: { project: { region: { path: { has: region.id } } } },
        select: { periodEnd: true },
      });
      const years = reported.map((report) => report.periodEnd.getUTCFullYear());
      if (years.length === 0) return [];
      const [first, last] = [Math.min(...years), Math.max(...years)];
      return Array.from({ length: last - first + 1 }, (_, index) => first + index);
    };
    expect(data.county.progress).toEqual(await reportYears("522626000000"));
    expect(data.village.all).toEqual(await reportYears(await codeOf("吴桥村")));
    // The water-works figures are as of the end of 2020; the 2021 figures are monthly.
    expect(data.county.indicators.at(-1)).toBe(2020);
    for (const year of [...data.county.progress, ...data.county.indicators]) expect(data.county.all).toContain(year);
    expect(data.county.all).toEqual([...new Set(data.county.all)].sort());
  });

  it("finds a project or phase by its code, and nothing for an unknown code", async () => {
    const data = await runGraphql<{
      phase: { nameZh: string; parent: { code: string } };
      missing: null;
    }>(
      db.prisma,
      `{ phase: project(code: "CG-FH-CBSTD-3") { nameZh parent { code } } missing: project(code: "NO-SUCH") { code } }`,
    );
    expect(data.phase).toEqual({ nameZh: "城北新区生态防洪堤三期（老城城区段）", parent: { code: "CG-FH-CBSTD" } });
    expect(data.missing).toBeNull();
  });
});

describe("the dashboard's project list", () => {
  it("issues the same number of SQL statements for a county with 11 projects as for one with 1,000", async () => {
    // Counted: the queries themselves, not the scope each short transaction starts with or its commit.
    const queries = () => statements.filter((sql) => !sql.includes("set_config(") && !sql.includes("COMMIT"));
    await provinceViewer(db.prisma);
    statements = [];
    const small = await runGraphql<{ projects: { totalCount: number } }>(db.prisma, COUNTY_PROJECTS, { code: "522626000000" });
    const forSmall = queries().length;
    expect(small.projects.totalCount).toBe(11);

    // Grow the county: 989 more projects, each with a phase and a report.
    const county = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626000000" } });
    const category = await db.prisma.projectCategory.findFirstOrThrow();
    await db.prisma.project.createMany({
      data: Array.from({ length: 989 }, (_, i) => ({
        code: `GROW-${String(i).padStart(4, "0")}`,
        nameZh: `扩容项目${i}`,
        categoryId: category.id,
        status: "IN_PROGRESS" as const,
        regionId: county.id,
        totalInvestment: "1000000",
      })),
    });
    const grown = await db.prisma.project.findMany({
      where: { code: { startsWith: "GROW-" } },
      select: { id: true, code: true },
    });
    await db.prisma.project.createMany({
      data: grown.map((p) => ({
        code: `${p.code}-1`,
        nameZh: "一期",
        categoryId: category.id,
        status: "IN_PROGRESS" as const,
        regionId: county.id,
        parentId: p.id,
        phaseNumber: 1,
        totalInvestment: "500000",
      })),
    });
    await db.prisma.progressReport.createMany({
      data: grown.map((p) => ({
        projectId: p.id,
        period: "2024-01",
        periodStart: new Date("2024-01-01T00:00:00Z"),
        periodEnd: new Date("2024-01-31T00:00:00Z"),
        completedInvestment: "100000",
        reportedBy: "test",
      })),
    });

    statements = [];
    const large = await runGraphql<{ projects: { totalCount: number; edges: unknown[] } }>(db.prisma, COUNTY_PROJECTS, {
      code: "522626000000",
    });
    expect(large.projects.totalCount).toBe(1000);
    expect(large.projects.edges).toHaveLength(100);
    expect(queries().length).toBe(forSmall);
    // Relations come joined into the list's statement (Prisma's relationJoins: a lateral join per
    // relation, `first: 1` read with LIMIT 1 per project), the projects' regions' paths for their
    // rule too: the region, the page, the count and the kept figures, 4 in all, where loading each
    // relation by a statement of its own took 17.
    expect(forSmall).toBeLessThanOrEqual(4);
  });
});

describe("a region's projects", () => {
  const TOWNS_WITH_PROJECTS = `
    query TownsWithProjects($code: String!) {
      region(code: $code) { children { code
        projects(first: 3) { totalCount edges { node { code progressReports(first: 1) { edges { node { period } } } } } }
      } }
    }`;
  const FIRST_PROJECTS = `
    query FirstProjects($code: String!) {
      projects(regionCode: $code, first: 3) { totalCount edges { node { code } } }
    }`;

  it("are the region's subtree's, as the projects list gives them, with a tree of regions in a bounded number of statements", async () => {
    await provinceViewer(db.prisma);
    const queries = () => statements.filter((sql) => !sql.includes("set_config(") && !sql.includes("COMMIT"));
    statements = [];
    type Towns = {
      region: { children: { code: string; projects: { totalCount: number; edges: { node: { code: string } }[] } }[] };
    };
    const district = await runGraphql<Towns>(db.prisma, TOWNS_WITH_PROJECTS, { code: "421003000000" });
    const perTown = queries().length;
    const withProjects = district.region.children.filter((town) => town.projects.totalCount > 0);
    expect(withProjects.length).toBeGreaterThan(1);
    for (const town of district.region.children) {
      const list = await runGraphql<{ projects: { totalCount: number; edges: { node: { code: string } }[] } }>(
        db.prisma,
        FIRST_PROJECTS,
        {
          code: town.code,
        },
      );
      const codes = (connection: { edges: { node: { code: string } }[] }) => connection.edges.map((edge) => edge.node.code);
      expect([town.projects.totalCount, codes(town.projects)]).toEqual([list.projects.totalCount, codes(list.projects)]);
    }
    // As many statements for Jingzhou City's districts and counties, fewer of which hold projects:
    // the towns' pages, counts and rights are each one statement for all of them.
    statements = [];
    await runGraphql<Towns>(db.prisma, TOWNS_WITH_PROJECTS, { code: "421000000000" });
    expect(queries().length).toBe(perTown);
    // The region with its towns, the pages, the counts, the rows: the towns' rule takes their paths
    // from the towns read, the projects' from their region joined in, the reports' rule finds each
    // project's region remembered.
    expect(perTown).toBeLessThanOrEqual(4);
  });

  it("are refused, like the region's other data, to a reader of another county", async () => {
    const viewer = await demoUser(db.prisma, "cengong.viewer");
    const ask = (code: string) =>
      runGraphql(db.prisma, `{ region(code: "${code}") { projects(first: 3) { totalCount } } }`, {}, { as: viewer });
    await expect(ask("421003000000")).rejects.toThrow(/Region\.projects/);
    // Its own county's are read (how many depends on the tests above, which grow Cengong).
    const own = (await ask("522626000000")) as { region: { projects: { totalCount: number } } };
    expect(own.region.projects.totalCount).toBeGreaterThan(0);
  });
});

async function codeOf(nameZh: string): Promise<string> {
  return (await db.prisma.region.findFirstOrThrow({ where: { nameZh } })).code;
}
