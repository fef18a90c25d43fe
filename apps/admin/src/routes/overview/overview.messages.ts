import { msg } from "@revita/messages";

/** The overview page. */
export const overviewMessages = {
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
    behindSchedule: msg("进度滞后项目", "Projects behind schedule"),
    behindScheduleDescription: msg(
      "形象进度落后时间进度超过10个百分点，按落后幅度排序",
      "Progress more than 10 points behind the schedule, furthest behind first",
    ),
    noneBehind: msg("没有进度滞后的项目。", "No project is behind schedule."),
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
