import { cleaningInspectionsImport } from "../cleaning/cleaning-imports.js";
import { fundAllocationsImport, fundsImport } from "../funds/fund-imports.js";
import { communityNeedsImport, partyMembersImport } from "../governance/governance-imports.js";
import { householdsImport } from "../households/households-imports.js";
import { mediationCasesImport } from "../mediation/mediation-imports.js";
import type { ImportKind } from "./import-kind.js";
import { progressImport } from "./progress-import.js";
import { disbursementsImport, indicatorValuesImport, projectsImport } from "./record-imports.js";

/** Every kind of data that can be imported and exported, by its name in the URL. */
export const IMPORT_KINDS: readonly ImportKind[] = [
  projectsImport,
  progressImport,
  fundsImport,
  fundAllocationsImport,
  disbursementsImport,
  indicatorValuesImport,
  partyMembersImport,
  communityNeedsImport,
  mediationCasesImport,
  cleaningInspectionsImport,
  householdsImport,
];

export function importKind(name: string): ImportKind | undefined {
  return IMPORT_KINDS.find((kind) => kind.name === name);
}
