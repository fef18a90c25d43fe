import { useAppLocale } from "./app-locale.js";

/** The button that switches every label to the other language, labelled in that language. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useAppLocale();
  return (
    <button
      type="button"
      className="language-switch"
      lang={locale === "en" ? "zh-CN" : "en"}
      onClick={() => setLocale(locale === "en" ? "zh-CN" : "en")}
    >
      {t.languageSwitch}
    </button>
  );
}
