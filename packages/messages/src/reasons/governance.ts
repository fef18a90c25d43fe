import { msg } from "../catalogue.js";

/** A need's status and a move's name, as clerks say them. */
const NEED_STATUS_ZH = (name: string) =>
  `{${name}, select, OPEN {待认领} CLAIMED {已认领} IN_PROGRESS {办理中} DONE {已办结待确认} CONFIRMED {已确认} WITHDRAWN {已撤销} other {{${name}}}}`;
const NEED_STATUS_EN = (name: string) =>
  `{${name}, select, OPEN {open for claims} CLAIMED {claimed} IN_PROGRESS {in progress} DONE {done, awaiting confirmation} CONFIRMED {confirmed} WITHDRAWN {withdrawn} other {{${name}}}}`;
const NEED_ACTION_FROM_ZH =
  "{action, select, MATCH {只有待认领时才能匹配资源} CLAIM {只有待认领时才能认领} START {只有已认领时才能开始办理} FINISH {只有已认领或办理中时才能办结} CONFIRM {只有已办结时才能确认} RETURN {只有已办结时才能退回重办} WITHDRAW {已办结或已确认的不能撤销} other {不能这样操作}}";
const NEED_ACTION_FROM_EN =
  "{action, select, MATCH {it can be matched only while open} CLAIM {it can be claimed only while open} START {it can be started only once claimed} FINISH {it can be finished only once claimed or in progress} CONFIRM {it can be confirmed only once done} RETURN {it can be returned only once done} WITHDRAW {a done or confirmed need cannot be withdrawn} other {that move is not possible}}";

/** Party members in communities: the three lists, claims, micro-wishes, service cards and scores. */
export const governanceReasons = {
  NOT_IN_A_COMMUNITY: msg<{ region: string }>(
    "{region} 不是村或社区：党员报到、需求和服务记录卡记在村、社区或其下的片区、楼栋",
    "{region} is not a village or community: members, needs and service cards belong to a village or community, or an area or building in it",
  ),
  NO_SUCH_ORGANIZATION: msg<{ name: string }>(
    "没有名为“{name}”的单位（请先在单位名录中登记）",
    'no unit is called "{name}" (register it among the units first)',
  ),
  NO_SUCH_MEMBER: msg<{ id: string }>("没有编号为 {id} 的党员", "no party member has the number {id}"),
  NO_SUCH_TEAM: msg<{ id: string }>("没有编号为 {id} 的服务队", "no volunteer team has the number {id}"),
  NO_SUCH_NEED: msg<{ id: string }>("没有编号为 {id} 的需求或微心愿", "no need or micro-wish has the number {id}"),
  NO_SUCH_CARD: msg<{ id: string }>("没有编号为 {id} 的服务记录卡", "no service card has the number {id}"),
  MEMBER_HAS_LEFT: msg<{ name: string; leftOn: string }>(
    "{name} 已于 {leftOn} 离开社区，不能再认领或登记服务",
    "{name} left the community on {leftOn} and can no longer claim or record services",
  ),
  MEMBER_ALREADY_THERE: msg<{ name: string; region: string }>("{name} 已在 {region} 报到", "{name} already reports to {region}"),
  NOT_BEFORE_REPORTING: msg<{ date: string; reportedOn: string }>(
    "不能早于报到日期 {reportedOn}（填写的是 {date}）",
    "cannot be before the day they reported, {reportedOn} (got {date})",
  ),
  NOT_IN_THE_FUTURE: msg<{ value: string; today: string }>(
    "不能晚于今天 {today}（填写的是 {value}）",
    "cannot be after today, {today} (got {value})",
  ),
  NOT_BEFORE: msg<{ value: string; earliest: string }>(
    "不能早于 {earliest}（填写的是 {value}）",
    "cannot be before {earliest} (got {value})",
  ),
  PHONE_SHAPE: msg<{ value: string }>(
    "“{value}”不是电话号码（请填写 7 至 12 位数字，可带短横线）",
    '"{value}" is not a phone number (write 7 to 12 digits, dashes allowed)',
  ),
  TEAM_MEMBER_ELSEWHERE: msg<{ name: string; team: string }>(
    "{name} 不在 {team} 所在的社区报到，不能加入该服务队",
    "{name} does not report to the community of {team} and cannot join it",
  ),
  NEED_WRONG_STATE: msg<{ title: string; status: string; action: string }>(
    `“{title}”${NEED_STATUS_ZH("status")}：${NEED_ACTION_FROM_ZH}`,
    `"{title}" is ${NEED_STATUS_EN("status")}: ${NEED_ACTION_FROM_EN}`,
  ),
  NEED_WRONG_STATE_FIELD: msg<{ status: string }>(NEED_STATUS_ZH("status"), `is ${NEED_STATUS_EN("status")}`),
  ONE_CLAIMANT: msg("请选择一个认领方：党员、服务队或单位三者之一", "choose one claimant: a member, a team or a unit"),
  CLAIMANT_OUTSIDE_COMMUNITY: msg<{ claimant: string; region: string }>(
    "{claimant} 不在 {region} 报到或服务，不能认领这里的需求",
    "{claimant} does not report to or serve {region} and cannot claim its needs",
  ),
  UNIT_OUTSIDE_COUNTY: msg<{ unit: string; region: string }>(
    "{unit} 不属于 {region} 所在县（区）或其上级，不能认领这里的需求",
    "{unit} is not of the county of {region} or above it, and cannot claim its needs",
  ),
  NEED_RETURN_NEEDS_REASON: msg("请写明退回的原因（认领方会看到）", "say why it is returned (the claimant sees it)"),
  CARD_FUTURE_MONTH: msg<{ month: string; current: string }>(
    "{month} 还没有到（本月是 {current}），不能提前填写服务记录卡",
    "{month} has not come yet (this month is {current}): a card cannot be filled in ahead",
  ),
  SERVICE_OUTSIDE_MONTH: msg<{ date: string; month: string }>(
    "{date} 不在 {month} 内：每张记录卡只记当月的服务",
    "{date} is not in {month}: a card holds that month's services only",
  ),
  HOURS_OUT_OF_RANGE: msg<{ value: string }>(
    "服务时长应大于 0 且不超过 24 小时（填写的是 {value}）",
    "hours must be more than 0 and at most 24 (got {value})",
  ),
  SCORE_OUT_OF_SCALE: msg<{ value: string }>(
    "评分应为 0 到 100 的整数（优秀 ≥ 90，良好 ≥ 80，合格 ≥ 60）；填写的是 {value}",
    "a score is a whole number from 0 to 100 (excellent ≥ 90, good ≥ 80, pass ≥ 60); got {value}",
  ),
  NOT_A_MONTH: msg<{ value: string }>("“{value}”不是月份（请写成 2024-06）", '"{value}" is not a month (write 2024-06)'),
  NOT_A_WHOLE_NUMBER: msg<{ value: string; min: number }>(
    "应为不小于 {min} 的整数（填写的是 {value}）",
    "must be a whole number of at least {min} (got {value})",
  ),
  NOT_A_GRID_AREA: msg<{ region: string }>("{region} 不是片区或网格", "{region} is not an area or grid cell"),
  MEDIATION_LEVEL_MISMATCH: msg<{ region: string; level: string }>(
    "{region} 不是{level, select, VILLAGE {村级} TOWN {乡镇级} COUNTY {县级} other {{level}}}调解组织所在的一级（村级在村或社区，乡镇级在乡镇，县级在县）",
    "{region} is not where a {level, select, VILLAGE {village} TOWN {town} COUNTY {county} other {{level}}} mediation organisation sits (a village, a town, a county)",
  ),
  ID_NUMBER_SHAPE: msg<{ value: string }>(
    "“{value}”不是身份证号（18 位，最后一位可为 X；或旧的 15 位）",
    '"{value}" is not a resident ID number (18 characters, the last may be X; or an old 15-digit one)',
  ),
  PARTIES_COUNT: msg<{ count: number }>(
    "一件纠纷至少有 2 方当事人、至多 20 方（填写了 {count} 方）",
    "a dispute has 2 to 20 parties (got {count})",
  ),
  NO_MEDIATION_ORGANIZATION: msg<{ region: string }>(
    "{region} 还没有调解组织，请先登记",
    "{region} has no mediation organisation yet: register it first",
  ),
  MEDIATOR_NOT_OF_ORGANIZATION: msg<{ organization: string }>(
    "该调解员不属于{organization}",
    "that mediator is not of {organization}",
  ),
  NO_SUCH_CASE: msg<{ id: string }>("没有编号为 {id} 的调解案件", "no mediation case has the number {id}"),
  NO_SUCH_MEDIATION_ORGANIZATION: msg<{ id: string }>(
    "没有编号为 {id} 的调解组织",
    "no mediation organisation has the number {id}",
  ),
  STEP_OUT_OF_ORDER: msg<{ step: string; expected: string }>(
    "调解须按五步依次进行：下一步应是“{expected, select, SCREENING {预防摸排} INVESTIGATION {调查疏导} ANALYSIS {分析定策} MEDIATION {联动调解} FOLLOW_UP {跟踪见效} other {{expected}}}”，不能先做“{step, select, SCREENING {预防摸排} INVESTIGATION {调查疏导} ANALYSIS {分析定策} MEDIATION {联动调解} FOLLOW_UP {跟踪见效} other {{step}}}”",
    "mediation takes its five steps in order: the next is {expected, select, SCREENING {screening} INVESTIGATION {investigation} ANALYSIS {analysis} MEDIATION {joint mediation} FOLLOW_UP {follow-up} other {{expected}}}, not {step, select, SCREENING {screening} INVESTIGATION {investigation} ANALYSIS {analysis} MEDIATION {joint mediation} FOLLOW_UP {follow-up} other {{step}}}",
  ),
  FOLLOW_UP_BEFORE_SETTLEMENT: msg<{ status: string }>(
    "案件{status, select, OPEN {办理中} SETTLED {已调解成功} REFERRED {已移交} WITHDRAWN {已撤回} CLOSED {已回访办结} other {{status}}}：调解成功后才能跟踪回访",
    "the case is {status, select, OPEN {open} SETTLED {settled} REFERRED {referred} WITHDRAWN {withdrawn} CLOSED {closed after follow-up} other {{status}}}: a follow-up comes after a settlement",
  ),
  CASE_CONCLUDED: msg<{ status: string }>(
    "案件{status, select, OPEN {办理中} SETTLED {已调解成功} REFERRED {已移交} WITHDRAWN {已撤回} CLOSED {已回访办结} other {{status}}}，不能再进行这一步",
    "the case is {status, select, OPEN {open} SETTLED {settled} REFERRED {referred} WITHDRAWN {withdrawn} CLOSED {closed after follow-up} other {{status}}} and takes no more of that",
  ),
  NO_SUCH_TOPIC: msg<{ id: string }>("没有编号为 {id} 的协商议题", "no consultation topic has the number {id}"),
  NO_SUCH_MEETING: msg<{ id: string }>("没有编号为 {id} 的议事会议", "no consultation meeting has the number {id}"),
  ANSWERED_NEEDS_NO_DEADLINE: msg(
    "已现场答复的议题不需要答复期限（期限只给纳入协商、限时反馈的议题）",
    "a topic answered on the spot needs no deadline (deadlines are for topics taken up)",
  ),
  TOPIC_MOVE_NOT_ALLOWED: msg<{ action: string; status: string }>(
    "议题{status, select, ANSWERED {已现场答复} TAKEN_UP {已纳入协商} DECIDED {已形成决议} CLOSED {已回访办结} other {{status}}}：{action, select, DECIDE {只有纳入协商的议题才能形成决议} FOLLOW_UP {答复或决议后才能跟踪回访，且只回访一次} other {不能这样操作}}",
    "the topic is {status, select, ANSWERED {answered on the spot} TAKEN_UP {taken up} DECIDED {decided} CLOSED {closed after follow-up} other {{status}}}: {action, select, DECIDE {only a topic taken up can be decided} FOLLOW_UP {a follow-up comes once, after the answer or decision} other {that move is not possible}}",
  ),
  MEETING_OF_ANOTHER_COMMUNITY: msg<{ meeting: string }>(
    "会议“{meeting}”不是本议题所在村（社区）的会议",
    'the meeting "{meeting}" is not one of the topic\'s village or community',
  ),
  PARTICIPANTS_COUNT: msg<{ count: number }>(
    "议事会议至少 2 方参加、至多 100 条（填写了 {count} 条）",
    "a meeting has 2 to 100 participants (got {count})",
  ),
  THREE_PARTIES_MISSING: msg<{ missing: string }>(
    "三方联席会议须有社区、物业公司、业主委员会三方参加，还缺{missing, select, COMMUNITY {社区} PROPERTY_COMPANY {物业公司} OWNERS_COMMITTEE {业主委员会} other {{missing}}}",
    "a three-party meeting has the community, the property company and the owners' committee at the table; the {missing, select, COMMUNITY {community} PROPERTY_COMPANY {property company} OWNERS_COMMITTEE {owners' committee} other {{missing}}} is missing",
  ),
  ESCALATION_NOT_UP: msg<{ organization: string; level: string }>(
    "{organization} 不是本案所在地上一级的调解组织（本案现在是{level, select, VILLAGE {村级} TOWN {乡镇级} COUNTY {县级} other {{level}}}办理，只能逐级上报）",
    "{organization} is not the mediation organisation one level above the case's (now handled at {level, select, VILLAGE {village} TOWN {town} COUNTY {county} other {{level}}} level; cases go up one level at a time)",
  ),
} as const;
