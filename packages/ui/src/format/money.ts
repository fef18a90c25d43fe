import { type Locale, MISSING } from "./locale.js";

/*
 * Money arrives from the API as exact decimal strings of yuan ("129512500.00"). It is
 * formatted without ever passing through a float: amounts are scaled as integers of fen.
 */

export type MoneyUnit = "yuan" | "wan" | "yi";

const FEN_PER_UNIT: Record<MoneyUnit, bigint> = { yuan: 100n, wan: 1_000_000n, yi: 10_000_000_000n };
const SUFFIX: Record<Locale, Record<MoneyUnit, string>> = {
  "zh-CN": { yuan: "元", wan: "万元", yi: "亿元" },
  en: { yuan: " yuan", wan: " × 10,000 yuan", yi: " × 100 million yuan" },
};
const FEN_PER_MILLION = 100_000_000n;

export interface FormatMoneyOptions {
  /**
   * A fixed unit, or "auto": in Chinese 亿元 from 1亿 and 万元 from 1万; in English, millions
   * of yuan from one million, since 万 and 亿 mean nothing to an English reader.
   */
  unit?: MoneyUnit | "auto";
  /**
   * With "auto": choose the unit this amount would get, not the amount's own — so that a column
   * of amounts is said in one unit (columnUnitAmount: the unit its smallest amount needs).
   */
  unitFor?: string | number | bigint;
  /** Decimal places shown; defaults to 2. */
  digits?: number;
  locale?: Locale;
}

export function parseFen(amount: string | number | bigint): bigint {
  const text = typeof amount === "string" ? amount.trim() : String(amount);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new TypeError(`not an amount of money: ${JSON.stringify(amount)}`);
  const [, sign, whole, fraction = ""] = match;
  // Round half away from zero at the fen.
  const padded = `${fraction}000`;
  let fen = BigInt(whole!) * 100n + BigInt(padded.slice(0, 2));
  if (Number(padded[2]) >= 5) fen += 1n;
  return sign === "-" ? -fen : fen;
}

export function chooseUnit(fen: bigint): MoneyUnit {
  const magnitude = fen < 0n ? -fen : fen;
  if (magnitude >= FEN_PER_UNIT.yi) return "yi";
  if (magnitude >= FEN_PER_UNIT.wan) return "wan";
  return "yuan";
}

/** 468000000 → "4.68亿元"; with unit "wan", 129512500 → "12,951.25万元". */
export function formatMoney(amount: string | number | bigint | null | undefined, options: FormatMoneyOptions = {}): string {
  if (amount === null || amount === undefined) return MISSING;
  const { digits = 2, locale = "zh-CN" } = options;
  const fen = parseFen(amount);
  const auto = !options.unit || options.unit === "auto";
  const sized = options.unitFor === undefined ? fen : parseFen(options.unitFor);
  if (auto && locale === "en") {
    const magnitude = sized < 0n ? -sized : sized;
    return magnitude >= FEN_PER_MILLION
      ? `${divideRounded(fen, FEN_PER_MILLION, digits)} million yuan`
      : `${divideRounded(fen, FEN_PER_UNIT.yuan, digits)} yuan`;
  }
  const unit = auto ? chooseUnit(sized) : (options.unit as MoneyUnit);
  return `${divideRounded(fen, FEN_PER_UNIT[unit], digits)}${SUFFIX[locale][unit]}`;
}

/**
 * The amount whose unit a column of amounts is said in: its smallest non-zero one (by size), so
 * that none shows as 0.0x of a larger unit — a county's 1.15亿元 beside 800万元 reads 11,500.00万元
 * and 800.00万元, not two units in one column. Undefined when there is no such amount.
 */
export function columnUnitAmount(amounts: readonly (string | null | undefined)[]): string | undefined {
  let smallest: { magnitude: bigint; amount: string } | undefined;
  for (const amount of amounts) {
    if (amount === null || amount === undefined) continue;
    const fen = parseFen(amount);
    const magnitude = fen < 0n ? -fen : fen;
    if (magnitude !== 0n && (smallest === undefined || magnitude < smallest.magnitude)) smallest = { magnitude, amount };
  }
  return smallest?.amount;
}

/** numerator / denominator, rounded half away from zero to `digits` places, with thousands separators. */
function divideRounded(numerator: bigint, denominator: bigint, digits: number): string {
  const negative = numerator < 0n;
  const scale = 10n ** BigInt(digits);
  const scaled = (numerator < 0n ? -numerator : numerator) * scale;
  let quotient = scaled / denominator;
  if ((scaled % denominator) * 2n >= denominator) quotient += 1n;
  const whole = (quotient / scale).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = digits > 0 ? `.${(quotient % scale).toString().padStart(digits, "0")}` : "";
  return `${negative && quotient !== 0n ? "-" : ""}${whole}${fraction}`;
}
