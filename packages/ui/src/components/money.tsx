import type { Locale } from "../format/locale.js";
import { formatMoney } from "../format/money.js";

/**
 * The one money rule of every screen: 亿元 from 1亿, 万元 from 1万, 元 below, two decimals (in
 * English millions of yuan from one million), with the exact yuan on hover. Cards, tables, the
 * project page and tooltips show money through this; chart axes through formatMoneyAxis, which
 * follows the same steps in short. A table's export writes the exact yuan from the data itself.
 */
export function Money({
  amount,
  locale,
  unitFor,
}: {
  amount: string | null | undefined;
  locale: Locale;
  /** Said in the unit this amount would get (a table column's: columnUnitAmount). */
  unitFor?: string | undefined;
}) {
  if (amount === null || amount === undefined) return <>{formatMoney(amount)}</>;
  return (
    <span className="revita-money" title={exactYuan(amount, locale)}>
      {formatMoney(amount, { locale, ...(unitFor !== undefined ? { unitFor } : {}) })}
    </span>
  );
}

/** 389000000 → "389,000,000.00元" ("389,000,000.00 yuan"): the figure a clerk checks against the ledger. */
export function exactYuan(amount: string, locale: Locale): string {
  return formatMoney(amount, { locale, unit: "yuan" });
}
