import type { DefineIndicatorInput } from "../indicators/indicators.service.js";
import { INDICATOR_DESCRIPTIONS } from "./indicator-descriptions.js";

/** Project categories every Revita database starts with; isIndustry marks 产业项目. */
export const PROJECT_CATEGORIES = [
  { code: "WATER_CONSERVANCY", nameZh: "水利工程", nameEn: "Water conservancy", pillar: "ECOLOGY", isIndustry: false },
  { code: "DRINKING_WATER", nameZh: "农村饮水安全", nameEn: "Rural drinking water", pillar: "PROSPERITY", isIndustry: false },
  { code: "FARMLAND_WATER", nameZh: "农田水利", nameEn: "Farmland water conservancy", pillar: "INDUSTRY", isIndustry: false },
  { code: "FLOOD_CONTROL", nameZh: "防洪治理", nameEn: "Flood control", pillar: "ECOLOGY", isIndustry: false },
  { code: "SOIL_CONSERVATION", nameZh: "水土保持", nameEn: "Soil and water conservation", pillar: "ECOLOGY", isIndustry: false },
  { code: "SEWAGE", nameZh: "污水处理", nameEn: "Sewage treatment", pillar: "ECOLOGY", isIndustry: false },
  {
    code: "CHARACTERISTIC_INDUSTRY",
    nameZh: "特色产业",
    nameEn: "Characteristic industry",
    pillar: "INDUSTRY",
    isIndustry: true,
  },
  { code: "RURAL_TOURISM", nameZh: "乡村旅游", nameEn: "Rural tourism", pillar: "INDUSTRY", isIndustry: true },
  { code: "INFRASTRUCTURE", nameZh: "基础设施", nameEn: "Rural infrastructure", pillar: "PROSPERITY", isIndustry: false },
  { code: "VILLAGE_RENOVATION", nameZh: "村庄整治", nameEn: "Village renovation", pillar: "ECOLOGY", isIndustry: false },
  { code: "HOUSING", nameZh: "安置住房", nameEn: "Resettlement housing", pillar: "PROSPERITY", isIndustry: false },
] as const;

type IndicatorDefinition = DefineIndicatorInput;

const count = (
  code: string,
  nameZh: string,
  nameEn: string,
  unit: string,
  pillar: IndicatorDefinition["pillar"],
): IndicatorDefinition => ({
  code,
  nameZh,
  nameEn,
  unit,
  pillar,
  direction: "HIGHER_IS_BETTER",
  aggregation: "SUM",
});

/**
 * Indicator definitions, in dependency order (a weight or ratio input comes before the
 * indicator using it). Counts sum up the hierarchy; rates are weighted by a count; figures
 * that mean nothing when added (prices, shares of a provincial average) do not roll up.
 */
const DEFINITIONS: IndicatorDefinition[] = [
  // 巩固拓展脱贫攻坚成果
  count("MONITORED_HOUSEHOLDS_NEW", "新识别防返贫监测对象户数", "Newly monitored households", "户", "POVERTY_CONSOLIDATION"),
  count("MONITORED_PERSONS_NEW", "新识别防返贫监测对象人数", "Newly monitored persons", "人", "POVERTY_CONSOLIDATION"),
  count(
    "MONITORED_HOUSEHOLDS_RISK_ELIMINATED",
    "监测对象消除风险户数",
    "Monitored households with risk eliminated",
    "户",
    "POVERTY_CONSOLIDATION",
  ),
  count(
    "MONITORED_PERSONS_RISK_ELIMINATED",
    "监测对象消除风险人数",
    "Monitored persons with risk eliminated",
    "人",
    "POVERTY_CONSOLIDATION",
  ),
  count(
    "MIGRANT_WORKERS_POVERTY_ESCAPED",
    "脱贫人口和监测对象外出务工人数",
    "Poverty-escaped and monitored people working away from home",
    "人",
    "POVERTY_CONSOLIDATION",
  ),
  count("POVERTY_ESCAPED_PERSONS", "脱贫人口", "Poverty-escaped persons", "人", "POVERTY_CONSOLIDATION"),
  {
    code: "POVERTY_ESCAPED_INCOME_PER_CAPITA",
    nameZh: "脱贫户人均纯收入",
    nameEn: "Per-capita net income of poverty-escaped households",
    unit: "元",
    pillar: "POVERTY_CONSOLIDATION",
    direction: "HIGHER_IS_BETTER",
    aggregation: "WEIGHTED_AVERAGE",
    weightIndicatorCode: "POVERTY_ESCAPED_PERSONS",
  },
  {
    code: "POVERTY_ESCAPED_INCOME_VS_PROVINCE",
    nameZh: "脱贫户人均纯收入相当于全省平均水平",
    nameEn: "Income of poverty-escaped households as a share of the provincial average",
    unit: "%",
    pillar: "POVERTY_CONSOLIDATION",
    direction: "HIGHER_IS_BETTER",
    aggregation: "NOT_AGGREGATED",
    decimals: 1,
    // A share of an average, not of a whole: 117 % is Jingzhou District's published figure.
    maxValue: null,
  },
  count("REGISTERED_POOR_HOUSEHOLDS", "建档立卡贫困户", "Registered poor households", "户", "POVERTY_CONSOLIDATION"),
  count("REGISTERED_POOR_PERSONS", "建档立卡贫困人口", "Registered poor persons", "人", "POVERTY_CONSOLIDATION"),
  count("POOR_HOUSEHOLDS_OUT_OF_POVERTY", "脱贫户数", "Households lifted out of poverty", "户", "POVERTY_CONSOLIDATION"),
  count("POOR_PERSONS_OUT_OF_POVERTY", "脱贫人数", "Persons lifted out of poverty", "人", "POVERTY_CONSOLIDATION"),
  count("VILLAGES_OUT_OF_POVERTY", "贫困村出列", "Villages off the poverty list", "个", "POVERTY_CONSOLIDATION"),
  {
    code: "POOR_FAMILY_INCOME_PER_CAPITA",
    nameZh: "贫困家庭人均年收入",
    nameEn: "Per-capita annual income of poor families",
    unit: "元",
    pillar: "POVERTY_CONSOLIDATION",
    direction: "HIGHER_IS_BETTER",
    aggregation: "WEIGHTED_AVERAGE",
    weightIndicatorCode: "REGISTERED_POOR_PERSONS",
  },
  // 产业兴旺
  count("ARABLE_LAND", "耕地面积", "Arable land", "亩", "INDUSTRY"),
  count("LABOUR_FORCE", "劳动力", "Labour force", "人", "INDUSTRY"),
  count("FAMILY_FARMS", "家庭农场", "Family farms", "个", "INDUSTRY"),
  count("FAMILY_FARM_AREA", "家庭农场经营面积", "Land farmed by family farms", "亩", "INDUSTRY"),
  count("INDUSTRY_BASE_AREA", "特色产业基地面积", "Area of characteristic industry bases", "亩", "INDUSTRY"),
  {
    code: "COCOON_PURCHASE_PRICE",
    nameZh: "蚕茧保护收购价",
    nameEn: "Guaranteed cocoon purchase price",
    unit: "元/公斤",
    pillar: "INDUSTRY",
    direction: "HIGHER_IS_BETTER",
    aggregation: "NOT_AGGREGATED",
  },
  count("VILLAGE_COLLECTIVE_INCOME", "村集体经济年收入", "Village collective income", "元", "INDUSTRY"),
  count("RURAL_TOURISM_PARKS", "乡村旅游园区", "Rural tourism parks", "个", "INDUSTRY"),
  count("MAJOR_PROJECTS_STARTED", "重大项目集中开工个数", "Major projects started together", "个", "INDUSTRY"),
  count(
    "MAJOR_PROJECTS_STARTED_INVESTMENT",
    "重大项目集中开工总投资",
    "Investment of major projects started together",
    "元",
    "INDUSTRY",
  ),
  // 生态宜居
  count("ADMIN_VILLAGES", "行政村", "Administrative villages", "个", "ECOLOGY"),
  {
    code: "RURAL_SEWAGE_COVERAGE",
    nameZh: "农村生活污水治理覆盖率",
    nameEn: "Rural sewage treatment coverage",
    unit: "%",
    pillar: "ECOLOGY",
    direction: "HIGHER_IS_BETTER",
    aggregation: "WEIGHTED_AVERAGE",
    weightIndicatorCode: "ADMIN_VILLAGES",
    decimals: 1,
    description: "Share of administrative villages whose domestic sewage is treated.",
  },
  count("INTEGRATED_SEWAGE_STATIONS_BUILT", "新建粪污一体化站点", "Integrated manure-and-sewage stations built", "个", "ECOLOGY"),
  count("MICRO_POWER_STATIONS_BUILT", "新建微动力站点", "Micro-power sewage stations built", "个", "ECOLOGY"),
  count("MICRO_POWER_STATIONS_MAINTAINED", "维护微动力站点", "Micro-power sewage stations maintained", "个", "ECOLOGY"),
  count("TOWNSHIP_SEWAGE_PLANTS", "乡镇污水处理厂", "Township sewage plants operating", "座", "ECOLOGY"),
  count("TOWNSHIP_SEWAGE_CAPACITY", "乡镇污水日处理能力", "Township sewage treatment capacity", "吨/日", "ECOLOGY"),
  count("TOWNSHIP_SEWAGE_PROJECTS", "乡镇污水处理项目", "Township sewage projects", "个", "ECOLOGY"),
  count("RURAL_SANITARY_TOILETS", "农村户厕无害化改造", "Rural household toilets made sanitary", "户", "ECOLOGY"),
  count("RURAL_PUBLIC_TOILETS", "农村公厕", "Rural public toilets", "座", "ECOLOGY"),
  {
    code: "GARBAGE_HARMLESS_TREATMENT_RATE",
    nameZh: "农村生活垃圾无害化处理率",
    nameEn: "Rural garbage harmless-treatment rate",
    unit: "%",
    pillar: "ECOLOGY",
    direction: "HIGHER_IS_BETTER",
    aggregation: "NOT_AGGREGATED",
    decimals: 1,
  },
  {
    code: "WATER_FUNCTION_ZONE_COMPLIANCE",
    nameZh: "重要水功能区水质达标率",
    nameEn: "Water-quality compliance of important water-function zones",
    unit: "%",
    pillar: "ECOLOGY",
    direction: "HIGHER_IS_BETTER",
    aggregation: "NOT_AGGREGATED",
    decimals: 1,
  },
  {
    code: "DRINKING_WATER_SOURCE_SAFETY",
    nameZh: "集中饮用水水源地安全保障达标率",
    nameEn: "Drinking-water source safety compliance",
    unit: "%",
    pillar: "ECOLOGY",
    direction: "HIGHER_IS_BETTER",
    aggregation: "NOT_AGGREGATED",
    decimals: 1,
  },
  count("BEAUTIFUL_TOWNS", "美丽城镇", "Beautiful towns", "个", "ECOLOGY"),
  count("PROVINCIAL_DEMO_VILLAGES", "省级示范村", "Provincial demonstration villages", "个", "ECOLOGY"),
  count("PILOT_VILLAGES", "试点村", "Pilot villages", "个", "ECOLOGY"),
  count("RENOVATION_VILLAGES", "整治村", "Renovation villages", "个", "ECOLOGY"),
  count("DEMO_ENTRANCE_VILLAGES", "示范入口村", "Demonstration entrance villages", "个", "ECOLOGY"),
  count("STREET_LIGHTS_INSTALLED", "安装路灯", "Street lights installed", "盏", "ECOLOGY"),
  count("BRIDGES_CULVERTS_BUILT", "新建桥梁涵洞", "Bridges and box culverts built", "座", "ECOLOGY"),
  count("CEMENT_ROAD_BUILT", "硬化水泥路", "Cement road built", "公里", "ECOLOGY"),
  count("FARM_ROAD_BUILT", "机耕路", "Farm road built", "公里", "ECOLOGY"),
  count("GREENING_LENGTH", "绿化", "Roadside greening", "公里", "ECOLOGY"),
  // 治理有效
  count("VILLAGE_AUXILIARY_POLICE", "一村一辅警", "Village auxiliary police officers", "人", "GOVERNANCE"),
  count("URBAN_RESIDENTS_COMMITTEES", "城市社区居委会", "Urban residents' committees", "个", "GOVERNANCE"),
  count("MEDIATION_ORGANISATIONS", "调解组织", "Mediation organisations", "个", "GOVERNANCE"),
  count("MEDIATORS", "调解员", "Mediators", "人", "GOVERNANCE"),
  count("CONSULTATION_ISSUES_RESOLVED", "协商议事解决问题", "Issues resolved through consultation", "件", "GOVERNANCE"),
  count("CONSULTATION_SUGGESTIONS", "协商议事收集建议", "Suggestions collected through consultation", "条", "GOVERNANCE"),
  count("PARTY_MEMBERS_IN_COMMUNITIES", "下沉社区党员", "Party members serving their communities", "人", "GOVERNANCE"),
  count("VOLUNTEER_TEAMS", "志愿服务队", "Volunteer teams", "支", "CIVILITY"),
  // 生活富裕
  count("RESIDENT_POPULATION", "人口", "Population", "人", "PROSPERITY"),
];

/** The catalogue's indicators, each with what it counts (indicator-descriptions.ts). */
export const INDICATOR_DEFINITIONS: IndicatorDefinition[] = DEFINITIONS.map((definition) => ({
  ...definition,
  description: definition.description ?? INDICATOR_DESCRIPTIONS[definition.code] ?? null,
}));
