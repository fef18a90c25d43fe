import type { DbClient } from "../db/database.js";
import { type ProjectStanding, projectStanding, STANDING_SELECT } from "./project-progress.js";

/** How far a project's progress trails its elapsed schedule, in percentage points. */
export function scheduleGap(standing: ProjectStanding): number {
  const progress = standing.physicalProgress ?? standing.completionRate;
  if (!standing.scheduleElapsed || !progress) return 0;
  return standing.scheduleElapsed.minus(progress).toNumber();
}

/**
 * The ids of a region's top-level projects that are behind schedule, the furthest behind first
 * (ties by code). Standing is computed by the same rule as Project.standing, so the list and
 * the badge on each project never disagree; only unfinished projects with a planned schedule
 * can be behind, so only those are loaded.
 */
export async function projectsBehindSchedule(db: DbClient, regionId: number, first: number): Promise<number[]> {
  const candidates = await db.project.findMany({
    where: {
      parentId: null,
      region: { path: { has: regionId } },
      status: { notIn: ["COMPLETED", "ACCEPTED"] },
      plannedStart: { not: null },
      plannedFinish: { not: null },
    },
    select: { id: true, code: true, ...STANDING_SELECT },
  });
  return candidates
    .map((project) => ({ project, standing: projectStanding(project) }))
    .filter(({ standing }) => standing.behindSchedule)
    .map(({ project, standing }) => ({ id: project.id, code: project.code, gap: scheduleGap(standing) }))
    .sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code))
    .slice(0, first)
    .map(({ id }) => id);
}
