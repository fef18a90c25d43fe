import { GraphQLError } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { fieldIssue, NotFoundError, ValidationError } from "./common/errors.js";
import { figuresOf, formatError, formatErrorIn } from "./server.js";

const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ["projects"] });
const format = (error: GraphQLError) => formatError(error.toJSON(), error);
const formatInEnglish = (error: GraphQLError) => formatErrorIn("en", error.toJSON(), error);

describe("formatError", () => {
  it("hides an unexpected error's message, which may hold SQL or internals, and logs it instead", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const internal = new Error('relation "project" does not exist at SELECT * FROM project');
    const formatted = format(wrap(internal));
    expect(log).toHaveBeenCalledWith(internal);
    log.mockRestore();
    expect(formatted).toEqual({
      message: "服务器内部错误，请稍后再试；如仍出错，请联系管理员",
      path: ["projects"],
      extensions: { code: "INTERNAL_SERVER_ERROR", reason: "INTERNAL_ERROR", params: {} },
    });
  });

  it("passes on Revita's own errors with their code, reason, parameters and field issues, in Chinese by default", () => {
    expect(format(wrap(new NotFoundError("NO_SUCH_REGION", { code: "000000000000" }, "regionCode")))).toMatchObject({
      message: "没有区划代码为 000000000000 的地区",
      extensions: { code: "NOT_FOUND", reason: "NO_SUCH_REGION", params: { code: "000000000000" } },
    });
    expect(format(wrap(new ValidationError([fieldIssue("period", "REQUIRED")])))).toMatchObject({
      message: "period：必填",
      extensions: { code: "BAD_USER_INPUT", issues: [{ field: "period", reason: "REQUIRED", message: "必填" }] },
    });
  });

  it("says the same refusal in English to a reader who asks for English", () => {
    expect(
      formatInEnglish(wrap(new ValidationError([fieldIssue("physicalProgress", "PERCENT_OUT_OF_RANGE", { value: "140" })]))),
    ).toMatchObject({
      message: "physicalProgress: is a percentage from 0 to 100 (got 140)",
      extensions: { issues: [{ field: "physicalProgress", reason: "PERCENT_OUT_OF_RANGE", params: { value: "140" } }] },
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
      message: "amount：不能为负数",
      extensions: { code: "BAD_USER_INPUT", issues: [{ field: "amount", reason: "RULE_NOT_NEGATIVE" }] },
    });
  });

  it("answers a transaction that could not start or finish in time as DATABASE_BUSY, not an internal error", () => {
    const expired = Object.assign(new Error("Transaction API error: Transaction already closed"), { code: "P2028" });
    expect(formatInEnglish(wrap(expired))).toMatchObject({
      message: "the database is busy and could not answer in time: try again shortly",
      extensions: { code: "DATABASE_BUSY", reason: "DATABASE_BUSY" },
    });
  });

  it("reads a cross-row rule's sentence from a trigger back into its reason", () => {
    const refusal = Object.assign(new Error("Database error"), {
      code: "P2039",
      meta: {
        driverAdapterError: {
          cause: {
            code: "23514",
            message:
              "Progress report 2021-01 of project CG-FH-CBSTD-1 (城北新区防洪堤一期): completed investment 99999999.00 exceeds the total investment 43375700.00; give an over-budget reason to record it",
          },
        },
      },
    });
    expect(format(wrap(refusal))).toMatchObject({
      extensions: {
        issues: [
          {
            field: "completedInvestment",
            reason: "EXCEEDS_TOTAL_INVESTMENT",
            params: { value: "99999999.00", total: "43375700.00", project: "城北新区防洪堤一期" },
            message: "99999999.00 元超过城北新区防洪堤一期的总投资 43375700.00 元；如确实超概算，请填写超概算原因",
          },
        ],
      },
    });
  });
});

describe("figuresOf", () => {
  it("reads approved or published figures only when the header asks for exactly that", () => {
    expect(figuresOf({ "x-revita-figures": "approved" })).toBe("approved");
    expect(figuresOf({ "x-revita-figures": "published" })).toBe("published");
    expect(figuresOf({ "x-revita-figures": "APPROVED; all" })).toBe("all");
    expect(figuresOf({})).toBe("all");
  });
});
