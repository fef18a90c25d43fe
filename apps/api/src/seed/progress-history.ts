import { monthsBetween } from "@revita/schema/period";
import { Prisma } from "../generated/prisma/client.js";
import { seededRandom, seedFromText } from "./random.js";

export interface ProgressHistoryPlan {
  /** First and last month reported, e.g. "2018-06" and "2020-12". */
  from: string;
  to: string;
  /** The figures the last month must show exactly; either may be absent when unpublished. */
  finalCompletedInvestment: Prisma.Decimal | string | null;
  finalPhysicalProgress: Prisma.Decimal | string | null;
  /** Makes the curve's shape differ between projects, deterministically. */
  seedText: string;
}

export interface MonthlyFigure {
  period: string;
  completedInvestment: Prisma.Decimal | null;
  physicalProgress: Prisma.Decimal | null;
}

/**
 * A plausible monthly history ending at the published figures: cumulative and never falling,
 * shaped like the S-curve construction spending follows (slow start, fast middle, slow end),
 * with physical progress running a little ahead of or behind the money.
 */
export function monthlyProgressHistory(plan: ProgressHistoryPlan): MonthlyFigure[] {
  const months = monthsBetween(plan.from, plan.to);
  if (months.length === 0) throw new Error(`Progress history ${plan.seedText}: ${plan.from} is after ${plan.to}`);
  const random = seededRandom(seedFromText(plan.seedText));
  const steepness = 6 + random() * 6;
  const progressLead = (random() - 0.5) * 0.2;
  const completed = plan.finalCompletedInvestment === null ? null : new Prisma.Decimal(plan.finalCompletedInvestment);
  const progress = plan.finalPhysicalProgress === null ? null : new Prisma.Decimal(plan.finalPhysicalProgress);
  const last = months.length - 1;

  let previousCompleted = new Prisma.Decimal(0);
  let previousProgress = new Prisma.Decimal(0);
  return months.map((period, index) => {
    const t = last === 0 ? 1 : (index + 1) / (last + 1);
    const isLast = index === last;
    let completedHere: Prisma.Decimal | null = null;
    if (completed) {
      completedHere = isLast ? completed : completed.times(sCurve(t, steepness)).toDecimalPlaces(2, Prisma.Decimal.ROUND_DOWN);
      completedHere = Prisma.Decimal.max(completedHere, previousCompleted);
      previousCompleted = completedHere;
    }
    let progressHere: Prisma.Decimal | null = null;
    if (progress) {
      const shifted = Math.min(1, Math.max(0, t + progressLead * t * (1 - t) * 4));
      progressHere = isLast ? progress : progress.times(sCurve(shifted, steepness)).toDecimalPlaces(1, Prisma.Decimal.ROUND_DOWN);
      progressHere = Prisma.Decimal.max(progressHere, previousProgress);
      previousProgress = progressHere;
    }
    return { period, completedInvestment: completedHere, physicalProgress: progressHere };
  });
}

/** A logistic curve rescaled so that it runs from 0 at t = 0 to 1 at t = 1. */
function sCurve(t: number, steepness: number): number {
  const logistic = (x: number) => 1 / (1 + Math.exp(-steepness * (x - 0.5)));
  return (logistic(t) - logistic(0)) / (logistic(1) - logistic(0));
}
