import { describe, expect, it } from "vitest";
import { variableIssue } from "./errors.js";

describe("variableIssue", () => {
  it("names a nested field by its path below the variable, and keeps what was wrong", () => {
    expect(
      variableIssue(
        'Variable "$input" got invalid value "x" at "input.rows[2].amount"; Expected type "Decimal". Decimal must be digits',
      ),
    ).toEqual({ field: "rows[2].amount", message: "Decimal must be digits" });
  });

  it("reads a value that itself holds quotes and semicolons up to the last path", () => {
    expect(
      variableIssue('Variable "$input" got invalid value "a; at \\"b\\"" at "input.note"; String cannot represent it'),
    ).toEqual({
      field: "note",
      message: "String cannot represent it",
    });
  });

  it("leaves a message that does not refuse a variable's field alone", () => {
    expect(variableIssue('Variable "$code" of required type "String!" was not provided.')).toBeUndefined();
    expect(variableIssue("amount: is required")).toBeUndefined();
  });
});
