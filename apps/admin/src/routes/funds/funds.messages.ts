import { msg } from "@revita/messages";

/** The funds page. */
export const fundsMessages = {
  funds: {
    title: msg<{ region: string }>("{region}资金", "{region}: funds"),
    sourceFilter: msg("资金来源", "Source"),
    byYear: msg("按年度：下达与拨付", "By year: allocated and disbursed"),
    bySourceInYear: msg<{ year: number }>("{year}年按来源：下达与拨付", "{year} by source: allocated and disbursed"),
    byCategoryInYear: msg<{ year: number }>("{year}年资金投向：按项目类别", "{year}: where the money went, by project category"),
    byChildRegionInYear: msg<{ year: number }>("{year}年按管理地区", "{year} by managing region"),
    list: msg("资金明细", "Funds"),
    name: msg("资金名称", "Fund"),
    source: msg("来源", "Source"),
    level: msg("层级", "Level"),
    year: msg("年度", "Year"),
    amount: msg("资金规模", "Amount"),
    grade: msg("绩效评价", "Performance grade"),
    notGraded: msg("未评价", "Not graded"),
    managedBy: msg("管理地区", "Managed by"),
    empty: msg("该地区暂无资金记录。", "No funds are recorded for this region."),
    industryShare: msg("产业项目占比", "Share to industry"),
  },
} as const;
