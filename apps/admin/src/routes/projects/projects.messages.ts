import { msg } from "@revita/messages";

/** The projects list and the new-project form. */
export const projectsMessages = {
  projects: {
    title: msg<{ region: string }>("{region}项目", "{region}: projects"),
    search: msg("搜索", "Search"),
    searchPlaceholder: msg("名称、拼音或编号", "Name, pinyin or code"),
    statusFilter: msg("状态", "Status"),
    categoryFilter: msg("类别", "Category"),
    investmentFilter: msg("总投资", "Total investment"),
    order: msg("排序", "Order"),
    orders: {
      CODE: msg("按编号", "By code"),
      TOTAL_INVESTMENT_DESC: msg("总投资从大到小", "Largest first"),
      TOTAL_INVESTMENT_ASC: msg("总投资从小到大", "Smallest first"),
      NAME: msg("按名称", "By name"),
    },
    empty: msg("没有符合条件的项目。", "No project matches these filters."),
    count: msg<{ shown: number; total: number }>(
      "显示 {shown, number} / 共 {total, number} 个项目",
      "Showing {shown, number} of {total, plural, one {# project} other {# projects}}",
    ),
    loadMore: msg("加载更多", "Load more"),
    badAmount: msg<{ value: string }>(
      "“{value}”不是金额：请填写元，例如 1000000",
      '"{value}" is not an amount: give yuan, e.g. 1000000',
    ),
  },
  createProject: {
    title: msg("新建项目", "New project"),
    description: msg(
      "项目编码须唯一；分期项目先建总项目，再填上级项目编码和期次建各期。金额写元，如 3500000。",
      "A project code is unique. For a project built in phases, create the whole project first, then each phase with its parent's code and number. Amounts in yuan, e.g. 3500000.",
    ),
    code: msg("项目编码", "Project code"),
    category: msg("项目类别", "Category"),
    region: msg("所属地区", "Region"),
    plannedStart: msg("计划开工日期", "Planned start"),
    parentCode: msg("上级项目编码（分期时填）", "Parent project code (for a phase)"),
    phaseNumber: msg("期次", "Phase"),
    notAPhase: msg("不分期", "Not a phase"),
    phase: msg<{ n: number }>(
      "{n, select, 1 {一期} 2 {二期} 3 {三期} 4 {四期} 5 {五期} 6 {六期} 7 {七期} 8 {八期} 9 {九期} 10 {十期} other {第{n}期}}",
      "Phase {n}",
    ),
    submit: msg("新建", "Create"),
    created: msg<{ code: string }>("已新建项目 {code}。", "Project {code} created."),
  },
} as const;
