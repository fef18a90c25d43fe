import { msg } from "@revita/messages";

/** The overview page. */
export const overviewMessages = {
  reporting: {
    title: msg<{ period: string }>("{period}进度报送", "Progress reports for {period}"),
    summary: msg<{ expected: number; received: number; onTime: number; missing: number; rate: string }>(
      "应报 {expected} 份，已报 {received} 份（按时 {onTime} 份），缺报 {missing} 份，报送率 {rate}",
      "{received} of {expected} received ({onTime} on time), {missing} missing: {rate} reported",
    ),
    table: msg("报送情况", "Reporting"),
    expected: msg("应报", "Expected"),
    onTime: msg("按时", "On time"),
    late: msg("逾期报送", "Late"),
    missing: msg("缺报", "Missing"),
    rate: msg("报送率", "Reporting rate"),
    noneExpected: msg("本月没有应报进度的在建项目。", "No project under way had to report this month."),
    missingList: msg<{ count: number }>("缺报项目（{count}）", "Missing reports ({count})"),
    lastReport: msg<{ date: string }>("最近报送截至 {date}", "last report as of {date}"),
    neverReported: msg("从未报送", "never reported"),
  },
  attention: {
    title: msg("需要关注", "Needs attention"),
    aboutProject: msg("本项目需要关注", "This project needs attention"),
    aboutFunds: msg("资金需要关注", "Funds that need attention"),
    aboutIndicators: msg("未达目标的指标", "Indicators off target"),
    asOf: msg<{ date: string }>("截至 {date}，本地区及下级", "As of {date}, here and below"),
    asOfDay: msg<{ date: string }>("截至 {date}", "As of {date}"),
    counts: msg<{ red: number; amber: number }>("红色 {red} 项 · 黄色 {amber} 项", "{red} red · {amber} amber"),
    none: msg(
      "没有需要关注的事项：进度、资金、指标和报送均在阈值以内。",
      "Nothing needs attention: progress, funds, indicators and reports are all within their thresholds.",
    ),
    more: msg<{ count: number }>("还有 {count} 项", "{count} more"),
    fewer: msg("收起", "Show fewer"),
    pastPage: msg<{ count: number }>(
      "另有 {count} 项未列出，请缩小地区范围查看",
      "{count} more not listed: open a smaller region to see them",
    ),
    since: msg<{ date: string }>("自 {date}", "since {date}"),
    phase: msg("分期", "Phase"),
    thresholdsNote: msg(
      "预警阈值可由县级管理员调整；未调整的按默认值。",
      "A county's admins may change the thresholds; the defaults apply otherwise.",
    ),
  },
  overview: {
    title: msg<{ region: string }>("{region}总览", "{region} overview"),
    projects: msg("项目数", "Projects"),
    projectsDetail: msg<{ inProgress: number }>("在建 {inProgress} 个", "{inProgress} under construction"),
    investment: msg("投资完成率", "Investment completed"),
    investmentDetail: msg<{ completed: string; planned: string }>(
      "完成 {completed}，计划 {planned}",
      "{completed} of {planned} planned",
    ),
    funds: msg("资金拨付率", "Funds disbursed"),
    fundsDetail: msg<{ disbursed: string; allocated: string }>(
      "拨付 {disbursed}，下达 {allocated}",
      "{disbursed} of {allocated} allocated",
    ),
    indicators: msg("指标达标", "Indicators on target"),
    indicatorsValue: msg<{ onTarget: number; withTarget: number }>("{onTarget} / {withTarget}", "{onTarget} of {withTarget}"),
    indicatorsDetail: msg<{ year: number }>("{year}年有目标值的指标", "indicators with a target in {year}"),
    noTargets: msg("无目标值", "No targets"),
    investmentOverTime: msg("累计投资", "Cumulative investment"),
    investmentOverTimeDescription: msg<{ from: string; to: string }>(
      "{from}至{to}，计划与完成（累计）",
      "{from} to {to}, planned and completed (cumulative)",
    ),
    byCategory: msg("按项目类别", "By project category"),
    byChildRegion: msg("按下级地区", "By region below"),
    byChildRegionDescription: msg("点击柱形进入该地区", "Click a bar to open that region"),
    childRegionsWithout: msg<{ count: number }>(
      "另有 {count} 个下级地区暂无项目。",
      "{count, plural, one {# region below has} other {# regions below have}} no projects.",
    ),
    noChildProjects: msg("下级地区暂无项目。", "No region below has projects."),
    grades: msg("考核评价", "Assessments"),
    largestProjects: msg("重点项目（按总投资）", "Key projects (by total investment)"),
    fundsBySource: msg("资金来源：下达与拨付", "Funds by source: allocated and disbursed"),
    scorecard: msg("五大振兴指标", "Five-pillar scorecard"),
    scorecardDescription: msg<{ year: number }>(
      "{year}年，各板块有目标值的指标达标比例",
      "{year}: share of the indicators with a target that meet it, per pillar",
    ),
    scoreLabel: msg("达标比例", "On target"),
    pillarDetail: msg<{ onTarget: number; withTarget: number }>(
      "{onTarget}/{withTarget} 达标",
      "{onTarget} of {withTarget} on target",
    ),
    allProjects: msg("查看全部项目", "All projects"),
    remaining: msg("未完成", "Remaining"),
  },
} as const;
