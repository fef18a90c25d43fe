import { msg } from "../catalogue.js";

/** Indicators and their values. */
export const indicatorReasons = {
  NO_SUCH_INDICATOR: msg<{ code: string }>("没有代码为 {code} 的指标", "no indicator has the code {code}"),
  INDICATOR_CODE_TAKEN: msg<{ code: string }>("代码为 {code} 的指标已存在", "an indicator with the code {code} already exists"),
  DECIMALS_RANGE: msg("应为 0 到 4", "must be 0 to 4"),
  ONLY_FOR_AGGREGATION: msg<{ aggregation: string }>(
    "只有{aggregation, select, WEIGHTED_AVERAGE {加权平均} RATIO {比率} other {{aggregation}}}指标才填写此项",
    "only a {aggregation} indicator takes this",
  ),
  REQUIRED_FOR_AGGREGATION: msg<{ aggregation: string }>(
    "{aggregation, select, WEIGHTED_AVERAGE {加权平均} RATIO {比率} other {{aggregation}}}指标必填",
    "is required for {aggregation}",
  ),
  ALREADY_HAS_VALUE: msg<{ indicator: string; region: string; period: string }>(
    "{region}已有{indicator} {period} 的数值；请更正该数值",
    "{indicator} already has a value for {region} in {period}; correct it instead",
  ),
  NO_VALUE_TO_CORRECT: msg<{ indicator: string; region: string; period: string }>(
    "{region}没有{indicator} {period} 的数值可更正",
    "{indicator} has no value for {region} in {period} to correct",
  ),
  VALUE_OUT_OF_RANGE: msg<{ value: string; unit: string; min: string; max: string }>(
    "{value}{unit} 不在合理范围 {min} 到 {max} 之内",
    "{value} {unit} is outside the plausible range {min} to {max}",
  ),
  RANGE_REVERSED: msg<{ min: string; max: string }>(
    "上限 {max} 小于下限 {min}",
    "the upper bound {max} is below the lower bound {min}",
  ),
  INDICATOR_IS_COMPUTED: msg<{ indicator: string }>(
    "{indicator} 由社区服务记录自动计算，不能手工填报",
    "{indicator} is computed from the community-service records and takes no entered values",
  ),
} as const;
