import { ProjectStatusBadge, StandingBadge, StatusBadge } from "./status-badge.js";

export const ProjectStatuses = () => (
  <p style={{ display: "flex", gap: 8 }}>
    {(["PLANNED", "STARTED", "IN_PROGRESS", "COMPLETED", "ACCEPTED"] as const).map((status) => (
      <ProjectStatusBadge key={status} status={status} />
    ))}
  </p>
);
export const Standings = () => (
  <p style={{ display: "flex", gap: 8 }}>
    <StandingBadge standing="ON_TARGET" />
    <StandingBadge standing="AT_RISK" />
    <StandingBadge standing="BEHIND" />
  </p>
);
export const Tones = () => (
  <p style={{ display: "flex", gap: 8 }}>
    {(["neutral", "info", "good", "warning", "bad"] as const).map((tone) => (
      <StatusBadge key={tone} tone={tone}>
        {tone}
      </StatusBadge>
    ))}
  </p>
);
