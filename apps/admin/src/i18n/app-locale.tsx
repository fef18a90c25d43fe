import type { Locale } from "@revita/ui/format/locale";
import { LocaleProvider } from "@revita/ui/i18n";
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import { APP_MESSAGES, type AppMessages } from "./messages.js";

const STORAGE_KEY = "revita.locale";

interface AppLocale {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: AppMessages;
}

const AppLocaleContext = createContext<AppLocale | null>(null);

/**
 * The language every request asks the API to answer in (its refusals' messages), kept beside the
 * screen's: the API's Accept-Language follows the language switch.
 */
let requestLanguage: Locale = "zh-CN";

/** A fetch that asks the API to answer in the reader's language. */
export function languageFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("Accept-Language", requestLanguage);
    return inner(input, { ...init, headers });
  };
}

/** The reader's language: Chinese unless they chose English on this browser before. */
function storedLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN"; // storage can be off in a locked-down browser; Chinese is the default anyway
  }
}

export function AppLocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    requestLanguage = storedLocale();
    return requestLanguage;
  });
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<AppLocale>(
    () => ({
      locale,
      t: APP_MESSAGES[locale],
      setLocale: (next) => {
        requestLanguage = next;
        setLocaleState(next);
        try {
          window.localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // not remembered; the switch still applies to this visit
        }
      },
    }),
    [locale],
  );
  return (
    <AppLocaleContext.Provider value={value}>
      <LocaleProvider locale={locale}>{children}</LocaleProvider>
    </AppLocaleContext.Provider>
  );
}

export function useAppLocale(): AppLocale {
  const context = useContext(AppLocaleContext);
  if (!context) throw new Error("useAppLocale needs an AppLocaleProvider above it");
  return context;
}

/** A name from the API in the reader's language: the English one when reading English and there is one. */
export function useNamer(): (named: { nameZh: string; nameEn?: string | null }) => string {
  const { locale } = useAppLocale();
  return (named) => (locale === "en" && named.nameEn ? named.nameEn : named.nameZh);
}
