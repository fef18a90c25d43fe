import { msg } from "../catalogue.js";

const DATA_SET_ZH =
  "{dataSet, select, PROGRESS {项目进度} INDICATORS {指标数据} COMMUNITY_SERVICE {社区服务考核} other {{dataSet}}}";
const DATA_SET_EN =
  "{dataSet, select, PROGRESS {progress} INDICATORS {indicators} COMMUNITY_SERVICE {community service} other {{dataSet}}}";
const STATE_ZH = (name: string) =>
  `{${name}, select, OPEN {未提交} SUBMITTED {已提交待审核} APPROVED {已审核通过} RETURNED {已退回} other {{${name}}}}`;
const STATE_EN = (name: string) =>
  `{${name}, select, OPEN {open} SUBMITTED {submitted} APPROVED {approved} RETURNED {returned} other {{${name}}}}`;

/** The approval workflow: editors submit a region's data for a period, approvers decide. */
export const approvalReasons = {
  RETURN_NEEDS_COMMENT: msg("请写明填报人需要改正什么（会显示给他们）", "say what the editors must fix (it is shown to them)"),
  APPROVAL_WRONG_STATE: msg<{ dataSet: string; region: string; period: string; state: string; action: string }>(
    `{region} {period} 的${DATA_SET_ZH}${STATE_ZH("state")}：{action, select, SUBMIT {只有未提交或已退回时才能提交} APPROVE {只有已提交时才能审核通过} RETURN {只有已提交时才能退回} REOPEN {只有已审核通过时才能重新打开} other {不能这样操作}}`,
    `the ${DATA_SET_EN} of {region} for {period} is ${STATE_EN("state")}: {action, select, SUBMIT {it can be submitted only when open or returned} APPROVE {it can be approved only when submitted} RETURN {it can be returned only when submitted} REOPEN {it can be reopened only when approved} other {that move is not possible}}`,
  ),
  APPROVAL_WRONG_STATE_FIELD: msg<{ state: string }>(`${STATE_ZH("state")}`, `is ${STATE_EN("state")}`),
  /** Raised by the database's approval locks: the data lies inside a submitted or approved period. */
  LOCKED_BY_APPROVAL: msg<{
    dataSet: string;
    region: string;
    period: string;
    state: string;
    code: string;
    recordRegion: string;
    recordPeriod: string;
  }>(
    `{region} {period} 的${DATA_SET_ZH}${STATE_ZH("state")}：{dataSet, select, INDICATORS {{recordRegion}{recordPeriod} 的 {code}} COMMUNITY_SERVICE {{recordRegion}{recordPeriod} 的服务记录卡和评分} other {{code} {recordPeriod} 的进度}}已锁定，须审核员退回或重新打开后才能修改`,
    `the ${DATA_SET_EN} of {region} for {period} {dataSet, select, INDICATORS {are} other {is}} ${STATE_EN("state")}: {dataSet, select, INDICATORS {{code} of {recordRegion} for {recordPeriod}} COMMUNITY_SERVICE {the cards and scores of {recordRegion} for {recordPeriod}} other {the report of {code} for {recordPeriod}}} is locked until an approver returns or reopens it`,
  ),
  LOCKED_BY_APPROVAL_FIELD: msg("已因审核锁定", "locked by an approval"),
  /** The money locks: a payment dated in, or a project's total behind, a submitted or approved period. */
  LOCKED_PAYMENT: msg<{ region: string; period: string; state: string; code: string; paidOn: string }>(
    `{region} {period} 的项目进度${STATE_ZH("state")}：{code} 于 {paidOn} 的拨付已锁定，须审核员退回或重新打开后才能录入或修改`,
    `the progress of {region} for {period} is ${STATE_EN("state")}: the payment to {code} on {paidOn} is locked until an approver returns or reopens it`,
  ),
  LOCKED_TOTAL: msg<{ region: string; period: string; state: string; code: string }>(
    `{region} {period} 的项目进度${STATE_ZH("state")}：{code} 的总投资已锁定（已审核的完成率不能因此改变），须审核员退回或重新打开后才能修改`,
    `the progress of {region} for {period} is ${STATE_EN("state")}: the total investment of {code} is locked (approved completion rates must not move) until an approver returns or reopens it`,
  ),
} as const;
