import { AsyncLocalStorage } from "node:async_hooks";
import { DEFAULT_LOCALE, type Locale, localeFromAcceptLanguage } from "@revita/messages";

/**
 * The language the current request is answered in, from its `Accept-Language` header: every
 * refusal is said in it wherever it is formatted (GraphQL's formatError, the file endpoints),
 * without passing it through every service. Outside a request (scripts, tests), Chinese.
 */
const storage = new AsyncLocalStorage<Locale>();

export function requestLocale(): Locale {
  return storage.getStore() ?? DEFAULT_LOCALE;
}

/** Express middleware: answers the rest of the request in the asker's language. */
export function localeMiddleware(
  request: { headers: Record<string, string | string[] | undefined> },
  _response: unknown,
  next: () => void,
): void {
  const header = request.headers["accept-language"];
  storage.run(localeFromAcceptLanguage(Array.isArray(header) ? header[0] : header), next);
}

/** Runs `work` answering in `locale`: a briefing made in English, whoever's request made it. */
export function inLocale<T>(locale: Locale, work: () => Promise<T>): Promise<T> {
  return storage.run(locale, work);
}
