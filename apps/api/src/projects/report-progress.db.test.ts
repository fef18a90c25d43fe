import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { type Authenticated, authenticate, signIn } from "../accounts/accounts.service.js";
import { fromDatabaseError } from "../common/errors.js";
import { createContext } from "../context.js";
import { schema } from "../schema/index.js";
import { DEMO_PASSWORD } from "../seed/demo/users.js";

let db: TestDatabase;
const users = new Map<string, Authenticated>();
beforeAll(async () => {
  db = await openTestDatabase("demo");
  for (const username of ["cengong.editor", "cengong.viewer", "jingzhou.analyst"]) {
    users.set(username, await authenticate(db.prisma, (await signIn(db.prisma, username, DEMO_PASSWORD)).token));
  }
});
afterAll(async () => {
  await db?.close();
});

const REPORT = `mutation($input: ReportProgressInput!, $key: String) {
  reportProgress(input: $input, idempotencyKey: $key) { period completedInvestment physicalProgress reportedBy } }`;

/** The ecological embankment's third phase: last reported 2020-12 at 39,800,000 yuan and 98%. */
const PHASE = "CG-FH-CBSTD-3";

async function report(username: string, input: Record<string, unknown>, key?: string, apiRules = true) {
  const result = await graphql({
    schema,
    source: REPORT,
    variableValues: { input: { projectCode: PHASE, ...input }, key },
    contextValue: createContext(db.prisma, users.get(username)!, { apiRules }),
  });
  const error = result.errors?.[0];
  return {
    data: result.data as { reportProgress: Record<string, unknown> } | null,
    // As the server's formatError classifies it: the database's refusals get their codes too.
    code: fromDatabaseError(error?.originalError)?.code,
    message: error?.message,
    error: error?.originalError,
    issues: (error?.originalError as { issues?: { field: string }[] } | undefined)?.issues?.map((issue) => issue.field),
  };
}

const reportsOf = () => db.prisma.progressReport.count({ where: { project: { code: PHASE } } });

describe("reporting a period's progress", () => {
  it("records an editor's report, in their name, in the audit trail", async () => {
    const before = await reportsOf();
    const done = await report("cengong.editor", { period: "2021-01", completedInvestment: "40500000", physicalProgress: "99" });
    expect(done.message).toBeUndefined();
    expect(done.data?.reportProgress).toEqual({
      period: "2021-01",
      completedInvestment: "40500000",
      physicalProgress: "99",
      reportedBy: "岑巩县 水务局填报员（cengong.editor）",
    });
    expect(await reportsOf()).toBe(before + 1);
    const audited = await db.prisma.auditEntry.findFirst({ where: { tableName: "progress_report" }, orderBy: { id: "desc" } });
    expect(audited).toMatchObject({ action: "INSERT", actor: "user:cengong.editor" });
  });

  it("names every bad field, and writes nothing", async () => {
    const before = await reportsOf();
    const bad = await report("cengong.editor", { period: "2021-13", completedInvestment: "1", physicalProgress: "120" });
    expect(bad.code).toBe("BAD_USER_INPUT");
    expect(bad.issues).toEqual(expect.arrayContaining(["period", "physicalProgress"]));
    // Lower than last month's cumulative figures: a correction, which must say why.
    const lower = await report("cengong.editor", { period: "2021-02", completedInvestment: "30000000", physicalProgress: "90" });
    expect(lower.issues).toEqual(["completedInvestment", "physicalProgress"]);
    expect(lower.message).toContain("below 2021-01's cumulative 40500000.00");
    // Over the phase's total of 51,075,400 without a reason.
    const over = await report("cengong.editor", { period: "2021-02", completedInvestment: "60000000" });
    expect(over.issues).toEqual(["completedInvestment"]);
    const twice = await report("cengong.editor", { period: "2021-01", physicalProgress: "99" });
    expect(twice.message).toContain("already has a progress report for 2021-01");
    expect(await reportsOf()).toBe(before);
    const corrected = await report("cengong.editor", {
      period: "2021-02",
      completedInvestment: "30000000",
      correctionReason: "2021-01 counted an invoice twice",
    });
    expect(corrected.message).toBeUndefined();
    expect(await reportsOf()).toBe(before + 1);
  });

  it("refuses a viewer and another county's analyst, with the API's rules and with the database's alone", async () => {
    const before = await reportsOf();
    for (const apiRules of [true, false]) {
      for (const username of ["cengong.viewer", "jingzhou.analyst"]) {
        const refused = await report(username, { period: "2021-06", physicalProgress: "100" }, undefined, apiRules);
        // Jingzhou's analyst cannot even see the project: to them it does not exist.
        expect(refused.code, `${username}, rules ${apiRules}: ${refused.message}`).toBe(
          username === "jingzhou.analyst" ? "BAD_USER_INPUT" : "FORBIDDEN",
        );
        if (!apiRules && username === "cengong.viewer") {
          // The database's own refusal, in words.
          expect(fromDatabaseError(refused.error)?.message).toBe("the progress report is outside the regions you may change");
        }
      }
    }
    expect(await reportsOf()).toBe(before);
  });

  it("reports once for a retried request with the same idempotency key, and refuses the key for another", async () => {
    const before = await reportsOf();
    const input = { period: "2021-03", completedInvestment: "41000000", physicalProgress: "99.5" };
    const first = await report("cengong.editor", input, "3f2a1c9e-retry-test");
    const again = await report("cengong.editor", input, "3f2a1c9e-retry-test");
    expect(again.message).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(await reportsOf()).toBe(before + 1);
    const other = await report("cengong.editor", { ...input, period: "2021-04" }, "3f2a1c9e-retry-test");
    expect(other.code).toBe("CONFLICT");
    expect(other.issues).toEqual(["idempotencyKey"]);
    expect(await reportsOf()).toBe(before + 1);
  });
});
