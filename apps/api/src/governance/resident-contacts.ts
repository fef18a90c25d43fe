import type { AccessScope } from "../access/access-scope.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

const VILLAGE_DEPTH = REGION_LEVELS.indexOf("VILLAGE");

/**
 * Whether the asker reads a resident's phone in full: only the community's own staff do, that is
 * users with a grant on the need's village or community itself, or on the area or building
 * within it where the need sits. Everyone else (the town, the county, an analyst querying the
 * province) reads the masked copy the database keeps (138****5678), in queries and exports
 * alike; the audit trail never holds the full number.
 */
export function seesResidentContacts(access: AccessScope, needRegionPath: readonly number[]): boolean {
  return access.grantedOnAnyOf(needRegionPath.slice(VILLAGE_DEPTH));
}

/** The phone as this asker may read it. */
export function residentPhoneFor(
  access: AccessScope,
  need: { residentPhone: string | null; residentPhoneMasked: string | null },
  needRegionPath: readonly number[],
): string | null {
  return seesResidentContacts(access, needRegionPath) ? need.residentPhone : need.residentPhoneMasked;
}
