import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { problemsByField } from "./report-progress-form.js";

const refusal = (message: string, issues?: { field: string; message: string }[]) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: "BAD_USER_INPUT", ...(issues ? { issues } : {}) } }] });

describe("the API's refusal, by field", () => {
  it("puts each named field's message beside that field, and the rest above the button", () => {
    expect(
      problemsByField(
        refusal("…", [
          { field: "physicalProgress", message: "must be between 0 and 100" },
          { field: "projectCode", message: "no project has the code X" },
        ]),
      ),
    ).toEqual({ fields: { physicalProgress: "must be between 0 and 100" }, general: "no project has the code X" });
  });

  it("shows a refusal that names no field as it is", () => {
    expect(problemsByField(refusal("CG-1 is outside the regions you may edit"))).toEqual({
      fields: {},
      general: "CG-1 is outside the regions you may edit",
    });
  });
});
