import { parsePeriod } from "@revita/schema/period";
import { type Locale, MISSING } from "./locale.js";

const QUARTER_ZH = ["", "一", "二", "三", "四"];
const MONTH_EN = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A period key as people say it: 2023Q2 → "2023年第二季度" / "Q2 2023", 2023-06 → "2023年6月" /
 * "Jun 2023", 2023 → "2023年" / "2023". With `short`, chart axes get "23Q2", "23-06".
 */
export function formatPeriod(key: string | null | undefined, { locale = "zh-CN" as Locale, short = false } = {}): string {
  if (!key) return MISSING;
  const period = parsePeriod(key);
  if (short) {
    const year = String(period.year).slice(2);
    if (period.type === "QUARTER") return `${year}Q${period.index}`;
    if (period.type === "MONTH") return `${year}-${String(period.index).padStart(2, "0")}`;
    return String(period.year);
  }
  if (period.type === "QUARTER") {
    return locale === "en" ? `Q${period.index} ${period.year}` : `${period.year}年第${QUARTER_ZH[period.index!]}季度`;
  }
  if (period.type === "MONTH") {
    return locale === "en" ? `${MONTH_EN[period.index!]} ${period.year}` : `${period.year}年${period.index}月`;
  }
  return locale === "en" ? String(period.year) : `${period.year}年`;
}

/** An ISO date as people read it: 2020-12-31 → "2020年12月31日" / "31 Dec 2020". */
export function formatDate(iso: string | null | undefined, { locale = "zh-CN" as Locale } = {}): string {
  if (!iso) return MISSING;
  const [year, month, day] = iso.split("-").map(Number);
  if (!year || !month || !day) return iso;
  return locale === "en" ? `${day} ${MONTH_EN[month]} ${year}` : `${year}年${month}月${day}日`;
}
