import { msg } from "@revita/messages";

/** File imports, exports and the approval workflow. */
export const dataEntryMessages = {
  dataEntry: {
    title: msg<{ region: string }>("{region} 数据填报与审核", "{region}: data entry and approval"),
    importTitle: msg("批量导入", "Import a file"),
    importIntro: msg(
      "先下载模板填写（CSV 或 Excel，UTF-8 或 GBK 均可；金额可写“1298万”“1.3亿”）。先“检查”，没有问题再“导入”：要么全部写入，要么一行都不写。",
      "Fill in the template (CSV or Excel, UTF-8 or GBK; amounts may be written 1298万 or 1.3亿). Check first, then import: either every row is written or none.",
    ),
    kind: msg("数据类型", "Data"),
    kinds: {
      projects: msg("项目", "Projects"),
      progress: msg("项目进度", "Project progress"),
      funds: msg("资金", "Funds"),
      "fund-allocations": msg("资金安排", "Fund allocations"),
      disbursements: msg("资金拨付", "Payments"),
      "indicator-values": msg("指标数据", "Indicator values"),
      "party-members": msg("下沉党员（资源清单）", "Party members (resource list)"),
      "community-needs": msg("需求清单与微心愿", "Needs and micro-wishes"),
      "mediation-cases": msg("矛盾纠纷调解台账", "Mediation ledger"),
      "cleaning-inspections": msg("村庄清洁检查评分表", "Village-cleaning inspections"),
      households: msg("防返贫监测对象", "Monitored households"),
    },
    template: msg("模板", "Template"),
    file: msg("文件", "File"),
    check: msg("检查", "Check"),
    apply: msg("导入", "Import"),
    checking: msg<{ rows: number }>("已读取 {rows, number} 行…", "{rows, plural, one {# row} other {# rows}} read…"),
    checkedClean: msg<{ rows: number }>(
      "检查通过：{rows, number} 行可以导入。",
      "No problems: {rows, plural, one {# row} other {# rows}} can be imported.",
    ),
    applied: msg<{ rows: number }>("已导入 {rows, number} 行。", "{rows, plural, one {# row} other {# rows}} imported."),
    /** `cut` is "yes" when more problems were found than are listed. */
    notices: msg("读取说明", "How the file was read"),
    problemCount: msg<{ count: number; listed: number; cut: "yes" | "no" }>(
      "发现 {count, number} 个问题{cut, select, yes {（下面列出前 {listed, number} 个）} other {}}，未写入任何数据。",
      "{count, plural, one {# problem} other {# problems}}{cut, select, yes { (the first {listed, number} below)} other {}}; nothing was written.",
    ),
    row: msg("行", "Row"),
    column: msg("列", "Column"),
    problem: msg("问题", "Problem"),
    wholeFile: msg("整个文件", "whole file"),
    mayNotEdit: msg("你没有本地区的填报权限，只能导出。", "You may not enter data for this region; you may export it."),
    exportTitle: msg("导出", "Export"),
    exportIntro: msg(
      "导出本地区及下级地区的数据，列与导入模板相同，可修改后再导入。",
      "The data of this region and the regions below it, in the import template's columns: edit and import it again.",
    ),
    approvalTitle: msg("上报与审核", "Submission and approval"),
    approvalIntro: msg(
      "填报员上报某期数据后即锁定；审核员审核通过或退回。已审核的数据须审核员重新打开才能更正。",
      "Once editors submit a period's data it is locked; an approver approves or returns it. Approved data can be corrected only after an approver reopens it.",
    ),
    dataSets: {
      PROGRESS: msg("项目进度", "Project progress"),
      INDICATORS: msg("指标数据", "Indicator values"),
      COMMUNITY_SERVICE: msg("社区服务考核（记录卡与评分）", "Community service (cards and scores)"),
    },
    statuses: {
      SUBMITTED: msg("已上报", "Submitted"),
      APPROVED: msg("已审核", "Approved"),
      RETURNED: msg("已退回", "Returned"),
    },
    period: msg("报告期", "Period"),
    comment: msg("意见", "Comment"),
    moves: {
      submitData: msg("上报", "Submit"),
      approveData: msg("审核通过", "Approve"),
      returnData: msg("退回", "Return"),
      reopenData: msg("重新打开", "Reopen"),
    },
    noApprovals: msg("本地区还没有上报过数据。", "Nothing has been submitted for this region yet."),
    submittedBy: msg("上报人", "Submitted by"),
    decidedBy: msg("审核人", "Decided by"),
  },
} as const;
