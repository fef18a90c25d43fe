import { PillarRadarChart } from "./pillar-radar-chart.js";

export const FivePillars = () => (
  <PillarRadarChart
    title="五大振兴达标情况"
    scoreLabel="达标率"
    pillars={[
      { key: "INDUSTRY", label: "产业振兴", score: 75, detail: "3 / 4 达标" },
      { key: "TALENT", label: "人才振兴", score: 50, detail: "1 / 2 达标" },
      { key: "CULTURE", label: "文化振兴", score: 100, detail: "2 / 2 达标" },
      { key: "ECOLOGY", label: "生态振兴", score: 100, detail: "3 / 3 达标" },
      { key: "ORGANIZATION", label: "组织振兴", score: null, detail: "未填报" },
    ]}
  />
);
