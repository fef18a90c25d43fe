import { msg } from "@revita/messages";

/** The indicators page and its entry form. */
export const indicatorsMessages = {
  indicators: {
    title: msg<{ region: string }>("{region}指标", "{region}: indicators"),
    indicator: msg("指标", "Indicator"),
    choose: msg("选择指标", "Choose an indicator"),
    overTime: msg("历年变化", "Over time"),
    overTimeDescription: msg<{ from: number; to: number }>("{from}—{to}年", "{from}–{to}"),
    ranking: msg<{ year: number }>("{year}年下级地区排名", "Regions below, ranked, {year}"),
    rankingDescription: msg(
      "按指标方向排序，虚线为目标值",
      "Best first by the indicator's direction; the dashed line is the target",
    ),
    noRanking: msg("下级地区没有该指标的数值。", "No region below has a value for this indicator."),
    standing: msg<{ year: number }>("{year}年", "{year}"),
    noValue: msg("该年度没有数值。", "No value for this year."),
    reported: msg("本级填报", "Reported"),
    rolledUp: msg("由下级汇总", "Rolled up from below"),
    baseline: msg("基期值", "Baseline"),
    empty: msg("该地区暂无指标数据。", "No indicator values are recorded for this region."),
  },
  indicatorEntry: {
    title: msg("填报指标", "Enter a value"),
    description: msg(
      "本地区本指标某一期的数值，可同时填目标值和基期值。已上报或已审核的期不能再填。",
      "This indicator's value for this region and a period, with its target and baseline. Submitted or approved periods are closed.",
    ),
    period: msg("报告期", "Period"),
    value: msg("数值", "Value"),
    target: msg("目标值", "Target"),
    baseline: msg("基期值", "Baseline"),
    note: msg("备注", "Note"),
    submit: msg("提交", "Submit"),
    saved: msg<{ period: string }>("已保存 {period} 的数值。", "Value for {period} saved."),
  },
} as const;
