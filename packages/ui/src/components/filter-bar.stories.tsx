import { useState } from "react";
import { FilterBar, type FilterDefinition, type FilterValues } from "./filter-bar.js";

const filters: FilterDefinition[] = [
  { kind: "search", key: "search", label: "项目名称", placeholder: "防洪堤 / fhd" },
  {
    kind: "select",
    key: "status",
    label: "状态",
    options: [
      { value: "IN_PROGRESS", label: "在建" },
      { value: "COMPLETED", label: "完工" },
    ],
  },
  { kind: "range", key: "amount", label: "总投资", unit: "万元" },
];

export const Empty = () => {
  const [values, setValues] = useState<FilterValues>({});
  return <FilterBar filters={filters} values={values} onChange={setValues} />;
};
export const Filled = () => {
  const [values, setValues] = useState<FilterValues>({ search: "防洪堤", status: "IN_PROGRESS", amount: ["1000", "30000"] });
  return <FilterBar filters={filters} values={values} onChange={setValues} />;
};
