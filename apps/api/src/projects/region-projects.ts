import { batchLoader, perRequestLoader } from "../common/batch-loader.js";
import type { Context } from "../context.js";
import { Prisma, type Project } from "../generated/prisma/client.js";

/**
 * `Region.projects` for many regions at once: a county's towns asking for their first projects
 * in one document are answered by one statement that picks each town's page (a window over the
 * subtree, ordered as asked) and one that reads the selected rows with their relations, not by
 * two statements a town. Counts likewise, one statement for every region of the tick.
 */
export type ProjectOrder = "CODE" | "TOTAL_INVESTMENT_DESC" | "TOTAL_INVESTMENT_ASC" | "NAME";

export interface RegionProjectsFilter {
  categoryCode?: string | null;
  status?: readonly string[] | null;
}

/** The same orders as the projects list's PROJECT_ORDER, each ending on the unique code. */
const ORDER_SQL: Record<ProjectOrder, Prisma.Sql> = {
  CODE: Prisma.sql`p.code`,
  TOTAL_INVESTMENT_DESC: Prisma.sql`p.total_investment DESC, p.code`,
  TOTAL_INVESTMENT_ASC: Prisma.sql`p.total_investment, p.code`,
  NAME: Prisma.sql`p.name_zh, p.code`,
};

const filterSql = (filter: RegionProjectsFilter) =>
  Prisma.sql`${filter.categoryCode ? Prisma.sql`AND p.category_id = (SELECT id FROM project_category WHERE code = ${filter.categoryCode})` : Prisma.empty}
    ${filter.status?.length ? Prisma.sql`AND p.status::text IN (${Prisma.join(filter.status)})` : Prisma.empty}`;

/** The regions' rows in one statement: `roots` unnested, each joined to its subtree's projects. */
const subtreeProjects = (roots: number[], filter: RegionProjectsFilter) => Prisma.sql`
  FROM unnest(${roots}::int[]) AS root(id)
  JOIN region place ON place.path @> ARRAY[root.id]
  JOIN project p ON p.region_id = place.id AND p.parent_id IS NULL ${filterSql(filter)}`;

interface PageRequest {
  regionId: number;
  filter: RegionProjectsFilter;
  orderBy: ProjectOrder;
  /** Rows to read: the page and one more, as Pothos asks, so it knows whether a next page exists. */
  take: number;
  /** The selection Pothos asks for (select or include), the same for every region of a batch. */
  selection: Record<string, unknown>;
}

/** A project as read with the selection asked for (Pothos reads the relations it included). */
type ProjectRow = Project;

const pages = perRequestLoader<Context, string, ProjectRow[]>((context) =>
  batchLoader(async (keys) => {
    const answers = new Map<string, ProjectRow[]>();
    const groups = new Map<string, PageRequest[]>();
    for (const key of keys) {
      const request = JSON.parse(key) as PageRequest;
      const shared = JSON.stringify([request.filter, request.orderBy, request.take, request.selection]);
      groups.set(shared, [...(groups.get(shared) ?? []), request]);
    }
    for (const requests of groups.values()) {
      const { filter, orderBy, take, selection } = requests[0]!;
      const roots = requests.map((request) => request.regionId);
      const picked = await context.prisma.$queryRaw<{ root: number; id: number }[]>`
        SELECT root, id FROM (
          SELECT root.id AS root, p.id, row_number() OVER (PARTITION BY root.id ORDER BY ${ORDER_SQL[orderBy]}) AS place
          ${subtreeProjects(roots, filter)}
        ) ranked WHERE place <= ${take} ORDER BY root, place`;
      const rows = await context.prisma.project.findMany({ ...selection, where: { id: { in: picked.map((row) => row.id) } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const request of requests) {
        const page = picked
          .filter((row) => row.root === request.regionId)
          .map((row) => byId.get(row.id))
          .filter((row) => row !== undefined);
        answers.set(JSON.stringify(request), page);
      }
    }
    return answers;
  }),
);

/** A region's first `take` projects in its subtree, read together with every other region's of the tick. */
export async function firstProjectsOf(context: Context, request: PageRequest): Promise<ProjectRow[]> {
  return (await pages(context, JSON.stringify(request))) ?? [];
}

const counts = perRequestLoader<Context, string, number>((context) =>
  batchLoader(async (keys) => {
    const answers = new Map<string, number>();
    const groups = new Map<string, { regionId: number; filter: RegionProjectsFilter }[]>();
    for (const key of keys) {
      const request = JSON.parse(key) as { regionId: number; filter: RegionProjectsFilter };
      const shared = JSON.stringify(request.filter);
      groups.set(shared, [...(groups.get(shared) ?? []), request]);
    }
    for (const requests of groups.values()) {
      const roots = requests.map((request) => request.regionId);
      const rows = await context.prisma.$queryRaw<{ root: number; total: number }[]>`
        SELECT root.id AS root, count(*)::int AS total ${subtreeProjects(roots, requests[0]!.filter)} GROUP BY root.id`;
      const byRoot = new Map(rows.map((row) => [row.root, row.total]));
      for (const request of requests) answers.set(JSON.stringify(request), byRoot.get(request.regionId) ?? 0);
    }
    return answers;
  }),
);

/** How many top-level projects a region's subtree holds, counted with every other region's of the tick. */
export async function countProjectsOf(context: Context, regionId: number, filter: RegionProjectsFilter): Promise<number> {
  return (await counts(context, JSON.stringify({ regionId, filter }))) ?? 0;
}
