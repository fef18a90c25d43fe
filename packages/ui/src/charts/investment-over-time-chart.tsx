import { useMemo } from "react";
import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../format/money.js";
import { formatPeriod } from "../format/period.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { COMPLETED_COLOR, PLANNED_COLOR } from "../tokens/palette.js";
import { largestPlotted, moneyAxisFormatter, toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";
import { downsample, MAX_DRAWN_POINTS } from "./downsample.js";

export interface InvestmentPoint {
  /** A period key, usually a month: "2020-06". */
  period: string;
  /** Cumulative planned investment by the end of the period, yuan as a decimal string. */
  planned: string;
  /** Cumulative completed investment reported by the end of the period. */
  completed: string | null;
}

export interface InvestmentOverTimeChartProps {
  title: string;
  description?: string;
  points: InvestmentPoint[];
  height?: number;
  /** A fixed width for tests and static rendering; otherwise the chart fills its container. */
  width?: number;
}

/** Cumulative planned against cumulative completed investment, period by period. */
export function InvestmentOverTimeChart({ title, description, points, height = 280, width }: InvestmentOverTimeChartProps) {
  const messages = useKitMessages();
  const locale = useLocale();
  const drawn = useMemo(() => {
    const plotted = points.map((point) => ({
      ...point,
      plannedValue: toPlotNumber(point.planned),
      completedValue: toPlotNumber(point.completed),
    }));
    return downsample(plotted, MAX_DRAWN_POINTS, (point) => point.completedValue ?? point.plannedValue ?? 0);
  }, [points]);
  const animate = points.length <= MAX_DRAWN_POINTS;
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      table={{
        header: [messages.period, messages.planned, messages.completed],
        rows: points.map((point) => [
          formatPeriod(point.period, { locale }),
          formatMoney(point.planned, { locale }),
          formatMoney(point.completed, { locale }),
        ]),
      }}
    >
      <AreaChart data={drawn} margin={{ top: 8, right: 16, bottom: 0, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--revita-border)" />
        <XAxis dataKey="period" tickFormatter={(key: string) => formatPeriod(key, { short: true })} minTickGap={24} />
        <YAxis
          tickFormatter={moneyAxisFormatter(
            largestPlotted(drawn.flatMap((point) => [point.plannedValue, point.completedValue])),
            locale,
          )}
          width={56}
        />
        <Tooltip
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as (typeof drawn)[number] | undefined) : undefined;
            if (!point) return null;
            return (
              <ChartTooltipBox
                title={formatPeriod(point.period, { locale })}
                lines={[
                  { name: messages.planned, value: formatMoney(point.planned, { locale }), color: PLANNED_COLOR },
                  { name: messages.completed, value: formatMoney(point.completed, { locale }), color: COMPLETED_COLOR },
                ]}
              />
            );
          }}
        />
        <Legend />
        <Area
          type="monotone"
          dataKey="plannedValue"
          name={messages.planned}
          stroke={PLANNED_COLOR}
          fill={PLANNED_COLOR}
          fillOpacity={0.15}
          strokeDasharray="6 3"
          isAnimationActive={animate}
        />
        <Area
          type="monotone"
          dataKey="completedValue"
          name={messages.completed}
          stroke={COMPLETED_COLOR}
          fill={COMPLETED_COLOR}
          fillOpacity={0.3}
          connectNulls
          isAnimationActive={animate}
        />
      </AreaChart>
    </ChartFrame>
  );
}
