import { describe, expect, it } from "vitest";
import { describeChange } from "./project-changes.js";

describe("a change in one line", () => {
  it("shows each changed column from before to after", () => {
    expect(
      describeChange({
        action: "UPDATE",
        changes: [
          { column: "description", before: null, after: "堤防加高" },
          { column: "status", before: "STARTED", after: "IN_PROGRESS" },
        ],
      }),
    ).toBe("description: — → 堤防加高; status: STARTED → IN_PROGRESS");
  });

  it("shows a new or deleted record's values once", () => {
    expect(describeChange({ action: "INSERT", changes: [{ column: "period", before: null, after: "2020-12" }] })).toBe(
      "period: 2020-12",
    );
    expect(describeChange({ action: "DELETE", changes: [{ column: "period", before: "2020-12", after: null }] })).toBe(
      "period: 2020-12",
    );
  });
});
