/**
 * The month a reporting panel judges: the latest whose reports are due (by the 10th of the next
 * month, as the alerts' default), so a county sees "who has not reported" for a month that is
 * really late, not one still open. `today` is a day in China.
 */
export function dueMonth(today: Date, dueDay = 10): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth(); // 0-based: the current month
  const back = today.getUTCDate() > dueDay ? 1 : 2;
  const due = new Date(Date.UTC(year, month - back, 1));
  return `${due.getUTCFullYear()}-${String(due.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** Today in China (UTC+8), whatever the browser's clock zone. */
export function chinaToday(now = new Date()): Date {
  return new Date(now.getTime() + 8 * 3600_000);
}
