import { ARTICLES, cite } from "./articles.js";
import type { DemoDataset, DemoProject } from "./dataset.js";
import { demoRegionCode } from "./regions.js";

/**
 * Jingzhou, Hubei [seeds/000, 001, 002, 004]: Jingzhou District's 2023 results, Jianli's two
 * villages, the city-wide 2020 figures and the Development Zone's party members.
 *
 * The articles give Jingzhou District's bridging funds only as a five-year total (≈4.97亿元,
 * at least 65% to industry). Which projects received them, and their sizes, are not
 * published: the projects below are the ones the articles name, with demo amounts chosen so
 * that the allocations add up to the published total and exactly 65% go to industry.
 */
const SOURCE = cite(ARTICLES.jingzhouBridging);
const DEMO_FIGURES = "金额与进度为演示数据";
const DEMO_AMOUNTS = `${DEMO_FIGURES}；项目名称见当地报道`;
const district = demoRegionCode("荆州区");
const jianli = demoRegionCode("监利市");
const jingzhouCity = demoRegionCode("荆州市");
const zone = demoRegionCode("荆州经济技术开发区");
const AGRICULTURE_BUREAU = "荆州区农业农村局";

interface JingzhouProjectSpec {
  code: string;
  nameZh: string;
  nameEn: string;
  categoryCode: string;
  regionCode: string;
  total: string;
  /** From the five-year bridging envelope. */
  bridging: string;
  completed: string;
  progress: string;
  outputs?: DemoProject["outputs"];
  /** What else of the record is illustrative, beyond its amounts and progress. */
  alsoIllustrative?: string;
}

const JINGZHOU_PROJECTS: JingzhouProjectSpec[] = [
  // Industry: 323,050,000 of 497,000,000 = 65%.
  {
    code: "JZQ-LY-TLG",
    nameZh: "铜铃岗森林水世界",
    nameEn: "Tonglinggang forest water world",
    categoryCode: "RURAL_TOURISM",
    regionCode: district,
    total: "120000000",
    bridging: "80000000",
    completed: "102000000",
    progress: "88",
  },
  {
    code: "JZQ-LY-QSMS",
    nameZh: "浅山森林美术公园",
    nameEn: "Qianshan forest art park",
    categoryCode: "RURAL_TOURISM",
    regionCode: district,
    total: "90000000",
    bridging: "70000000",
    completed: "81000000",
    progress: "92",
  },
  {
    code: "JZQ-LY-LYH",
    nameZh: "龙隐湖滨水民宿园",
    nameEn: "Longyin lakeside homestay park",
    categoryCode: "RURAL_TOURISM",
    regionCode: district,
    total: "75000000",
    bridging: "60000000",
    completed: "52500000",
    progress: "70",
  },
  {
    code: "JZQ-LY-MX",
    nameZh: "瞄象农事体验园",
    nameEn: "Miaoxiang farming experience park",
    categoryCode: "RURAL_TOURISM",
    regionCode: district,
    total: "60000000",
    bridging: "50000000",
    completed: "60000000",
    progress: "100",
  },
  {
    code: "JZQ-CY-SDLJD",
    nameZh: "双垱村梨产业基地",
    nameEn: "Shuangdang village pear base",
    categoryCode: "CHARACTERISTIC_INDUSTRY",
    regionCode: demoRegionCode("双垱村"),
    total: "8000000",
    bridging: "6000000",
    completed: "8000000",
    progress: "100",
    outputs: [
      { metric: "LAND_AREA", quantity: "100", unit: "亩" },
      { metric: "ANNUAL_OUTPUT", quantity: "120000", unit: "斤", note: "约12万斤" },
    ],
  },
  {
    code: "JZQ-CY-CDCYY",
    nameZh: "川店镇特色种养产业园",
    nameEn: "Chuandian characteristic farming park",
    categoryCode: "CHARACTERISTIC_INDUSTRY",
    regionCode: demoRegionCode("川店镇"),
    total: "70000000",
    bridging: "57050000",
    completed: "49000000",
    progress: "68",
    // The article names 川店镇's villages and industries, not a park: the project is illustrative.
    alsoIllustrative: "项目为示意：文章未载此园区，仅载川店镇及其村庄",
  },
  // Other projects: 173,950,000.
  {
    code: "JZQ-SL-TEPL",
    nameZh: "天鹅村三角洲排涝工程",
    nameEn: "Tian'e village delta drainage",
    categoryCode: "FARMLAND_WATER",
    regionCode: demoRegionCode("天鹅村"),
    total: "12000000",
    bridging: "10000000",
    completed: "12000000",
    progress: "100",
    outputs: [
      { metric: "LAND_AREA", quantity: "500", unit: "亩", note: "三角洲排涝面积" },
      { metric: "CHANNEL_LENGTH", quantity: "2", unit: "公里" },
      { metric: "FACILITIES", quantity: "1", unit: "座", note: "泵站" },
    ],
  },
  {
    code: "JZQ-WS-2023",
    nameZh: "2023年农村生活污水治理（粪污一体化站点、微动力站点）",
    nameEn: "2023 rural sewage works (integrated and micro-power stations)",
    categoryCode: "SEWAGE",
    regionCode: district,
    total: "30000000",
    bridging: "25000000",
    completed: "30000000",
    progress: "100",
    outputs: [{ metric: "FACILITIES", quantity: "11", unit: "个", note: "粪污一体化站点5个、微动力站点6个" }],
  },
  {
    code: "JZQ-AZ-4C",
    nameZh: "安置房建设（4个村）",
    nameEn: "Resettlement housing in 4 villages",
    categoryCode: "HOUSING",
    regionCode: district,
    total: "110000000",
    bridging: "100000000",
    completed: "93500000",
    progress: "85",
    alsoIllustrative: "342套、282户见当地报道；资金来源（衔接资金）为示意",
    outputs: [
      { metric: "HOUSING_UNITS", quantity: "342", unit: "套" },
      { metric: "HOUSEHOLDS", quantity: "282", unit: "户" },
    ],
  },
  {
    code: "JZQ-MR-ZXC",
    nameZh: "张新场村美丽乡村示范村建设",
    nameEn: "Zhangxinchang model village",
    categoryCode: "VILLAGE_RENOVATION",
    regionCode: demoRegionCode("张新场村"),
    total: "45000000",
    bridging: "38950000",
    completed: "45000000",
    progress: "100",
  },
];

const jingzhouProjects: DemoProject[] = JINGZHOU_PROJECTS.map((spec) => ({
  code: spec.code,
  nameZh: spec.nameZh,
  nameEn: spec.nameEn,
  categoryCode: spec.categoryCode,
  status: spec.progress === "100" ? "COMPLETED" : "IN_PROGRESS",
  regionCode: spec.regionCode,
  implementingUnit: AGRICULTURE_BUREAU,
  totalInvestment: spec.total,
  plannedStart: "2021-03-01",
  plannedFinish: "2024-06-30",
  actualStart: "2021-03-01",
  source: spec.alsoIllustrative ? `${DEMO_FIGURES}；${spec.alsoIllustrative}` : DEMO_AMOUNTS,
  sourceKind: "ILLUSTRATIVE" as const,
  ...(spec.outputs ? { outputs: spec.outputs } : {}),
  history: { from: "2021-03", to: "2023-12", completed: spec.completed, progress: spec.progress },
}));

const v2023 = (indicatorCode: string, value: string, extra: { target?: string; note?: string; regionCode?: string } = {}) => ({
  indicatorCode,
  regionCode: extra.regionCode ?? district,
  period: "2023",
  value,
  ...(extra.target ? { target: extra.target } : {}),
  ...(extra.note ? { note: extra.note } : {}),
  source: SOURCE,
  sourceKind: "PUBLISHED" as const,
});

const wuqiao = demoRegionCode("吴桥村");
const qingshui = demoRegionCode("清水村");
const WUQIAO_SOURCE = cite(ARTICLES.wuqiao);
const QINGSHUI_SOURCE = cite(ARTICLES.qingshui);
const CITY_SOURCE = cite(ARTICLES.jingzhouCity);
const RAMIE_SOURCE = cite(ARTICLES.ramieAssociation, "截至2021年底");

export const JINGZHOU: DemoDataset = {
  organizations: [
    { name: AGRICULTURE_BUREAU, kind: "GOVERNMENT_AGENCY", regionCode: district },
    { name: "监利市众森苗木种植专业合作社", kind: "COOPERATIVE", regionCode: wuqiao },
  ],
  projects: [
    ...jingzhouProjects,
    {
      code: "JL-WQ-MMJD",
      nameZh: "吴桥苗木种植基地（众森苗木种植专业合作社）",
      nameEn: "Wuqiao seedling base (Zhongsen seedling cooperative)",
      categoryCode: "CHARACTERISTIC_INDUSTRY",
      status: "COMPLETED",
      deliveryModel: "COLLECTIVE",
      regionCode: wuqiao,
      implementingUnit: "监利市众森苗木种植专业合作社",
      totalInvestment: "600000",
      plannedStart: "2017-03-01",
      plannedFinish: "2017-12-31",
      actualStart: "2017-03-01",
      actualFinish: "2017-12-31",
      source: `${WUQIAO_SOURCE}；以扶贫项目资金60万元建立，总投资按此计`,
      sourceKind: "DERIVED",
      history: { from: "2017-03", to: "2017-12", completed: "600000", progress: "100" },
    },
  ],
  funds: [
    {
      code: "JZQ-F-2019-2023-XJ",
      nameZh: "荆州区衔接资金（2019—2023年）",
      sourceType: "CENTRAL_BRIDGING",
      level: "CENTRAL",
      startYear: 2019,
      year: 2023,
      regionCode: district,
      amount: "497000000",
      note: "近五年累计约4.97亿元，中央衔接资金用于产业项目比例不低于65%；资金绩效评价A类",
      source: SOURCE,
      sourceKind: "PUBLISHED",
      evaluations: [
        {
          year: 2023,
          grade: "A",
          // The article reports the province's notice of the 2023 check, not its date.
          evaluatedOn: "2024-03-31",
          evaluator: "湖北省（2023年度全省巩固拓展脱贫攻坚成果同乡村振兴有效衔接专项检查）",
          note: "等次见报道（衔接资金绩效评价获得A类等次）；评价日期未见报道，记为通报年度一季度末",
          source: SOURCE,
          sourceKind: "DERIVED",
        },
      ],
      allocations: JINGZHOU_PROJECTS.map((spec) => ({
        projectCode: spec.code,
        amount: spec.bridging,
        allocatedOn: "2021-02-01",
        note: "安排金额为演示数据",
        sourceKind: "ILLUSTRATIVE" as const,
        // Demo payments: 90% of each allocation, paid over the projects' build.
        disbursed: { total: ((BigInt(spec.bridging) * 9n) / 10n).toString(), from: "2021-03", to: "2023-12" },
      })),
    },
    {
      code: "JZQ-F-2019-2023-SHZB",
      nameZh: "撬动社会资本（2019—2023年）",
      sourceType: "SOCIAL_CAPITAL",
      level: "NON_GOVERNMENT",
      startYear: 2019,
      year: 2023,
      regionCode: district,
      amount: "1000000000",
      note: "撬动社会资本超过10亿元",
      source: SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      code: "JZQ-F-2023-CYJB",
      nameZh: "产业奖补资金",
      sourceType: "INDUSTRY_SUBSIDY",
      level: "COUNTY",
      year: 2023,
      regionCode: district,
      amount: "220000",
      source: SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      code: "JZQ-F-2023-XEXD",
      nameZh: "扶贫小额信贷",
      sourceType: "POVERTY_MICROCREDIT",
      level: "NON_GOVERNMENT",
      year: 2023,
      regionCode: district,
      amount: "18479000",
      source: SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      code: "JL-F-2017-FPXM",
      nameZh: "吴桥村扶贫项目资金",
      sourceType: "FISCAL_SPECIAL",
      level: "COUNTY",
      year: 2017,
      regionCode: jianli,
      amount: "600000",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
      allocations: [
        {
          projectCode: "JL-WQ-MMJD",
          sourceKind: "PUBLISHED",
          amount: "600000",
          allocatedOn: "2017-03-01",
          disbursed: { total: "600000", from: "2017-03", to: "2017-12" },
        },
      ],
    },
  ],
  indicatorValues: [
    v2023("MONITORED_HOUSEHOLDS_NEW", "91"),
    v2023("MONITORED_PERSONS_NEW", "250"),
    v2023("MONITORED_HOUSEHOLDS_RISK_ELIMINATED", "27"),
    v2023("MONITORED_PERSONS_RISK_ELIMINATED", "92"),
    // Published as 12,573 people, 102.1% of the target: a target of 12,314 gives 102.10%.
    {
      ...v2023("MIGRANT_WORKERS_POVERTY_ESCAPED", "12573", { target: "12314", note: "完成目标任务的102.1%；目标由该比例推得" }),
      sourceKind: "DERIVED",
    },
    v2023("POVERTY_ESCAPED_INCOME_PER_CAPITA", "19372"),
    v2023("POVERTY_ESCAPED_INCOME_VS_PROVINCE", "117", { note: "为全省平均水平的117%" }),
    v2023("RURAL_SEWAGE_COVERAGE", "93"),
    v2023("INTEGRATED_SEWAGE_STATIONS_BUILT", "5"),
    v2023("MICRO_POWER_STATIONS_BUILT", "6"),
    v2023("MICRO_POWER_STATIONS_MAINTAINED", "58"),
    v2023("TOWNSHIP_SEWAGE_PLANTS", "7"),
    v2023("TOWNSHIP_SEWAGE_CAPACITY", "67200"),
    v2023("RURAL_TOURISM_PARKS", "19", { note: "铜铃岗森林水世界、浅山森林美术公园、龙隐湖滨水民宿园、瞄象农事体验园等" }),
    v2023("BEAUTIFUL_TOWNS", "6"),
    v2023("PROVINCIAL_DEMO_VILLAGES", "8"),
    v2023("PILOT_VILLAGES", "22"),
    v2023("RENOVATION_VILLAGES", "35"),
    v2023("DEMO_ENTRANCE_VILLAGES", "9"),
    // The police article appeared in January 2021: its counts stand for the end of 2020.
    {
      ...v2023("ADMIN_VILLAGES", "87"),
      period: "2020",
      note: "87个行政村",
      source: cite(ARTICLES.jingzhouPolice),
      sourceKind: "PUBLISHED",
    },
    {
      ...v2023("VILLAGE_AUXILIARY_POLICE", "87"),
      period: "2020",
      note: "一村一辅警",
      source: cite(ARTICLES.jingzhouPolice),
      sourceKind: "PUBLISHED",
    },
    {
      ...v2023("URBAN_RESIDENTS_COMMITTEES", "29"),
      period: "2020",
      note: "29个城区居委会各有1名专职社区民警",
      source: cite(ARTICLES.jingzhouPolice),
      sourceKind: "PUBLISHED",
    },
    v2023("ADMIN_VILLAGES", "14", { regionCode: demoRegionCode("马山镇"), note: "14个村级单位" }),
    v2023("MEDIATION_ORGANISATIONS", "14", { regionCode: demoRegionCode("马山镇") }),
    v2023("MEDIATORS", "70", { regionCode: demoRegionCode("马山镇"), note: "70余名调解员" }),
    v2023("CONSULTATION_ISSUES_RESOLVED", "20", { regionCode: demoRegionCode("凤鸣社区"), note: "20余件" }),
    v2023("CONSULTATION_SUGGESTIONS", "10", { regionCode: demoRegionCode("凤鸣社区"), note: "10余条" }),
    // Jianli: Wuqiao village [seeds/000]
    {
      indicatorCode: "ARABLE_LAND",
      regionCode: wuqiao,
      period: "2020",
      value: "3081",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "RESIDENT_POPULATION",
      regionCode: wuqiao,
      period: "2020",
      value: "1677",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "LABOUR_FORCE",
      regionCode: wuqiao,
      period: "2020",
      value: "715",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "REGISTERED_POOR_HOUSEHOLDS",
      regionCode: wuqiao,
      period: "2020",
      value: "66",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "REGISTERED_POOR_PERSONS",
      regionCode: wuqiao,
      period: "2020",
      value: "231",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_HOUSEHOLDS_OUT_OF_POVERTY",
      regionCode: wuqiao,
      period: "2020",
      value: "66",
      target: "66",
      note: "已全部脱贫",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_PERSONS_OUT_OF_POVERTY",
      regionCode: wuqiao,
      period: "2020",
      value: "231",
      target: "231",
      note: "已全部脱贫",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "FAMILY_FARMS",
      regionCode: wuqiao,
      period: "2020",
      value: "5",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "FAMILY_FARM_AREA",
      regionCode: wuqiao,
      period: "2020",
      value: "2000",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "LARGE_GROWER_HOUSEHOLDS",
      regionCode: wuqiao,
      period: "2020",
      value: "8",
      note: "年收益达20万元的种养殖大户8户",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_WORKERS_IN_VILLAGE_ENTERPRISES",
      regionCode: wuqiao,
      period: "2020",
      value: "34",
      note: "近2年来在苗木种植专业合作社务工的贫困户34人",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_WORKERS_WAGES",
      regionCode: wuqiao,
      period: "2020",
      value: "68000",
      note: "近2年来发放务工费6.8万元",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "VILLAGE_COLLECTIVE_INCOME",
      regionCode: wuqiao,
      period: "2018",
      value: "51500",
      baseline: "0",
      note: "5.15万余元，原来几乎为零",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_FAMILY_INCOME_PER_CAPITA",
      regionCode: wuqiao,
      period: "2018",
      value: "5000",
      baseline: "2000",
      note: "从2014年底的2000多元增加到5000元以上",
      source: WUQIAO_SOURCE,
      sourceKind: "PUBLISHED",
    },
    // Jianli: Qingshui village [seeds/000]
    {
      indicatorCode: "ARABLE_LAND",
      regionCode: qingshui,
      period: "2019",
      value: "3800",
      note: "3800余亩",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "VILLAGES_OUT_OF_POVERTY",
      regionCode: qingshui,
      period: "2017",
      value: "1",
      note: "2017年退出重点贫困村",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_HOUSEHOLDS_OUT_OF_POVERTY",
      regionCode: qingshui,
      period: "2019",
      value: "24",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "POOR_PERSONS_OUT_OF_POVERTY",
      regionCode: qingshui,
      period: "2019",
      value: "74",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "BRIDGES_CULVERTS_BUILT",
      regionCode: qingshui,
      period: "2019",
      value: "4",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "CEMENT_ROAD_BUILT",
      regionCode: qingshui,
      period: "2019",
      value: "8.9",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "FARM_ROAD_BUILT",
      regionCode: qingshui,
      period: "2019",
      value: "4",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "STREET_LIGHTS_INSTALLED",
      regionCode: qingshui,
      period: "2019",
      value: "142",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "GREENING_LENGTH",
      regionCode: qingshui,
      period: "2019",
      value: "5",
      source: QINGSHUI_SOURCE,
      sourceKind: "PUBLISHED",
    },
    // Jingzhou City, end of 2020 [seeds/000]
    {
      indicatorCode: "RURAL_SANITARY_TOILETS",
      regionCode: jingzhouCity,
      period: "2020",
      value: "322600",
      source: CITY_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "RURAL_PUBLIC_TOILETS",
      regionCode: jingzhouCity,
      period: "2020",
      value: "1776",
      source: CITY_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "TOWNSHIP_SEWAGE_PROJECTS",
      regionCode: jingzhouCity,
      period: "2020",
      value: "104",
      source: CITY_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "GARBAGE_HARMLESS_TREATMENT_RATE",
      regionCode: jingzhouCity,
      period: "2020",
      value: "98",
      source: CITY_SOURCE,
      sourceKind: "PUBLISHED",
    },
    // Jingzhou City's ramie textiles, end of 2021 [seeds/004]
    {
      indicatorCode: "RAMIE_TEXTILE_FIRMS",
      regionCode: jingzhouCity,
      period: "2021",
      value: "36",
      source: RAMIE_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "RAMIE_TEXTILE_JOBS",
      regionCode: jingzhouCity,
      period: "2021",
      value: "5200",
      source: RAMIE_SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "RAMIE_TEXTILE_OUTPUT",
      regionCode: jingzhouCity,
      period: "2021",
      value: "1540000000",
      note: "15.4亿元",
      source: RAMIE_SOURCE,
      sourceKind: "PUBLISHED",
    },
    // 弥市镇 and the 李埠长江公铁大桥 works [seeds/002]: the article gives no year; taken as 2023, the
    // year of the same page's district figures.
    {
      indicatorCode: "LOCAL_JOBS_FROM_PROJECTS",
      regionCode: demoRegionCode("弥市镇"),
      period: "2023",
      value: "40",
      note: "施工方为当地群众提供40余个就业岗位；年份为推定（同版数据为2023年）",
      source: cite(ARTICLES.mishiWorks),
      sourceKind: "DERIVED",
    },
    // 白云桥社区 (沙市区) [seeds/001]
    {
      indicatorCode: "PARTY_MEMBERS_IN_COMMUNITIES",
      regionCode: demoRegionCode("白云桥社区"),
      period: "2020",
      value: "160",
      note: "5个党支部共160余名下沉党员",
      source: cite(ARTICLES.baiyunqiao),
      sourceKind: "PUBLISHED",
    },
    // Jingzhou Development Zone [seeds/000]
    {
      indicatorCode: "PARTY_MEMBERS_IN_COMMUNITIES",
      regionCode: zone,
      period: "2020",
      value: "769",
      note: "去年以来769名机关党员干部下沉一线",
      source: cite(ARTICLES.developmentZone),
      sourceKind: "PUBLISHED",
    },
    {
      indicatorCode: "VOLUNTEER_TEAMS",
      regionCode: zone,
      period: "2020",
      value: "30",
      note: "30余支",
      source: cite(ARTICLES.developmentZone),
      sourceKind: "PUBLISHED",
    },
  ],
  assessments: [
    {
      regionCode: district,
      year: 2023,
      scheme: "巩固拓展脱贫攻坚成果同乡村振兴有效衔接省级考核评估",
      grade: "好",
      source: SOURCE,
      sourceKind: "PUBLISHED",
    },
    {
      regionCode: demoRegionCode("松滋市"),
      year: 2020,
      scheme: "全国村庄清洁行动",
      grade: "先进县",
      source: CITY_SOURCE,
      sourceKind: "PUBLISHED",
    },
  ],
};
