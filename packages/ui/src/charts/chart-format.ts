import type { Locale } from "../format/locale.js";

/*
 * Charts plot numbers; the API sends exact decimal strings. Plotting is where a float is fine
 * (a pixel is coarser than a fen); labels and tooltips still format the original strings.
 */

export function toPlotNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Short axis labels for yuan, every tick of an axis in one unit: the one its largest value needs
 * (0.5亿 beside 1亿, not 5,000万 beside 1亿; 1.3亿 / 6,301万 / 130M / 63K as the largest needs).
 */
export function moneyAxisFormatter(largest: number, locale: Locale): (yuan: number) => string {
  const magnitude = Math.abs(largest);
  const [divisor, suffix] =
    locale === "en"
      ? magnitude >= 1e9
        ? [1e9, "B"]
        : magnitude >= 1e6
          ? [1e6, "M"]
          : magnitude >= 1e3
            ? [1e3, "K"]
            : [1, ""]
      : magnitude >= 1e8
        ? [1e8, "亿"]
        : magnitude >= 1e4
          ? [1e4, "万"]
          : [1, ""];
  return (yuan) => (yuan === 0 ? "0" : `${trim(yuan / divisor)}${suffix}`);
}

/** The largest of some plotted values (0 when there are none), for moneyAxisFormatter. */
export function largestPlotted(values: Iterable<number | null | undefined>): number {
  let largest = 0;
  for (const value of values) if (value != null && Math.abs(value) > largest) largest = Math.abs(value);
  return largest;
}

function trim(value: number): string {
  const magnitude = Math.abs(value);
  // Ticks fall on steps such as 0.35: 1.05 must not read 1.1.
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2 }).format(value);
}

/** Roughly how wide a label draws at 11 px (an axis tick, a bar's value): a Chinese character is square, a Latin letter about half. */
export function labelWidth(label: string): number {
  let width = 0;
  for (const char of label) width += /[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 11 : 6.2;
  return width;
}
