import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { printedSchema, SCHEMA_FILE } from "./printed-schema.js";

describe("packages/schema/schema.graphql", () => {
  it("is the schema the API serves (run `pnpm schema:print` after changing a *.schema.ts)", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(printedSchema());
  });

  it("describes every type, field and argument", () => {
    const undocumented: string[] = [];
    const sdl = printedSchema();
    // A line declaring a field or type that is not preceded by a description block.
    const lines = sdl.split("\n");
    lines.forEach((line, index) => {
      const declares = /^\s*(type|enum|scalar|input|interface|union) \w+|^\s+\w+(\(|:)/.test(line);
      const previous = lines[index - 1]?.trim() ?? "";
      if (declares && !previous.endsWith('"""') && !previous.startsWith('"')) undocumented.push(line.trim());
    });
    expect(undocumented).toEqual([]);
  });
});
