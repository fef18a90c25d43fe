import { graphql } from "graphql";
import type { PrismaClient } from "../src/generated/prisma/client.js";
import { schema } from "../src/schema/index.js";

/** Executes an operation against the schema directly, as the server would, without HTTP. */
export async function runGraphql<Data = Record<string, unknown>>(
  prisma: PrismaClient,
  source: string,
  variableValues: Record<string, unknown> = {},
): Promise<Data> {
  const result = await graphql({ schema, source, variableValues, contextValue: { prisma } });
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("; "));
  return result.data as Data;
}
