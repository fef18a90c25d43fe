import { msg } from "../catalogue.js";

/** The dispatch meeting (调度会): meetings, their tasks (交办、督办) and the briefings made for them. */
export const dispatchReasons = {
  NO_SUCH_DISPATCH_MEETING: msg<{ id: string }>("没有编号为 {id} 的调度会", "no dispatch meeting has the number {id}"),
  NO_SUCH_TASK: msg<{ id: string }>("没有编号为 {id} 的交办事项", "no task has the number {id}"),
  DUE_BEFORE_MEETING: msg<{ value: string; heldOn: string }>(
    "完成时限不能早于会议日期 {heldOn}（填写的是 {value}）",
    "the due date cannot be before the meeting, {heldOn} (got {value})",
  ),
  UNIT_OUTSIDE_MEETING_REGION: msg<{ unit: string; region: string }>(
    "“{unit}”不在{region}范围内：责任单位应是本级或下级单位",
    '"{unit}" is not within {region}: the responsible unit is one of the meeting\'s region or below it',
  ),
  SUBJECT_OUTSIDE_MEETING_REGION: msg<{ subject: string; region: string }>(
    "“{subject}”不在{region}范围内，不能在这次调度会上交办",
    '"{subject}" is not within {region}: this meeting cannot assign it',
  ),
  SUBJECT_CODE_REQUIRED: msg<{ kind: string }>(
    "请填写交办对象的{kind, select, PROJECT {项目编号} PHASE {分期编号} FUND {资金编号} INDICATOR {指标代码} ALERT {预警对象编号} REGION {区划代码} other {编号}}",
    "give the subject's {kind, select, PROJECT {project code} PHASE {phase code} FUND {fund code} INDICATOR {indicator code} ALERT {alert subject's code} REGION {region code} other {code}}",
  ),
  ALERT_RULE_REQUIRED: msg("交办预警事项时请选择预警类型", "give the alert's rule for an alert task"),
  NOT_A_PHASE: msg<{ code: string }>(
    "{code} 是项目，不是分期（请选“项目”）",
    "{code} is a project, not a phase (choose PROJECT)",
  ),
  IS_A_PHASE: msg<{ code: string }>("{code} 是项目的分期（请选“分期”）", "{code} is a phase of a project (choose PHASE)"),
  NO_SUCH_ALERT: msg<{ code: string }>(
    "当前没有关于 {code} 的这类预警（可能已经消除），请按项目、资金或地区交办",
    "no such alert about {code} is raised now (it may have cleared): assign it by project, fund or region instead",
  ),
  TASK_MOVE_NOT_ALLOWED: msg<{ action: string; status: string }>(
    "事项{status, select, ASSIGNED {已交办} IN_PROGRESS {推进中} DONE {已办结待核验} VERIFIED {已核验销号} RETURNED {已退回} other {{status}}}：{action, select, PROGRESS {已核验的事项不再更新} DONE {已办结或已核验的事项不能再报办结} VERIFY {只有已办结的事项才能核验} RETURN {只有已办结的事项才能退回} other {不能这样操作}}",
    "the task is {status, select, ASSIGNED {assigned} IN_PROGRESS {in progress} DONE {done, awaiting verification} VERIFIED {verified} RETURNED {returned} other {{status}}}: {action, select, PROGRESS {a verified task takes no more updates} DONE {a task done or verified cannot be reported done again} VERIFY {only a task reported done can be verified} RETURN {only a task reported done can be returned} other {that move is not possible}}",
  ),
  NOT_BEFORE_TASK: msg<{ value: string; earliest: string }>(
    "不能早于交办日期 {earliest}（填写的是 {value}）",
    "cannot be before the task was assigned, {earliest} (got {value})",
  ),
  BRIEFING_MONTH: msg<{ value: string }>(
    "“{value}”不是简报的月份（请填写如 2026-11 的年月，不晚于本月）",
    '"{value}" is not a briefing\'s month (write a month such as 2026-11, not after this month)',
  ),
  BRIEFING_FIGURES: msg<{ value: string }>(
    "简报只能按“全部填报数”或“仅已审核数”生成，不能按“{value}”生成（暂不按“仅公开报道数”出简报）",
    'a briefing counts all figures ("all") or approved figures only ("approved"), not "{value}" (published-only briefings are not made yet)',
  ),
  BRIEFING_FONT_MISSING: msg(
    "服务器上没有中文字体，无法生成 PDF，请联系系统管理员安装中文字体（见说明文档）",
    "the server has no Chinese font to make the PDF with: ask its administrator to install one (see the README)",
  ),
  NO_SUCH_BRIEFING: msg<{ id: string }>("没有编号为 {id} 的简报（或不是您的简报）", "no briefing of yours has the number {id}"),
  BRIEFING_IN_PROGRESS: msg(
    "您的上一份简报正在生成，请稍候再试",
    "your previous briefing is still being made: wait for it, then try again",
  ),
  BRIEFING_FAILED: msg("生成简报时出错，未能完成，请稍后再试", "the briefing could not be made; try again later"),
  WEEKDAY_RANGE: msg<{ value: number }>(
    "星期应为 1（周一）到 7（周日）（填写的是 {value}）",
    "the weekday is 1 (Monday) to 7 (Sunday) (got {value})",
  ),
  TIME_OF_DAY_SHAPE: msg<{ value: string }>(
    "“{value}”不是时间（请填写如 08:00 的时、分，北京时间）",
    '"{value}" is not a time of day (write hours and minutes such as 08:00, China time)',
  ),
};
