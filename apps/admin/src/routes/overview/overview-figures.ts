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

/** The five pillars the radar draws (产业、生态、乡风、治理、生活); 巩固脱贫 is counted in the key figures only. */
export const RADAR_PILLARS = ["INDUSTRY", "ECOLOGY", "CIVILITY", "GOVERNANCE", "PROSPERITY"] as const;

export interface RadarScore {
  pillar: (typeof RADAR_PILLARS)[number];
  /** Percent of the pillar's indicators with a target that meet it; null when none has a target. */
  score: number | null;
  scored?: TargetCount;
}

/**
 * The radar's points, or none when no indicator of the five pillars has a target: a region whose
 * only targets are 巩固脱贫's would otherwise get five empty axes and no word why.
 */
export function radarScores(pillars: { pillar: string; onTarget: number; withTarget: number }[]): RadarScore[] {
  const of = (pillar: string) => pillars.find((entry) => entry.pillar === pillar);
  if (!RADAR_PILLARS.some((pillar) => (of(pillar)?.withTarget ?? 0) > 0)) return [];
  return RADAR_PILLARS.map((pillar) => {
    const scored = of(pillar);
    return {
      pillar,
      score: scored && scored.withTarget > 0 ? Math.round((100 * scored.onTarget) / scored.withTarget) : null,
      ...(scored ? { scored: { onTarget: scored.onTarget, withTarget: scored.withTarget } } : {}),
    };
  });
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
