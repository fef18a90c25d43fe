import { describe, expect, it } from "vitest";
import { chinaToday, dueMonth } from "./reporting-month.js";

describe("the month a reporting panel judges", () => {
  it("is last month once its due day has passed, the month before until then", () => {
    expect(dueMonth(new Date("2026-12-11T00:00:00Z"))).toBe("2026-11");
    expect(dueMonth(new Date("2026-12-10T00:00:00Z"))).toBe("2026-10");
    expect(dueMonth(new Date("2026-01-05T00:00:00Z"))).toBe("2025-11");
    expect(dueMonth(new Date("2026-01-31T00:00:00Z"))).toBe("2025-12");
  });

  it("counts days in China: 20:00 UTC on the 10th is already the 11th there", () => {
    expect(dueMonth(chinaToday(new Date("2026-12-10T20:00:00Z")))).toBe("2026-11");
  });
});
