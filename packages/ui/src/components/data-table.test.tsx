import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatMoney } from "../format/money.js";
import { type Column, DataTable } from "./data-table.js";

interface Project {
  code: string;
  name: string;
  total: string;
}

const projects: Project[] = [
  { code: "CG-FH-CBSTD", name: "城北新区生态防洪堤工程", total: "260000000" },
  { code: "CG-SL-BXSK", name: "病险水库除险加固工程（5座）", total: "12980000" },
  { code: "CG-FH-CBFHD", name: "城北新区防洪堤", total: "60000000" },
];

const columns: Column<Project>[] = [
  { key: "code", header: "编号", value: (p) => p.code, hiddenByDefault: true },
  { key: "name", header: "项目", value: (p) => p.name },
  { key: "total", header: "总投资", value: (p) => p.total, numeric: true, render: (p) => formatMoney(p.total) },
];

const bodyTexts = () =>
  within(screen.getAllByRole("rowgroup")[1]!)
    .getAllByRole("row")
    .map((row) => within(row).getAllByRole("cell")[0]!.textContent);

afterEach(() => vi.restoreAllMocks());

describe("DataTable", () => {
  it("sorts numerically on a column header, ascending then descending", () => {
    render(<DataTable caption="项目" columns={columns} rows={projects} rowKey={(p) => p.code} />);
    fireEvent.click(screen.getByRole("button", { name: /总投资/ }));
    expect(screen.getByRole("columnheader", { name: /总投资/ })).toHaveAttribute("aria-sort", "ascending");
    expect(
      screen
        .getAllByRole("cell")
        .filter((cell) => cell.className.includes("numeric"))
        .map((c) => c.textContent),
    ).toEqual(["1,298.00万元", "6,000.00万元", "2.60亿元"]);
    fireEvent.click(screen.getByRole("button", { name: /总投资/ }));
    expect(bodyTexts()).toEqual(["城北新区生态防洪堤工程", "城北新区防洪堤", "病险水库除险加固工程（5座）"]);
  });

  it("pages through rows", () => {
    render(<DataTable caption="项目" columns={columns} rows={projects} rowKey={(p) => p.code} pageSize={2} />);
    expect(bodyTexts()).toHaveLength(2);
    expect(screen.getByText("第 1 / 2 页")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "下一页" }));
    expect(bodyTexts()).toEqual(["城北新区防洪堤"]);
    expect(screen.getByRole("button", { name: "下一页" })).toBeDisabled();
  });

  it("lets the reader show a hidden column, and never hide the last one", () => {
    render(<DataTable caption="项目" columns={columns} rows={projects} rowKey={(p) => p.code} />);
    expect(screen.queryByRole("columnheader", { name: /编号/ })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "编号" }));
    expect(screen.getByRole("columnheader", { name: /编号/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("checkbox", { name: "编号" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "总投资" }));
    expect(screen.getByRole("checkbox", { name: "项目" })).toBeDisabled();
  });

  it("exports every row of the visible columns as CSV, with exact amounts", async () => {
    let exported: Blob | undefined;
    vi.spyOn(URL, "createObjectURL").mockImplementation((blob) => {
      exported = blob as Blob;
      return "blob:test";
    });
    vi.spyOn(URL, "revokeObjectURL").mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    render(
      <DataTable caption="项目" columns={columns} rows={projects} rowKey={(p) => p.code} pageSize={1} exportName="projects" />,
    );
    fireEvent.click(screen.getByRole("button", { name: "导出 CSV" }));
    const text = await new Promise<string>((done) => {
      const reader = new FileReader();
      reader.onload = () => done(String(reader.result).replace(/^\uFEFF/, ""));
      reader.readAsText(exported!);
    });
    expect(text.split("\r\n")).toEqual([
      "项目,总投资",
      "城北新区生态防洪堤工程,260000000",
      "病险水库除险加固工程（5座）,12980000",
      "城北新区防洪堤,60000000",
      "",
    ]);
  });

  it("says when it is loading, when it failed (with a retry) and when there is nothing", () => {
    const retry = vi.fn();
    const { rerender } = render(<DataTable caption="项目" columns={columns} rows={[]} rowKey={(p) => p.code} loading />);
    expect(screen.getByRole("status")).toHaveAttribute("aria-busy", "true");
    rerender(
      <DataTable
        caption="项目"
        columns={columns}
        rows={[]}
        rowKey={(p) => p.code}
        error={{ message: "网络中断" }}
        onRetry={retry}
      />,
    );
    expect(screen.getByRole("alert")).toHaveTextContent("网络中断");
    fireEvent.click(screen.getByRole("button", { name: "重试" }));
    expect(retry).toHaveBeenCalled();
    rerender(<DataTable caption="项目" columns={columns} rows={[]} rowKey={(p) => p.code} emptyText="该地区暂无项目" />);
    expect(screen.getByText("该地区暂无项目")).toBeInTheDocument();
  });
});

describe("a money column", () => {
  it("says every amount in one unit, on every page, with the exact yuan on hover", () => {
    const money: Column<Project>[] = [
      { key: "name", header: "项目", value: (p) => p.name },
      { key: "total", header: "总投资", value: (p) => p.total, numeric: true, money: true },
    ];
    render(<DataTable caption="项目" columns={money} rows={projects} rowKey={(p) => p.code} pageSize={2} />);
    const amounts = () =>
      screen
        .getAllByRole("cell")
        .filter((cell) => cell.className.includes("numeric"))
        .map((c) => c.textContent);
    // 2.6亿 beside 1,298万: both in 万元, as the smallest needs.
    expect(amounts()).toEqual(["26,000.00万元", "1,298.00万元"]);
    expect(screen.getByText("26,000.00万元")).toHaveAttribute("title", "260,000,000.00元");
    fireEvent.click(screen.getByRole("button", { name: /下一页|next/i }));
    expect(amounts()).toEqual(["6,000.00万元"]);
  });
});
