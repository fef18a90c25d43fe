import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type { Context } from "./context.js";
import type PrismaTypes from "./generated/pothos-prisma-types.js";
import { getDatamodel } from "./generated/pothos-prisma-types.js";
import type { Prisma } from "./generated/prisma/client.js";

/** The builder and its plugins only: schema files import it, never the other way round. */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  Scalars: {
    Decimal: { Input: string; Output: Prisma.Decimal | string };
    Date: { Input: string; Output: Date };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
  },
});

builder.queryType({ description: "Everything an analyst or the dashboard can read." });

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
