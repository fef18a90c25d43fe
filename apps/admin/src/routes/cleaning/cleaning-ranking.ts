/**
 * What a month's ranking and an inspection's problems add up to on screen: pure, so they are
 * tested without a browser.
 */

interface RankedVillage {
  score: string | number;
  passed: boolean;
}

/** The month's villages inspected, passing, and their average score to one decimal. */
export function monthFigures(ranking: { villages: readonly RankedVillage[] }): {
  villages: number;
  passed: number;
  average: string;
} {
  const villages = ranking.villages.length;
  const total = ranking.villages.reduce((sum, v) => sum + Number(v.score), 0);
  return {
    villages,
    passed: ranking.villages.filter((v) => v.passed).length,
    average: villages ? (Math.round((total / villages) * 10) / 10).toFixed(1) : "—",
  };
}

/** Where an inspection's problems stand: none found, fixed, to be fixed, or past their deadline. */
export function rectification(inspection: {
  problems?: string | null;
  fixedOn?: unknown;
  overdueDays?: number | null;
}): "NONE" | "FIXED" | "PENDING" | "OVERDUE" {
  if (!inspection.problems) return "NONE";
  if (inspection.fixedOn) return "FIXED";
  return (inspection.overdueDays ?? 0) > 0 ? "OVERDUE" : "PENDING";
}
