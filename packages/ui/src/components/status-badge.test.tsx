import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { LocaleProvider } from "../i18n/locale-context.js";
import { ProjectStatusBadge, StandingBadge } from "./status-badge.js";

describe("badges", () => {
  it("name a project's status in Chinese by default and in English when asked", () => {
    render(<ProjectStatusBadge status="IN_PROGRESS" />);
    expect(screen.getByText("在建")).toHaveClass("revita-badge--info");
    render(
      <LocaleProvider locale="en">
        <ProjectStatusBadge status="ACCEPTED" />
      </LocaleProvider>,
    );
    expect(screen.getByText("Accepted")).toHaveClass("revita-badge--good");
  });

  it("carry a standing by symbol and word, not colour alone", () => {
    render(<StandingBadge standing="BEHIND" />);
    const badge = screen.getByText("滞后").closest(".revita-badge");
    expect(badge).toHaveTextContent("✕ 滞后");
    expect(badge).toHaveClass("revita-badge--bad");
  });
});
