import { describe, expect, it } from "vitest";
import { INDICATOR_DEFINITIONS } from "./catalog.js";
import { INDICATOR_DESCRIPTIONS } from "./indicator-descriptions.js";

describe("the indicator catalogue", () => {
  it("describes every indicator: what it counts, its unit's words, who reports it, for which period", () => {
    const undescribed = INDICATOR_DEFINITIONS.filter(
      (definition) => !definition.description || definition.description.length < 40,
    );
    expect(undescribed.map((definition) => definition.code)).toEqual([]);
    for (const definition of INDICATOR_DEFINITIONS) {
      if (definition.code === "RURAL_SEWAGE_COVERAGE") continue;
      expect(definition.description, definition.code).toMatch(/yearly/);
    }
  });

  it("has no description for an indicator it does not define", () => {
    const codes = new Set(INDICATOR_DEFINITIONS.map((definition) => definition.code));
    expect(Object.keys(INDICATOR_DESCRIPTIONS).filter((code) => !codes.has(code))).toEqual([]);
  });
});
