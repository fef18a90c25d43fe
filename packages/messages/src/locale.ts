/** The languages every Revita screen and refusal speaks: Chinese by default, English on request. */
export type Locale = "zh-CN" | "en";

export const DEFAULT_LOCALE: Locale = "zh-CN";

export const LOCALES: readonly Locale[] = ["zh-CN", "en"];

/**
 * The asker's language from an HTTP `Accept-Language` header: English only when the reader
 * prefers English to Chinese (by order and q-value); Chinese otherwise, also when the header is
 * missing or names neither, since Revita's readers are Chinese county staff.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  let best: { locale: Locale; q: number } | undefined;
  for (const [index, part] of header.split(",").slice(0, 20).entries()) {
    const [tag = "", ...options] = part.trim().toLowerCase().split(";");
    const qOption = options.map((option) => option.trim()).find((option) => option.startsWith("q="));
    const q = qOption ? Number(qOption.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const locale: Locale | undefined =
      tag === "zh" || tag.startsWith("zh-") ? "zh-CN" : tag === "en" || tag.startsWith("en-") ? "en" : undefined;
    // Equal weights keep the header's order: the earlier tag wins.
    const weight = q - index * 1e-6;
    if (locale && (!best || weight > best.q)) best = { locale, q: weight };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
