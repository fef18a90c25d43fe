import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Figures } from "../access/scoped-client.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import type { ApprovalDataSet } from "../generated/prisma/client.js";
import { schema } from "../schema/index.js";

let db: TestDatabase;
let viewer: Authenticated;
let clerk: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  viewer = await demoUser(db.prisma, "cengong.viewer");
  clerk = await demoUser(db.prisma, "pingzhuang.clerk");
});
afterAll(async () => {
  await db?.close();
});

const CENGONG = "522626000000";
/** The ecological embankment's third phase: monthly reports up to 2020-12. */
const PHASE = "CG-FH-CBSTD-3";

const FIGURES = `query($code: String!, $region: String!) {
  project(code: $code) { progressReports(first: 100) { totalCount edges { node { period } } } standing { asOf completedInvestment } }
  indicatorValues(regionCode: $region, first: 100) { totalCount }
}`;
type Figured = {
  project: { progressReports: { totalCount: number; edges: { node: { period: string } }[] }; standing: { asOf: string | null } };
  indicatorValues: { totalCount: number };
};

async function read(figures: Figures, as = viewer): Promise<Figured> {
  const result = await graphql({
    schema,
    source: FIGURES,
    variableValues: { code: PHASE, region: CENGONG },
    contextValue: createContext(db.prisma, as, { figures }),
  });
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.data as Figured;
}

async function approve(dataSet: ApprovalDataSet, period: string, start: string, end: string) {
  const cengong = await db.prisma.region.findUniqueOrThrow({ where: { code: CENGONG } });
  return db.prisma.dataApproval.create({
    data: {
      dataSet,
      regionId: cengong.id,
      period,
      periodStart: new Date(start),
      periodEnd: new Date(end),
      status: "APPROVED",
      submittedBy: "scenario",
      submittedAt: new Date(),
      decidedBy: "scenario",
    },
  });
}

describe("approved figures only", () => {
  it("shows nothing reported until a period is approved, and everything when asked for all", async () => {
    const all = await read("all");
    expect(all.project.progressReports.totalCount).toBeGreaterThan(0);
    expect(all.indicatorValues.totalCount).toBeGreaterThan(0);
    const approved = await read("approved");
    expect(approved.project.progressReports.totalCount).toBe(0);
    expect(approved.project.standing.asOf).toBeNull();
    expect(approved.indicatorValues.totalCount).toBe(0);
  });

  it("shows the reports and values inside approved periods, for readers of the towns below too", async () => {
    await approve("PROGRESS", "2019", "2019-01-01", "2019-12-31");
    const all = await read("all");
    const approved = await read("approved");
    const in2019 = all.project.progressReports.edges.filter((edge) => edge.node.period.startsWith("2019"));
    expect(in2019.length).toBeGreaterThan(0);
    expect(approved.project.progressReports.edges).toEqual(in2019);
    expect(approved.project.standing.asOf).toBe("2019-12-31");
    // Pingzhuang's clerk reads the county as a VIEWER; the county's approval counts for them too.
    expect((await read("approved", clerk)).project.progressReports.totalCount).toBe(in2019.length);

    const cengong = await db.prisma.region.findUniqueOrThrow({ where: { code: CENGONG } });
    // The county's values and its towns' (the query covers the subtree).
    const values = await db.prisma.indicatorValue.findMany({
      where: { region: { path: { has: cengong.id } } },
      select: { period: true },
    });
    const year = values[0]!.period.slice(0, 4);
    await approve("INDICATORS", year, `${year}-01-01`, `${year}-12-31`);
    expect((await read("approved")).indicatorValues.totalCount).toBe(values.filter((v) => v.period.startsWith(year)).length);
  });

  it("takes figures back when their approval is returned or withdrawn, keeping those another approval still covers", async () => {
    const june = await approve("PROGRESS", "2019-06", "2019-06-01", "2019-06-30");
    const year = await db.prisma.dataApproval.findFirstOrThrow({ where: { dataSet: "PROGRESS", period: "2019" } });
    const before = (await read("approved")).project.progressReports.totalCount;
    expect(before).toBeGreaterThan(1);
    // The year is reopened for a correction: only June, approved on its own, still shows.
    await db.prisma.dataApproval.update({ where: { id: year.id }, data: { status: "RETURNED", comment: "复核" } });
    expect((await read("approved")).project.progressReports.edges).toEqual([{ node: { period: "2019-06" } }]);
    await db.prisma.dataApproval.delete({ where: { id: june.id } });
    expect((await read("approved")).project.progressReports.totalCount).toBe(0);
    // Approved again, the year's reports are back.
    await db.prisma.dataApproval.update({ where: { id: year.id }, data: { status: "APPROVED" } });
    expect((await read("approved")).project.progressReports.totalCount).toBe(before);
  });
});
