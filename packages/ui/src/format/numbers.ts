import { type Locale, MISSING } from "./locale.js";

/*
 * Percentages, counts and areas. The API sends percentages as decimal strings already in
 * percent ("48.62" is 48.62%); they are shown rounded, so a float is exact enough here, unlike
 * money, which never passes through one (see money.ts).
 */

type NumberInput = string | number | null | undefined;

function toNumber(value: NumberInput): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = typeof value === "number" ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

function grouped(value: number, digits: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-US" : "zh-CN", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** "48.62" → "48.6%"; a missing value → "—". */
export function formatPercent(value: NumberInput, { digits = 1, locale = "zh-CN" as Locale } = {}): string {
  const number = toNumber(value);
  return number === null ? MISSING : `${grouped(number, digits, locale)}%`;
}

/** A count with thousands separators: 20000 → "20,000"; in Chinese with a unit, "20,000个". */
export function formatCount(value: NumberInput, { locale = "zh-CN" as Locale, unit = "" } = {}): string {
  const number = toNumber(value);
  if (number === null) return MISSING;
  const text = grouped(number, 0, locale);
  const said = unitName(unit, locale);
  return said ? (locale === "en" ? `${text} ${said}` : `${text}${said}`) : text;
}

/**
 * The units the indicator catalogue and project outputs are written in, as English says them: a
 * counter word (个, 座, 盏 ...) says nothing in English and is left out; a unit not listed is kept
 * as written. Chinese screens show the unit as it is.
 */
const ENGLISH_UNITS: Record<string, string> = {
  个: "",
  件: "",
  座: "",
  条: "",
  支: "",
  家: "",
  盏: "",
  人: "people",
  户: "households",
  人次: "person-times",
  次: "times",
  元: "yuan",
  万元: "10,000 yuan",
  天: "days",
  小时: "hours",
  "小时/人": "hours per person",
  亩: "mu",
  万亩: "10,000 mu",
  公里: "km",
  分: "points",
  "元/公斤": "yuan/kg",
  "吨/日": "t/day",
};

/** A unit as the reader's language says it ("" when English needs none). */
export function unitName(unit: string, locale: Locale): string {
  return locale === "en" ? (ENGLISH_UNITS[unit] ?? unit) : unit;
}

/**
 * An indicator's value in its own unit and decimals: 93 "%" → "93%", 19372 "元" → "19,372元",
 * 1.5 "万亩" with one decimal → "1.5万亩". A percent sign never takes a space, other units do
 * in English.
 */
export function formatQuantity(
  value: NumberInput,
  { locale = "zh-CN" as Locale, unit = "", digits = 0 }: { locale?: Locale; unit?: string; digits?: number } = {},
): string {
  const number = toNumber(value);
  if (number === null) return MISSING;
  const text = grouped(number, digits, locale);
  const said = unitName(unit, locale);
  if (!said) return text;
  return locale === "en" && said !== "%" ? `${text} ${said}` : `${text}${said}`;
}

/**
 * A change against the previous period, signed: 12.34 → "+12.3%", as percentage points when the
 * values are themselves percentages ("+2.0 pp" / "+2.0个百分点").
 */
export function formatChange(
  current: NumberInput,
  previous: NumberInput,
  { digits = 1, locale = "zh-CN" as Locale, asPoints = false } = {},
): string {
  const now = toNumber(current);
  const before = toNumber(previous);
  if (now === null || before === null) return MISSING;
  if (asPoints) {
    const points = now - before;
    const sign = points > 0 ? "+" : points < 0 ? "−" : "±";
    return `${sign}${grouped(Math.abs(points), digits, locale)}${locale === "en" ? " pp" : "个百分点"}`;
  }
  if (before === 0) return MISSING;
  const change = ((now - before) / Math.abs(before)) * 100;
  const sign = change > 0 ? "+" : change < 0 ? "−" : "±";
  return `${sign}${grouped(Math.abs(change), digits, locale)}%`;
}

/** 1 hectare (公顷) is exactly 15 mu (亩). */
export const MU_PER_HECTARE = 15;

export type AreaUnit = "mu" | "hectare";

/** An area given in mu, shown in mu or hectares: 1200 → "1,200亩" / "80公顷" / "80 ha". */
export function formatArea(mu: NumberInput, options: { unit?: AreaUnit; digits?: number; locale?: Locale } = {}): string {
  const { unit = "mu", locale = "zh-CN" } = options;
  const digits = options.digits ?? (unit === "mu" ? 0 : 2);
  const number = toNumber(mu);
  if (number === null) return MISSING;
  const value = unit === "mu" ? number : number / MU_PER_HECTARE;
  const text = grouped(value, digits, locale);
  if (locale === "en") return `${text} ${unit === "mu" ? "mu" : "ha"}`;
  return `${text}${unit === "mu" ? "亩" : "公顷"}`;
}
