import { describe, expect, it } from "vitest";
import { nextSlot, slotMonth } from "./briefing-schedule.js";

const china = (iso: string) => new Date(`${iso}+08:00`);

describe("the weekly brief's next slot (China time)", () => {
  it("is the coming weekday at its hour", () => {
    // 2026-12-01 is a Tuesday; Monday 08:00 comes on the 7th.
    expect(nextSlot(china("2026-12-01T09:00:00"), 1, 480)).toEqual(china("2026-12-07T08:00:00"));
    // Tuesday 08:00, asked at 07:59 on a Tuesday: the same day.
    expect(nextSlot(china("2026-12-01T07:59:00"), 2, 480)).toEqual(china("2026-12-01T08:00:00"));
  });

  it("is a week on when the slot is now or just past", () => {
    expect(nextSlot(china("2026-12-07T08:00:00"), 1, 480)).toEqual(china("2026-12-14T08:00:00"));
    expect(nextSlot(china("2026-12-07T08:01:00"), 1, 480)).toEqual(china("2026-12-14T08:00:00"));
  });

  it("counts China's day, not the server's: Monday 06:00 in Beijing is Sunday in UTC", () => {
    const slot = nextSlot(new Date("2026-12-06T12:00:00Z"), 1, 360);
    expect(slot.toISOString()).toBe("2026-12-06T22:00:00.000Z");
    expect(slotMonth(china("2026-12-01T00:30:00"))).toBe("2026-12");
    expect(slotMonth(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12");
  });

  it("handles Sundays (7) and the last minute of the day", () => {
    expect(nextSlot(china("2026-12-01T09:00:00"), 7, 1439)).toEqual(china("2026-12-06T23:59:00"));
  });
});
