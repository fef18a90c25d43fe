import { describe, expect, it } from "vitest";
import { ALERT_RULES, severityOf } from "./alert-rules.js";

describe("the rules' directions", () => {
  it("raise above the thresholds where more is worse and below where less is", () => {
    expect(severityOf("OVERDUE", 1, { amber: 0, red: 90 })).toBe("AMBER");
    expect(severityOf("OVERDUE", 0, { amber: 0, red: 90 })).toBeNull();
    expect(severityOf("OVERDUE", 91, { amber: 0, red: 90 })).toBe("RED");
    expect(severityOf("INDUSTRY_SHARE", 64.99, ALERT_RULES.INDUSTRY_SHARE)).toBe("AMBER");
    expect(severityOf("INDUSTRY_SHARE", 65, ALERT_RULES.INDUSTRY_SHARE)).toBeNull();
    expect(severityOf("INDUSTRY_SHARE", 59, ALERT_RULES.INDUSTRY_SHARE)).toBe("RED");
  });
});
