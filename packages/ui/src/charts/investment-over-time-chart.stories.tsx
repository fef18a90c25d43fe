import { InvestmentOverTimeChart, type InvestmentPoint } from "./investment-over-time-chart.js";

const months = (count: number, startYear = 2018): InvestmentPoint[] =>
  Array.from({ length: count }, (_, index) => {
    const year = startYear + Math.floor(index / 12);
    const planned = Math.round((129_512_500 * (index + 1)) / count);
    return {
      period: `${year}-${String((index % 12) + 1).padStart(2, "0")}`,
      planned: String(planned),
      completed: index > count * 0.8 ? null : String(Math.round(planned * (0.4 + 0.1 * Math.sin(index / 3)))),
    };
  });

export const Embankment = () => (
  <InvestmentOverTimeChart title="累计投资：计划与完成" description="城北新区生态防洪堤三期合计" points={months(36)} />
);
export const TenThousandPoints = () => (
  <InvestmentOverTimeChart
    title="10,000 个数据点"
    points={months(10_000, 1950).map((p, i) => ({ ...p, period: `${1950 + (Math.floor(i / 12) % 150)}-${p.period.slice(5)}` }))}
  />
);
export const Empty = () => <InvestmentOverTimeChart title="暂无进度" points={[]} />;
