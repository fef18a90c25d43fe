import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { refusalByField } from "./entry-form.js";

const refusal = (message: string, issues?: { field: string; message: string }[]) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: "BAD_USER_INPUT", ...(issues ? { issues } : {}) } }] });

describe("a refusal, by the form's fields", () => {
  it("puts each message beside the field it names, and the others above the button with their field", () => {
    expect(
      refusalByField(
        refusal("…", [
          { field: "amount", message: "would bring payments above the allocation" },
          { field: "expectedVersion", message: "is 2, but it is now at version 3" },
        ]),
        ["amount", "paidOn"],
      ),
    ).toEqual({
      fields: { amount: "would bring payments above the allocation" },
      general: "expectedVersion: is 2, but it is now at version 3",
    });
  });

  it("gathers the fields of every error, as values refused for their type come one error each", () => {
    const typeErrors = new CombinedGraphQLErrors({
      errors: [
        { message: "…", extensions: { code: "BAD_USER_INPUT", issues: [{ field: "amount", message: "must be digits" }] } },
        { message: "…", extensions: { code: "BAD_USER_INPUT", issues: [{ field: "paidOn", message: "must be YYYY-MM-DD" }] } },
      ],
    });
    expect(refusalByField(typeErrors, ["amount", "paidOn"])).toEqual({
      fields: { amount: "must be digits", paidOn: "must be YYYY-MM-DD" },
      general: undefined,
    });
  });

  it("shows a refusal that names no field as it is, and a network failure's message", () => {
    expect(refusalByField(refusal("CG-1 is outside the regions you may edit"), ["amount"])).toEqual({
      fields: {},
      general: "CG-1 is outside the regions you may edit",
    });
    expect(refusalByField(new Error("Failed to fetch"), ["amount"])).toEqual({ fields: {}, general: "Failed to fetch" });
  });
});
