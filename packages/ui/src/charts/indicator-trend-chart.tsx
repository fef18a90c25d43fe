import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatQuantity } from "../format/numbers.js";
import { formatPeriod } from "../format/period.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { COMPLETED_COLOR, STANDING_COLOR } from "../tokens/palette.js";
import { toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";

export interface IndicatorTrendPoint {
  period: string;
  /** The value in the indicator's unit, as a decimal string; null when nothing was reported. */
  value: string | null;
}

export interface IndicatorTrendChartProps {
  title: string;
  description?: string;
  /** Oldest first. */
  points: IndicatorTrendPoint[];
  unit: string;
  /** Decimal places to show. */
  decimals?: number;
  /** Drawn as dashed lines when given. */
  target?: string | null;
  baseline?: string | null;
  height?: number;
  width?: number;
}

/** One indicator of one region over the years, against its target and baseline. */
export function IndicatorTrendChart({
  title,
  description,
  points,
  unit,
  decimals = 0,
  target,
  baseline,
  height = 260,
  width,
}: IndicatorTrendChartProps) {
  const messages = useKitMessages();
  const locale = useLocale();
  const format = (value: string | number | null | undefined) => formatQuantity(value, { locale, unit, digits: decimals });
  const drawn = points.map((point) => ({ ...point, plotted: toPlotNumber(point.value) }));
  const targetValue = toPlotNumber(target);
  const baselineValue = toPlotNumber(baseline);
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      table={{
        header: [messages.period, messages.value],
        rows: points.map((point) => [formatPeriod(point.period, { locale }), format(point.value)]),
      }}
    >
      <LineChart data={drawn} margin={{ top: 16, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--revita-border)" />
        <XAxis dataKey="period" tickFormatter={(key: string) => formatPeriod(key, { short: true, locale })} />
        <YAxis width={64} tickFormatter={(value: number) => formatQuantity(value, { locale })} domain={["auto", "auto"]} />
        <Tooltip
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as (typeof drawn)[number] | undefined) : undefined;
            if (!point) return null;
            return (
              <ChartTooltipBox
                title={formatPeriod(point.period, { locale })}
                lines={[{ name: messages.value, value: format(point.value), color: COMPLETED_COLOR }]}
              />
            );
          }}
        />
        {targetValue !== null && (
          <ReferenceLine
            y={targetValue}
            stroke={STANDING_COLOR.ON_TARGET}
            strokeDasharray="6 3"
            label={{ value: `${messages.target} ${format(target)}`, position: "insideTopRight", fontSize: 12 }}
          />
        )}
        {baselineValue !== null && (
          <ReferenceLine
            y={baselineValue}
            stroke="var(--revita-text-muted)"
            strokeDasharray="2 4"
            label={{ value: `${messages.baseline} ${format(baseline)}`, position: "insideBottomRight", fontSize: 12 }}
          />
        )}
        <Line type="monotone" dataKey="plotted" name={messages.value} stroke={COMPLETED_COLOR} strokeWidth={2} connectNulls />
      </LineChart>
    </ChartFrame>
  );
}
