import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProgressBar } from "./progress-bar.js";

describe("ProgressBar", () => {
  it("shows investment completion and physical progress as two progress bars", () => {
    render(<ProgressBar completionRate="35.37" physicalProgress="21.6" scheduleElapsed="61.33" />);
    const [investment, physical] = screen.getAllByRole("progressbar");
    expect(investment).toHaveAccessibleName("投资完成率");
    expect(investment).toHaveAttribute("aria-valuenow", "35.37");
    expect(investment).toHaveAttribute("aria-valuetext", "35.4%");
    expect(physical).toHaveAccessibleName("形象进度");
    expect(physical).toHaveAttribute("aria-valuetext", "21.6%");
  });

  it("keeps bars inside 0–100 and says when nothing is reported", () => {
    render(<ProgressBar completionRate="120" physicalProgress={null} />);
    const [investment, physical] = screen.getAllByRole("progressbar");
    expect(investment).toHaveAttribute("aria-valuenow", "100");
    expect(physical).not.toHaveAttribute("aria-valuenow");
    expect(physical).toHaveAttribute("aria-valuetext", "—");
  });
});
