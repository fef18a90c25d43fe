import type { Figures } from "../access/scoped-client.js";
import type { DbClient } from "../db/database.js";
import type { Prisma } from "../generated/prisma/client.js";
import { keptRowsOf } from "./kept-figures.js";
import { type ProjectStanding, standingFrom } from "./project-progress.js";

/** How far a project's progress trails its elapsed schedule, in percentage points. */
export function scheduleGap(standing: ProjectStanding): number {
  const progress = standing.physicalProgress ?? standing.completionRate;
  if (!standing.scheduleElapsed || !progress) return 0;
  return standing.scheduleElapsed.minus(progress).toNumber();
}

/**
 * The ids of a region's top-level projects that are behind schedule, the furthest behind first
 * (ties by code). Standing is computed by the same rule as Project.standing, from the same kept
 * figures, so the list and the badge on each project never disagree; only unfinished projects
 * with a planned schedule and a reported figure can be behind, so only those are loaded, one
 * row each.
 */
export async function projectsBehindSchedule(db: DbClient, regionId: number, first: number, figures: Figures): Promise<number[]> {
  const candidates = await db.$queryRaw<
    {
      id: number;
      code: string;
      status: string;
      total_investment: Prisma.Decimal;
      planned_start: Date;
      planned_finish: Date;
      completed_investment: Prisma.Decimal | null;
      physical_progress: Prisma.Decimal | null;
      as_of: Date;
    }[]
  >`
    SELECT p.id, p.code, p.status::text AS status, p.total_investment, p.planned_start, p.planned_finish,
           f.completed_investment, f.physical_progress, f.as_of
      FROM project p
      JOIN region r ON r.id = p.region_id
      JOIN project_figures f ON f.project_id = p.id AND ${keptRowsOf(figures, "f")}
     WHERE r.path @> ARRAY[${regionId}::int] AND p.parent_id IS NULL
       AND p.status NOT IN ('COMPLETED', 'ACCEPTED')
       AND p.planned_start IS NOT NULL AND p.planned_finish > p.planned_start AND f.as_of IS NOT NULL`;
  return candidates
    .map((row) => {
      const standing = standingFrom(
        {
          totalInvestment: row.total_investment,
          plannedStart: row.planned_start,
          plannedFinish: row.planned_finish,
          status: row.status,
        },
        { completedInvestment: row.completed_investment, physicalProgress: row.physical_progress, asOf: row.as_of },
      );
      return { id: row.id, code: row.code, standing };
    })
    .filter(({ standing }) => standing.behindSchedule)
    .map(({ id, code, standing }) => ({ id, code, gap: scheduleGap(standing) }))
    .sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code))
    .slice(0, first)
    .map(({ id }) => id);
}
