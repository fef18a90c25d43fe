import { formatPercent } from "../format/numbers.js";
import { useKitMessages, useLocale } from "../i18n/locale-context.js";
import { COMPLETED_COLOR } from "../tokens/palette.js";
import "./progress-bar.css";

export interface ProgressBarProps {
  /** Completed investment as a percent of total investment ("48.62"), or null if unreported. */
  completionRate: string | number | null | undefined;
  /** Physical progress (形象进度) in percent, or null if unreported. */
  physicalProgress: string | number | null | undefined;
  /** How far through its planned schedule the project is, in percent: drawn as a tick. */
  scheduleElapsed?: string | number | null;
  compact?: boolean;
}

function clampPercent(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.min(100, Math.max(0, number)) : null;
}

/**
 * Money spent and work done, one above the other: a project that has spent 70% of its budget
 * but built 20% shows it at a glance. The tick marks where the schedule says it should be.
 */
export function ProgressBar({ completionRate, physicalProgress, scheduleElapsed, compact = false }: ProgressBarProps) {
  const messages = useKitMessages();
  const locale = useLocale();
  const schedule = clampPercent(scheduleElapsed);
  const bars = [
    { label: messages.investmentCompletion, value: clampPercent(completionRate), raw: completionRate, kind: "investment" },
    { label: messages.physicalProgress, value: clampPercent(physicalProgress), raw: physicalProgress, kind: "physical" },
  ];
  return (
    <div className={`revita-progress${compact ? " revita-progress--compact" : ""}`}>
      {bars.map((bar) => (
        <div key={bar.kind} className="revita-progress__row">
          <span className="revita-progress__label">{bar.label}</span>
          <div
            className="revita-progress__track"
            role="progressbar"
            aria-label={bar.label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={bar.value ?? undefined}
            aria-valuetext={formatPercent(bar.raw, { locale })}
          >
            <div
              className={`revita-progress__fill revita-progress__fill--${bar.kind}`}
              style={{ width: `${bar.value ?? 0}%`, background: bar.kind === "investment" ? COMPLETED_COLOR : undefined }}
            />
            {schedule !== null && <div className="revita-progress__schedule" style={{ left: `${schedule}%` }} />}
          </div>
          <span className="revita-progress__value">{formatPercent(bar.raw, { locale })}</span>
        </div>
      ))}
    </div>
  );
}
