import { useQuery } from "@apollo/client/react";
import { type Column, DataTable } from "@revita/ui/components/data-table";
import { ProgressBar } from "@revita/ui/components/progress-bar";
import { ProjectStatusBadge, StatusBadge } from "@revita/ui/components/status-badge";
import { formatMoney } from "@revita/ui/format/money";
import { RegionProjectsDocument, type RegionProjectsQuery } from "../../generated/operations.js";

type ProjectRow = RegionProjectsQuery["projects"]["edges"][number]["node"];

const columns: Column<ProjectRow>[] = [
  { key: "code", header: "编号", value: (p) => p.code, hiddenByDefault: true },
  {
    key: "name",
    header: "项目",
    value: (p) => p.nameZh,
    render: (p) => (
      <>
        {p.nameZh} {p.standing.behindSchedule && <StatusBadge tone="bad">滞后</StatusBadge>}
      </>
    ),
  },
  { key: "category", header: "类别", value: (p) => p.category.nameZh },
  { key: "status", header: "状态", value: (p) => p.status, render: (p) => <ProjectStatusBadge status={p.status} /> },
  {
    key: "total",
    header: "总投资（元）",
    value: (p) => p.totalInvestment,
    numeric: true,
    render: (p) => formatMoney(p.totalInvestment),
  },
  {
    key: "completed",
    header: "累计完成投资（元）",
    value: (p) => p.standing.completedInvestment,
    numeric: true,
    render: (p) => formatMoney(p.standing.completedInvestment),
  },
  {
    key: "progress",
    header: "投资完成率 / 形象进度",
    value: (p) => p.standing.completionRate,
    numeric: true,
    render: (p) => (
      <ProgressBar
        completionRate={p.standing.completionRate}
        physicalProgress={p.standing.physicalProgress}
        scheduleElapsed={p.standing.scheduleElapsed}
        compact
      />
    ),
  },
];

/** A region's projects, everything below it included, from the kit's table. */
export function RegionProjects({ regionCode }: { regionCode: string }) {
  const { data, loading, error, refetch } = useQuery(RegionProjectsDocument, { variables: { code: regionCode } });
  return (
    <section>
      <h2>项目{data ? `（${data.projects.totalCount}）` : ""}</h2>
      <DataTable
        caption="项目"
        columns={columns}
        rows={data?.projects.edges.map((edge) => edge.node) ?? []}
        rowKey={(p) => p.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        emptyText="该地区暂无项目。"
        exportName={`projects-${regionCode}`}
      />
    </section>
  );
}
