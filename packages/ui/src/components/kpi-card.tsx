import type { ReactNode } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import type { Standing } from "../tokens/palette.js";
import { Skeleton } from "./data-state.js";
import { StandingBadge } from "./status-badge.js";
import "./kpi-card.css";

export interface KpiChange {
  /** Already formatted, e.g. "+12.3%" (see formatChange). */
  text: string;
  trend: "up" | "down" | "flat";
  /** Whether this change is good news: more investment completed is, more dropouts are not. */
  favourable: boolean;
  /** What it is compared with, when not the previous period: "较上年同期". */
  versus?: string;
}

export interface KpiCardProps {
  label: string;
  /** The headline figure, formatted: "1.30亿元", "63.5%". */
  value: ReactNode;
  /** A second line under the value, e.g. "of 2.60亿元 planned". */
  detail?: ReactNode;
  change?: KpiChange;
  /** The target, formatted, with how the value stands against it. */
  target?: { text: string; standing?: Standing };
  loading?: boolean;
}

const TREND_ARROW = { up: "▲", down: "▼", flat: "■" } as const;

/** One key figure of the overview: the value, its change since the previous period, its target. */
export function KpiCard({ label, value, detail, change, target, loading = false }: KpiCardProps) {
  const messages = useKitMessages();
  return (
    <section className="revita-kpi" aria-label={label}>
      <h3 className="revita-kpi__label">{label}</h3>
      {loading ? (
        <Skeleton lines={2} />
      ) : (
        <>
          <p className="revita-kpi__value">{value}</p>
          {detail && <p className="revita-kpi__detail">{detail}</p>}
          <div className="revita-kpi__footer">
            {change && (
              <span
                className={`revita-kpi__change revita-kpi__change--${change.trend === "flat" ? "flat" : change.favourable ? "good" : "bad"}`}
              >
                <span aria-hidden="true">{TREND_ARROW[change.trend]} </span>
                {change.text} <span className="revita-kpi__muted">{change.versus ?? messages.vsPrevious}</span>
              </span>
            )}
            {target && (
              <span className="revita-kpi__target">
                {messages.target} {target.text} {target.standing && <StandingBadge standing={target.standing} />}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
