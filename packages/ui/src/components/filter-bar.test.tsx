import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { FilterBar, type FilterDefinition, type FilterValues } from "./filter-bar.js";

const filters: FilterDefinition[] = [
  { kind: "search", key: "search", label: "名称" },
  { kind: "select", key: "status", label: "状态", options: [{ value: "IN_PROGRESS", label: "在建" }] },
  { kind: "range", key: "amount", label: "总投资", unit: "万元" },
];

function Harness({ initial = {} }: { initial?: FilterValues }) {
  const [values, setValues] = useState<FilterValues>(initial);
  return (
    <>
      <FilterBar filters={filters} values={values} onChange={setValues} />
      <output>{JSON.stringify(values)}</output>
    </>
  );
}

describe("FilterBar", () => {
  it("reports each change with the other filters kept", () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText("名称"), { target: { value: "防洪堤" } });
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "IN_PROGRESS" } });
    fireEvent.change(screen.getByLabelText("总投资 最小"), { target: { value: "1000" } });
    expect(JSON.parse(screen.getByRole("status").textContent ?? "")).toEqual({
      search: "防洪堤",
      status: "IN_PROGRESS",
      amount: ["1000", ""],
    });
  });

  it("resets everything at once, and offers reset only when something is set", () => {
    render(<Harness initial={{ search: "水库" }} />);
    const reset = screen.getByRole("button", { name: "重置" });
    fireEvent.click(reset);
    expect(screen.getByRole("status")).toHaveTextContent("{}");
    expect(reset).toBeDisabled();
  });
});
