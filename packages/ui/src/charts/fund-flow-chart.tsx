import { useKitMessages } from "../i18n/locale-context.js";
import { COMPLETED_COLOR, PLANNED_COLOR } from "../tokens/palette.js";
import { BreakdownChart } from "./breakdown-chart.js";

export interface FundFlowRow {
  key: string;
  /** A source type, a year or a region. */
  label: string;
  /** Yuan allocated to projects, as a decimal string. */
  allocated: string;
  /** Yuan paid out against those allocations. */
  disbursed: string;
}

export interface FundFlowChartProps {
  title: string;
  description?: string;
  rows: FundFlowRow[];
  onSelect?: (key: string) => void;
  height?: number;
  width?: number;
}

/** Allocated against disbursed money, side by side for each source, year or region. */
export function FundFlowChart({ rows, ...props }: FundFlowChartProps) {
  const messages = useKitMessages();
  return (
    <BreakdownChart
      {...props}
      rows={rows.map((row) => ({
        key: row.key,
        label: row.label,
        values: { allocated: row.allocated, disbursed: row.disbursed },
      }))}
      series={[
        { key: "allocated", label: messages.allocated, color: PLANNED_COLOR },
        { key: "disbursed", label: messages.disbursed, color: COMPLETED_COLOR },
      ]}
    />
  );
}
