import type { Locale } from "../format/locale.js";

/** The kit's own words: state messages, table controls, chart labels. Screens bring their own. */
export interface KitMessages {
  loading: string;
  empty: string;
  errorTitle: string;
  retry: string;
  previousPage: string;
  nextPage: string;
  pageOf: (page: number, pages: number) => string;
  rowsCount: (count: number) => string;
  moreRows: (count: number) => string;
  columns: string;
  exportCsv: string;
  exportExcel: string;
  sortAscending: string;
  sortDescending: string;
  showTable: string;
  showChart: string;
  reset: string;
  search: string;
  all: string;
  min: string;
  max: string;
  planned: string;
  completed: string;
  allocated: string;
  disbursed: string;
  disbursementRate: string;
  value: string;
  target: string;
  baseline: string;
  vsTarget: string;
  vsPrevious: string;
  investmentCompletion: string;
  physicalProgress: string;
  period: string;
  navigation: string;
  breadcrumb: string;
  skipToContent: string;
  standing: Record<"ON_TARGET" | "AT_RISK" | "BEHIND", string>;
  projectStatus: Record<"PLANNED" | "STARTED" | "IN_PROGRESS" | "COMPLETED" | "ACCEPTED", string>;
}

export const KIT_MESSAGES: Record<Locale, KitMessages> = {
  "zh-CN": {
    loading: "加载中…",
    empty: "暂无数据",
    errorTitle: "加载失败",
    retry: "重试",
    previousPage: "上一页",
    nextPage: "下一页",
    pageOf: (page, pages) => `第 ${page} / ${pages} 页`,
    rowsCount: (count) => `共 ${count.toLocaleString("zh-CN")} 条`,
    moreRows: (count) => `……另有 ${count.toLocaleString("zh-CN")} 条未列出`,
    columns: "显示列",
    exportCsv: "导出 CSV",
    exportExcel: "导出 Excel",
    sortAscending: "升序",
    sortDescending: "降序",
    showTable: "查看数据表",
    showChart: "查看图表",
    reset: "重置",
    search: "搜索",
    all: "全部",
    min: "最小",
    max: "最大",
    planned: "计划投资",
    completed: "完成投资",
    allocated: "下达资金",
    disbursed: "拨付资金",
    disbursementRate: "拨付率",
    value: "实际值",
    target: "目标值",
    baseline: "基期值",
    vsTarget: "对比目标",
    vsPrevious: "较上期",
    investmentCompletion: "投资完成率",
    physicalProgress: "形象进度",
    period: "期间",
    navigation: "主导航",
    breadcrumb: "地区层级",
    skipToContent: "跳到正文",
    standing: { ON_TARGET: "达标", AT_RISK: "有风险", BEHIND: "滞后" },
    projectStatus: { PLANNED: "规划", STARTED: "开工", IN_PROGRESS: "在建", COMPLETED: "完工", ACCEPTED: "已验收" },
  },
  en: {
    loading: "Loading…",
    empty: "No data",
    errorTitle: "Could not load",
    retry: "Retry",
    previousPage: "Previous page",
    nextPage: "Next page",
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    rowsCount: (count) => `${count.toLocaleString("en-US")} rows`,
    moreRows: (count) => `… and ${count.toLocaleString("en-US")} more rows`,
    columns: "Columns",
    exportCsv: "Export CSV",
    exportExcel: "Export Excel",
    sortAscending: "ascending",
    sortDescending: "descending",
    showTable: "Show data table",
    showChart: "Show chart",
    reset: "Reset",
    search: "Search",
    all: "All",
    min: "Min",
    max: "Max",
    planned: "Planned investment",
    completed: "Completed investment",
    allocated: "Allocated",
    disbursed: "Disbursed",
    disbursementRate: "Disbursement rate",
    value: "Value",
    target: "Target",
    baseline: "Baseline",
    vsTarget: "vs target",
    vsPrevious: "vs previous period",
    investmentCompletion: "Investment completion",
    physicalProgress: "Physical progress",
    period: "Period",
    navigation: "Main navigation",
    breadcrumb: "Region hierarchy",
    skipToContent: "Skip to content",
    standing: { ON_TARGET: "On target", AT_RISK: "At risk", BEHIND: "Behind" },
    projectStatus: {
      PLANNED: "Planned",
      STARTED: "Started",
      IN_PROGRESS: "In progress",
      COMPLETED: "Completed",
      ACCEPTED: "Accepted",
    },
  },
};
