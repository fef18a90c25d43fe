import { formatPercent, unitName } from "../format/numbers.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { STANDING_COLOR, STANDING_SYMBOL, type Standing } from "../tokens/palette.js";
import { toPlotNumber } from "./chart-format.js";
import { ChartFrame } from "./chart-frame.js";
import "./indicator-target-chart.css";

export interface IndicatorBullet {
  key: string;
  label: string;
  /** Decimal strings as the API sends them; null when not reported. */
  value: string | null;
  target: string | null;
  baseline: string | null;
  /** e.g. "%", "万元", "户". */
  unit: string;
  standing: Standing | null;
}

export interface IndicatorTargetChartProps {
  title: string;
  description?: string;
  indicators: IndicatorBullet[];
}

/**
 * Bullet charts, one per indicator: the bar is the value, the black tick the target, the grey
 * band the baseline. Each row has its own scale, since the indicators' units differ. Drawn in
 * plain SVG: a row of rectangles needs no chart library.
 */
export function IndicatorTargetChart({ title, description, indicators }: IndicatorTargetChartProps) {
  const messages = useKitMessages();
  const locale = useLocale();
  const show = (value: string | null, unit: string) => {
    if (value === null) return "—";
    if (unit === "%") return formatPercent(value, { locale });
    const said = unitName(unit, locale);
    return said && locale === "en" ? `${value} ${said}` : `${value}${said}`;
  };
  return (
    <ChartFrame
      title={title}
      description={description}
      plain
      table={{
        header: ["", messages.value, messages.target, messages.baseline, messages.vsTarget],
        rows: indicators.map((i) => [
          i.label,
          show(i.value, i.unit),
          show(i.target, i.unit),
          show(i.baseline, i.unit),
          i.standing ? messages.standing[i.standing] : "—",
        ]),
      }}
    >
      <ul className="revita-bullets">
        {indicators.map((indicator) => {
          const value = toPlotNumber(indicator.value);
          const target = toPlotNumber(indicator.target);
          const baseline = toPlotNumber(indicator.baseline);
          const max = Math.max(value ?? 0, target ?? 0, baseline ?? 0) * 1.1 || 1;
          const x = (v: number) => `${(v / max) * 100}%`;
          const color = indicator.standing ? STANDING_COLOR[indicator.standing] : "var(--revita-neutral)";
          return (
            <li key={indicator.key}>
              <span className="revita-bullets__label">{indicator.label}</span>
              <svg className="revita-bullets__bar" role="presentation" height="20" width="100%">
                {baseline !== null && <rect x="0" y="3" width={x(baseline)} height="14" fill="var(--revita-surface-muted)" />}
                {value !== null && <rect x="0" y="6" width={x(value)} height="8" fill={color} />}
                {target !== null && <rect x={x(target)} y="1" width="2" height="18" fill="var(--revita-text)" />}
              </svg>
              <span className="revita-bullets__value">
                {indicator.standing && <span aria-hidden="true">{STANDING_SYMBOL[indicator.standing]} </span>}
                {show(indicator.value, indicator.unit)}
                <span className="revita-bullets__target">
                  {" / "}
                  {show(indicator.target, indicator.unit)}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </ChartFrame>
  );
}
