import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../format/money.js";
import { formatCount } from "../format/numbers.js";
import { useLocale } from "../i18n/locale-context.js";
import { categoryColor } from "../tokens/palette.js";
import { labelWidth, largestPlotted, moneyAxisFormatter, toPlotNumber } from "./chart-format.js";
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

/** Labels wider than this stand beside horizontal bars, cut with "…" (the table and tooltip keep them whole). */
const LABEL_COLUMN = 150;

/**
 * Whether the bars lie down: when the labels side by side would need more than a small card's
 * width (about 300 px once the axis is drawn), as English category names do, they overlap
 * under upright bars.
 */
export function barsLieDown(labels: string[]): boolean {
  return labels.reduce((sum, label) => sum + labelWidth(label) + 8, 0) > 300;
}

function cut(label: string): string {
  if (labelWidth(label) <= LABEL_COLUMN) return label;
  let out = "";
  for (const char of label) {
    if (labelWidth(`${out}${char}…`) > LABEL_COLUMN) break;
    out += char;
  }
  return `${out}…`;
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
  const plotted = rows.map((row) => series.map((s) => toPlotNumber(row.values[s.key] ?? null)));
  const data = rows.map((row, index) => ({
    key: row.key,
    label: row.label,
    ...Object.fromEntries(series.map((s, column) => [s.key, plotted[index]![column]])),
  }));
  const colored = series.map((s, index) => ({ ...s, color: s.color ?? categoryColor(index) }));
  const lying = barsLieDown(rows.map((row) => row.label));
  // The axis's largest value: a row's bars side by side, or stacked into one.
  const largest = largestPlotted(
    plotted.map((values) => (stacked ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : largestPlotted(values))),
  );
  const moneyTick = moneyAxisFormatter(largest, locale);
  const valueTick = (value: number) => (valueKind === "money" ? moneyTick(value) : String(value));
  const labelColumn = Math.min(LABEL_COLUMN, Math.max(...rows.map((row) => labelWidth(row.label)), 0)) + 8;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={lying ? Math.max(height, rows.length * 30 + 70) : height}
      width={width}
      table={{
        header: ["", ...series.map((s) => s.label)],
        rows: rows.map((row) => [row.label, ...series.map((s) => format(row.values[s.key]))]),
      }}
    >
      <BarChart
        data={data}
        layout={lying ? "vertical" : "horizontal"}
        margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        accessibilityLayer
      >
        <CartesianGrid strokeDasharray="3 3" stroke="var(--revita-border)" vertical={lying} horizontal={!lying} />
        {lying ? (
          <>
            <XAxis type="number" tickFormatter={valueTick} tick={{ fontSize: 11 }} />
            <YAxis type="category" dataKey="label" interval={0} tick={{ fontSize: 11 }} width={labelColumn} tickFormatter={cut} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} height={30} />
            <YAxis tickFormatter={valueTick} width={56} />
          </>
        )}
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
