/**
 * What the compiled read path knows how to answer in SQL: for each GraphQL type it compiles, its
 * table and, field by field, the SQL that yields the value exactly as the schema's resolvers
 * serialize it (compile-read.ts builds the statement from these). A field not listed here sends
 * the whole operation down the usual path, so the table can only ever be incomplete, never wrong
 * — as long as each entry says what its resolver says. compiled-reads.http.db.test.ts compares the
 * two paths' answers for every field listed.
 *
 * Access: the rows are read through the request's scoped client, so row-level security filters
 * them as it does for Prisma's statements. The API's own rules are checked in JavaScript on the
 * answer, with the same AccessScope: every Project and every Region whose data fields are asked
 * carries its region path (the hidden key PATH_KEY) and the operation goes the usual way, to be
 * refused there in the usual words, if any of them is not readable.
 */

import type { Figures } from "../access/scoped-client.js";
import { INVESTMENT_GROUP_ORDER, type InvestmentGrouping, investmentGroupsSql } from "../projects/investment-summary.js";
import { anyLevelRegionRows } from "../projects/kept-figures.js";

const INVESTMENT_GROUPINGS: readonly InvestmentGrouping[] = ["CATEGORY", "STATUS", "CHILD_REGION"];

/** A key no GraphQL response key can be (names are [_A-Za-z][_0-9A-Za-z]*). */
export const PATH_KEY = "~path";

/** SQL for one column of the row aliased `a`. */
type Column = (a: string) => string;

export interface ArgValues {
  [name: string]: unknown;
}

/** How the compiler hands an argument's value to the statement: as a numbered, typed parameter. */
export type Param = (value: unknown, type: "text" | "int") => string;

export type FieldModel =
  | { kind: "scalar"; sql: Column }
  /** One row of `type` (or null): the WHERE clause relating it (alias `b`) to its parent (alias `a`). */
  | { kind: "one"; type: ModelName; nullable: boolean; where: (a: string, b: string, args: ArgValues, param: Param) => string }
  /** Rows of `type`, related and ordered; `figures` are the request's (all, approved or published). */
  | {
      kind: "list";
      type: ModelName;
      from: (a: string, b: string, args: ArgValues, param: Param, figures: Figures) => RowSource;
    }
  /** A Relay connection over rows of `type` (first page only, forward). */
  | { kind: "connection"; type: ModelName; from: (a: string, b: string, args: ArgValues, param: Param) => RowSource }
  /** RegionAccess: computed from the region's path and the request's grants, no SQL. */
  | { kind: "access" };

export interface RowSource {
  /** FROM … WHERE … with the rows aliased `b`; may join other tables, whose columns are not selected. */
  fromWhere: string;
  /** ORDER BY terms over `b`, ending on a unique column where the resolver's order does. */
  orderBy: string;
}

export interface ObjectModel {
  /** The GraphQL type's name, for __typename and the global id. */
  typename: string;
  table: string;
  fields: Record<string, FieldModel>;
  /** The arguments each field accepts; a field absent here takes none. */
  args?: Record<string, readonly string[]>;
  /**
   * Whether reading the object itself needs read access to its region (the type's authScopes):
   * SQL for the region's path. Regions need it only for their data fields (`pathFor`).
   */
  readPath?: Column;
  /** The fields whose rule is readsRegion on the object's own path. */
  dataFields?: readonly string[];
  /** The object's own region path, for dataFields and `access`. */
  ownPath?: Column;
}

export type ModelName = "Query" | "Project" | "Region" | "ProgressReport" | "ProjectCategory" | "InvestmentGroup";

/** A column as it is: text, integers and booleans are JSON as PostgreSQL gives them. */
const column = (name: string) => (a: string) => `${a}.${name}`;
const enumText = (column: string) => (a: string) => `${a}.${column}::text`;
/** Decimal: Prisma's Decimal prints without trailing zeros (1234.50 → "1234.5"); trim_scale does the same. */
const decimal = (column: string) => (a: string) => `trim_scale(${a}.${column})::text`;
/** Date: a @db.Date column, printed YYYY-MM-DD as the Date scalar does. */
const date = (column: string) => (a: string) => `to_char(${a}.${column}, 'YYYY-MM-DD')`;
/** A Relay global id as @pothos/plugin-relay encodes it: base64 of "Type:id". */
const globalId = (typename: string) => (a: string) => `encode(convert_to('${typename}:' || ${a}.id, 'UTF8'), 'base64')`;

/** The orders of a project list (ProjectOrder), each ending on the unique code, as PROJECT_ORDER. */
const PROJECT_ORDER_SQL: Record<string, (b: string) => string> = {
  CODE: (b) => `${b}.code`,
  TOTAL_INVESTMENT_DESC: (b) => `${b}.total_investment DESC, ${b}.code`,
  TOTAL_INVESTMENT_ASC: (b) => `${b}.total_investment, ${b}.code`,
  NAME: (b) => `${b}.name_zh, ${b}.code`,
};

/** Top-level projects in the subtree of the region whose id is `root`, with a list's filters (projectFilter). */
function subtreeProjects(root: string, b: string, args: ArgValues, param: Param): RowSource {
  const order = PROJECT_ORDER_SQL[(args.orderBy as string | undefined) ?? "CODE"];
  if (!order) throw new NotCompiled(`order ${String(args.orderBy)}`, true);
  const category =
    typeof args.categoryCode === "string" && args.categoryCode
      ? ` AND ${b}.category_id = (SELECT id FROM project_category WHERE code = ${param(args.categoryCode, "text")})`
      : "";
  const statuses = Array.isArray(args.status) ? (args.status as unknown[]) : [];
  const status = statuses.length ? ` AND ${b}.status::text IN (${statuses.map((value) => param(value, "text")).join(", ")})` : "";
  return {
    fromWhere: `FROM project ${b} JOIN region ${b}_r ON ${b}_r.id = ${b}.region_id
      WHERE ${b}.parent_id IS NULL AND ${b}_r.path @> ARRAY[${root}]${category}${status}`,
    orderBy: order(b),
  };
}

/**
 * Thrown while compiling what the compiled path does not answer: the operation goes the usual way.
 * `byValues` when the reason lies in the values given (a page size, an order, a variable), so
 * that the same document may compile with others; otherwise the document itself never compiles,
 * and compiled-reads.ts stops trying it.
 */
export class NotCompiled extends Error {
  constructor(
    reason: string,
    readonly byValues = false,
  ) {
    super(reason);
  }
}

const PROJECT_LIST_ARGS = ["first", "orderBy", "categoryCode", "status"] as const;

export const READ_MODELS: Record<ModelName, ObjectModel> = {
  Query: {
    typename: "Query",
    table: "",
    args: { project: ["code"], region: ["code"], projects: ["regionCode", ...PROJECT_LIST_ARGS] },
    fields: {
      project: {
        kind: "one",
        type: "Project",
        nullable: true,
        where: (_a, b, args, param) => `${b}.code = ${param(args.code, "text")}`,
      },
      region: {
        kind: "one",
        type: "Region",
        nullable: true,
        where: (_a, b, args, param) => `${b}.code = ${param(args.code, "text")}`,
      },
      provinces: {
        kind: "list",
        type: "Region",
        from: (_a, b) => ({ fromWhere: `FROM region ${b} WHERE ${b}.level = 'PROVINCE'`, orderBy: `${b}.code` }),
      },
      // Compiled specially (compile-read.ts): the region named by regionCode must exist and be readable.
      projects: {
        kind: "connection",
        type: "Project",
        from: (a, b, args, param) => subtreeProjects(`${a}.id`, b, args, param),
      },
    },
  },
  Region: {
    typename: "Region",
    table: "region",
    args: { children: ["includeCeased"], projects: PROJECT_LIST_ARGS, investmentSummary: ["groupBy"] },
    dataFields: ["projects", "investmentSummary"],
    ownPath: (a) => `${a}.path`,
    fields: {
      id: { kind: "scalar", sql: globalId("Region") },
      code: { kind: "scalar", sql: column("code") },
      codeIsOfficial: { kind: "scalar", sql: column("code_is_official") },
      level: { kind: "scalar", sql: enumText("level") },
      kind: { kind: "scalar", sql: enumText("kind") },
      nameZh: { kind: "scalar", sql: column("name_zh") },
      nameEn: { kind: "scalar", sql: column("name_en") },
      access: { kind: "access" },
      parent: { kind: "one", type: "Region", nullable: true, where: (a, b) => `${b}.id = ${a}.parent_id` },
      // The regions of the path but the region itself, from the top (the resolver orders by level).
      ancestors: {
        kind: "list",
        type: "Region",
        from: (a, b) => ({
          fromWhere: `FROM region ${b} WHERE ${b}.id = ANY(${a}.path) AND ${b}.id <> ${a}.id`,
          orderBy: `${b}.level, array_position(${a}.path, ${b}.id)`,
        }),
      },
      children: {
        kind: "list",
        type: "Region",
        from: (a, b, args) => ({
          fromWhere: `FROM region ${b} WHERE ${b}.parent_id = ${a}.id${args.includeCeased === true ? "" : ` AND ${b}.valid_to IS NULL`}`,
          orderBy: `${b}.code`,
        }),
      },
      projects: { kind: "connection", type: "Project", from: (a, b, args, param) => subtreeProjects(`${a}.id`, b, args, param) },
      // investment-summary.ts's groups, over the same kept rows, for a region of any level.
      investmentSummary: {
        kind: "list",
        type: "InvestmentGroup",
        from: (a, b, args, _param, figures) => {
          const groupBy = args.groupBy as InvestmentGrouping;
          if (!INVESTMENT_GROUPINGS.includes(groupBy)) throw new NotCompiled(`groupBy ${String(groupBy)}`, true);
          const rows = anyLevelRegionRows("region_investment_figures", a, figures, { byChild: groupBy === "CHILD_REGION" });
          return {
            fromWhere: `FROM (${investmentGroupsSql(rows, groupBy)}) ${b}`,
            orderBy: INVESTMENT_GROUP_ORDER(`${b}.planned`, `${b}.key`),
          };
        },
      },
    },
  },
  InvestmentGroup: {
    typename: "InvestmentGroup",
    table: "",
    fields: {
      key: { kind: "scalar", sql: column("key") },
      label: { kind: "scalar", sql: column("label") },
      labelEn: { kind: "scalar", sql: column("label_en") },
      projectCount: { kind: "scalar", sql: column("project_count") },
      plannedInvestment: { kind: "scalar", sql: decimal("planned") },
      completedInvestment: { kind: "scalar", sql: decimal("completed") },
      // percentOf: completed ÷ planned × 100 to two decimals, null when nothing is planned.
      completionRate: {
        kind: "scalar",
        sql: (a) => `CASE WHEN ${a}.planned > 0 THEN trim_scale(round(${a}.completed / ${a}.planned * 100, 2))::text END`,
      },
    },
  },
  Project: {
    typename: "Project",
    table: "project",
    args: { progressReports: ["first"] },
    readPath: (a) => `(SELECT path FROM region WHERE id = ${a}.region_id)`,
    fields: {
      id: { kind: "scalar", sql: globalId("Project") },
      code: { kind: "scalar", sql: column("code") },
      nameZh: { kind: "scalar", sql: column("name_zh") },
      nameEn: { kind: "scalar", sql: column("name_en") },
      version: { kind: "scalar", sql: column("version") },
      status: { kind: "scalar", sql: enumText("status") },
      totalInvestment: { kind: "scalar", sql: decimal("total_investment") },
      phaseNumber: { kind: "scalar", sql: column("phase_number") },
      plannedStart: { kind: "scalar", sql: date("planned_start") },
      plannedFinish: { kind: "scalar", sql: date("planned_finish") },
      actualStart: { kind: "scalar", sql: date("actual_start") },
      actualFinish: { kind: "scalar", sql: date("actual_finish") },
      deliveryModel: { kind: "scalar", sql: enumText("delivery_model") },
      description: { kind: "scalar", sql: column("description") },
      source: { kind: "scalar", sql: column("source") },
      sourceKind: { kind: "scalar", sql: enumText("source_kind") },
      category: { kind: "one", type: "ProjectCategory", nullable: false, where: (a, b) => `${b}.id = ${a}.category_id` },
      region: { kind: "one", type: "Region", nullable: false, where: (a, b) => `${b}.id = ${a}.region_id` },
      parent: { kind: "one", type: "Project", nullable: true, where: (a, b) => `${b}.id = ${a}.parent_id` },
      phases: {
        kind: "list",
        type: "Project",
        from: (a, b) => ({ fromWhere: `FROM project ${b} WHERE ${b}.parent_id = ${a}.id`, orderBy: `${b}.phase_number` }),
      },
      progressReports: {
        kind: "connection",
        type: "ProgressReport",
        from: (a, b) => ({
          fromWhere: `FROM progress_report ${b} WHERE ${b}.project_id = ${a}.id`,
          orderBy: `${b}.period_end DESC, ${b}.id DESC`,
        }),
      },
    },
  },
  ProgressReport: {
    typename: "ProgressReport",
    table: "progress_report",
    fields: {
      id: { kind: "scalar", sql: globalId("ProgressReport") },
      period: { kind: "scalar", sql: column("period") },
      completedInvestment: { kind: "scalar", sql: decimal("completed_investment") },
      physicalProgress: { kind: "scalar", sql: decimal("physical_progress") },
      note: { kind: "scalar", sql: column("note") },
      sourceKind: { kind: "scalar", sql: enumText("source_kind") },
      overBudgetReason: { kind: "scalar", sql: column("over_budget_reason") },
      correctionReason: { kind: "scalar", sql: column("correction_reason") },
      reportedBy: { kind: "scalar", sql: column("reported_by") },
      version: { kind: "scalar", sql: column("version") },
    },
  },
  ProjectCategory: {
    typename: "ProjectCategory",
    table: "project_category",
    fields: {
      code: { kind: "scalar", sql: column("code") },
      nameZh: { kind: "scalar", sql: column("name_zh") },
      nameEn: { kind: "scalar", sql: column("name_en") },
      isIndustry: { kind: "scalar", sql: column("is_industry") },
    },
  },
};
