import { useMemo } from "react";
import { Line, LineChart } from "recharts";
import { COMPLETED_COLOR } from "../tokens/palette.js";
import { toPlotNumber } from "./chart-format.js";
import { downsample, MAX_DRAWN_POINTS } from "./downsample.js";

export interface TrendSparklineProps {
  /** Values in period order, as the API sends them. */
  values: (string | number | null)[];
  /** Read out instead of the drawing, e.g. "2019–2023: 81% → 93%". */
  label: string;
  width?: number;
  height?: number;
  color?: string;
}

/** A word-sized trend line for KPI cards and table cells: no axes, no tooltip, just the shape. */
export function TrendSparkline({ values, label, width = 96, height = 28, color = COMPLETED_COLOR }: TrendSparklineProps) {
  const data = useMemo(
    () =>
      downsample(
        values.map((value, index) => ({ index, value: toPlotNumber(value) })),
        Math.min(MAX_DRAWN_POINTS, width),
        (point) => point.value ?? 0,
      ),
    [values, width],
  );
  return (
    <span role="img" aria-label={label} className="revita-sparkline" style={{ display: "inline-block", width, height }}>
      <LineChart width={width} height={height} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <Line
          type="monotone"
          dataKey="value"
          stroke={color}
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
          connectNulls
        />
      </LineChart>
    </span>
  );
}
