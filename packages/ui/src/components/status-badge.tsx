import type { ReactNode } from "react";
import { useKitMessages } from "../i18n/locale-context.js";
import { STANDING_SYMBOL, type Standing } from "../tokens/palette.js";
import "./status-badge.css";

export type BadgeTone = "neutral" | "info" | "good" | "warning" | "bad";

/** A short label in a coloured pill. The text carries the meaning; the colour only helps. */
export function StatusBadge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`revita-badge revita-badge--${tone}`}>{children}</span>;
}

export type ProjectStatus = "PLANNED" | "STARTED" | "IN_PROGRESS" | "COMPLETED" | "ACCEPTED";

const PROJECT_TONE: Record<ProjectStatus, BadgeTone> = {
  PLANNED: "neutral",
  STARTED: "info",
  IN_PROGRESS: "info",
  COMPLETED: "good",
  ACCEPTED: "good",
};

/** 规划 → 开工 → 在建 → 完工 → 验收, in the reader's language. */
export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { projectStatus } = useKitMessages();
  return <StatusBadge tone={PROJECT_TONE[status]}>{projectStatus[status]}</StatusBadge>;
}

const STANDING_TONE: Record<Standing, BadgeTone> = { ON_TARGET: "good", AT_RISK: "warning", BEHIND: "bad" };

/** On target / at risk / behind, with a symbol so it reads without colour. */
export function StandingBadge({ standing }: { standing: Standing }) {
  const { standing: labels } = useKitMessages();
  return (
    <StatusBadge tone={STANDING_TONE[standing]}>
      <span aria-hidden="true">{STANDING_SYMBOL[standing]} </span>
      {labels[standing]}
    </StatusBadge>
  );
}
