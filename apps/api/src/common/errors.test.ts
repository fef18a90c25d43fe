import { describe, expect, it } from "vitest";
import { variableIssue } from "./errors.js";

describe("variableIssue", () => {
  it("names a nested field by its path below the variable, and the type the value was refused for", () => {
    expect(
      variableIssue(
        'Variable "$input" got invalid value "350万" at "input.rows[2].amount"; Expected type "Decimal". Decimal must be digits',
      ),
    ).toMatchObject({
      field: "rows[2].amount",
      reason: "WRONG_TYPE",
      params: { expected: "Decimal", value: "350万" },
      message: "must be digits such as 1298.50, without a unit (got “350万”)",
    });
  });

  it("reads a value that itself holds quotes and semicolons up to the last path", () => {
    expect(
      variableIssue('Variable "$input" got invalid value "a; at \\"b\\"" at "input.note"; String cannot represent it'),
    ).toMatchObject({ field: "note", reason: "WRONG_TYPE", params: { expected: "String" } });
  });

  it("names a required field left out, and a choice that is not one", () => {
    expect(
      variableIssue(
        'Variable "$input" got invalid value {}; Field "totalInvestment" of required type "Decimal!" was not provided.',
      ),
    ).toMatchObject({ field: "totalInvestment", reason: "REQUIRED" });
    expect(
      variableIssue(
        'Variable "$input" got invalid value "DONE" at "input.status"; Value "DONE" does not exist in "ProjectStatus" enum.',
      ),
    ).toMatchObject({ field: "status", reason: "NOT_AN_OPTION" });
  });

  it("leaves a message that does not refuse a variable's field alone", () => {
    expect(variableIssue('Variable "$code" of required type "String!" was not provided.')).toBeUndefined();
    expect(variableIssue("amount: is required")).toBeUndefined();
  });
});
