import { formatPercent } from "../format/numbers.js";
import { RankingChart } from "./ranking-chart.js";

const towns = ["郢城镇", "纪南镇", "川店镇", "马山镇", "八岭山镇", "李埠镇", "弥市镇"].map((label, index) => ({
  key: String(index),
  label,
  value: index === 2 ? null : String(85 + ((index * 7) % 13)),
}));

export const WithTarget = () => (
  <RankingChart title="各镇农村污水治理率" rows={towns} format={(v) => formatPercent(v)} target="93" highlightKey="3" />
);
export const LowerIsBetter = () => (
  <RankingChart title="返贫风险户占比" rows={towns} format={(v) => formatPercent(v)} lowerIsBetter />
);
