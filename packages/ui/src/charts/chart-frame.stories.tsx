import { Bar, BarChart, XAxis } from "recharts";
import { ChartFrame } from "./chart-frame.js";

const data = [
  { label: "一期", value: 43375700 },
  { label: "二期", value: 35061400 },
];

export const AnyRechartsChart = () => (
  <ChartFrame
    title="自定义图表"
    description="ChartFrame 为任意 Recharts 图表提供标题、数据表和尺寸。"
    table={{ header: ["", "计划投资"], rows: data.map((d) => [d.label, String(d.value)]) }}
  >
    <BarChart data={data}>
      <XAxis dataKey="label" />
      <Bar dataKey="value" fill="var(--revita-category-1)" />
    </BarChart>
  </ChartFrame>
);
