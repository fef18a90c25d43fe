import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provinceViewer } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { schema } from "../schema/index.js";
import { AccessScope } from "./access-scope.js";
import { type Figures, scopedClient } from "./scoped-client.js";

/**
 * Published figures only (X-Revita-Figures: published, the dashboard's 仅公开报道数): the
 * database's policies for the role revita_api_published show the records an article published and
 * the rows that belong to them, and nothing the demo made up — in every table, not only where a
 * page happens to filter.
 */

let db: TestDatabase;
let everywhere: Authenticated;
let reader: (figures: Figures) => PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  everywhere = await provinceViewer(db.prisma);
  const scope = AccessScope.of(everywhere.user.grants);
  reader = (figures) => scopedClient(db.prisma, scope, "test", { figures });
});
afterAll(async () => {
  await db?.close();
});

/**
 * Tables whose rows are no figures of the articles or the demo, and so read the same whatever the
 * figures: the tree, the catalogues, accounts, approvals, the audit and what keeps the rest.
 */
const NOT_FIGURES = [
  "alert_threshold",
  "approved_indicator_value",
  "approved_progress_report",
  "audit_log",
  "briefing",
  "briefing_subscription",
  "data_approval",
  "kept_figures_pending",
  "organization",
  "personal_data_view",
  "region",
  "region_change",
  "superseded_version",
];

async function count(client: PrismaClient, table: string): Promise<number> {
  const [row] = await client.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(row!.n);
}

describe("published figures only", () => {
  it("has a policy for every table a reader can read, but those that hold no figures", async () => {
    const rows = await db.prisma.$queryRaw<{ table_name: string; published: boolean }[]>`
      SELECT c.relname::text AS table_name,
             EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND 'revita_api_published' = ANY (p.roles)) AS published
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relrowsecurity
       ORDER BY 1`;
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((row) => !row.published).map((row) => row.table_name)).toEqual(NOT_FIGURES);
  });

  it("shows the published records of every table that says its kind, and all of them otherwise", async () => {
    const tables = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name::text FROM information_schema.columns
       WHERE table_schema = current_schema() AND column_name = 'source_kind' ORDER BY 1`;
    expect(tables.length).toBeGreaterThanOrEqual(23);
    const published = reader("published");
    const all = reader("all");
    const seen: Record<string, [number, number, number]> = {};
    const expected: Record<string, [number, number, number]> = {};
    for (const { table_name: table } of tables) {
      const [owner] = await db.prisma.$queryRawUnsafe<{ total: bigint; published: bigint }[]>(
        `SELECT count(*) AS total, count(*) FILTER (WHERE source_kind = 'PUBLISHED') AS published FROM "${table}"`,
      );
      expected[table] = [Number(owner!.total), Number(owner!.published), Number(owner!.total)];
      seen[table] = [await count(db.prisma, table), await count(published, table), await count(all, table)];
    }
    expect(seen).toEqual(expected);
    // The articles' figures are there; the case files the demo made up are not.
    expect(seen.project![1]).toBeGreaterThan(0);
    expect(seen.indicator_value![1]).toBeGreaterThan(0);
    for (const table of ["household", "mediation_case", "consultation_topic", "community_need", "disbursement"]) {
      expect(seen[table]![1], table).toBe(0);
      expect(seen[table]![2], table).toBeGreaterThan(0);
    }
  });

  it("shows the rows of a record where the record is shown", async () => {
    const published = reader("published");
    // A published project's outputs, and none of an illustrative one's.
    const outputs = await published.projectOutput.findMany({ select: { project: { select: { sourceKind: true } } } });
    const owned = await db.prisma.projectOutput.count({ where: { project: { sourceKind: "PUBLISHED" } } });
    expect(owned).toBeGreaterThan(0);
    expect(outputs).toHaveLength(owned);
    expect(await db.prisma.projectOutput.count()).toBeGreaterThan(owned);
    // A made-up household's members and steps are not shown, as the household is not.
    for (const table of ["household_member", "monitoring_step", "mediation_step", "cleaning_item_score"]) {
      expect(await count(db.prisma, table), table).toBeGreaterThan(0);
      expect(await count(published, table), table).toBe(0);
    }
  });

  it("answers the API's lists and sums with published records only", async () => {
    const source = `{
      projects(regionCode: "522626000000", first: 100) { edges { node { code sourceKind } } }
      region(code: "522626000000") { investmentSummary(groupBy: CATEGORY) { projectCount plannedInvestment } }
    }`;
    type Answer = {
      projects: { edges: { node: { code: string; sourceKind: string | null } }[] };
      region: { investmentSummary: { projectCount: number; plannedInvestment: string }[] };
    };
    const ask = async (figures: Figures) => {
      const result = await graphql({ schema, source, contextValue: createContext(db.prisma, everywhere, { figures }) });
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join("; "));
      return result.data as Answer;
    };
    const all = await ask("all");
    const published = await ask("published");
    const kinds = new Set(published.projects.edges.map((edge) => edge.node.sourceKind));
    expect([...kinds]).toEqual(["PUBLISHED"]);
    const codes = published.projects.edges.map((edge) => edge.node.code);
    expect(codes).toContain("CG-FH-CBSTD");
    // The Xiaxi reservoir's completed investment is derived ("built"): not a published record.
    expect(codes).not.toContain("CG-SL-XXSK");
    expect(all.projects.edges.map((edge) => edge.node.code)).toContain("CG-SL-XXSK");
    const planned = (answer: Answer) =>
      answer.region.investmentSummary.reduce((sum, group) => sum + Number(group.plannedInvestment), 0);
    const cengong = await db.prisma.region.findUniqueOrThrow({ where: { code: "522626000000" } });
    const expected = await db.prisma.project.aggregate({
      where: { parentId: null, sourceKind: "PUBLISHED", region: { path: { has: cengong.id } } },
      _sum: { totalInvestment: true },
    });
    expect(planned(published)).toBe(Number(expected._sum.totalInvestment));
    expect(planned(published)).toBeLessThan(planned(all));
  });
});
