import { useMemo } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../format/money.js";
import { formatPercent } from "../format/numbers.js";
import { formatPeriod } from "../format/period.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { COMPLETED_COLOR, PLANNED_COLOR } from "../tokens/palette.js";
import { largestPlotted, moneyAxisFormatter, toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";
import { downsample, MAX_DRAWN_POINTS } from "./downsample.js";

export interface ProgressPoint {
  /** The reporting period: "2020-06", "2020Q2" or "2020". */
  period: string;
  /** 累计完成投资 by the period's end, yuan as a decimal string; null when not reported. */
  completedInvestment: string | null;
  /** 工程形象进度 in percent; null when not reported. */
  physicalProgress: string | null;
}

export interface ProgressHistoryChartProps {
  title: string;
  description?: string;
  /** Oldest first. */
  points: ProgressPoint[];
  /** The project's total investment, drawn as the line completed investment climbs towards. */
  totalInvestment?: string | null;
  height?: number;
  width?: number;
}

/** One project's reports: completed investment as bars, physical progress as a line on its own scale. */
export function ProgressHistoryChart({
  title,
  description,
  points,
  totalInvestment,
  height = 280,
  width,
}: ProgressHistoryChartProps) {
  const messages = useKitMessages();
  const locale = useLocale();
  const drawn = useMemo(
    () =>
      downsample(
        points.map((point) => ({
          ...point,
          completedValue: toPlotNumber(point.completedInvestment),
          progressValue: toPlotNumber(point.physicalProgress),
        })),
        MAX_DRAWN_POINTS,
        (point) => point.completedValue ?? 0,
      ),
    [points],
  );
  const total = toPlotNumber(totalInvestment);
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      table={{
        header: [messages.period, messages.completed, messages.physicalProgress],
        rows: points.map((point) => [
          formatPeriod(point.period, { locale }),
          formatMoney(point.completedInvestment, { locale }),
          formatPercent(point.physicalProgress, { locale }),
        ]),
      }}
    >
      <ComposedChart data={drawn} margin={{ top: 8, right: 8, bottom: 0, left: 8 }} accessibilityLayer>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--revita-border)" />
        <XAxis dataKey="period" tickFormatter={(key: string) => formatPeriod(key, { short: true })} minTickGap={24} />
        <YAxis
          yAxisId="money"
          tickFormatter={moneyAxisFormatter(largestPlotted([total, ...drawn.map((point) => point.completedValue)]), locale)}
          width={56}
          domain={[0, total ? Math.max(total, 1) : "auto"]}
        />
        <YAxis
          yAxisId="percent"
          orientation="right"
          domain={[0, 100]}
          tickFormatter={(value: number) => `${value}%`}
          width={44}
        />
        <Tooltip
          content={({ active, payload }) => {
            const point = active ? (payload?.[0]?.payload as (typeof drawn)[number] | undefined) : undefined;
            if (!point) return null;
            return (
              <ChartTooltipBox
                title={formatPeriod(point.period, { locale })}
                lines={[
                  { name: messages.completed, value: formatMoney(point.completedInvestment, { locale }), color: COMPLETED_COLOR },
                  {
                    name: messages.physicalProgress,
                    value: formatPercent(point.physicalProgress, { locale }),
                    color: PLANNED_COLOR,
                  },
                ]}
              />
            );
          }}
        />
        <Legend />
        {total !== null && <ReferenceLine yAxisId="money" y={total} stroke="var(--revita-text-muted)" strokeDasharray="4 4" />}
        <Bar yAxisId="money" dataKey="completedValue" name={messages.completed} fill={COMPLETED_COLOR} />
        <Line
          yAxisId="percent"
          type="monotone"
          dataKey="progressValue"
          name={messages.physicalProgress}
          stroke={PLANNED_COLOR}
          strokeWidth={2}
          connectNulls
          dot={points.length <= 60}
        />
      </ComposedChart>
    </ChartFrame>
  );
}
