import type { SourceKind } from "../generated/prisma/enums.js";
import type { InputChecker } from "./validation.js";

/**
 * Where a record's figures come from: published by an article (its `source` cites it), derived
 * from published figures (its note says how), or illustrative (made up to show a feature). Every
 * demo record says which; what users record leaves it empty.
 */
export const SOURCE_KINDS: readonly SourceKind[] = ["PUBLISHED", "DERIVED", "ILLUSTRATIVE"];

/** An input's source kind, checked: null when not given. */
export function sourceKindOf(check: InputChecker, value: string | null | undefined): SourceKind | null {
  return value == null ? null : check.oneOf("sourceKind", value, SOURCE_KINDS);
}
