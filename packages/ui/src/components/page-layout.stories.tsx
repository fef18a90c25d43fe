import { KpiCard } from "./kpi-card.js";
import { PageLayout } from "./page-layout.js";
import { RegionBreadcrumb } from "./region-breadcrumb.js";

export const Overview = () => (
  <PageLayout
    brand="Revita 乡村振兴监测"
    nav={[
      { key: "overview", label: "总览", href: "#", current: true },
      { key: "projects", label: "项目", href: "#" },
      { key: "funds", label: "资金", href: "#" },
      { key: "indicators", label: "指标", href: "#" },
    ]}
    actions={<button type="button">English</button>}
    breadcrumb={
      <RegionBreadcrumb
        trail={[
          { code: "520000000000", name: "贵州省" },
          { code: "522626000000", name: "岑巩县" },
        ]}
        hrefFor={() => "#"}
      />
    }
    title="岑巩县"
    toolbar={
      <select aria-label="期间">
        <option>2020年</option>
      </select>
    }
  >
    <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(14rem, 1fr))", gap: 16 }}>
      <KpiCard label="项目数" value="11" />
      <KpiCard label="完成投资" value="6,301.00万元" />
    </div>
  </PageLayout>
);
