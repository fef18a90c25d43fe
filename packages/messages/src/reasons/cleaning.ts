import { msg } from "../catalogue.js";

/** Village cleaning (村庄清洁行动): campaigns, checklists, inspections and follow-up visits. */
export const cleaningReasons = {
  NO_SUCH_CAMPAIGN: msg<{ id: string }>("没有编号为 {id} 的村庄清洁行动", "no village-cleaning campaign has the number {id}"),
  NO_SUCH_INSPECTION: msg<{ id: string }>("没有编号为 {id} 的检查记录", "no inspection has the number {id}"),
  CAMPAIGN_REGION_TOO_LOW: msg<{ region: string }>(
    "{region} 是村（社区）或以下：清洁行动由乡镇及以上组织，检查其下的村",
    "{region} is a village or below: a cleaning campaign is run by a town or higher and inspects the villages below it",
  ),
  CHECK_ITEM_CODE: msg<{ value: string }>(
    "“{value}”不能作检查项代码（2 到 20 位大写字母、数字或下划线，以字母开头）",
    '"{value}" cannot be an item code (2 to 20 capitals, digits or underscores, starting with a capital, e.g. SWEEP)',
  ),
  DUPLICATE_CHECK_ITEM: msg<{ code: string }>("检查项 {code} 重复了", "the item {code} comes twice"),
  CHECK_ITEMS_COUNT: msg<{ count: number }>(
    "检查清单应有 1 到 20 项（填写了 {count} 项）",
    "a checklist has 1 to 20 items (got {count})",
  ),
  WEIGHT_RANGE: msg<{ value: string }>(
    "分值应大于 0、不超过 100（填写的是 {value}）",
    "a weight is above 0 and at most 100 (got {value})",
  ),
  WEIGHTS_NOT_100: msg<{ sum: string }>(
    "各检查项分值合计应为 100 分，现在合计 {sum} 分",
    "the items' weights add up to 100; these add up to {sum}",
  ),
  SCORE_RANGE: msg<{ value: string }>("分数应在 0 到 100 之间（填写的是 {value}）", "a score is from 0 to 100 (got {value})"),
  CHECKLIST_IN_USE: msg<{ count: number }>(
    "本行动已有 {count} 条检查记录，按原清单打分，不能再改检查清单（可另建一项行动）",
    "the campaign has {count} inspections scored against this checklist; it can no longer change (start a new campaign instead)",
  ),
  OUTSIDE_CAMPAIGN_YEAR: msg<{ value: string; year: number }>(
    "{value} 不在本行动的年度（{year} 年）内",
    "{value} is not in the campaign's year ({year})",
  ),
  NOT_A_VILLAGE: msg<{ region: string }>(
    "{region} 不是行政村：村庄清洁检查的对象是村，不是社区、乡镇或片区",
    "{region} is not a village: cleaning inspections are of villages, not of communities, towns or areas",
  ),
  OUTSIDE_CAMPAIGN_REGION: msg<{ region: string }>(
    "{region} 不在本行动的组织范围内",
    "{region} is not within the region running the campaign",
  ),
  NO_SUCH_CHECK_ITEM: msg<{ code: string }>(
    "本行动的检查清单里没有“{code}”这一项",
    'the campaign\'s checklist has no item "{code}"',
  ),
  SCORE_ABOVE_WEIGHT: msg<{ item: string; weight: string; value: string }>(
    "“{item}”满分 {weight} 分，不能打 {value} 分",
    '"{item}" is scored out of {weight}; {value} is above it',
  ),
  ITEMS_NOT_SCORED: msg<{ items: string }>("还有检查项没有打分：{items}", "some items have no score: {items}"),
  PHOTO_NAME: msg<{ value: string }>(
    "“{value}”不是照片文件名（如 IMG_0412.jpg；jpg、png、heic 或 webp，不含文件夹）",
    '"{value}" is not a photo\'s file name (e.g. IMG_0412.jpg: jpg, png, heic or webp, no folders)',
  ),
  DEADLINE_WITHOUT_PROBLEMS: msg("没有写发现的问题，就不需要整改期限", "a deadline is for the problems found: write them first"),
  NO_PROBLEMS_TO_FOLLOW_UP: msg<{ fixedOn: string }>(
    "这次检查没有发现问题，不需要回访",
    "the inspection found no problems: there is nothing to follow up",
  ),
  PROBLEMS_ALREADY_FIXED: msg<{ fixedOn: string }>(
    "这次检查发现的问题已于 {fixedOn} 回访确认整改",
    "the problems this inspection found were confirmed fixed on {fixedOn}",
  ),
} as const;
