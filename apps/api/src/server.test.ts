import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { NotFoundError, ValidationError } from "./common/errors.js";
import { figuresOf, formatError } from "./server.js";

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ["projects"] });
const format = (error: GraphQLError) => formatError(error.toJSON(), error);

describe("formatError", () => {
  it("hides an unexpected error's message, which may hold SQL or internals, and logs it instead", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const internal = new Error('relation "project" does not exist at SELECT * FROM project');
    const formatted = format(wrap(internal));
    expect(log).toHaveBeenCalledWith(internal);
    log.mockRestore();
    expect(formatted).toEqual({
      message: "Internal server error",
      path: ["projects"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("passes on Revita's own errors with their code and field issues", () => {
    expect(format(wrap(new NotFoundError("The region 000000000000", "regionCode")))).toMatchObject({
      message: "The region 000000000000 does not exist",
      extensions: { code: "NOT_FOUND" },
    });
    expect(format(wrap(new ValidationError([{ field: "period", message: "is required" }])))).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", issues: [{ field: "period", message: "is required" }] },
    });
  });

  it("translates a database refusal into the rule it broke", () => {
    const refusal = Object.assign(new Error("Database error"), {
      code: "P2039",
      meta: {
        driverAdapterError: {
          cause: { code: "23514", message: 'new row for relation "fund" violates check constraint "fund_amount_not_negative"' },
        },
      },
    });
    expect(format(wrap(refusal))).toMatchObject({
      message: "amount: a fund's amount cannot be negative",
      extensions: { code: "BAD_USER_INPUT", issues: [{ field: "amount" }] },
    });
  });
});

describe("figuresOf", () => {
  it("reads approved figures only when the header asks for exactly that", () => {
    expect(figuresOf({ "x-revita-figures": "approved" })).toBe("approved");
    expect(figuresOf({ "x-revita-figures": "APPROVED; all" })).toBe("all");
    expect(figuresOf({})).toBe("all");
  });
});
