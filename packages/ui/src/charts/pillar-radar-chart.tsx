import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Tooltip } from "recharts";
import { formatPercent } from "../format/numbers.js";
import { useLocale } from "../i18n/locale-context.js";
import { COMPLETED_COLOR } from "../tokens/palette.js";
import { ChartFrame } from "./chart-frame.js";
import { ChartTooltipBox } from "./chart-tooltip.js";

export interface PillarScore {
  /** INDUSTRY, ECOLOGY, CULTURE, GOVERNANCE, LIVELIHOOD: the five pillars of revitalization. */
  key: string;
  label: string;
  /** Share of the pillar's indicators on target, in percent (0–100); null when none reported. */
  score: number | null;
  /** e.g. "3 / 4 on target". */
  detail?: string;
}

export interface PillarRadarChartProps {
  title: string;
  description?: string;
  pillars: PillarScore[];
  /** Header of the score column in the data table. */
  scoreLabel: string;
  /** Said instead of the radar when there are no pillars to draw; the kit's "no data to chart" by default. */
  emptyText?: string;
  height?: number;
  width?: number;
}

/** The five-pillar scorecard (产业、生态、乡风、治理、生活) as a radar: a full pentagon is all on target. */
export function PillarRadarChart({
  title,
  description,
  pillars,
  scoreLabel,
  emptyText,
  height = 300,
  width,
}: PillarRadarChartProps) {
  const locale = useLocale();
  const data = pillars.map((pillar) => ({ ...pillar, plotted: pillar.score ?? 0 }));
  return (
    <ChartFrame
      title={title}
      description={description}
      height={height}
      width={width}
      {...(emptyText ? { emptyText } : {})}
      table={{
        header: ["", scoreLabel, ""],
        rows: pillars.map((pillar) => [pillar.label, formatPercent(pillar.score, { locale, digits: 0 }), pillar.detail ?? ""]),
      }}
    >
      <RadarChart data={data} outerRadius="75%" accessibilityLayer>
        <PolarGrid stroke="var(--revita-border)" />
        <PolarAngleAxis dataKey="label" tick={{ fontSize: 12 }} />
        <PolarRadiusAxis domain={[0, 100]} tickCount={5} angle={90} tick={{ fontSize: 10 }} />
        <Tooltip
          content={({ active, payload }) => {
            const pillar = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
            if (!pillar) return null;
            return (
              <ChartTooltipBox
                title={pillar.label}
                lines={[
                  {
                    name: scoreLabel,
                    value: `${formatPercent(pillar.score, { locale, digits: 0 })}${pillar.detail ? ` (${pillar.detail})` : ""}`,
                  },
                ]}
              />
            );
          }}
        />
        <Radar dataKey="plotted" name={scoreLabel} stroke={COMPLETED_COLOR} fill={COMPLETED_COLOR} fillOpacity={0.35} />
      </RadarChart>
    </ChartFrame>
  );
}
