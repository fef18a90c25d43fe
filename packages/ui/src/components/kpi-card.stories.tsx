import { KpiCard } from "./kpi-card.js";

const grid = { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(16rem, 1fr))", gap: 16 };

export const Figures = () => (
  <div style={grid}>
    <KpiCard label="项目数" value="11" detail="在建 6 · 完工 5" />
    <KpiCard
      label="完成投资"
      value="6,301.00万元"
      detail="计划 1.30亿元 · 完成率 48.7%"
      change={{ text: "+14.6%", trend: "up", favourable: true }}
    />
    <KpiCard label="农村污水治理率" value="93%" target={{ text: "90%", standing: "ON_TARGET" }} />
    <KpiCard
      label="返贫户"
      value="12"
      change={{ text: "+20.0%", trend: "up", favourable: false }}
      target={{ text: "0", standing: "BEHIND" }}
    />
  </div>
);
export const Loading = () => (
  <div style={grid}>
    <KpiCard label="项目数" value="" loading />
  </div>
);
export const NoChange = () => (
  <div style={grid}>
    <KpiCard label="资金拨付率" value="90.0%" change={{ text: "±0.0%", trend: "flat", favourable: true }} />
  </div>
);
