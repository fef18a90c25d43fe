import { percentOf } from "../common/percent.js";
import { Prisma } from "../generated/prisma/client.js";

/**
 * A project's standing as of its latest report. A project split into phases reports through
 * them: its completed investment is the sum of its phases' latest figures, and its physical
 * progress their average weighted by each phase's total investment.
 */
export interface LatestFigures {
  periodEnd: Date;
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
}

export interface ProgressInput {
  totalInvestment: Prisma.Decimal;
  plannedStart: Date | null;
  plannedFinish: Date | null;
  status: string;
  progressReports: LatestFigures[];
  phases: { totalInvestment: Prisma.Decimal; progressReports: LatestFigures[] }[];
}

/** What projectStanding needs of a project, for a Prisma select: its latest report and its phases'. */
const LATEST_REPORT = {
  take: 1,
  orderBy: [{ periodEnd: "desc" as const }, { id: "desc" as const }],
  select: { periodEnd: true, completedInvestment: true, physicalProgress: true },
};
export const STANDING_SELECT = {
  totalInvestment: true,
  plannedStart: true,
  plannedFinish: true,
  status: true,
  progressReports: LATEST_REPORT,
  phases: { select: { totalInvestment: true, progressReports: LATEST_REPORT } },
};

export interface ProjectStanding {
  /** Latest cumulative completed investment, rolled up from phases where there are phases. */
  completedInvestment: Prisma.Decimal | null;
  /** completedInvestment / totalInvestment, as a percentage with two decimals. */
  completionRate: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
  /** End of the latest reported period: the "as of" date of the figures. */
  asOf: Date | null;
  /** Share of the planned schedule that had passed as of the figures, as a percentage. */
  scheduleElapsed: Prisma.Decimal | null;
  /** Progress trails the schedule by more than the tolerance. */
  behindSchedule: boolean;
}

/** How far progress may trail the elapsed schedule, in percentage points, before it counts as behind. */
export const BEHIND_SCHEDULE_TOLERANCE = 10;

/** A project's latest figures: its own latest report's, or its reporting phases' rolled up. */
export interface LatestStanding {
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
  asOf: Date | null;
}

/**
 * The rule, worked out from the reports themselves. The API reads the same figures kept by the
 * database (revita_refresh_kept_figures in the kept_figures migration mirrors this rule);
 * kept-figures.db.test.ts holds the two to each other.
 */
export function latestStanding(project: ProgressInput): LatestStanding {
  const own = project.progressReports[0];
  let completedInvestment: Prisma.Decimal | null = own?.completedInvestment ?? null;
  let physicalProgress: Prisma.Decimal | null = own?.physicalProgress ?? null;
  let asOf: Date | null = own?.periodEnd ?? null;

  if (!own && project.phases.length > 0) {
    const reported = project.phases.filter((phase) => phase.progressReports[0]);
    if (reported.length > 0) {
      completedInvestment = reported.reduce(
        (sum, phase) => sum.plus(phase.progressReports[0]?.completedInvestment ?? 0),
        new Prisma.Decimal(0),
      );
      const weighted = project.phases.filter((phase) => phase.progressReports[0]?.physicalProgress != null);
      const weight = weighted.reduce((sum, phase) => sum.plus(phase.totalInvestment), new Prisma.Decimal(0));
      physicalProgress = weight.greaterThan(0)
        ? weighted
            .reduce(
              (sum, phase) => sum.plus(phase.totalInvestment.times(phase.progressReports[0]!.physicalProgress!)),
              new Prisma.Decimal(0),
            )
            .dividedBy(weight)
            .toDecimalPlaces(2)
        : null;
      asOf = reported
        .map((phase) => phase.progressReports[0]!.periodEnd)
        .reduce((latest, date) => (date > latest ? date : latest));
    }
  }

  return { completedInvestment, physicalProgress, asOf };
}

export function projectStanding(project: ProgressInput): ProjectStanding {
  return standingFrom(project, latestStanding(project));
}

/** What standingFrom needs of the project besides its latest figures. */
export interface ScheduleInput {
  totalInvestment: Prisma.Decimal;
  plannedStart: Date | null;
  plannedFinish: Date | null;
  status: string;
}

/**
 * A project's standing from its latest figures, however they were found: from its reports
 * (projectStanding) or from the figures the database keeps (kept-figures.ts), by one rule.
 */
export function standingFrom(
  project: ScheduleInput,
  { completedInvestment, physicalProgress, asOf }: LatestStanding,
): ProjectStanding {
  const completionRate = completedInvestment ? percentOf(completedInvestment, project.totalInvestment) : null;

  let scheduleElapsed: Prisma.Decimal | null = null;
  if (asOf && project.plannedStart && project.plannedFinish && project.plannedFinish > project.plannedStart) {
    const share =
      (asOf.getTime() - project.plannedStart.getTime()) / (project.plannedFinish.getTime() - project.plannedStart.getTime());
    scheduleElapsed = new Prisma.Decimal(Math.min(1, Math.max(0, share)) * 100).toDecimalPlaces(2);
  }
  const finished = project.status === "COMPLETED" || project.status === "ACCEPTED";
  const progress = physicalProgress ?? completionRate;
  const behindSchedule =
    !finished &&
    scheduleElapsed !== null &&
    progress !== null &&
    progress.plus(BEHIND_SCHEDULE_TOLERANCE).lessThan(scheduleElapsed);

  return { completedInvestment, completionRate, physicalProgress, asOf, scheduleElapsed, behindSchedule };
}
