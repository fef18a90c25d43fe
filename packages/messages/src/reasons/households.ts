import { msg } from "../catalogue.js";

const STEP_ZH = (name: string) =>
  `{${name}, select, LEAD {线索} VISIT {入户核查} VILLAGE_REVIEW {村级评议} NOTICE {村级公示} TOWN_REVIEW {乡镇审核} COUNTY_CONFIRMATION {县级确认} ELIMINATION_PROPOSAL {风险消除申请} ELIMINATION_VILLAGE_REVIEW {风险消除村级评议} ELIMINATION_NOTICE {风险消除公示} ELIMINATION_TOWN_REVIEW {风险消除乡镇审核} ELIMINATION_CONFIRMATION {风险消除县级确认} RETURN_TO_MONITORING {返回监测} NONE {无} other {{${name}}}}`;
const STEP_EN = (name: string) =>
  `{${name}, select, LEAD {the lead} VISIT {the household visit} VILLAGE_REVIEW {the village review} NOTICE {the public notice} TOWN_REVIEW {the town review} COUNTY_CONFIRMATION {the county's confirmation} ELIMINATION_PROPOSAL {the proposal of risk elimination} ELIMINATION_VILLAGE_REVIEW {the village review of elimination} ELIMINATION_NOTICE {the notice of elimination} ELIMINATION_TOWN_REVIEW {the town review of elimination} ELIMINATION_CONFIRMATION {the county's confirmation of elimination} RETURN_TO_MONITORING {a return to monitoring} NONE {nothing} other {{${name}}}}`;
const STATUS_ZH =
  "{status, select, IDENTIFYING {识别中} MONITORED {监测帮扶中} ELIMINATING {风险消除审核中} RISK_ELIMINATED {风险已消除} NOT_INCLUDED {未纳入监测} other {{status}}}";
const STATUS_EN =
  "{status, select, IDENTIFYING {being identified} MONITORED {monitored} ELIMINATING {under review for risk elimination} RISK_ELIMINATED {risk eliminated} NOT_INCLUDED {not included} other {{status}}}";

/** Monitored households (防返贫): identification, assistance, risk elimination, personal data. */
export const householdReasons = {
  NO_SUCH_HOUSEHOLD: msg<{ id: string }>("没有编号为 {id} 的监测户", "no monitored household has the number {id}"),
  ID_NUMBER_BIRTH_DATE: msg<{ value: string }>(
    "身份证号 {value} 中的出生日期不存在",
    "the ID number {value} holds a birth date that does not exist",
  ),
  ID_NUMBER_CHECK_DIGIT: msg<{ value: string }>(
    "身份证号 {value} 的校验码不对，请核对是否抄错",
    "the ID number {value} has a wrong check character: please check it was copied right",
  ),
  BANK_ACCOUNT_SHAPE: msg("银行账号应为 12 到 19 位数字", "a bank account is 12 to 19 digits"),
  MEMBERS_COUNT: msg<{ count: number }>(
    "一户应有 1 到 20 名成员（填写了 {count} 名）",
    "a household has 1 to 20 members (got {count})",
  ),
  ONE_HEAD: msg<{ count: number }>(
    "一户应有且只有一名户主（填写了 {count} 名）",
    "a household has exactly one head (got {count})",
  ),
  MONITORING_STEP_OUT_OF_ORDER: msg<{ step: string; expected: string }>(
    `监测程序须依次进行：下一步应是“${STEP_ZH("expected")}”，不能先做“${STEP_ZH("step")}”`,
    `the procedure goes step by step: next is ${STEP_EN("expected")}, not ${STEP_EN("step")}`,
  ),
  NOTICE_TOO_SHORT: msg<{ from: string; to: string; days: number }>(
    "公示期 {from} 至 {to} 只有 {days} 天，应不少于 5 天",
    "the notice from {from} to {to} runs {days} days; it must run at least 5",
  ),
  AFTER_NOTICE: msg<{ value: string; noticeTo: string }>(
    "公示到 {noticeTo} 才结束，乡镇审核应在公示期满之后（填写的是 {value}）",
    "the notice runs until {noticeTo}: the town reviews after it ends (got {value})",
  ),
  RISK_NOT_GONE: msg("须确认致贫返贫风险已经消除", "confirm that the risk is gone"),
  INCOME_MISSING: msg("还没有录入这户的人均纯收入，不能申请风险消除", "no per-person income is on record: elimination needs one"),
  NO_MONITORING_LINE: msg<{ year: number }>(
    "本省还没有设定 {year} 年的监测标准，请管理员先设定",
    "the province has no monitoring line for {year}: an administrator sets it first",
  ),
  INCOME_BELOW_LINE: msg<{ year: number; income: string; line: string }>(
    "{year} 年人均纯收入 {income} 元，低于当年监测标准 {line} 元，不能消除风险",
    "the per-person income of {year}, {income} yuan, is below that year's line of {line} yuan: the risk is not eliminated",
  ),
  HOUSEHOLD_NOT_MONITORED: msg<{ status: string }>(
    `这户${STATUS_ZH}，只有监测帮扶中的户才能登记帮扶措施`,
    `the household is ${STATUS_EN}: measures are for households being monitored`,
  ),
  NOT_A_PROVINCE: msg<{ region: string }>(
    "{region} 不是省：监测标准按省设定",
    "{region} is not a province: lines are set by province",
  ),
} as const;
