import { IndicatorTargetChart } from "./indicator-target-chart.js";

export const Jingzhou2023 = () => (
  <IndicatorTargetChart
    title="荆州区 2023 年指标对比目标"
    indicators={[
      { key: "SEWAGE", label: "农村生活污水治理率", value: "93", target: "90", baseline: "85", unit: "%", standing: "ON_TARGET" },
      { key: "TOILET", label: "卫生厕所普及率", value: "88", target: "95", baseline: "80", unit: "%", standing: "AT_RISK" },
      {
        key: "INCOME",
        label: "农村居民人均可支配收入",
        value: "21500",
        target: "24000",
        baseline: "19800",
        unit: "元",
        standing: "BEHIND",
      },
      { key: "GARBAGE", label: "生活垃圾收运处置率", value: null, target: "100", baseline: null, unit: "%", standing: null },
    ]}
  />
);
