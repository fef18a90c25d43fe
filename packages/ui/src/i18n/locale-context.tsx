import { createContext, type ReactNode, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "../format/locale.js";
import { KIT_MESSAGES, type KitMessages } from "./messages.js";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Sets the language of every kit component below it; without one, the kit speaks Chinese. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** The kit's words in the current language. */
export function useKitMessages(): KitMessages {
  return KIT_MESSAGES[useLocale()];
}
