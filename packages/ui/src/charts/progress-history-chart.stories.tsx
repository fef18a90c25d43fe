import { ProgressHistoryChart } from "./progress-history-chart.js";

// 城北新区生态防洪堤三期: 51,075,400 planned, 39,800,000 completed and 98% built by the end of 2020.
const months = Array.from({ length: 24 }, (_, index) => {
  const share = (index + 1) / 24;
  return {
    period: `${2019 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`,
    completedInvestment: String(Math.round(39_800_000 * share)),
    physicalProgress: (98 * share).toFixed(1),
  };
});

export const Phase3 = () => (
  <ProgressHistoryChart title="进度历程" description="三期（老城城区段）" points={months} totalInvestment="51075400" />
);
export const OnlyPhysicalProgress = () => (
  <ProgressHistoryChart
    title="只报形象进度"
    points={months.map((point) => ({ ...point, completedInvestment: null }))}
    totalInvestment="51075400"
  />
);
export const Empty = () => <ProgressHistoryChart title="尚无进度报告" points={[]} />;
