import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./index.js";

/** The SDL both apps share, committed so that every schema change shows up in review. */
export const SCHEMA_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../packages/schema/schema.graphql");

export function printedSchema(): string {
  return `# Generated from apps/api by \`pnpm schema:print\`. Do not edit: change the *.schema.ts files.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
