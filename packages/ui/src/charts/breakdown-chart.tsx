import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../format/money.js";
import { formatCount } from "../format/numbers.js";
import { useLocale } from "../i18n/locale-context.js";
import { categoryColor } from "../tokens/palette.js";
import { formatMoneyAxis, toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";

export interface BreakdownSeries {
  key: string;
  label: string;
  /** A CSS colour; defaults to the category palette in series order. */
  color?: string;
}

export interface BreakdownRow {
  /** What a click reports, e.g. a child region's code or a category code. */
  key: string;
  label: string;
  /** One value per series key: yuan as decimal strings, or counts. */
  values: Record<string, string | number | null>;
}

export interface BreakdownChartProps {
  title: string;
  description?: string;
  rows: BreakdownRow[];
  series: BreakdownSeries[];
  /** Stacked segments add up to the bar (completed + remaining); side by side they compare. */
  stacked?: boolean;
  valueKind?: "money" | "count";
  /** Called with a row's key when its bar is clicked or chosen with Enter: drill-down. */
  onSelect?: (key: string) => void;
  height?: number;
  width?: number;
}

/** Investment (or anything else) broken down by category or child region, as bars. */
export function BreakdownChart({
  title,
  description,
  rows,
  series,
  stacked = false,
  valueKind = "money",
  onSelect,
  height = 300,
  width,
}: BreakdownChartProps) {
  const locale = useLocale();
  const format = (value: string | number | null | undefined) =>
    valueKind === "money" ? formatMoney(value, { locale }) : formatCount(value, { locale });
  const data = rows.map((row) => ({
    key: row.key,
    label: row.label,
    ...Object.fromEntries(series.map((s) => [s.key, toPlotNumber(row.values[s.key] ?? null)])),
  }));
  const colored = series.map((s, index) => ({ ...s, color: s.color ?? categoryColor(index) }));
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      table={{
        header: ["", ...series.map((s) => s.label)],
        rows: rows.map((row) => [row.label, ...series.map((s) => format(row.values[s.key]))]),
      }}
    >
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--revita-border)" vertical={false} />
        <XAxis
          dataKey="label"
          interval={0}
          tick={{ fontSize: 11 }}
          height={rows.length > 6 ? 60 : 30}
          angle={rows.length > 6 ? -30 : 0}
          textAnchor={rows.length > 6 ? "end" : "middle"}
        />
        <YAxis
          tickFormatter={(value: number) => (valueKind === "money" ? formatMoneyAxis(value, locale) : String(value))}
          width={56}
        />
        <Tooltip
          cursor={{ fill: "var(--revita-surface-muted)" }}
          content={({ active, label }) => {
            const row = active ? rows.find((r) => r.label === label) : undefined;
            if (!row) return null;
            return (
              <ChartTooltipBox
                title={row.label}
                lines={colored.map((s) => ({ name: s.label, value: format(row.values[s.key]), color: s.color }))}
              />
            );
          }}
        />
        {series.length > 1 && <Legend />}
        {colored.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? "stack" : undefined}
            cursor={onSelect ? "pointer" : undefined}
            onClick={
              onSelect ? (entry: { payload?: { key?: string } }) => entry.payload?.key && onSelect(entry.payload.key) : undefined
            }
          />
        ))}
      </BarChart>
    </ChartFrame>
  );
}
