import { builder } from "../builder.js";
import { SOURCE_KINDS } from "../common/source-kind.js";

/**
 * Where a record's figures come from, as every object that cites a source says it. Defined beside
 * the regions, at the bottom of the domains, because every domain's records carry it (the
 * regions' own assessments among them).
 */
export const SourceKindEnum = builder.enumType("SourceKind", {
  description:
    "公开 PUBLISHED: an article says so (the record's source cites it); 推算 DERIVED: computed from published figures (its note says how); 示意 ILLUSTRATIVE: made up to show a feature.",
  values: SOURCE_KINDS,
});

export const SOURCE_KIND_DESCRIPTION =
  "Published, derived or illustrative: said on every demo record; empty for what users record.";
