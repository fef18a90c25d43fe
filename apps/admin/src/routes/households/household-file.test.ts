import { describe, expect, it } from "vitest";
import { APP_MESSAGES } from "../../i18n/messages.js";
import { orderHouseholds, stepFields } from "./household-file.js";

describe("a village's household list", () => {
  it("lists those being identified first, the longest waiting first, then the monitored", () => {
    const listed = orderHouseholds([
      { number: 1, status: "RISK_ELIMINATED" },
      { number: 2, status: "MONITORED" },
      { number: 3, status: "IDENTIFYING", daysSinceLead: 3 },
      { number: 4, status: "IDENTIFYING", daysSinceLead: 21 },
    ]);
    expect(listed.map((h) => h.number)).toEqual([4, 3, 2, 1]);
  });

  it("asks a notice for its days, a review for its outcome, a proposal whether the risk is gone", () => {
    const t = APP_MESSAGES["zh-CN"];
    expect(stepFields("NOTICE", t).map((f) => f.name)).toEqual(["noticeFrom", "noticeTo", "on", "by", "note"]);
    expect(stepFields("TOWN_REVIEW", t).map((f) => f.name)).toEqual(["approved", "on", "by", "note"]);
    expect(stepFields("ELIMINATION_PROPOSAL", t).map((f) => f.name)).toEqual(["riskGone", "on", "by", "note"]);
    expect(stepFields("RETURN_TO_MONITORING", t).find((f) => f.name === "note")?.required).toBe(true);
  });
});
