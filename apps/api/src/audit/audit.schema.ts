import { builder } from "../builder.js";
import { fieldIssue, ValidationError } from "../common/errors.js";
import { requireRegionId } from "../regions/regions.service.js";

/** One column's value before and after a change, as text. */
interface AuditChange {
  column: string;
  before: string | null;
  after: string | null;
}

const AuditChangeRef = builder.objectRef<AuditChange>("AuditChange").implement({
  description: "One column of a changed record: its value before and after, as text (null when absent).",
  fields: (t) => ({
    column: t.exposeString("column", { description: "The column, as the database names it (e.g. total_investment)." }),
    before: t.exposeString("before", { nullable: true, description: "The value before; null for a new record." }),
    after: t.exposeString("after", { nullable: true, description: "The value after; null for a deleted record." }),
  }),
});

type Row = Record<string, unknown> | null;
const asText = (value: unknown) =>
  value === undefined || value === null ? null : typeof value === "string" ? value : JSON.stringify(value);

/** The columns that differ between before and after (all of them for an insert or a delete). */
function changesOf(before: Row, after: Row): AuditChange[] {
  const columns = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  return columns
    .map((column) => ({ column, before: asText(before?.[column]), after: asText(after?.[column]) }))
    .filter((change) => change.before !== change.after && !["updated_at", "version"].includes(change.column));
}

builder.prismaObject("AuditEntry", {
  description:
    "One change to one record, written by the database in the same transaction as the change: who, when, what, before and after.",
  fields: (t) => ({
    at: t.string({ description: "When, as an ISO 8601 timestamp (UTC).", resolve: (entry) => entry.at.toISOString() }),
    actor: t.exposeString("actor", {
      description: "Who: user:<username> for a signed-in user, or what loaded the data (demo data, an import).",
    }),
    action: t.exposeString("action", { description: "INSERT, UPDATE or DELETE." }),
    tableName: t.exposeString("tableName", { description: "The table of the record, e.g. project or progress_report." }),
    recordKey: t.exposeString("recordKey", { description: "The record's key within its table (its id)." }),
    changes: t.field({
      type: [AuditChangeRef],
      description: "The columns that changed (every column for a record created or deleted); secrets are never recorded.",
      resolve: (entry) => changesOf(entry.before as Row, entry.after as Row),
    }),
  }),
});

builder.queryField("auditTrail", (t) =>
  t.prismaConnection({
    type: "AuditEntry",
    cursor: "id",
    description:
      "The changes to the records of a region and everything below it, newest first. For admins (ADMIN role) of the region only.",
    authScopes: (_root, args) => ({ administersCode: args.regionCode }),
    args: {
      regionCode: t.arg.string({ required: true, description: "The region's 12-digit division code; its subtree is included." }),
      tableName: t.arg.string({ description: "Only changes to this table, e.g. project." }),
      recordKey: t.arg.string({ description: "Only changes to the record with this key (with tableName)." }),
    },
    resolve: async (query, _root, args, context) => {
      const regionId = await requireRegionId(context.prisma, args.regionCode);
      const regions = await context.prisma.region.findMany({ where: { path: { has: regionId } }, select: { id: true } });
      return context.prisma.auditEntry.findMany({
        ...query,
        where: {
          regionId: { in: regions.map((region) => region.id) },
          ...(args.tableName ? { tableName: args.tableName } : {}),
          ...(args.recordKey ? { recordKey: args.recordKey } : {}),
        },
        orderBy: { id: "desc" },
      });
    },
  }),
);

/** The tables whose rows belong to a project, by their project_id column. */
const PROJECT_PARTS = ["progress_report", "project_output", "project_site", "fund_allocation"];

builder.prismaObjectField("Project", "history", (t) =>
  t.prismaField({
    type: ["AuditEntry"],
    description:
      "The changes to this project, its reports, outputs, sites and allocations, newest first. For admins (ADMIN role) of its region only.",
    authScopes: (project) => ({ administers: project.regionId }),
    args: { first: t.arg.int({ defaultValue: 50, description: "At most this many changes (1–200, default 50)." }) },
    resolve: (query, project, args, context) => {
      const first = args.first ?? 50;
      if (!Number.isInteger(first) || first < 1 || first > 200) {
        throw new ValidationError([fieldIssue("first", "OUT_OF_RANGE", { min: 1, max: 200, value: String(first) })]);
      }
      return context.prisma.auditEntry.findMany({
        ...query,
        where: {
          OR: [
            { tableName: "project", recordKey: String(project.id) },
            { tableName: { in: PROJECT_PARTS }, after: { path: ["project_id"], equals: project.id } },
            { tableName: { in: PROJECT_PARTS }, before: { path: ["project_id"], equals: project.id } },
          ],
        },
        orderBy: { id: "desc" },
        take: first,
      });
    },
  }),
);
