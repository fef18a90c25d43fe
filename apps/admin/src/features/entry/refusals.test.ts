import { CombinedGraphQLErrors } from "@apollo/client";
import { describe, expect, it } from "vitest";
import { RefusedError, refusalByField } from "./refusals.js";

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions }] });
const NETWORK = "网络故障";

describe("a refusal, by the form's fields, in the dashboard's language", () => {
  const overBudget = {
    field: "completedInvestment",
    reason: "EXCEEDS_TOTAL_INVESTMENT",
    params: { value: "99999999.00", total: "43375700.00", project: "城北新区防洪堤一期" },
    message:
      "99999999.00 exceeds the total investment 43375700.00 of 城北新区防洪堤一期; give an over-budget reason to record it",
  };
  const version = {
    field: "expectedVersion",
    reason: "STALE_VERSION_FIELD",
    params: { expected: 2, current: 3 },
    message: "is 2, but it is now at version 3",
  };

  it("says each issue from its reason beside the field it names, and the others above the button", () => {
    const error = refusal("…", { code: "BAD_USER_INPUT", reason: "INVALID_INPUT", issues: [overBudget, version] });
    expect(refusalByField(error, ["completedInvestment", "period"], "zh-CN", NETWORK)).toEqual({
      fields: {
        completedInvestment: "99999999.00 元超过城北新区防洪堤一期的总投资 43375700.00 元；如确实超概算，请填写超概算原因",
      },
      general: "是第 2 版，现在是第 3 版",
    });
    expect(refusalByField(error, ["completedInvestment"], "en", NETWORK).fields.completedInvestment).toBe(overBudget.message);
  });

  it("gathers the fields of every error, as values refused for their type come one error each", () => {
    const typeErrors = new CombinedGraphQLErrors({
      errors: [
        {
          message: "…",
          extensions: {
            code: "BAD_USER_INPUT",
            issues: [{ field: "amount", reason: "WRONG_TYPE", params: { expected: "Decimal", value: "350万" }, message: "x" }],
          },
        },
        {
          message: "…",
          extensions: {
            code: "BAD_USER_INPUT",
            issues: [{ field: "paidOn", reason: "WRONG_TYPE", params: { expected: "Date", value: "2026/3/1" }, message: "y" }],
          },
        },
      ],
    });
    expect(refusalByField(typeErrors, ["amount", "paidOn"], "zh-CN", NETWORK)).toEqual({
      fields: {
        amount: "应为数字，如 1298.50，不带单位（填写的是“350万”）",
        paidOn: "应为日期，写成 年-月-日，如 2024-06-05（填写的是“2026/3/1”）",
      },
      general: undefined,
    });
  });

  it("says a refusal of the whole request from its reason, and keeps the server's text for a reason it does not know", () => {
    const locked = refusal("the progress … is locked", {
      code: "CONFLICT",
      reason: "LOCKED_BY_APPROVAL",
      params: {
        dataSet: "PROGRESS",
        region: "岑巩县",
        period: "2024-06",
        state: "SUBMITTED",
        code: "CG-1",
        recordRegion: "",
        recordPeriod: "2024-06",
      },
      issues: [{ field: "period", reason: "LOCKED_BY_APPROVAL_FIELD", params: {}, message: "locked by an approval" }],
    });
    expect(refusalByField(locked, ["period"], "zh-CN", NETWORK)).toEqual({
      fields: { period: "已因审核锁定" },
      general: "岑巩县 2024-06 的项目进度已提交待审核：CG-1 2024-06 的进度已锁定，须审核员退回或重新打开后才能修改",
    });
    expect(
      refusalByField(refusal("newer words", { code: "FORBIDDEN", reason: "NOT_YET_KNOWN" }), [], "zh-CN", NETWORK).general,
    ).toBe("newer words");
  });

  it("says a failed upload from its reason, and a network failure in the dashboard's words", () => {
    expect(refusalByField(new RefusedError("x", "FILE_EMPTY", {}), [], "zh-CN", NETWORK).general).toBe("文件是空的");
    expect(refusalByField(new TypeError("Failed to fetch"), ["amount"], "zh-CN", NETWORK)).toEqual({
      fields: {},
      general: NETWORK,
    });
  });
});
