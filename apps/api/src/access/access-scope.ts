import type { AccessRole } from "../generated/prisma/client.js";

/** What a grant lets its holder do, in its region and everything below. */
export type Capability = "read" | "query" | "edit" | "approve" | "admin";

/**
 * Every role reads; beyond that each adds its own capability. Editing, approving and managing
 * users are kept apart (as DHIS2 keeps the units a user enters data for apart from those they
 * view): an approver does not edit the reports they approve.
 */
const ROLE_CAPABILITIES: Record<AccessRole, readonly Capability[]> = {
  VIEWER: ["read"],
  ANALYST: ["read", "query"],
  EDITOR: ["read", "edit"],
  APPROVER: ["read", "approve"],
  ADMIN: ["read", "query", "admin"],
  // Reads like a viewer; what it adds is not a capability over a subtree but the personal data
  // of the households of the very village or town it names (personalDataOf).
  PERSONAL_DATA: ["read"],
};

export const CAPABILITIES: readonly Capability[] = ["read", "query", "edit", "approve", "admin"];

export interface ScopedGrant {
  role: AccessRole;
  /** The region's id and its path (its ancestors' ids and its own, from the top). */
  region: { id: number; path: number[] };
}

/**
 * What one request may do where: for each capability, the regions ("roots") whose subtrees it
 * covers. Built once per request from the user's grants; the API's rules ask it, and the same
 * roots go to the database's row-level security policies (see scoped-client.ts).
 */
export class AccessScope {
  private readonly roots: Record<Capability, number[]>;
  /** The regions the grants name, whatever their role and whether another grant covers them. */
  private readonly grantRegions: ReadonlySet<number>;
  /** The regions of the grants that show monitored households' personal data in full. */
  private readonly personalDataRegions: ReadonlySet<number>;

  private constructor(
    readonly signedIn: boolean,
    grants: readonly ScopedGrant[],
  ) {
    this.grantRegions = new Set(grants.map((grant) => grant.region.id));
    this.personalDataRegions = new Set(grants.filter((grant) => grant.role === "PERSONAL_DATA").map((grant) => grant.region.id));
    const roots = Object.fromEntries(CAPABILITIES.map((capability) => [capability, [] as ScopedGrant["region"][]]));
    for (const grant of grants) {
      for (const capability of ROLE_CAPABILITIES[grant.role]) roots[capability]!.push(grant.region);
    }
    // A grant inside another grant's subtree adds nothing: keep the outermost regions only.
    this.roots = Object.fromEntries(
      CAPABILITIES.map((capability) => {
        const regions = roots[capability]!;
        const outermost = regions.filter(
          (region) => !regions.some((other) => other.id !== region.id && region.path.includes(other.id)),
        );
        return [capability, [...new Set(outermost.map((region) => region.id))].sort((a, b) => a - b)];
      }),
    ) as Record<Capability, number[]>;
  }

  static anonymous(): AccessScope {
    return new AccessScope(false, []);
  }

  static of(grants: readonly ScopedGrant[]): AccessScope {
    return new AccessScope(true, grants);
  }

  /** The outermost regions where the capability holds. */
  rootsFor(capability: Capability): readonly number[] {
    return this.roots[capability];
  }

  /** True when the capability holds anywhere. */
  has(capability: Capability): boolean {
    return this.roots[capability].length > 0;
  }

  /**
   * True when one of the grants names one of these regions itself: a community's own staff hold a
   * grant on the community (or on the area within it), not only one on the county above.
   */
  grantedOnAnyOf(regionIds: readonly number[]): boolean {
    return regionIds.some((id) => this.grantRegions.has(id));
  }

  /**
   * True when a PERSONAL_DATA grant names one of these regions itself: a household's village or
   * town (not a county above them, whose staff read the masked copies).
   */
  seesPersonalDataIn(regionIds: readonly number[]): boolean {
    return regionIds.some((id) => this.personalDataRegions.has(id));
  }

  /** True when the capability holds in the region with this path (ancestors' ids, then its own). */
  covers(capability: Capability, regionPath: readonly number[]): boolean {
    return this.roots[capability].some((root) => regionPath.includes(root));
  }
}
