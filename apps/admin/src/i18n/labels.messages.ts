import { type Message, msg, pillarLabels, sourceTypeLabels } from "@revita/messages";
import type { DeliveryModel, FundLevel, FundSourceType, OutputMetric, Pillar, SourceKind } from "@revita/schema/types";

/** The schema's enums by their labels, keyed by the enums themselves: a value the API gains without a label fails the type check, and the key order is the order the dashboard lists them in. */
export const labelMessages = {
  pillars: pillarLabels satisfies Record<Pillar, Message>,
  sourceTypes: sourceTypeLabels satisfies Record<FundSourceType, Message>,
  sourceKinds: {
    PUBLISHED: msg("公开报道", "published"),
    DERIVED: msg("据公开数据推算", "derived from published figures"),
    ILLUSTRATIVE: msg("示意数据", "illustrative"),
  } satisfies Record<SourceKind, Message>,
  fundLevels: {
    CENTRAL: msg("中央", "Central"),
    PROVINCIAL: msg("省级", "Provincial"),
    PREFECTURE: msg("市州级", "Prefecture"),
    COUNTY: msg("县级", "County"),
    TOWNSHIP: msg("乡镇级", "Township"),
    NON_GOVERNMENT: msg("非政府", "Non-government"),
  } satisfies Record<FundLevel, Message>,
  outputMetrics: {
    WATER_SUPPLY_POPULATION: msg("供水人口", "People supplied with water"),
    BENEFICIARY_POPULATION: msg("受益人口", "People benefiting"),
    POOR_BENEFICIARIES: msg("受益建档立卡贫困人口", "Registered poor people benefiting"),
    IRRIGATION_AREA: msg("灌溉面积", "Irrigated area"),
    NEW_IRRIGATION_AREA: msg("新增灌溉面积", "New irrigated area"),
    IMPROVED_IRRIGATION_AREA: msg("改善灌溉面积", "Improved irrigated area"),
    TREATED_EROSION_AREA: msg("水土流失治理面积", "Erosion area treated"),
    LAND_AREA: msg("面积", "Area"),
    WATER_SOURCES_PROTECTED: msg("保护水源地", "Water sources protected"),
    PIPELINE_LENGTH: msg("管网长度", "Pipeline length"),
    CHANNEL_LENGTH: msg("渠道长度", "Channel length"),
    TREATMENT_CAPACITY: msg("处理能力", "Treatment capacity"),
    RESERVOIRS: msg("水库", "Reservoirs"),
    FACILITIES: msg("设施", "Facilities"),
    TOWNS_COVERED: msg("覆盖乡镇", "Towns covered"),
    HOUSING_UNITS: msg("住房", "Housing units"),
    HOUSEHOLDS: msg("户数", "Households"),
    ANNUAL_OUTPUT: msg("年产量", "Annual output"),
  } satisfies Record<OutputMetric, Message>,
  deliveryModels: {
    GOVERNMENT: msg("政府投资", "Government investment"),
    PPP: msg("政府和社会资本合作（PPP）", "Public-private partnership (PPP)"),
    ENTERPRISE: msg("企业投资", "Enterprise investment"),
    COLLECTIVE: msg("村集体", "Village collective"),
  } satisfies Record<DeliveryModel, Message>,
} as const;
