import { BreakdownChart } from "./breakdown-chart.js";

const categories = [
  { key: "FLOOD_CONTROL", label: "防洪", values: { planned: "320000000", completed: "123010000" } },
  { key: "WATER_SUPPLY", label: "供水", values: { planned: "230000000", completed: "179000000" } },
  { key: "IRRIGATION", label: "农田水利", values: { planned: "45000000", completed: "45000000" } },
  { key: "SEWAGE", label: "污水处理", values: { planned: "98000000", completed: "61000000" } },
];

export const ByCategory = () => (
  <BreakdownChart
    title="按类别：计划与完成投资"
    rows={categories}
    series={[
      { key: "planned", label: "计划投资", color: "var(--revita-planned)" },
      { key: "completed", label: "完成投资", color: "var(--revita-completed)" },
    ]}
  />
);
export const StackedCounts = () => (
  <BreakdownChart
    title="各乡镇项目数（按状态）"
    valueKind="count"
    stacked
    rows={["思旸镇", "水尾镇", "天马镇", "龙田镇", "大有镇", "注溪镇", "羊桥乡", "客楼镇"].map((label, index) => ({
      key: String(index),
      label,
      values: { inProgress: (index * 3) % 7, completed: ((index * 5) % 4) + 1 },
    }))}
    series={[
      { key: "inProgress", label: "在建" },
      { key: "completed", label: "完工" },
    ]}
    onSelect={(key) => alert(`drill into ${key}`)}
  />
);
