import { Bar, BarChart, Cell, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { useKitMessages } from "../i18n/locale-context.js";
import { categoryColor } from "../tokens/palette.js";
import { labelWidth, toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";

export interface RankingRow {
  key: string;
  label: string;
  /** The value as the API sends it (a decimal string), or null when not reported. */
  value: string | number | null;
}

export interface RankingChartProps {
  title: string;
  description?: string;
  rows: RankingRow[];
  /** Formats a value for labels, tooltip and table, e.g. formatPercent. */
  format: (value: string | number | null) => string;
  /** Drawn as a line across the bars. */
  target?: string | number | null;
  /** Lower is better (e.g. poverty-return rate): the best comes first either way. */
  lowerIsBetter?: boolean;
  /** The row to emphasise, e.g. the region the reader came from. */
  highlightKey?: string;
  onSelect?: (key: string) => void;
  width?: number;
}

/** Child regions ranked by one value, best first, with the target as a line. */
export function RankingChart({
  title,
  description,
  rows,
  format,
  target,
  lowerIsBetter = false,
  highlightKey,
  onSelect,
  width,
}: RankingChartProps) {
  const messages = useKitMessages();
  const ranked = rows
    .map((row) => ({ ...row, plotted: toPlotNumber(row.value) }))
    .sort((a, b) => {
      if (a.plotted === null) return b.plotted === null ? 0 : 1;
      if (b.plotted === null) return -1;
      return lowerIsBetter ? a.plotted - b.plotted : b.plotted - a.plotted;
    });
  const targetValue = toPlotNumber(target ?? null);
  const height = Math.max(160, ranked.length * 28 + 40);
  // Room for the longest value written beside its bar ("1,240元/公顷" was cut to "40元/公f")
  // and for the longest name, within reason.
  const valueRoom = Math.max(48, ...ranked.map((row) => labelWidth(format(row.value)) + 12));
  const nameRoom = Math.min(160, Math.max(96, ...ranked.map((row) => labelWidth(row.label) * (12 / 11) + 8)));
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      table={{
        header: ["#", "", messages.value],
        rows: ranked.map((row, index) => [String(index + 1), row.label, format(row.value)]),
      }}
    >
      <BarChart data={ranked} layout="vertical" margin={{ top: 8, right: valueRoom, bottom: 0, left: 8 }} accessibilityLayer>
        <XAxis type="number" hide domain={[0, "auto"]} />
        <YAxis type="category" dataKey="label" width={nameRoom} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip
          cursor={{ fill: "var(--revita-surface-muted)" }}
          content={({ active, payload }) => {
            const row = active ? (payload?.[0]?.payload as (typeof ranked)[number] | undefined) : undefined;
            if (!row) return null;
            return <ChartTooltipBox title={row.label} lines={[{ name: messages.value, value: format(row.value) }]} />;
          }}
        />
        {targetValue !== null && (
          <ReferenceLine
            x={targetValue}
            stroke="var(--revita-text)"
            strokeDasharray="4 2"
            label={{ value: messages.target, position: "top", fontSize: 11 }}
          />
        )}
        <Bar
          dataKey="plotted"
          name={messages.value}
          label={{ position: "right", fontSize: 11, formatter: (value: unknown) => format(value as number | null) }}
          cursor={onSelect ? "pointer" : undefined}
          onClick={
            onSelect ? (entry: { payload?: { key?: string } }) => entry.payload?.key && onSelect(entry.payload.key) : undefined
          }
        >
          {ranked.map((row) => (
            <Cell key={row.key} fill={row.key === highlightKey ? categoryColor(1) : categoryColor(0)} />
          ))}
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
