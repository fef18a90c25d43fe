/* The overview's headline counts and the span of its investment chart; money sums are in features/money. */

export interface ProjectCounts {
  total: number;
  /** 开工 and 在建: started but not finished. */
  underway: number;
}

export function projectCounts(byStatus: { key: string | null; projectCount: number }[]): ProjectCounts {
  return {
    total: byStatus.reduce((sum, group) => sum + group.projectCount, 0),
    underway: byStatus
      .filter((group) => group.key === "STARTED" || group.key === "IN_PROGRESS")
      .reduce((sum, group) => sum + group.projectCount, 0),
  };
}

export interface TargetCount {
  onTarget: number;
  withTarget: number;
}

export function targetCount(pillars: { onTarget: number; withTarget: number }[]): TargetCount {
  return {
    onTarget: pillars.reduce((sum, pillar) => sum + pillar.onTarget, 0),
    withTarget: pillars.reduce((sum, pillar) => sum + pillar.withTarget, 0),
  };
}

/**
 * The months the investment chart covers: from the first year with data (at most ten years
 * back, the API's limit) to the end of the year shown.
 */
export function investmentWindow(year: number, years: number[]): { from: string; to: string } {
  const first = years.find((y) => y <= year) ?? year;
  return { from: String(Math.max(first, year - 9)), to: String(year) };
}

/** How a figure moved against the same day a year before, for a key-figure card; none when there was nothing a year before. */
export function yearOnYear(
  now: string | null | undefined,
  before: string | null | undefined,
): { change: number; trend: "up" | "down" | "flat" } | null {
  const current = Number(now);
  const previous = Number(before);
  if (now == null || before == null || !Number.isFinite(current) || !Number.isFinite(previous) || previous === 0) return null;
  const change = ((current - previous) / Math.abs(previous)) * 100;
  return { change, trend: Math.abs(change) < 0.05 ? "flat" : change > 0 ? "up" : "down" };
}
