import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * The house's layers, from the bottom: what every domain may use (common/: errors, validation,
 * percentages; db/ and generated/: the database), the tree every record sits in (regions/, which
 * changes the tree through changes/, the one way every mutation is made), and the domains above them. A lower layer importing a higher one is how a codebase tangles; this
 * test names the import that does.
 */
const MAY_IMPORT: Record<string, readonly string[]> = {
  common: ["common", "db", "generated"],
  regions: ["regions", "common", "db", "generated", "access", "builder", "changes"],
};

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) yield path;
  }
}

/** The top-level folder (or file) of src/ an import of `file` lands in; undefined for a package. */
function layerOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const target = relative(SRC, resolve(dirname(file), specifier));
  return target.split("/")[0]!.replace(/\.(js|ts)$/, "");
}

describe("the layers of the API", () => {
  for (const [layer, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${layer}/ imports only ${allowed.join(", ")}`, () => {
      const wrong: string[] = [];
      for (const file of sourceFiles(join(SRC, layer))) {
        for (const [, specifier] of readFileSync(file, "utf8").matchAll(/^(?:import|export)[^"']*["']([^"']+)["']/gm)) {
          const target = layerOf(file, specifier!);
          if (target !== undefined && !allowed.includes(target)) wrong.push(`${relative(SRC, file)} imports ${specifier}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }

  it("finds an import across layers when there is one", () => {
    expect(layerOf(join(SRC, "regions/regions.schema.ts"), "../projects/investment-summary.js")).toBe("projects");
    expect(layerOf(join(SRC, "common/errors.ts"), "@revita/messages")).toBeUndefined();
    expect(layerOf(join(SRC, "regions/regions.schema.ts"), "../builder.js")).toBe("builder");
  });
});
