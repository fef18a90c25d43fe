import type { ApprovalDataSet, ApprovalStatus, FundLevel, FundSourceType, Pillar } from "@revita/schema/types";
import type { Locale } from "@revita/ui/format/locale";

/**
 * Every word the dashboard shows, in both languages. The kit brings its own (table controls,
 * chart legends); names of regions, categories and indicators come from the API in both.
 * One interface for both languages, so a label missing in English fails the type check.
 */
export interface AppMessages {
  brand: string;
  languageSwitch: string;
  nav: Record<"overview" | "projects" | "funds" | "indicators" | "dataEntry" | "queryLab", string>;
  region: string;
  childRegions: string;
  chooseChild: string;
  chooseProvince: string;
  year: string;
  latestYear: (year: number) => string;
  /** Which figures: all reported, or only approved ones. */
  figures: { label: string; all: string; approved: string };
  noYears: string;
  regionNotFound: (code: string) => string;
  backToOverview: string;
  account: {
    signInTitle: string;
    signInIntro: string;
    username: string;
    password: string;
    signIn: string;
    signingIn: string;
    wrongPassword: string;
    locked: string;
    signOut: string;
    signedInAs: (name: string) => string;
    scope: string;
    capabilities: Record<"read" | "edit" | "approve" | "administer", string>;
    queriesFreely: string;
    outsideScope: (region: string) => string;
    backHome: (region: string) => string;
    queryLabRefused: string;
    changes: string;
    changesDescription: string;
    noChanges: string;
    when: string;
    who: string;
    what: string;
    actions: Record<"INSERT" | "UPDATE" | "DELETE", string>;
  };
  entry: {
    title: string;
    description: string;
    period: string;
    completedInvestment: string;
    physicalProgress: string;
    overBudgetReason: string;
    correctionReason: string;
    note: string;
    submit: string;
    submitting: string;
    saved: (period: string) => string;
    correcting: (period: string, version: number) => string;
    corrected: (period: string, version: number) => string;
  };
  projectEntry: {
    editTitle: string;
    editDescription: (version: number) => string;
    nameZh: string;
    status: string;
    statuses: Record<"PLANNED" | "STARTED" | "IN_PROGRESS" | "COMPLETED" | "ACCEPTED", string>;
    totalInvestment: string;
    plannedFinish: string;
    save: string;
    saved: (version: number) => string;
    allocateTitle: string;
    allocateDescription: string;
    fundCode: string;
    amount: string;
    allocatedOn: string;
    note: string;
    allocate: string;
    allocated: string;
    payTitle: string;
    payDescription: string;
    allocation: string;
    paidOn: string;
    voucherNo: string;
    pay: string;
    paid: string;
  };
  createProject: {
    title: string;
    description: string;
    code: string;
    category: string;
    region: string;
    plannedStart: string;
    parentCode: string;
    phaseNumber: string;
    notAPhase: string;
    phase: (n: number) => string;
    submit: string;
    created: (code: string) => string;
  };
  indicatorEntry: {
    title: string;
    description: string;
    period: string;
    value: string;
    target: string;
    baseline: string;
    note: string;
    submit: string;
    saved: (period: string) => string;
  };
  dataEntry: {
    title: (region: string) => string;
    importTitle: string;
    importIntro: string;
    kind: string;
    kinds: Record<"projects" | "progress" | "disbursements" | "indicator-values", string>;
    template: string;
    file: string;
    check: string;
    apply: string;
    checking: (rows: number) => string;
    checkedClean: (rows: number) => string;
    applied: (rows: number) => string;
    problemCount: (count: number, listed: number) => string;
    row: string;
    column: string;
    problem: string;
    wholeFile: string;
    mayNotEdit: string;
    exportTitle: string;
    exportIntro: string;
    approvalTitle: string;
    approvalIntro: string;
    dataSets: Record<ApprovalDataSet, string>;
    statuses: Record<ApprovalStatus, string>;
    period: string;
    comment: string;
    moves: Record<"submitData" | "approveData" | "returnData" | "reopenData", string>;
    noApprovals: string;
    submittedBy: string;
    decidedBy: string;
  };
  // Keyed by the schema's own enums: a value the API gains without a label fails the type check,
  // and the key order here is the order the dashboard lists them in.
  pillars: Record<Pillar, string>;
  sourceTypes: Record<FundSourceType, string>;
  fundLevels: Record<FundLevel, string>;
  ownLevel: string;
  overview: {
    title: (region: string) => string;
    projects: string;
    projectsDetail: (inProgress: number) => string;
    investment: string;
    investmentDetail: (completed: string, planned: string) => string;
    funds: string;
    fundsDetail: (disbursed: string, allocated: string) => string;
    indicators: string;
    indicatorsValue: (onTarget: number, withTarget: number) => string;
    indicatorsDetail: (year: number) => string;
    noTargets: string;
    investmentOverTime: string;
    investmentOverTimeDescription: (from: string, to: string) => string;
    byCategory: string;
    byChildRegion: string;
    byChildRegionDescription: string;
    behindSchedule: string;
    behindScheduleDescription: string;
    noneBehind: string;
    largestProjects: string;
    fundsBySource: string;
    scorecard: string;
    scorecardDescription: (year: number) => string;
    scoreLabel: string;
    pillarDetail: (onTarget: number, withTarget: number) => string;
    allProjects: string;
    remaining: string;
  };
  project: {
    code: string;
    name: string;
    category: string;
    status: string;
    region: string;
    totalInvestment: string;
    completedInvestment: string;
    progress: string;
    behind: string;
    asOf: (date: string) => string;
    plannedSchedule: string;
    actualSchedule: string;
    implementingUnit: string;
    deliveryModel: string;
    deliveryModels: Record<"GOVERNMENT" | "PPP" | "ENTERPRISE" | "COLLECTIVE", string>;
    phases: string;
    phase: (n: number) => string;
    phasesTotal: string;
    history: string;
    historyDescription: string;
    noReports: string;
    physicalProgress: string;
    funding: string;
    fund: string;
    allocatedOn: string;
    allocated: string;
    disbursed: string;
    disbursements: string;
    paymentsSummary: (count: number, lastPaidOn: string) => string;
    noAllocations: string;
    outputs: string;
    sites: string;
    source: string;
    partOf: string;
    notFound: (code: string) => string;
    period: string;
  };
  projects: {
    title: (region: string) => string;
    search: string;
    searchPlaceholder: string;
    statusFilter: string;
    categoryFilter: string;
    investmentFilter: string;
    order: string;
    orders: Record<"CODE" | "TOTAL_INVESTMENT_DESC" | "TOTAL_INVESTMENT_ASC" | "NAME", string>;
    empty: string;
    count: (shown: number, total: number) => string;
    loadMore: string;
    badAmount: (value: string) => string;
  };
  funds: {
    title: (region: string) => string;
    sourceFilter: string;
    byYear: string;
    bySource: string;
    byCategory: string;
    byChildRegion: string;
    list: string;
    name: string;
    source: string;
    level: string;
    year: string;
    amount: string;
    grade: string;
    notGraded: string;
    managedBy: string;
    empty: string;
    industryShare: string;
  };
  indicators: {
    title: (region: string) => string;
    indicator: string;
    choose: string;
    overTime: string;
    overTimeDescription: (from: number, to: number) => string;
    ranking: (year: number) => string;
    rankingDescription: string;
    noRanking: string;
    standing: (year: number) => string;
    noValue: string;
    reported: string;
    rolledUp: string;
    baseline: string;
    empty: string;
  };
  queryLab: {
    title: string;
    loading: string;
    openFull: string;
  };
}

export const APP_MESSAGES: Record<Locale, AppMessages> = {
  "zh-CN": {
    brand: "乡村振兴监测",
    languageSwitch: "English",
    nav: { overview: "总览", projects: "项目", funds: "资金", indicators: "指标", dataEntry: "填报审核", queryLab: "数据查询" },
    region: "地区",
    childRegions: "下级地区",
    chooseChild: "进入下级地区…",
    chooseProvince: "切换省份…",
    year: "年度",
    figures: { label: "数据口径", all: "全部填报数", approved: "仅已审核数" },
    latestYear: (year) => `最新（${year}）`,
    noYears: "暂无年度数据",
    regionNotFound: (code) => `找不到区划代码为 ${code} 的地区。`,
    backToOverview: "返回岑巩县总览",
    account: {
      signInTitle: "登录 Revita",
      signInIntro: "乡村振兴项目、资金与指标监测。请使用本单位分配的账号登录。",
      username: "用户名",
      password: "密码",
      signIn: "登录",
      signingIn: "正在登录…",
      wrongPassword: "用户名或密码不正确。",
      locked: "密码连续错误次数过多，账号已锁定 15 分钟；如需提前解锁，请联系管理员。",
      signOut: "退出登录",
      signedInAs: (name) => `当前用户：${name}`,
      scope: "我的权限",
      capabilities: { read: "查看", edit: "填报", approve: "审核", administer: "管理" },
      queriesFreely: "可使用数据查询",
      outsideScope: (region) => `${region}不在您的权限范围内。`,
      backHome: (region) => `返回${region}`,
      queryLabRefused: "数据查询仅向分析员和管理员开放。",
      changes: "修改记录",
      changesDescription: "本项目及其进度、产出、资金安排的每一次新增、修改和删除（管理员可见）。",
      noChanges: "暂无修改记录。",
      when: "时间",
      who: "操作人",
      what: "内容",
      actions: { INSERT: "新增", UPDATE: "修改", DELETE: "删除" },
    },
    entry: {
      title: "填报进度",
      description: "填写截至本期末的累计数。低于上期的累计数须说明更正原因；超过总投资须说明原因。",
      period: "填报期（月）",
      completedInvestment: "累计完成投资（元）",
      physicalProgress: "形象进度（%）",
      overBudgetReason: "超概算原因",
      correctionReason: "更正原因",
      note: "备注",
      submit: "提交",
      submitting: "正在提交…",
      saved: (period) => `已保存 ${period} 的进度。`,
      correcting: (period, version) => `${period} 已填报（第 ${version} 版）：提交即更正，须写更正原因；原数据会保留。`,
      corrected: (period, version) => `已更正 ${period} 的进度（第 ${version} 版）。`,
    },
    projectEntry: {
      editTitle: "修改项目信息",
      editDescription: (version) => `按页面上的第 ${version} 版修改；如他人已先修改，提交会被拒绝，请刷新后再改。`,
      nameZh: "项目名称",
      status: "项目状态",
      statuses: { PLANNED: "规划", STARTED: "开工", IN_PROGRESS: "在建", COMPLETED: "完工", ACCEPTED: "验收" },
      totalInvestment: "总投资（元）",
      plannedFinish: "计划完工日期",
      save: "保存修改",
      saved: (version) => `已保存（第 ${version} 版）。`,
      allocateTitle: "安排资金",
      allocateDescription: "从一笔资金中安排给本项目；一笔资金的安排总额不能超过资金总额。",
      fundCode: "资金编码",
      amount: "金额（元）",
      allocatedOn: "安排日期",
      note: "备注",
      allocate: "安排",
      allocated: "已安排。",
      payTitle: "登记拨付",
      payDescription: "按资金安排登记拨付；拨付总额不能超过安排金额。",
      allocation: "资金安排",
      paidOn: "拨付日期",
      voucherNo: "凭证号",
      pay: "登记",
      paid: "已登记拨付。",
    },
    createProject: {
      title: "新建项目",
      description: "项目编码须唯一；分期项目先建总项目，再填上级项目编码和期次建各期。金额写元，如 3500000。",
      code: "项目编码",
      category: "项目类别",
      region: "所属地区",
      plannedStart: "计划开工日期",
      parentCode: "上级项目编码（分期时填）",
      phaseNumber: "期次",
      notAPhase: "不分期",
      phase: (n) => `${"一二三四五六七八九十"[n - 1]}期`,
      submit: "新建",
      created: (code) => `已新建项目 ${code}。`,
    },
    indicatorEntry: {
      title: "填报指标",
      description: "本地区本指标某一期的数值，可同时填目标值和基期值。已上报或已审核的期不能再填。",
      period: "报告期",
      value: "数值",
      target: "目标值",
      baseline: "基期值",
      note: "备注",
      submit: "提交",
      saved: (period) => `已保存 ${period} 的数值。`,
    },
    dataEntry: {
      title: (region) => `${region} 数据填报与审核`,
      importTitle: "批量导入",
      importIntro:
        "先下载模板填写（CSV 或 Excel，UTF-8 或 GBK 均可；金额可写“1298万”“1.3亿”）。先“检查”，没有问题再“导入”：要么全部写入，要么一行都不写。",
      kind: "数据类型",
      kinds: { projects: "项目", progress: "项目进度", disbursements: "资金拨付", "indicator-values": "指标数据" },
      template: "模板",
      file: "文件",
      check: "检查",
      apply: "导入",
      checking: (rows) => `已读取 ${rows.toLocaleString("zh-CN")} 行…`,
      checkedClean: (rows) => `检查通过：${rows.toLocaleString("zh-CN")} 行可以导入。`,
      applied: (rows) => `已导入 ${rows.toLocaleString("zh-CN")} 行。`,
      problemCount: (count, listed) =>
        count > listed
          ? `发现 ${count.toLocaleString("zh-CN")} 个问题（下面列出前 ${listed} 个），未写入任何数据。`
          : `发现 ${count} 个问题，未写入任何数据。`,
      row: "行",
      column: "列",
      problem: "问题",
      wholeFile: "整个文件",
      mayNotEdit: "你没有本地区的填报权限，只能导出。",
      exportTitle: "导出",
      exportIntro: "导出本地区及下级地区的数据，列与导入模板相同，可修改后再导入。",
      approvalTitle: "上报与审核",
      approvalIntro: "填报员上报某期数据后即锁定；审核员审核通过或退回。已审核的数据须审核员重新打开才能更正。",
      dataSets: { PROGRESS: "项目进度", INDICATORS: "指标数据" },
      statuses: { SUBMITTED: "已上报", APPROVED: "已审核", RETURNED: "已退回" },
      period: "报告期",
      comment: "意见",
      moves: { submitData: "上报", approveData: "审核通过", returnData: "退回", reopenData: "重新打开" },
      noApprovals: "本地区还没有上报过数据。",
      submittedBy: "上报人",
      decidedBy: "审核人",
    },
    pillars: {
      INDUSTRY: "产业兴旺",
      ECOLOGY: "生态宜居",
      CIVILITY: "乡风文明",
      GOVERNANCE: "治理有效",
      PROSPERITY: "生活富裕",
      POVERTY_CONSOLIDATION: "巩固脱贫成果",
    },
    sourceTypes: {
      CENTRAL_BRIDGING: "中央衔接资金",
      FISCAL_SPECIAL: "财政专项",
      BANK_LOAN: "融资贷款",
      SELF_RAISED: "自筹",
      SOCIAL_CAPITAL: "社会资本",
      POVERTY_MICROCREDIT: "扶贫小额信贷",
      INDUSTRY_SUBSIDY: "产业奖补",
    },
    fundLevels: {
      CENTRAL: "中央",
      PROVINCIAL: "省级",
      PREFECTURE: "市州级",
      COUNTY: "县级",
      TOWNSHIP: "乡镇级",
      NON_GOVERNMENT: "非政府",
    },
    ownLevel: "本级",
    overview: {
      title: (region) => `${region}总览`,
      projects: "项目数",
      projectsDetail: (n) => `在建 ${n} 个`,
      investment: "投资完成率",
      investmentDetail: (completed, planned) => `完成 ${completed}，计划 ${planned}`,
      funds: "资金拨付率",
      fundsDetail: (disbursed, allocated) => `拨付 ${disbursed}，下达 ${allocated}`,
      indicators: "指标达标",
      indicatorsValue: (onTarget, withTarget) => `${onTarget} / ${withTarget}`,
      indicatorsDetail: (year) => `${year}年有目标值的指标`,
      noTargets: "无目标值",
      investmentOverTime: "累计投资",
      investmentOverTimeDescription: (from, to) => `${from}至${to}，计划与完成（累计）`,
      byCategory: "按项目类别",
      byChildRegion: "按下级地区",
      byChildRegionDescription: "点击柱形进入该地区",
      behindSchedule: "进度滞后项目",
      behindScheduleDescription: "形象进度落后时间进度超过10个百分点，按落后幅度排序",
      noneBehind: "没有进度滞后的项目。",
      largestProjects: "重点项目（按总投资）",
      fundsBySource: "资金来源：下达与拨付",
      scorecard: "五大振兴指标",
      scorecardDescription: (year) => `${year}年，各板块有目标值的指标达标比例`,
      scoreLabel: "达标比例",
      pillarDetail: (onTarget, withTarget) => `${onTarget}/${withTarget} 达标`,
      allProjects: "查看全部项目",
      remaining: "未完成",
    },
    project: {
      code: "项目编号",
      name: "项目名称",
      category: "类别",
      status: "状态",
      region: "所属地区",
      totalInvestment: "总投资",
      completedInvestment: "累计完成投资",
      progress: "投资完成率 / 形象进度",
      behind: "滞后",
      asOf: (date) => `截至 ${date}`,
      plannedSchedule: "计划工期",
      actualSchedule: "实际工期",
      implementingUnit: "实施单位",
      deliveryModel: "建设模式",
      deliveryModels: { GOVERNMENT: "政府投资", PPP: "PPP", ENTERPRISE: "企业投资", COLLECTIVE: "村集体" },
      phases: "分期",
      phase: (n) => `${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][n - 1] ?? n}期`,
      phasesTotal: "各期合计",
      history: "进度历程",
      historyDescription: "累计完成投资与形象进度，按报告期",
      noReports: "尚无进度报告。",
      physicalProgress: "形象进度",
      funding: "资金安排",
      fund: "资金",
      allocatedOn: "下达日期",
      allocated: "下达金额",
      disbursed: "已拨付",
      disbursements: "拨付笔数",
      paymentsSummary: (count, last) => `${count} 笔，最近 ${last}`,
      noAllocations: "尚无资金安排。",
      outputs: "建设内容与效益",
      sites: "涉及地区",
      source: "数据来源",
      partOf: "所属项目",
      notFound: (code) => `找不到编号为 ${code} 的项目。`,
      period: "报告期",
    },
    projects: {
      title: (region) => `${region}项目`,
      search: "搜索",
      searchPlaceholder: "名称、拼音或编号",
      statusFilter: "状态",
      categoryFilter: "类别",
      investmentFilter: "总投资",
      order: "排序",
      orders: { CODE: "按编号", TOTAL_INVESTMENT_DESC: "总投资从大到小", TOTAL_INVESTMENT_ASC: "总投资从小到大", NAME: "按名称" },
      empty: "没有符合条件的项目。",
      count: (shown, total) => `显示 ${shown} / 共 ${total} 个项目`,
      loadMore: "加载更多",
      badAmount: (value) => `“${value}”不是金额：请填写元，例如 1000000`,
    },
    funds: {
      title: (region) => `${region}资金`,
      sourceFilter: "资金来源",
      byYear: "按年度：下达与拨付",
      bySource: "按来源：下达与拨付",
      byCategory: "资金投向：按项目类别",
      byChildRegion: "按管理地区",
      list: "资金明细",
      name: "资金名称",
      source: "来源",
      level: "层级",
      year: "年度",
      amount: "资金规模",
      grade: "绩效评价",
      notGraded: "未评价",
      managedBy: "管理地区",
      empty: "该地区暂无资金记录。",
      industryShare: "产业项目占比",
    },
    indicators: {
      title: (region) => `${region}指标`,
      indicator: "指标",
      choose: "选择指标",
      overTime: "历年变化",
      overTimeDescription: (from, to) => `${from}—${to}年`,
      ranking: (year) => `${year}年下级地区排名`,
      rankingDescription: "按指标方向排序，虚线为目标值",
      noRanking: "下级地区没有该指标的数值。",
      standing: (year) => `${year}年`,
      noValue: "该年度没有数值。",
      reported: "本级填报",
      rolledUp: "由下级汇总",
      baseline: "基期值",
      empty: "该地区暂无指标数据。",
    },
    queryLab: {
      title: "数据查询",
      loading: "正在加载查询编辑器…",
      openFull: "在新窗口打开",
    },
  },
  en: {
    brand: "Rural Revitalization Monitor",
    languageSwitch: "中文",
    nav: {
      overview: "Overview",
      projects: "Projects",
      funds: "Funds",
      indicators: "Indicators",
      dataEntry: "Data entry",
      queryLab: "Query lab",
    },
    region: "Region",
    childRegions: "Regions below",
    chooseChild: "Go to a region below…",
    chooseProvince: "Switch province…",
    year: "Year",
    figures: { label: "Figures", all: "All reported", approved: "Approved only" },
    latestYear: (year) => `Latest (${year})`,
    noYears: "No yearly data",
    regionNotFound: (code) => `No region has the division code ${code}.`,
    backToOverview: "Back to the Cengong County overview",
    account: {
      signInTitle: "Sign in to Revita",
      signInIntro: "Rural revitalization projects, funds and indicators. Sign in with the account your office gave you.",
      username: "Username",
      password: "Password",
      signIn: "Sign in",
      signingIn: "Signing in…",
      wrongPassword: "Wrong username or password.",
      locked: "Too many wrong passwords: the account is locked for 15 minutes. Ask an administrator to unlock it sooner.",
      signOut: "Sign out",
      signedInAs: (name) => `Signed in as ${name}`,
      scope: "My access",
      capabilities: { read: "View", edit: "Enter data", approve: "Approve", administer: "Administer" },
      queriesFreely: "May use the query lab",
      outsideScope: (region) => `${region} is outside the regions you may view.`,
      backHome: (region) => `Back to ${region}`,
      queryLabRefused: "The query lab is for analysts and administrators.",
      changes: "Changes",
      changesDescription:
        "Every addition, change and deletion of this project, its reports, outputs and allocations (administrators only).",
      noChanges: "No changes recorded.",
      when: "When",
      who: "Who",
      what: "What",
      actions: { INSERT: "Added", UPDATE: "Changed", DELETE: "Deleted" },
    },
    entry: {
      title: "Report progress",
      description:
        "Cumulative figures to the end of the period. A figure below last period's needs a correction reason; above the total investment, a reason too.",
      period: "Period (month)",
      completedInvestment: "Completed investment, cumulative (yuan)",
      physicalProgress: "Physical progress (%)",
      overBudgetReason: "Over-budget reason",
      correctionReason: "Correction reason",
      note: "Note",
      submit: "Submit",
      submitting: "Submitting…",
      saved: (period) => `Progress for ${period} saved.`,
      correcting: (period, version) =>
        `${period} is already reported (version ${version}): submitting corrects it and needs a correction reason; the earlier figures are kept.`,
      corrected: (period, version) => `Progress for ${period} corrected (version ${version}).`,
    },
    projectEntry: {
      editTitle: "Edit the project",
      editDescription: (version) =>
        `Changes version ${version}, as shown; if someone changed it since, the change is refused: reload and edit again.`,
      nameZh: "Chinese name",
      status: "Status",
      statuses: {
        PLANNED: "Planned",
        STARTED: "Started",
        IN_PROGRESS: "In progress",
        COMPLETED: "Completed",
        ACCEPTED: "Accepted",
      },
      totalInvestment: "Total investment (yuan)",
      plannedFinish: "Planned finish",
      save: "Save",
      saved: (version) => `Saved (version ${version}).`,
      allocateTitle: "Allocate funds",
      allocateDescription: "Part of a fund for this project; a fund's allocations never exceed the fund.",
      fundCode: "Fund code",
      amount: "Amount (yuan)",
      allocatedOn: "Allocated on",
      note: "Note",
      allocate: "Allocate",
      allocated: "Allocated.",
      payTitle: "Record a payment",
      payDescription: "A payment against an allocation; payments never exceed the allocation.",
      allocation: "Allocation",
      paidOn: "Paid on",
      voucherNo: "Voucher no.",
      pay: "Record",
      paid: "Payment recorded.",
    },
    createProject: {
      title: "New project",
      description:
        "A project code is unique. For a project built in phases, create the whole project first, then each phase with its parent's code and number. Amounts in yuan, e.g. 3500000.",
      code: "Project code",
      category: "Category",
      region: "Region",
      plannedStart: "Planned start",
      parentCode: "Parent project code (for a phase)",
      phaseNumber: "Phase",
      notAPhase: "Not a phase",
      phase: (n) => `Phase ${n}`,
      submit: "Create",
      created: (code) => `Project ${code} created.`,
    },
    indicatorEntry: {
      title: "Enter a value",
      description:
        "This indicator's value for this region and a period, with its target and baseline. Submitted or approved periods are closed.",
      period: "Period",
      value: "Value",
      target: "Target",
      baseline: "Baseline",
      note: "Note",
      submit: "Submit",
      saved: (period) => `Value for ${period} saved.`,
    },
    dataEntry: {
      title: (region) => `${region}: data entry and approval`,
      importTitle: "Import a file",
      importIntro:
        "Fill in the template (CSV or Excel, UTF-8 or GBK; amounts may be written 1298万 or 1.3亿). Check first, then import: either every row is written or none.",
      kind: "Data",
      kinds: {
        projects: "Projects",
        progress: "Project progress",
        disbursements: "Payments",
        "indicator-values": "Indicator values",
      },
      template: "Template",
      file: "File",
      check: "Check",
      apply: "Import",
      checking: (rows) => `${rows.toLocaleString("en")} rows read…`,
      checkedClean: (rows) => `No problems: ${rows.toLocaleString("en")} rows can be imported.`,
      applied: (rows) => `${rows.toLocaleString("en")} rows imported.`,
      problemCount: (count, listed) =>
        count > listed
          ? `${count.toLocaleString("en")} problems (the first ${listed} below); nothing was written.`
          : `${count} problems; nothing was written.`,
      row: "Row",
      column: "Column",
      problem: "Problem",
      wholeFile: "whole file",
      mayNotEdit: "You may not enter data for this region; you may export it.",
      exportTitle: "Export",
      exportIntro:
        "The data of this region and the regions below it, in the import template's columns: edit and import it again.",
      approvalTitle: "Submission and approval",
      approvalIntro:
        "Once editors submit a period's data it is locked; an approver approves or returns it. Approved data can be corrected only after an approver reopens it.",
      dataSets: { PROGRESS: "Project progress", INDICATORS: "Indicator values" },
      statuses: { SUBMITTED: "Submitted", APPROVED: "Approved", RETURNED: "Returned" },
      period: "Period",
      comment: "Comment",
      moves: { submitData: "Submit", approveData: "Approve", returnData: "Return", reopenData: "Reopen" },
      noApprovals: "Nothing has been submitted for this region yet.",
      submittedBy: "Submitted by",
      decidedBy: "Decided by",
    },
    pillars: {
      INDUSTRY: "Thriving industry",
      ECOLOGY: "Liveable ecology",
      CIVILITY: "Civility",
      GOVERNANCE: "Effective governance",
      PROSPERITY: "Prosperity",
      POVERTY_CONSOLIDATION: "Poverty gains kept",
    },
    sourceTypes: {
      CENTRAL_BRIDGING: "Central bridging funds",
      FISCAL_SPECIAL: "Special fiscal funds",
      BANK_LOAN: "Bank loans",
      SELF_RAISED: "Self-raised",
      SOCIAL_CAPITAL: "Social capital",
      POVERTY_MICROCREDIT: "Poverty micro-credit",
      INDUSTRY_SUBSIDY: "Industry subsidies",
    },
    fundLevels: {
      CENTRAL: "Central",
      PROVINCIAL: "Provincial",
      PREFECTURE: "Prefecture",
      COUNTY: "County",
      TOWNSHIP: "Township",
      NON_GOVERNMENT: "Non-government",
    },
    ownLevel: "Own level",
    overview: {
      title: (region) => `${region} overview`,
      projects: "Projects",
      projectsDetail: (n) => `${n} under construction`,
      investment: "Investment completed",
      investmentDetail: (completed, planned) => `${completed} of ${planned} planned`,
      funds: "Funds disbursed",
      fundsDetail: (disbursed, allocated) => `${disbursed} of ${allocated} allocated`,
      indicators: "Indicators on target",
      indicatorsValue: (onTarget, withTarget) => `${onTarget} of ${withTarget}`,
      indicatorsDetail: (year) => `indicators with a target in ${year}`,
      noTargets: "No targets",
      investmentOverTime: "Cumulative investment",
      investmentOverTimeDescription: (from, to) => `${from} to ${to}, planned and completed (cumulative)`,
      byCategory: "By project category",
      byChildRegion: "By region below",
      byChildRegionDescription: "Click a bar to open that region",
      behindSchedule: "Projects behind schedule",
      behindScheduleDescription: "Progress more than 10 points behind the schedule, furthest behind first",
      noneBehind: "No project is behind schedule.",
      largestProjects: "Key projects (by total investment)",
      fundsBySource: "Funds by source: allocated and disbursed",
      scorecard: "Five-pillar scorecard",
      scorecardDescription: (year) => `${year}: share of the indicators with a target that meet it, per pillar`,
      scoreLabel: "On target",
      pillarDetail: (onTarget, withTarget) => `${onTarget} of ${withTarget} on target`,
      allProjects: "All projects",
      remaining: "Remaining",
    },
    project: {
      code: "Code",
      name: "Project",
      category: "Category",
      status: "Status",
      region: "Region",
      totalInvestment: "Total investment",
      completedInvestment: "Completed investment",
      progress: "Investment completion / physical progress",
      behind: "Behind",
      asOf: (date) => `as of ${date}`,
      plannedSchedule: "Planned schedule",
      actualSchedule: "Actual schedule",
      implementingUnit: "Implementing unit",
      deliveryModel: "Delivery model",
      deliveryModels: { GOVERNMENT: "Government", PPP: "PPP", ENTERPRISE: "Enterprise", COLLECTIVE: "Village collective" },
      phases: "Phases",
      phase: (n) => `Phase ${n}`,
      phasesTotal: "All phases",
      history: "Progress history",
      historyDescription: "Completed investment and physical progress by reporting period",
      noReports: "No progress reports yet.",
      physicalProgress: "Physical progress",
      funding: "Funding",
      fund: "Fund",
      allocatedOn: "Allocated on",
      allocated: "Allocated",
      disbursed: "Disbursed",
      disbursements: "Payments",
      paymentsSummary: (count, last) => `${count}, the latest on ${last}`,
      noAllocations: "No money allocated yet.",
      outputs: "Outputs",
      sites: "Sites",
      source: "Source",
      partOf: "Part of",
      notFound: (code) => `No project has the code ${code}.`,
      period: "Period",
    },
    projects: {
      title: (region) => `${region}: projects`,
      search: "Search",
      searchPlaceholder: "Name, pinyin or code",
      statusFilter: "Status",
      categoryFilter: "Category",
      investmentFilter: "Total investment",
      order: "Order",
      orders: {
        CODE: "By code",
        TOTAL_INVESTMENT_DESC: "Largest first",
        TOTAL_INVESTMENT_ASC: "Smallest first",
        NAME: "By name",
      },
      empty: "No project matches these filters.",
      count: (shown, total) => `Showing ${shown} of ${total} projects`,
      loadMore: "Load more",
      badAmount: (value) => `"${value}" is not an amount: give yuan, e.g. 1000000`,
    },
    funds: {
      title: (region) => `${region}: funds`,
      sourceFilter: "Source",
      byYear: "By year: allocated and disbursed",
      bySource: "By source: allocated and disbursed",
      byCategory: "Where the money went: by project category",
      byChildRegion: "By managing region",
      list: "Funds",
      name: "Fund",
      source: "Source",
      level: "Level",
      year: "Year",
      amount: "Amount",
      grade: "Performance grade",
      notGraded: "Not graded",
      managedBy: "Managed by",
      empty: "No funds are recorded for this region.",
      industryShare: "Share to industry",
    },
    indicators: {
      title: (region) => `${region}: indicators`,
      indicator: "Indicator",
      choose: "Choose an indicator",
      overTime: "Over time",
      overTimeDescription: (from, to) => `${from}–${to}`,
      ranking: (year) => `Regions below, ranked, ${year}`,
      rankingDescription: "Best first by the indicator's direction; the dashed line is the target",
      noRanking: "No region below has a value for this indicator.",
      standing: (year) => `${year}`,
      noValue: "No value for this year.",
      reported: "Reported",
      rolledUp: "Rolled up from below",
      baseline: "Baseline",
      empty: "No indicator values are recorded for this region.",
    },
    queryLab: {
      title: "Query lab",
      loading: "Loading the query editor…",
      openFull: "Open in a new window",
    },
  },
};
