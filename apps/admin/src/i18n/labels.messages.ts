import { msg } from "@revita/messages";

/** The schema's enums by their labels, keyed by the enums themselves: a value the API gains without a label fails the type check, and the key order is the order the dashboard lists them in. */
export const labelMessages = {
  pillars: {
    INDUSTRY: msg("产业兴旺", "Thriving industry"),
    ECOLOGY: msg("生态宜居", "Liveable ecology"),
    CIVILITY: msg("乡风文明", "Civility"),
    GOVERNANCE: msg("治理有效", "Effective governance"),
    PROSPERITY: msg("生活富裕", "Prosperity"),
    POVERTY_CONSOLIDATION: msg("巩固脱贫成果", "Poverty gains kept"),
  },
  sourceTypes: {
    CENTRAL_BRIDGING: msg("中央衔接资金", "Central bridging funds"),
    FISCAL_SPECIAL: msg("财政专项", "Special fiscal funds"),
    BANK_LOAN: msg("融资贷款", "Bank loans"),
    SELF_RAISED: msg("自筹", "Self-raised"),
    SOCIAL_CAPITAL: msg("社会资本", "Social capital"),
    POVERTY_MICROCREDIT: msg("扶贫小额信贷", "Poverty micro-credit"),
    INDUSTRY_SUBSIDY: msg("产业奖补", "Industry subsidies"),
  },
  fundLevels: {
    CENTRAL: msg("中央", "Central"),
    PROVINCIAL: msg("省级", "Provincial"),
    PREFECTURE: msg("市州级", "Prefecture"),
    COUNTY: msg("县级", "County"),
    TOWNSHIP: msg("乡镇级", "Township"),
    NON_GOVERNMENT: msg("非政府", "Non-government"),
  },
} as const;
