/**
 * The published scale a community scores its members' monthly service on (三级考核, seed 003
 * says "量化考核" without a scale; Revita publishes this one in the README): whole points from
 * 0 to 100, graded as the party's star ratings grade (优秀, 良好, 合格, 不合格).
 */
export const SCORE_GRADES = [
  { grade: "EXCELLENT", min: 90 },
  { grade: "GOOD", min: 80 },
  { grade: "PASS", min: 60 },
  { grade: "FAIL", min: 0 },
] as const;

export type ScoreGrade = (typeof SCORE_GRADES)[number]["grade"];

export const MAX_SCORE = 100;

/** "Scored good": 良好 or better, what the 治理有效 share counts (the migration's view says 80 too). */
export const GOOD_SCORE = 80;

export function gradeOf(score: number): ScoreGrade {
  return SCORE_GRADES.find((band) => score >= band.min)?.grade ?? "FAIL";
}

/** True for a whole number on the scale. */
export function isOnScale(score: number): boolean {
  return Number.isInteger(score) && score >= 0 && score <= MAX_SCORE;
}
