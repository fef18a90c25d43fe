import { msg } from "@revita/messages";

/** The frame every page shares: navigation, region, year, figures. */
export const shellMessages = {
  brand: msg("乡村振兴监测", "Rural Revitalization Monitor"),
  languageSwitch: msg("English", "中文"),
  nav: {
    overview: msg("总览", "Overview"),
    projects: msg("项目", "Projects"),
    funds: msg("资金", "Funds"),
    indicators: msg("指标", "Indicators"),
    community: msg("社区服务", "Community"),
    mediation: msg("矛盾调解", "Mediation"),
    consultation: msg("协商议事", "Consultation"),
    cleaning: msg("村庄清洁", "Village cleaning"),
    households: msg("防返贫监测", "Households at risk"),
    dispatch: msg("调度督办", "Dispatch"),
    regions: msg("区划沿革", "Regions"),
    briefing: msg("简报", "Briefing"),
    dataEntry: msg("填报审核", "Data entry"),
    queryLab: msg("数据查询", "Query lab"),
  },
  region: msg("地区", "Region"),
  childRegions: msg("下级地区", "Regions below"),
  chooseChild: msg("进入下级地区…", "Go to a region below…"),
  chooseProvince: msg("切换省份…", "Switch province…"),
  year: msg("年度", "Year"),
  latestYear: msg<{ year: number }>("最新（{year}）", "Latest ({year})"),
  figures: {
    label: msg("数据口径", "Figures"),
    all: msg("全部填报数", "All reported"),
    approved: msg("仅已审核数", "Approved only"),
    published: msg("仅公开报道数", "Published only"),
    publishedNotice: msg(
      "仅显示有公开报道出处的记录：推算数、示例数据和用户录入的记录均已隐藏，不计入合计。",
      "Only records an article published are shown: derived, illustrative and user-entered records are hidden and not counted.",
    ),
  },
  noYears: msg("暂无年度数据", "No yearly data"),
  regionNotFound: msg<{ code: string }>("找不到区划代码为 {code} 的地区。", "No region has the division code {code}."),
  backToOverview: msg("返回岑巩县总览", "Back to the Cengong County overview"),
  networkFailure: msg("无法连接服务器：请检查网络后重试", "The server cannot be reached: check the connection and try again"),
  ownLevel: msg("本级", "Own level"),
} as const;
