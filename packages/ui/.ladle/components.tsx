import type { GlobalProvider } from "@ladle/react";
import { useEffect } from "react";
import { LocaleProvider } from "../src/i18n/locale-context.js";
import "../src/tokens/tokens.css";

/**
 * Every story renders inside the kit's tokens, in Ladle's light or dark theme (the moon button),
 * in Chinese; add ?lang=en to the catalogue's address for English.
 */
export const Provider: GlobalProvider = ({ children, globalState }) => {
  useEffect(() => {
    document.documentElement.dataset.theme = globalState.theme === "dark" ? "dark" : "light";
  }, [globalState.theme]);
  const locale = new URLSearchParams(window.location.search).get("lang") === "en" ? "en" : "zh-CN";
  return (
    <LocaleProvider locale={locale}>
      <div style={{ padding: 16, background: "var(--revita-bg)", minHeight: "100%" }}>{children}</div>
    </LocaleProvider>
  );
};
