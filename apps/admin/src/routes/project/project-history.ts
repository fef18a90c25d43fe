import { parsePeriod } from "@revita/schema/period";
import { parseFen } from "@revita/ui/format/money";
import { yuan } from "../../features/money/sums.js";

export interface Report {
  period: string;
  completedInvestment: string | null;
  physicalProgress: string | null;
}

export interface Phase {
  totalInvestment: string;
  /** Any order. */
  reports: Report[];
}

const byEnd = (a: string, b: string) => parsePeriod(a).end.localeCompare(parsePeriod(b).end) || a.localeCompare(b);

/** A project's own reports, oldest first. */
export function ownHistory(reports: Report[]): Report[] {
  return [...reports].sort((a, b) => byEnd(a.period, b.period));
}

/**
 * The history of a project that reports through its phases, period by period: at each period
 * any phase reported in, each phase's latest figures as of then, combined by the rule of the
 * project's standing (completed investment summed, physical progress weighted by investment),
 * so that the last point is the figure the project shows. The weights are those of every phase
 * that reports physical progress at some point, counted at 0 % built before its first report:
 * weighing only the phases reported so far made the line drop whenever another phase started
 * reporting (its first 5 % pulling down the others' 60 %), though nothing had been undone.
 */
export function phasedHistory(phases: Phase[]): Report[] {
  const periods = [...new Set(phases.flatMap((phase) => phase.reports.map((r) => r.period)))].sort(byEnd);
  const sorted = phases.map((phase) => ({
    ...phase,
    reports: ownHistory(phase.reports),
    reportsProgress: phase.reports.some((r) => r.physicalProgress !== null),
  }));
  return periods.map((period) => {
    const end = parsePeriod(period).end;
    let completed = 0n;
    let anyCompleted = false;
    let weighted = 0;
    let weight = 0;
    for (const phase of sorted) {
      const upToNow = phase.reports.filter((r) => parsePeriod(r.period).end <= end);
      const latest = upToNow.at(-1);
      if (latest?.completedInvestment != null) {
        completed += parseFen(latest.completedInvestment);
        anyCompleted = true;
      }
      // As the standing: a phase whose latest report gives no physical progress is left out.
      if (phase.reportsProgress && (!latest || latest.physicalProgress !== null)) {
        const investment = Number(phase.totalInvestment);
        weighted += investment * Number(latest?.physicalProgress ?? 0);
        weight += investment;
      }
    }
    return {
      period,
      completedInvestment: anyCompleted ? yuan(completed) : null,
      physicalProgress: weight > 0 ? (weighted / weight).toFixed(2) : null,
    };
  });
}
