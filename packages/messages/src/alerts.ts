import { msg } from "./catalogue.js";

/**
 * What an alert says, in both languages: the API's Alert.summary and the dashboard's attention
 * list say the same. Figures come formatted by the caller (money in its unit, dates as written),
 * so each screen keeps its own money rule.
 */
export const alertMessages = {
  rules: {
    BEHIND_SCHEDULE: msg("进度滞后", "Behind schedule"),
    OVERDUE: msg("逾期未完工", "Overdue"),
    OVER_ALLOCATED: msg("资金安排超总投资", "Allocated above its total"),
    INDUSTRY_SHARE: msg("衔接资金产业占比不足", "Bridging funds: industry share low"),
    DISBURSEMENT_LAG: msg("资金拨付滞后", "Disbursement behind"),
    DIVERGENCE: msg("投资与形象进度背离", "Spending and works apart"),
    INDICATOR_OFF_TARGET: msg("指标未达目标", "Indicator off target"),
    STALE: msg("久未报送进度", "No recent report"),
    REPORT_MISSING: msg("月报逾期未报", "Monthly reports missing"),
    CLAIM_OVERDUE: msg("认领事项逾期", "Claimed needs overdue"),
    FOLLOW_UP_OVERDUE: msg("调解回访逾期", "Mediation follow-ups overdue"),
    ANSWER_OVERDUE: msg("议题答复逾期", "Consultation answers overdue"),
    RECTIFICATION_OVERDUE: msg("清洁整改逾期", "Cleaning problems unfixed past deadline"),
    IDENTIFICATION_OVERDUE: msg("监测识别超时", "Household identifications past 15 days"),
    ASSISTANCE_MISSING: msg("监测户未落实帮扶", "Monitored households without assistance"),
    TASK_OVERDUE: msg("交办事项逾期", "Assigned tasks overdue"),
  },
  severity: {
    RED: msg("红色预警", "Red"),
    AMBER: msg("黄色预警", "Amber"),
  },
  summary: {
    BEHIND_SCHEDULE: msg<{ progress: string; elapsed: string; gap: string }>(
      "形象进度 {progress}%，时间进度 {elapsed}%，落后 {gap} 个百分点",
      "Progress {progress}% against {elapsed}% of the schedule: {gap} points behind",
    ),
    PHASES_BEHIND: msg<{ behind: number; phases: number; gap: string }>(
      "{phases} 期中有 {behind} 期进度滞后，最多落后 {gap} 个百分点",
      "{behind} of {phases} phases behind schedule, the furthest by {gap} points",
    ),
    OVERDUE: msg<{ plannedFinish: string; days: string }>(
      "计划 {plannedFinish} 完工，已逾期 {days} 天",
      "Planned to finish on {plannedFinish}: {days} days late",
    ),
    OVER_ALLOCATED: msg<{ allocated: string; total: string; over: string }>(
      "已安排资金 {allocated}，超过总投资 {total} 的 {over}%",
      "{allocated} allocated, {over}% above its total of {total}",
    ),
    INDUSTRY_SHARE: msg<{ share: string; threshold: string }>(
      "用于产业项目的比重 {share}%，低于 {threshold}%",
      "{share}% went to industry projects, below {threshold}%",
    ),
    DISBURSEMENT_LAG: msg<{ paid: string; elapsed: string }>(
      "已拨付 {paid}%，序时进度 {elapsed}%",
      "{paid}% paid out against {elapsed}% of its budget span",
    ),
    DIVERGENCE_FINANCIAL: msg<{ completionRate: string; physicalProgress: string; gap: string }>(
      "投资完成率 {completionRate}% 高于形象进度 {physicalProgress}%，相差 {gap} 个百分点",
      "Spending {completionRate}% ahead of the works {physicalProgress}% by {gap} points",
    ),
    DIVERGENCE_PHYSICAL: msg<{ completionRate: string; physicalProgress: string; gap: string }>(
      "形象进度 {physicalProgress}% 高于投资完成率 {completionRate}%，相差 {gap} 个百分点",
      "Works {physicalProgress}% ahead of spending {completionRate}% by {gap} points",
    ),
    INDICATOR_OFF_TARGET: msg<{ period: string; value: string; target: string; reached: string }>(
      "{period} 实际 {value}，目标 {target}，完成 {reached}%",
      "{period}: {value} against a target of {target} ({reached}% reached)",
    ),
    STALE: msg<{ lastReport: string; days: string }>(
      "最近一次报送截至 {lastReport}，已 {days} 天未更新",
      "Last report as of {lastReport}: {days} days without one",
    ),
    NEVER_REPORTED: msg<{ started: string; days: string }>(
      "自 {started} 开工以来从未报送（{days} 天）",
      "Never reported since it started on {started} ({days} days)",
    ),
    REPORT_MISSING: msg<{ period: string; missing: number; expected: number }>(
      "{period}的月报：应报 {expected} 个项目，{missing} 个逾期未报",
      "{period}: {missing} of {expected} monthly reports missing past their due date",
    ),
    CLAIM_OVERDUE: msg<{ claimant: string; due: string; days: string }>(
      "{claimant}认领，应于 {due} 办结，已逾期 {days} 天",
      "claimed by {claimant}, due {due}, {days} days overdue",
    ),
    FOLLOW_UP_OVERDUE: msg<{ organization: string; due: string; days: string }>(
      "{organization}调解成功，应于 {due} 回访，已逾期 {days} 天",
      "settled by {organization}, follow-up due {due}, {days} days overdue",
    ),
    ANSWER_OVERDUE: msg<{ raisedBy: string; due: string; days: string }>(
      "{raisedBy}提出，应于 {due} 前答复，已逾期 {days} 天",
      "raised by {raisedBy}, answer due {due}, {days} days overdue",
    ),
    RECTIFICATION_OVERDUE: msg<{ inspected: string; due: string; days: string }>(
      "{inspected} 检查发现的问题，应于 {due} 前整改，已逾期 {days} 天",
      "found at the inspection of {inspected}, to be fixed by {due}, {days} days overdue",
    ),
    IDENTIFICATION_OVERDUE: msg<{ lead: string; days: string }>(
      "{lead} 发现线索，{days} 天仍未完成识别（应在 15 天内）",
      "lead on {lead}, still not identified after {days} days (due within 15)",
    ),
    ASSISTANCE_MISSING: msg<{ confirmed: string; days: string }>(
      "{confirmed} 确认纳入监测，{days} 天未落实帮扶措施",
      "monitored since {confirmed}, {days} days without an assistance measure",
    ),
    TASK_OVERDUE: msg<{ meeting: string; unit: string; due: string; days: string }>(
      "{meeting}交办{unit}，应于 {due} 办结，已逾期 {days} 天",
      "assigned to {unit} at {meeting}, due {due}, {days} days overdue",
    ),
    CLAIM_OVERDUE_WISH: msg<{ claimant: string; due: string; days: string }>(
      "微心愿由{claimant}认领，应于 {due} 实现，已逾期 {days} 天",
      "micro-wish claimed by {claimant}, due {due}, {days} days overdue",
    ),
  },
} as const;
