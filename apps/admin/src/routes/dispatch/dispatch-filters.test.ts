import { describe, expect, it } from "vitest";
import { chinaToday, taskFilterVariables } from "./dispatch-filters.js";

describe("the task list's filters", () => {
  it("show every task unless asked otherwise, the open ones on asking, and a due range from today", () => {
    expect(taskFilterVariables("421003000000", { status: "open" }, "2026-12-01")).toMatchObject({
      status: ["ASSIGNED", "IN_PROGRESS", "DONE", "RETURNED"],
    });
    expect(taskFilterVariables("421003000000", {}, "2026-12-01")).toEqual({
      code: "421003000000",
      status: null,
      overdue: null,
      unitName: null,
      dueFrom: null,
      dueTo: null,
    });
    expect(taskFilterVariables("421003000000", { status: "overdue", unit: "李埠镇人民政府", due: "week" }, "2026-12-01")).toEqual(
      {
        code: "421003000000",
        status: null,
        overdue: true,
        unitName: "李埠镇人民政府",
        dueFrom: "2026-12-01",
        dueTo: "2026-12-08",
      },
    );
    expect(taskFilterVariables("421003000000", { status: "VERIFIED", due: "nonsense" }, "2026-12-01")).toMatchObject({
      status: ["VERIFIED"],
      dueTo: null,
    });
  });

  it("counts days in China: 23:30 UTC is already tomorrow", () => {
    expect(chinaToday(Date.parse("2026-11-30T23:30:00Z"))).toBe("2026-12-01");
  });
});
