import { batchLoader } from "../common/batch-loader.js";
import { NotFoundError } from "../common/errors.js";
import type { PrismaClient } from "../generated/prisma/client.js";

/** What the access rules need to know about where records sit, loaded in batches per request. */
export interface RegionLookup {
  /** A region's path: its ancestors' ids from the top, then its own. Undefined when there is none. */
  pathOf(regionId: number): Promise<number[] | undefined>;
  pathOfCode(code: string): Promise<number[] | undefined>;
  /**
   * The id of the region with this code (its path's last id), from the same lookups the access
   * rules made for that code; NOT_FOUND, naming the input field, when there is none.
   */
  requireIdOfCode(code: string, field?: string): Promise<number>;
  /** The path of a project's region; undefined when the project is not there or not visible. */
  pathOfProject(projectId: number): Promise<number[] | undefined>;
  /**
   * Remembers the region of a project read with the request's rights, so that the rule of each of
   * its records (reports, outputs, allocations) needs no statement to find it again.
   */
  knowProject(projectId: number, regionId: number): void;
  /**
   * Remembers the path of a region read with the request's rights (a Region read whole, a
   * project's region read with it), so that the rules of its fields need no statement to find
   * it. Only a path that ends at the region itself is taken.
   */
  knowRegion(regionId: number, path: readonly number[]): void;
  /**
   * The path of a region, or of a project's region, when this request already knows it (read or
   * told): the rules then answer without a promise, which for a page of a hundred projects and
   * their reports was a good part of the rules' cost.
   */
  knownPathOf(regionId: number): number[] | undefined;
  knownPathOfProject(projectId: number): number[] | undefined;
  /** True when the region is an ancestor of (or is) one of the roots. */
  isAboveAny(regionId: number, roots: readonly number[]): Promise<boolean>;
}

export function regionLookup(prisma: PrismaClient): RegionLookup {
  const pathOf = batchLoader(async (ids: number[]) => {
    const rows = await prisma.region.findMany({ where: { id: { in: ids } }, select: { id: true, path: true } });
    return new Map(rows.map((row) => [row.id, row.path]));
  });
  const pathOfCode = batchLoader(async (codes: string[]) => {
    const rows = await prisma.region.findMany({ where: { code: { in: codes } }, select: { code: true, path: true } });
    return new Map(rows.map((row) => [row.code, row.path]));
  });
  const regionOfProject = batchLoader(async (ids: number[]) => {
    const rows = await prisma.project.findMany({ where: { id: { in: ids } }, select: { id: true, regionId: true } });
    return new Map(rows.map((row) => [row.id, row.regionId]));
  });
  return {
    pathOf,
    pathOfCode,
    async requireIdOfCode(code, field = "regionCode") {
      const id = (await pathOfCode(code))?.at(-1);
      if (id === undefined) throw new NotFoundError("NO_SUCH_REGION", { code }, field);
      return id;
    },
    async pathOfProject(projectId) {
      const regionId = await regionOfProject(projectId);
      return regionId === undefined ? undefined : pathOf(regionId);
    },
    knowProject: (projectId, regionId) => regionOfProject.prime(projectId, regionId),
    knowRegion: (regionId, path) => {
      if (path.at(-1) === regionId) pathOf.prime(regionId, [...path]);
    },
    knownPathOf: (regionId) => pathOf.known(regionId),
    knownPathOfProject(projectId) {
      const regionId = regionOfProject.known(projectId);
      return regionId === undefined ? undefined : pathOf.known(regionId);
    },
    async isAboveAny(regionId, roots) {
      const paths = await Promise.all(roots.map((root) => pathOf(root)));
      return paths.some((path) => path?.includes(regionId));
    },
  };
}
