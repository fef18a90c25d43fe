import type { GraphQLResolveInfo } from "graphql";
import { AuthenticationError, RevitaError } from "../common/errors.js";
import type { Context } from "../context.js";

/**
 * The API's access rules, as Pothos scope-auth scopes. Types and fields name the scope they need
 * (`authScopes: (project) => ({ reads: project.regionId })`); each scope asks the request's
 * AccessScope. The database's row-level security enforces the same regions again underneath.
 */
export interface RegionAuthScopes {
  /** Any signed-in user. */
  signedIn: boolean;
  /** Free-form queries (introspection, the query editor, a larger query budget): analysts and admins. */
  queriesFreely: boolean;
  /** May read the data of the region with this id. */
  reads: number;
  /** The same, for a region given by its division code (a root field's argument). */
  readsCode: string;
  /** May read the data of at least one of these regions (a task: its meeting's region or its unit's). */
  readsAnyOf: readonly number[];
  /** May read what a region manages for those below it (a fund, an implementing unit): its own or one above theirs. */
  readsOrServes: number;
  /** May read the project with this id (for records that belong to a project). */
  readsProject: number;
  /** May change data in the region with this id. */
  edits: number;
  /** May approve reports of the region with this id. */
  approves: number;
  /** May manage users and read the audit in the region with this id. */
  administers: number;
  /** The same, for a region given by its division code. */
  administersCode: string;
}

type ScopeLoaders = {
  [K in keyof RegionAuthScopes]: boolean | ((parameter: RegionAuthScopes[K]) => boolean | Promise<boolean>);
};

/** The scopes of one request. With the API's rules switched off (tests only) every scope holds. */
export function accessScopeLoaders(context: Context): ScopeLoaders {
  const { access, regions } = context;
  if (!context.apiRules) {
    const always = async () => true;
    return {
      signedIn: true,
      queriesFreely: true,
      reads: always,
      readsCode: always,
      readsAnyOf: always,
      readsOrServes: always,
      readsProject: always,
      edits: always,
      approves: always,
      administers: always,
      administersCode: always,
    };
  }
  const covers = (capability: Parameters<typeof access.covers>[0]) => (path: number[] | undefined) =>
    path !== undefined && access.covers(capability, path);
  const isUnknownOrCovered = (capability: Parameters<typeof access.covers>[0], path: number[] | undefined) =>
    path === undefined || access.covers(capability, path);
  /** A region's rule: at once from a path the request already knows, else once it is loaded. */
  const regionRule = (capability: Parameters<typeof access.covers>[0]) => (id: number) => {
    const known = regions.knownPathOf(id);
    return known ? access.covers(capability, known) : regions.pathOf(id).then(covers(capability));
  };
  return {
    signedIn: access.signedIn,
    queriesFreely: access.has("query"),
    reads: regionRule("read"),
    // A code that names no region passes, so the resolver can say so: division codes are public.
    readsCode: async (code) => isUnknownOrCovered("read", await regions.pathOfCode(code)),
    readsAnyOf: async (ids) => {
      for (const id of ids) if (covers("read")(await regions.pathOf(id))) return true;
      return false;
    },
    readsOrServes: async (id) => {
      const path = await regions.pathOf(id);
      // A region above the user's: one of their read roots has it on its path.
      return covers("read")(path) || (path !== undefined && (await regions.isAboveAny(id, access.rootsFor("read"))));
    },
    readsProject: (projectId) => {
      const known = regions.knownPathOfProject(projectId);
      return known ? access.covers("read", known) : regions.pathOfProject(projectId).then(covers("read"));
    },
    edits: regionRule("edit"),
    approves: regionRule("approve"),
    administers: regionRule("admin"),
    administersCode: async (code) => isUnknownOrCovered("admin", await regions.pathOfCode(code)),
  };
}

/** What a refused scope lacks, as the FIELD_REFUSED reason names it. */
const WHAT_A_SCOPE_NEEDS: Record<keyof RegionAuthScopes, string> = {
  signedIn: "signedIn",
  queriesFreely: "queriesFreely",
  reads: "reads",
  readsCode: "reads",
  readsAnyOf: "reads",
  readsOrServes: "reads",
  readsProject: "readsProject",
  edits: "edits",
  approves: "approves",
  administers: "administers",
  administersCode: "administers",
};

interface Failure {
  kind: string;
  scope?: string;
  failures?: Failure[];
}

function firstScope(failure: Failure): keyof RegionAuthScopes | undefined {
  if (failure.scope) return failure.scope as keyof RegionAuthScopes;
  for (const inner of failure.failures ?? []) {
    const scope = firstScope(inner);
    if (scope) return scope;
  }
  return undefined;
}

/**
 * A refusal that says what was refused and why: anonymous requests are told to sign in (401);
 * signed-in users what their grants do not cover (403). Nothing about the refused record is said.
 */
export function unauthorizedError(
  _parent: unknown,
  context: Context,
  info: GraphQLResolveInfo,
  result: { failure: Failure },
): Error {
  if (!context.access.signedIn) return new AuthenticationError("SIGN_IN_REQUIRED", {});
  const scope = firstScope(result.failure);
  return new RevitaError("FORBIDDEN", "FIELD_REFUSED", {
    field: `${info.parentType.name}.${info.fieldName}`,
    need: scope ? WHAT_A_SCOPE_NEEDS[scope] : "other",
  });
}

/**
 * The rule of a region's data fields (its projects, sums, indicators): the region must be readable.
 * A region read whole brings its path, which the rule then needs no statement to find.
 */
export const readsRegion = (region: { id: number; path?: number[] }, _args: unknown, context: Context) => {
  if (region.path) context.regions.knowRegion(region.id, region.path);
  return { reads: region.id };
};

/** The rule of a record with a region of its own. */
export const readsRecordRegion = (record: { regionId: number }) => ({ reads: record.regionId });

/**
 * The rule of a project: its region must be readable. The project's region is remembered for the
 * rules of its records, which would otherwise look it up again.
 */
export const readsProject = (
  project: { id: number; regionId: number; region?: { id: number; path: number[] } },
  context: Context,
) => {
  context.regions.knowProject(project.id, project.regionId);
  // The Project type always reads its region's path with it (projects.schema.ts), so the rule of
  // a page of projects costs no statement; a project made elsewhere without it is looked up.
  if (project.region?.id === project.regionId) context.regions.knowRegion(project.regionId, project.region.path);
  return { reads: project.regionId };
};

/** The rule of a record that belongs to a project (a report, an output, an allocation). */
export const readsProjectOf = (record: { projectId: number }) => ({ readsProject: record.projectId });
