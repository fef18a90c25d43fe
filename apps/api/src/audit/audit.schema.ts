import { builder } from "../builder.js";
import { batchLoader, perRequestLoader } from "../common/batch-loader.js";
import { fieldIssue, ValidationError } from "../common/errors.js";
import type { Context } from "../context.js";

/** One column's value before and after a change, as text. */
interface AuditChange {
  column: string;
  before: string | null;
  after: string | null;
}

/** What a reference column (category_id, region_id …) points at, named so a reader need not know ids. */
interface AuditReference {
  code: string;
  nameZh: string;
  nameEn: string | null;
}

/** The tables a reference column points into, by column name. */
const REFERENCE_TABLES = {
  category_id: "projectCategory",
  region_id: "region",
  parent_id: "project",
  project_id: "project",
  fund_id: "fund",
  implementing_unit_id: "organization",
  indicator_id: "indicator",
} as const;
type ReferenceTable = (typeof REFERENCE_TABLES)[keyof typeof REFERENCE_TABLES];

/** One statement per referenced table for all the changes of a request, read under the reader's own rights. */
const loadReference = perRequestLoader((context: Context) => {
  const byTable = new Map<ReferenceTable, (id: number) => Promise<AuditReference | undefined>>();
  return (key: `${ReferenceTable}:${number}`) => {
    const [table, id] = key.split(":") as [ReferenceTable, string];
    let load = byTable.get(table);
    if (!load) {
      load = batchLoader(async (ids: number[]) => {
        const delegate = (context.prisma as unknown as Record<ReferenceTable, { findMany(args: unknown): Promise<unknown> }>)[
          table
        ];
        // Organisations have one name and no code, funds a Chinese name only; the rest a code and names in both languages.
        const select =
          table === "organization"
            ? { id: true, name: true }
            : table === "fund"
              ? { id: true, code: true, nameZh: true }
              : { id: true, code: true, nameZh: true, nameEn: true };
        const rows = (await delegate.findMany({ where: { id: { in: ids } }, select })) as ({
          id: number;
          name?: string;
        } & Partial<AuditReference>)[];
        return new Map(
          rows.map((row) => [row.id, { code: row.code ?? "", nameZh: row.nameZh ?? row.name ?? "", nameEn: row.nameEn ?? null }]),
        );
      });
      byTable.set(table, load);
    }
    return load(Number(id));
  };
});

const AuditReferenceRef = builder.objectRef<AuditReference>("AuditReference").implement({
  description: "The record a reference column points at: its code and names (null when the reader may not see it).",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Its code." }),
    nameZh: t.exposeString("nameZh", { description: "Its Chinese name." }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "Its English name, where it has one." }),
  }),
});

const reference = (column: string, value: string | null, context: Context) => {
  const table = REFERENCE_TABLES[column as keyof typeof REFERENCE_TABLES];
  if (!table || value === null || !/^\d+$/.test(value)) return null;
  return loadReference(context, `${table}:${Number(value)}`).then((found) => found ?? null);
};

const AuditChangeRef = builder.objectRef<AuditChange>("AuditChange").implement({
  description: "One column of a changed record: its value before and after, as text (null when absent).",
  fields: (t) => ({
    column: t.exposeString("column", { description: "The column, as the database names it (e.g. total_investment)." }),
    before: t.exposeString("before", { nullable: true, description: "The value before; null for a new record." }),
    after: t.exposeString("after", { nullable: true, description: "The value after; null for a deleted record." }),
    beforeReference: t.field({
      type: AuditReferenceRef,
      nullable: true,
      description: "For a reference column (category_id, region_id, project_id …): what the value before pointed at.",
      resolve: (change, _args, context) => reference(change.column, change.before, context),
    }),
    afterReference: t.field({
      type: AuditReferenceRef,
      nullable: true,
      description: "For a reference column: what the value after points at.",
      resolve: (change, _args, context) => reference(change.column, change.after, context),
    }),
  }),
});

/** The display names of the users an audit page names, in one statement. */
const loadDisplayName = perRequestLoader((context: Context) =>
  batchLoader(async (usernames: string[]) => {
    const users = await context.prisma.user.findMany({
      where: { username: { in: usernames } },
      select: { username: true, displayName: true },
    });
    return new Map(users.map((user) => [user.username, user.displayName]));
  }),
);

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
    actorKind: t.string({
      description:
        "USER for a signed-in user, DEMO_DATA for the demo loader, SYSTEM for anything else (a script, the database login).",
      resolve: (entry) => (entry.actor.startsWith("user:") ? "USER" : entry.actor === "demo data" ? "DEMO_DATA" : "SYSTEM"),
    }),
    actorName: t.string({
      nullable: true,
      description:
        "The user's display name (e.g. 岑巩县 填报员), for a change by a signed-in user the reader may see; null otherwise.",
      resolve: async (entry, _args, context) =>
        entry.actor.startsWith("user:") ? ((await loadDisplayName(context, entry.actor.slice(5))) ?? null) : null,
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
      const regionId = await context.regions.requireIdOfCode(args.regionCode);
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
