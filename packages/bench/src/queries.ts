/**
 * The four questions of bench:peer, asked of each system in its own words — a Revita document, a
 * PostGraphile document, one SQL statement for the floor — and each answer brought to one shape,
 * so that the gate can check every system returns the same data before anything is timed.
 */

export interface Subjects {
  projectCode: string;
  countyCode: string;
  /** Category id → code: PostGraphile groups by the column, Revita names the category. */
  categories: Record<string, string>;
}

type Json = Record<string, unknown>;
type Answer = Json | Json[];

export interface PeerQuery {
  name: string;
  title: string;
  revita: { document: string; variables: (subjects: Subjects) => Json; shape: (data: Json, subjects: Subjects) => Answer };
  postgraphile: { document: string; variables: (subjects: Subjects) => Json; shape: (data: Json, subjects: Subjects) => Answer };
  /** One statement with $1 the subject's code, answering in the shape itself (column `answer`). */
  floor: { sql: string; subject: (subjects: Subjects) => string };
}

const money = (value: unknown) => (value === null || value === undefined ? null : Number(value).toFixed(2));
const nodes = <T>(connection: { edges?: { node: T }[]; nodes?: T[] }): T[] =>
  connection.nodes ?? connection.edges!.map((edge) => edge.node);

interface ProjectRow {
  code: string;
  nameZh: string;
  status?: string;
  totalInvestment: string;
  region: { code: string; nameZh: string };
}
interface Phase {
  code: string;
  phaseNumber: number;
  totalInvestment: string;
}

const projectShape = (project: ProjectRow, phases: Phase[]) => ({
  code: project.code,
  nameZh: project.nameZh,
  status: project.status,
  totalInvestment: money(project.totalInvestment),
  region: { code: project.region.code, nameZh: project.region.nameZh },
  phases: phases
    .map((phase) => ({ code: phase.code, phaseNumber: phase.phaseNumber, totalInvestment: money(phase.totalInvestment) }))
    .sort((a, b) => a.phaseNumber - b.phaseNumber),
});

const listShape = (totalCount: number, rows: ProjectRow[]) => ({
  totalCount,
  items: rows.map((row) => ({
    code: row.code,
    nameZh: row.nameZh,
    totalInvestment: money(row.totalInvestment),
    region: { code: row.region.code, nameZh: row.region.nameZh },
  })),
});

interface TownRow {
  code: string;
  nameZh: string;
  projects: { code: string; latest: { period: string; completedInvestment: string | null } | null }[];
}
const townsShape = (towns: TownRow[]) =>
  towns.map((town) => ({
    code: town.code,
    nameZh: town.nameZh,
    projects: town.projects.map((project) => ({
      code: project.code,
      latest: project.latest
        ? { period: project.latest.period, completedInvestment: money(project.latest.completedInvestment) }
        : null,
    })),
  }));

interface CategoryRow {
  key: string;
  plannedInvestment: string;
  projectCount: number;
}
const categoriesShape = (rows: CategoryRow[]) =>
  rows
    .filter((row) => row.projectCount > 0)
    .map((row) => ({ key: row.key, plannedInvestment: money(row.plannedInvestment), projectCount: Number(row.projectCount) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

const project = (subjects: Subjects) => ({ code: subjects.projectCode });
const county = (subjects: Subjects) => ({ code: subjects.countyCode });

export const PEER_QUERIES: PeerQuery[] = [
  {
    name: "q1",
    title: "one project by code, region, phases",
    revita: {
      document: `query Q1($code: String!) { project(code: $code) { code nameZh status totalInvestment
        region { code nameZh } phases { code phaseNumber totalInvestment } } }`,
      variables: project,
      shape: (data) => {
        const row = data.project as ProjectRow & { phases: Phase[] };
        return projectShape(row, row.phases);
      },
    },
    postgraphile: {
      document: `query Q1($code: String!) { projectByCode(code: $code) { code nameZh status totalInvestment
        region { code nameZh } childProjects(orderBy: PHASE_NUMBER_ASC) { nodes { code phaseNumber totalInvestment } } } }`,
      variables: project,
      shape: (data) => {
        const row = data.projectByCode as ProjectRow & { childProjects: { nodes: Phase[] } };
        return projectShape(row, row.childProjects.nodes);
      },
    },
    floor: {
      subject: (subjects) => subjects.projectCode,
      sql: `SELECT json_build_object('code', p.code, 'nameZh', p.name_zh, 'status', p.status,
          'totalInvestment', p.total_investment, 'region', json_build_object('code', r.code, 'nameZh', r.name_zh),
          'phases', COALESCE((SELECT json_agg(json_build_object('code', c.code, 'phaseNumber', c.phase_number,
            'totalInvestment', c.total_investment) ORDER BY c.phase_number) FROM project c WHERE c.parent_id = p.id), '[]'))
        AS answer FROM project p JOIN region r ON r.id = p.region_id WHERE p.code = $1`,
    },
  },
  {
    name: "q2",
    title: "50 projects of a county, region, total",
    revita: {
      document: `query Q2($code: String!) { projects(regionCode: $code, first: 50) { totalCount
        edges { node { code nameZh totalInvestment region { code nameZh } } } } }`,
      variables: county,
      shape: (data) => {
        const connection = data.projects as { totalCount: number; edges: { node: ProjectRow }[] };
        return listShape(connection.totalCount, nodes(connection));
      },
    },
    postgraphile: {
      document: `query Q2($code: String!) { regionByCode(code: $code) { subtreeProjects(first: 50, orderBy: CODE_ASC) {
        totalCount nodes { code nameZh totalInvestment region { code nameZh } } } } }`,
      variables: county,
      shape: (data) => {
        const connection = (data.regionByCode as { subtreeProjects: { totalCount: number; nodes: ProjectRow[] } })
          .subtreeProjects;
        return listShape(connection.totalCount, connection.nodes);
      },
    },
    floor: {
      subject: (subjects) => subjects.countyCode,
      sql: `WITH list AS (SELECT p.code, p.name_zh, p.total_investment, p.region_id FROM project p
          JOIN region pr ON pr.id = p.region_id
          WHERE p.parent_id IS NULL AND pr.path @> ARRAY[(SELECT id FROM region WHERE code = $1)])
        SELECT json_build_object('totalCount', (SELECT count(*) FROM list), 'items', COALESCE((SELECT json_agg(
          json_build_object('code', l.code, 'nameZh', l.name_zh, 'totalInvestment', l.total_investment,
            'region', json_build_object('code', r.code, 'nameZh', r.name_zh)) ORDER BY l.code)
          FROM (SELECT * FROM list ORDER BY code LIMIT 50) l JOIN region r ON r.id = l.region_id), '[]')) AS answer`,
    },
  },
  {
    name: "q3",
    title: "county → towns → first 10 projects → latest report",
    revita: {
      document: `query Q3($code: String!) { region(code: $code) { children { code nameZh
        projects(first: 10) { edges { node { code progressReports(first: 1) { edges { node { period completedInvestment } } } } } } } } }`,
      variables: county,
      shape: (data) => {
        type Node = {
          code: string;
          progressReports: { edges: { node: { period: string; completedInvestment: string | null } }[] };
        };
        const towns = (data.region as { children: { code: string; nameZh: string; projects: { edges: { node: Node }[] } }[] })
          .children;
        return townsShape(
          towns.map((town) => ({
            code: town.code,
            nameZh: town.nameZh,
            projects: nodes(town.projects).map((p) => ({ code: p.code, latest: nodes(p.progressReports)[0] ?? null })),
          })),
        );
      },
    },
    postgraphile: {
      document: `query Q3($code: String!) { regionByCode(code: $code) { childRegions(orderBy: CODE_ASC) { nodes { code nameZh
        subtreeProjects(first: 10, orderBy: CODE_ASC) { nodes { code
          progressReports(first: 1, orderBy: [PERIOD_END_DESC, ID_DESC]) { nodes { period completedInvestment } } } } } } } }`,
      variables: county,
      shape: (data) => {
        type Node = { code: string; progressReports: { nodes: { period: string; completedInvestment: string | null }[] } };
        const towns = (
          data.regionByCode as { childRegions: { nodes: { code: string; nameZh: string; subtreeProjects: { nodes: Node[] } }[] } }
        ).childRegions.nodes;
        return townsShape(
          towns.map((town) => ({
            code: town.code,
            nameZh: town.nameZh,
            projects: town.subtreeProjects.nodes.map((p) => ({ code: p.code, latest: p.progressReports.nodes[0] ?? null })),
          })),
        );
      },
    },
    floor: {
      subject: (subjects) => subjects.countyCode,
      sql: `SELECT COALESCE(json_agg(json_build_object('code', t.code, 'nameZh', t.name_zh, 'projects',
          (SELECT COALESCE(json_agg(json_build_object('code', x.code, 'latest', x.latest) ORDER BY x.code), '[]')
           FROM (SELECT p.code, (SELECT json_build_object('period', r.period, 'completedInvestment', r.completed_investment)
                   FROM progress_report r WHERE r.project_id = p.id ORDER BY r.period_end DESC, r.id DESC LIMIT 1) AS latest
                 FROM project p JOIN region pp ON pp.id = p.region_id
                 WHERE p.parent_id IS NULL AND pp.path @> ARRAY[t.id] ORDER BY p.code LIMIT 10) x)) ORDER BY t.code), '[]')
        AS answer FROM region t WHERE t.parent_id = (SELECT id FROM region WHERE code = $1)`,
    },
  },
  {
    name: "q4",
    title: "a county's investment by category",
    revita: {
      document: `query Q4($code: String!) { region(code: $code) { investmentSummary(groupBy: CATEGORY) { key plannedInvestment projectCount } } }`,
      variables: county,
      shape: (data) => categoriesShape((data.region as { investmentSummary: CategoryRow[] }).investmentSummary),
    },
    postgraphile: {
      document: `query Q4($code: String!) { regionByCode(code: $code) { subtreeProjects { groupedAggregates(groupBy: [CATEGORY_ID]) {
        keys distinctCount { id } sum { totalInvestment } } } } }`,
      variables: county,
      shape: (data, subjects) => {
        type Group = { keys: string[]; distinctCount: { id: string }; sum: { totalInvestment: string } };
        const groups = (data.regionByCode as { subtreeProjects: { groupedAggregates: Group[] } }).subtreeProjects
          .groupedAggregates;
        return categoriesShape(
          groups.map((group) => ({
            key: subjects.categories[group.keys[0]!]!,
            plannedInvestment: group.sum.totalInvestment,
            projectCount: Number(group.distinctCount.id),
          })),
        );
      },
    },
    floor: {
      subject: (subjects) => subjects.countyCode,
      sql: `SELECT COALESCE(json_agg(json_build_object('key', g.code, 'plannedInvestment', g.planned, 'projectCount', g.n)
          ORDER BY g.code), '[]') AS answer
        FROM (SELECT c.code, sum(p.total_investment) AS planned, count(*) AS n FROM project p
              JOIN region pr ON pr.id = p.region_id JOIN project_category c ON c.id = p.category_id
              WHERE p.parent_id IS NULL AND pr.path @> ARRAY[(SELECT id FROM region WHERE code = $1)] GROUP BY c.code) g`,
    },
  },
];

/** The floor's answer in the same shape as the others' (it already is, but for its numbers). */
export function shapeFloor(query: PeerQuery, answer: unknown): Answer {
  switch (query.name) {
    case "q1": {
      const row = answer as ProjectRow & { phases: Phase[] };
      return projectShape(row, row.phases);
    }
    case "q2": {
      const list = answer as { totalCount: number; items: ProjectRow[] };
      return listShape(Number(list.totalCount), list.items);
    }
    case "q3":
      return townsShape(answer as TownRow[]);
    default:
      return categoriesShape(answer as CategoryRow[]);
  }
}
