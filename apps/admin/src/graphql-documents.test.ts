import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, getNamedType, parse, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { CACHE_KEYS } from "./cache-keys.js";

const schema = buildSchema(readFileSync(join(import.meta.dirname, "../../../packages/schema/schema.graphql"), "utf8"));
const documents = import.meta.glob("./**/*.graphql", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

describe("the dashboard's GraphQL documents", () => {
  it("are found", () => {
    expect(Object.keys(documents).length).toBeGreaterThan(5);
  });

  // Apollo's cache stores these types under their key fields: a selection without them cannot
  // be stored, and the page shows an error instead of data.
  it.each(Object.entries(documents))("%s selects the cache key of every keyed type", (_file, source) => {
    const typeInfo = new TypeInfo(schema);
    const missing: string[] = [];
    visit(
      parse(source),
      visitWithTypeInfo(typeInfo, {
        SelectionSet(node) {
          const type = getNamedType(typeInfo.getType() ?? typeInfo.getParentType());
          const keys = type && CACHE_KEYS[type.name];
          if (!keys) return;
          const selected = new Set(node.selections.flatMap((s) => (s.kind === "Field" ? [s.name.value] : [])));
          const spreadsOnly = node.selections.every((s) => s.kind !== "Field");
          if (spreadsOnly) return; // the fragment is checked where it is defined
          for (const key of keys) if (!selected.has(key)) missing.push(`${type.name} at line ${node.loc?.startToken.line}`);
        },
      }),
    );
    expect(missing).toEqual([]);
  });
});
