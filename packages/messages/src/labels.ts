import { msg } from "./catalogue.js";

/**
 * Names of the schema's enums that the server prints as well as the dashboard shows (the
 * briefing's PDF): one copy, which the dashboard's labels catalogue takes as its own.
 */
export const pillarLabels = {
  INDUSTRY: msg("产业兴旺", "Thriving industry"),
  ECOLOGY: msg("生态宜居", "Liveable ecology"),
  CIVILITY: msg("乡风文明", "Civility"),
  GOVERNANCE: msg("治理有效", "Effective governance"),
  PROSPERITY: msg("生活富裕", "Prosperity"),
  POVERTY_CONSOLIDATION: msg("巩固脱贫成果", "Poverty gains kept"),
} as const;

export const sourceTypeLabels = {
  CENTRAL_BRIDGING: msg("中央衔接资金", "Central bridging funds"),
  FISCAL_SPECIAL: msg("财政专项", "Special fiscal funds"),
  BANK_LOAN: msg("融资贷款", "Bank loans"),
  SELF_RAISED: msg("自筹", "Self-raised"),
  SOCIAL_CAPITAL: msg("社会资本", "Social capital"),
  POVERTY_MICROCREDIT: msg("扶贫小额信贷", "Poverty micro-credit"),
  INDUSTRY_SUBSIDY: msg("产业奖补", "Industry subsidies"),
} as const;

export const projectStatusLabels = {
  PLANNED: msg("计划", "Planned"),
  STARTED: msg("开工", "Started"),
  IN_PROGRESS: msg("在建", "In progress"),
  COMPLETED: msg("已完工", "Completed"),
  ACCEPTED: msg("已验收", "Accepted"),
} as const;

export const taskStatusLabels = {
  ASSIGNED: msg("已交办", "Assigned"),
  IN_PROGRESS: msg("推进中", "In progress"),
  DONE: msg("已办结待核验", "Done, to verify"),
  VERIFIED: msg("已核验销号", "Verified"),
  RETURNED: msg("已退回", "Returned"),
} as const;
