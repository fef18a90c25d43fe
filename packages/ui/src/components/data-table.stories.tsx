import { formatMoney } from "../format/money.js";
import { type Column, DataTable } from "./data-table.js";
import { ProgressBar } from "./progress-bar.js";
import { ProjectStatusBadge } from "./status-badge.js";

interface Row {
  code: string;
  name: string;
  status: "IN_PROGRESS" | "COMPLETED" | "ACCEPTED";
  total: string;
  completionRate: string;
  physical: string;
}

const rows: Row[] = [
  {
    code: "CG-FH-CBSTD",
    name: "城北新区生态防洪堤工程",
    status: "IN_PROGRESS",
    total: "260000000",
    completionRate: "48.65",
    physical: "69.83",
  },
  {
    code: "CG-FH-CBFHD",
    name: "城北新区防洪堤",
    status: "IN_PROGRESS",
    total: "60000000",
    completionRate: "35.37",
    physical: "21.6",
  },
  {
    code: "CG-SL-BXSK",
    name: "病险水库除险加固工程（5座）",
    status: "ACCEPTED",
    total: "12980000",
    completionRate: "100",
    physical: "100",
  },
  ...Array.from({ length: 40 }, (_, index) => ({
    code: `GEN-${index}`,
    name: `示范项目${String(index).padStart(4, "0")}`,
    status: "COMPLETED" as const,
    total: String((index + 1) * 1_234_500),
    completionRate: "100",
    physical: "100",
  })),
];

const columns: Column<Row>[] = [
  { key: "code", header: "编号", value: (r) => r.code, hiddenByDefault: true },
  { key: "name", header: "项目", value: (r) => r.name },
  { key: "status", header: "状态", value: (r) => r.status, render: (r) => <ProjectStatusBadge status={r.status} /> },
  { key: "total", header: "总投资", value: (r) => r.total, numeric: true, render: (r) => formatMoney(r.total) },
  {
    key: "progress",
    header: "进度",
    value: (r) => r.completionRate,
    numeric: true,
    render: (r) => <ProgressBar completionRate={r.completionRate} physicalProgress={r.physical} compact />,
  },
];

export const Projects = () => (
  <DataTable caption="项目" columns={columns} rows={rows} rowKey={(r) => r.code} exportName="projects" pageSize={10} />
);
export const Loading = () => <DataTable caption="项目" columns={columns} rows={[]} rowKey={(r) => r.code} loading />;
export const Empty = () => (
  <DataTable caption="项目" columns={columns} rows={[]} rowKey={(r) => r.code} emptyText="该地区暂无项目" />
);
export const Failed = () => (
  <DataTable
    caption="项目"
    columns={columns}
    rows={[]}
    rowKey={(r) => r.code}
    error={{ message: "无法连接服务器" }}
    onRetry={() => {}}
  />
);
