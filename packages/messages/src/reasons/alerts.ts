import { msg } from "../catalogue.js";

/** Alert thresholds: how strict each rule is in a region. Shown beside the amber or red field. */
export const alertReasons = {
  THRESHOLD_ABOVE_MAX: msg<{ max: number; value: string }>(
    "不能超过 {max}（填写的是 {value}）",
    "cannot be more than {max} (got {value})",
  ),
  THRESHOLD_NOT_WHOLE_DAYS: msg<{ value: string }>(
    "天数应为整数（填写的是 {value}）",
    "is a number of days: write a whole number (got {value})",
  ),
  THRESHOLD_RED_BEFORE_AMBER: msg<{ amber: string; red: string }>(
    "红色预警线 {red} 不能低于黄色预警线 {amber}",
    "the red threshold {red} cannot be below the amber one {amber}",
  ),
  THRESHOLD_RED_ABOVE_AMBER: msg<{ amber: string; red: string }>(
    "此规则数值越低越差：红色预警线 {red} 不能高于黄色预警线 {amber}",
    "for this rule less is worse: the red threshold {red} cannot be above the amber one {amber}",
  ),
  THRESHOLDS_SET_AT_COUNTY: msg<{ region: string }>(
    "预警阈值由县级及以上设置，{region}沿用所在县的阈值",
    "thresholds are set by a county or above; {region} follows its county's",
  ),
} as const;
