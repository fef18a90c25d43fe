import { useQuery } from "@apollo/client/react";
import { formatMoney } from "@revita/ui/format/money";
import { type ProjectStatus, RegionProjectsDocument } from "../../generated/operations.js";

const STATUS_ZH: Record<ProjectStatus, string> = {
  PLANNED: "规划",
  STARTED: "开工",
  IN_PROGRESS: "在建",
  COMPLETED: "完工",
  ACCEPTED: "验收",
};

export function RegionProjects({ regionCode }: { regionCode: string }) {
  const { data, loading, error } = useQuery(RegionProjectsDocument, { variables: { code: regionCode } });
  if (loading && !data) return <p aria-busy="true">加载项目…</p>;
  if (error) return <p role="alert">项目加载失败：{error.message}</p>;
  const rows = data?.projects.edges.map((edge) => edge.node) ?? [];
  if (rows.length === 0) return <p>该地区暂无项目。</p>;
  return (
    <section>
      <h2>项目（{data?.projects.totalCount}）</h2>
      <table className="projects">
        <thead>
          <tr>
            <th>项目</th>
            <th>类别</th>
            <th>状态</th>
            <th>总投资</th>
            <th>累计完成投资</th>
            <th>形象进度</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((project) => {
            const latest = project.progressReports.edges[0]?.node;
            return (
              <tr key={project.id}>
                <td>{project.nameZh}</td>
                <td>{project.category.nameZh}</td>
                <td className="status">{STATUS_ZH[project.status] ?? project.status}</td>
                <td className="number">{formatMoney(project.totalInvestment)}</td>
                <td className="number">{latest?.completedInvestment ? formatMoney(latest.completedInvestment) : "—"}</td>
                <td className="number">{latest?.physicalProgress ? `${latest.physicalProgress}%` : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
