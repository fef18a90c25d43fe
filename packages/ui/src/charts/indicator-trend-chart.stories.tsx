import { IndicatorTrendChart } from "./indicator-trend-chart.js";

export const SewageCoverage = () => (
  <IndicatorTrendChart
    title="农村生活污水治理率"
    description="荆州区，2019—2023年"
    unit="%"
    points={[
      { period: "2019", value: "61" },
      { period: "2020", value: "70" },
      { period: "2021", value: "78" },
      { period: "2022", value: null },
      { period: "2023", value: "93" },
    ]}
    target="90"
    baseline="61"
  />
);
export const Income = () => (
  <IndicatorTrendChart
    title="脱贫户人均纯收入"
    unit="元"
    points={[
      { period: "2021", value: "15810" },
      { period: "2022", value: "17633" },
      { period: "2023", value: "19372" },
    ]}
  />
);
export const Empty = () => <IndicatorTrendChart title="暂无数值" unit="%" points={[]} />;
