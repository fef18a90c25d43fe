import { type Localized, localize, msg } from "@revita/messages";
import type { Locale } from "../format/locale.js";

/**
 * The kit's own words: state messages, table controls, chart labels. Screens bring their own.
 * ICU MessageFormat through @revita/messages, like every other catalogue.
 */
export const KIT_CATALOGUE = {
  loading: msg("加载中…", "Loading…"),
  empty: msg("暂无数据", "No data"),
  nothingToChart: msg("所选范围内暂无数据，没有可绘制的内容。", "Nothing to chart: there is no data in this range."),
  errorTitle: msg("加载失败", "Could not load"),
  retry: msg("重试", "Retry"),
  previousPage: msg("上一页", "Previous page"),
  nextPage: msg("下一页", "Next page"),
  pageOf: msg<{ page: number; pages: number }>("第 {page} / {pages} 页", "Page {page} of {pages}"),
  rowsCount: msg<{ count: number }>("共 {count, number} 条", "{count, plural, one {# row} other {# rows}}"),
  moreRows: msg<{ count: number }>(
    "……另有 {count, number} 条未列出",
    "… and {count, plural, one {# more row} other {# more rows}}",
  ),
  columns: msg("显示列", "Columns"),
  exportCsv: msg("导出 CSV", "Export CSV"),
  exportExcel: msg("导出 Excel", "Export Excel"),
  sortAscending: msg("升序", "ascending"),
  sortDescending: msg("降序", "descending"),
  showTable: msg("查看数据表", "Show data table"),
  showChart: msg("查看图表", "Show chart"),
  reset: msg("重置", "Reset"),
  search: msg("搜索", "Search"),
  all: msg("全部", "All"),
  min: msg("最小", "Min"),
  max: msg("最大", "Max"),
  planned: msg("计划投资", "Planned investment"),
  completed: msg("完成投资", "Completed investment"),
  allocated: msg("下达资金", "Allocated"),
  disbursed: msg("拨付资金", "Disbursed"),
  disbursementRate: msg("拨付率", "Disbursement rate"),
  value: msg("实际值", "Value"),
  target: msg("目标值", "Target"),
  baseline: msg("基期值", "Baseline"),
  vsTarget: msg("对比目标", "vs target"),
  vsPrevious: msg("较上期", "vs previous period"),
  investmentCompletion: msg("投资完成率", "Investment completion"),
  physicalProgress: msg("形象进度", "Physical progress"),
  period: msg("期间", "Period"),
  navigation: msg("主导航", "Main navigation"),
  breadcrumb: msg("地区层级", "Region hierarchy"),
  skipToContent: msg("跳到正文", "Skip to content"),
  standing: {
    ON_TARGET: msg("达标", "On target"),
    AT_RISK: msg("有风险", "At risk"),
    BEHIND: msg("滞后", "Behind"),
  },
  projectStatus: {
    PLANNED: msg("规划", "Planned"),
    STARTED: msg("开工", "Started"),
    IN_PROGRESS: msg("在建", "In progress"),
    COMPLETED: msg("完工", "Completed"),
    ACCEPTED: msg("已验收", "Accepted"),
  },
} as const;

export type KitMessages = Localized<typeof KIT_CATALOGUE>;

export const KIT_MESSAGES: Record<Locale, KitMessages> = {
  "zh-CN": localize(KIT_CATALOGUE, "zh-CN"),
  en: localize(KIT_CATALOGUE, "en"),
};
