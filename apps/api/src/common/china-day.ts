/**
 * Today in China (UTC+8), as a date at midnight UTC: a county's day, whatever the server's
 * clock zone. What "today", "this month" and "not in the future" mean for every rule.
 */
export function chinaToday(now = Date.now()): Date {
  const shifted = new Date(now + 8 * 3600_000);
  return new Date(`${shifted.toISOString().slice(0, 10)}T00:00:00Z`);
}

/** A date as YYYY-MM-DD. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
