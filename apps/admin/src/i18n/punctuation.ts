/**
 * Text set in the reader's punctuation: Chinese screens use full-width brackets, English ones a
 * space and half-width ones — "刘洋（应急服务中心）", "Liu Yang (Emergency Services Centre)".
 */
export function bracketed(text: string, locale: string): string {
  return locale === "en" ? ` (${text})` : `（${text}）`;
}
