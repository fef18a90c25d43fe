import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { type Period, parsePeriod } from "@revita/schema/period";
import { accessScopeLoaders, type RegionAuthScopes, unauthorizedError } from "./access/access-rules.js";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";
import type { Prisma } from "./generated/prisma/client.js";

/** The builder and its plugins only: schema files import it, never the other way round. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: RegionAuthScopes;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    Date: { Input: string; Output: Date };
    Period: { Input: Period; Output: string };
  };
}>({
  // Relay before scope-auth, so rules see decoded global ids; scope-auth before Prisma, so no
  // query runs for a field the rules refuse.
  plugins: [RelayPlugin, ScopeAuthPlugin, PrismaPlugin],
  scopeAuth: {
    authScopes: accessScopeLoaders,
    unauthorizedError,
    // A rule that fails to load (a region that is not there) refuses rather than erroring.
    treatErrorsAsUnauthorized: true,
  },
  defaultFieldNullability: false,
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    maxConnectionSize: 100,
    defaultConnectionSize: 20,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    // Relay's scaffolding, described like everything else an analyst reads in the schema.
    nodeTypeOptions: { description: "Anything with a global id, fetchable with node(id:)." },
    idFieldOptions: { description: "Global id: stable, opaque, usable with node(id:)." },
    nodeQueryOptions: { description: "Any object by its global id." },
    // nodes(ids:) is schema/nodes.schema.ts: one bad id must not fail the others.
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: "Where a page sits in the whole list." },
    hasNextPageFieldOptions: { description: "True when more items follow this page." },
    hasPreviousPageFieldOptions: { description: "True when items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the first item on the page; pass as before: for the previous page." },
    endCursorFieldOptions: { description: "Cursor of the last item on the page; pass as after: for the next page." },
    pageInfoFieldOptions: { description: "How to fetch the pages around this one." },
    edgesFieldOptions: { description: "The items on this page, each with its cursor." },
    nodesFieldOptions: { description: "The items on this page." },
    cursorFieldOptions: { description: "Opaque position of this item, for after: or before:." },
    nodeFieldOptions: { description: "The item." },
    firstArgOptions: { description: "Page forward: at most this many items (0–100, default 20)." },
    afterArgOptions: { description: "Start after the item with this cursor." },
    lastArgOptions: { description: "Page backward: at most this many items (0–100)." },
    beforeArgOptions: { description: "End before the item with this cursor." },
    defaultConnectionTypeOptions: { description: "One page of a list, with how to reach the other pages." },
    defaultEdgeTypeOptions: { description: "One item of a page, with its cursor." },
  },
});

// Everything but signing in (and asking who is signed in) needs a signed-in user.
builder.queryType({
  description:
    "Everything an analyst or the dashboard can read. Send the HTTP header `X-Revita-Figures: approved` to read only progress reports and indicator values inside approved periods, or `X-Revita-Figures: published` to read only the records an article published (sourceKind PUBLISHED, and the rows that belong to them), in every list, sum and chart; without it, every reported figure.",
  authScopes: { signedIn: true },
});
builder.mutationType({
  description:
    "Everything that changes data: signing in and out, accounts (admins), projects, progress, funds and indicator values (editors), and their approval (editors submit, approvers decide).",
  authScopes: { signedIn: true },
});

builder.scalarType("Decimal", {
  description:
    'An exact decimal number as a string, e.g. "129512500.00" (yuan for money, percent for progress). Never a float, so no fen is lost.',
  serialize: (value) => (typeof value === "string" ? value : value.toFixed()),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^-?\d+(\.\d+)?$/.test(value)) {
      throw new TypeError(`Decimal must be a string of digits such as "1298.50" (got ${JSON.stringify(value)})`);
    }
    return value;
  },
});

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD.",
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: (value) => {
    if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new TypeError(`Date must be written YYYY-MM-DD (got ${JSON.stringify(value)})`);
    }
    return value;
  },
});

builder.scalarType("Period", {
  description: "A reporting period's canonical key: a year (2023), a quarter (2023Q2) or a month (2023-06).",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string") throw new TypeError(`Period must be a string such as "2023Q2" (got ${JSON.stringify(value)})`);
    return parsePeriod(value);
  },
});
