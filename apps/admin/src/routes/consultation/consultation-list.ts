/**
 * The order a community's topics are listed in, and the share answered in time among them: pure,
 * so they are tested without a browser.
 */

interface ListedTopic {
  number: number;
  answerDue?: unknown;
  answeredOn?: unknown;
  answeredInTime?: boolean | null;
  overdueDays?: number | null;
}

/** Topics awaiting an answer first, the nearest deadline first; then the latest others, once each. */
export function mergeTopics<T extends ListedTopic>(open: readonly T[], latest: readonly T[]): T[] {
  const waiting = [...open].sort(
    (a, b) => String(a.answerDue ?? "").localeCompare(String(b.answerDue ?? "")) || a.number - b.number,
  );
  const seen = new Set(waiting.map((topic) => topic.number));
  return [...waiting, ...latest.filter((topic) => !seen.has(topic.number))];
}

/**
 * Of the topics listed, those that fell due (answered, or past their deadline unanswered) and those
 * answered in time — the same rule as the CT_ON_TIME_RATE indicator, for the topics on screen.
 */
export function inTimeShare(topics: readonly ListedTopic[]): { due: number; inTime: number } {
  const due = topics.filter((topic) => topic.answeredOn != null || (topic.overdueDays ?? 0) > 0);
  return { due: due.length, inTime: due.filter((topic) => topic.answeredInTime === true).length };
}
