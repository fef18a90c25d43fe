import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { fromDatabaseError } from "../common/errors.js";

let db: TestDatabase;
const as: Record<string, Authenticated> = {};
beforeAll(async () => {
  db = await openTestDatabase("demo");
  for (const username of ["cengong.editor", "cengong.approver", "cengong.viewer", "pingzhuang.clerk"]) {
    as[username] = await demoUser(db.prisma, username);
  }
});
afterAll(async () => {
  await db?.close();
});

const CENGONG = "522626000000";
const PINGZHUANG = "522626107000";
/** The ecological embankment's third phase: reported 2020-12. */
const PHASE = "CG-FH-CBSTD-3";

const MOVE = (name: string) => `mutation($input: ApprovalInput!, $key: String) {
  ${name}(input: $input, idempotencyKey: $key) { status period submittedBy decidedBy comment version region { code } } }`;
type Moved = { status: string; comment: string | null; version: number };

async function move(name: string, username: string, input: Record<string, unknown>, key?: string) {
  const outcome = await tryGraphql<Record<string, Moved>>(
    db.prisma,
    MOVE(name),
    { input: { dataSet: "PROGRESS", regionCode: CENGONG, period: "2020-12", ...input }, key },
    as[username]!,
  );
  return { ...outcome, moved: outcome.data?.[name] ?? null };
}

const CORRECT = `mutation($input: CorrectProgressInput!) { correctProgressReport(input: $input) { version } }`;
async function correctPhase(physicalProgress: string) {
  const report = await db.prisma.progressReport.findFirstOrThrow({ where: { project: { code: PHASE }, period: "2020-12" } });
  return tryGraphql(
    db.prisma,
    CORRECT,
    {
      input: {
        projectCode: PHASE,
        period: "2020-12",
        expectedVersion: report.version,
        physicalProgress,
        correctionReason: "复核",
      },
    },
    as["cengong.editor"]!,
  );
}

describe("the approval workflow for a county's progress", () => {
  it("locks the county's reports for the period once its editor submits them", async () => {
    const submitted = await move("submitData", "cengong.editor", {});
    expect(submitted.message).toBeUndefined();
    expect(submitted.moved).toMatchObject({ status: "SUBMITTED", version: 1 });
    const locked = await correctPhase("97");
    expect(locked.code).toBe("CONFLICT");
    expect(locked.message).toContain("the progress of 岑巩县 for 2020-12 is submitted");
    expect(locked.message).toContain(`the report of ${PHASE} for 2020-12 is locked`);
    // Other periods stay open.
    const report = await tryGraphql(
      db.prisma,
      `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { period } }`,
      { input: { projectCode: PHASE, period: "2021-01", physicalProgress: "99" } },
      as["cengong.editor"]!,
    );
    expect(report.message).toBeUndefined();
  });

  it("holds in the database whatever path a write takes", async () => {
    const report = await db.prisma.progressReport.findFirstOrThrow({ where: { project: { code: PHASE }, period: "2020-12" } });
    const refused = await db.prisma.progressReport
      .update({ where: { id: report.id }, data: { note: "written around the API" } })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(fromDatabaseError(refused)?.code).toBe("CONFLICT");
    const deleted = await db.prisma.progressReport.delete({ where: { id: report.id } }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(fromDatabaseError(deleted)?.code).toBe("CONFLICT");
    expect(await db.prisma.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toEqual(report);
  });

  it("lets only an approver decide, and only from the states a decision starts from", async () => {
    expect((await move("approveData", "cengong.editor", {})).code).toBe("FORBIDDEN");
    expect((await move("approveData", "cengong.viewer", {})).code).toBe("FORBIDDEN");
    expect((await move("submitData", "cengong.approver", {})).code).toBe("FORBIDDEN");
    const twice = await move("submitData", "cengong.editor", {});
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toContain("the progress of 岑巩县 for 2020-12 is submitted");
    const approved = await move("approveData", "cengong.approver", { expectedVersion: 1 }, "approve-2020-12-key");
    expect(approved.moved).toMatchObject({ status: "APPROVED", version: 2 });
    // A retried approval answers as the first did; a second approval is refused.
    expect((await move("approveData", "cengong.approver", { expectedVersion: 1 }, "approve-2020-12-key")).moved).toEqual(
      approved.moved,
    );
    expect((await move("approveData", "cengong.approver", {})).code).toBe("CONFLICT");
    expect((await move("returnData", "cengong.approver", { comment: "请核实" })).code).toBe("CONFLICT");
    expect((await correctPhase("96")).code).toBe("CONFLICT");
  });

  it("reopens approved data only with a comment, and a decision on a stale view is refused", async () => {
    const silent = await move("reopenData", "cengong.approver", { comment: " " });
    expect(silent.code).toBe("BAD_USER_INPUT");
    expect(silent.issues).toEqual(["comment"]);
    const stale = await move("reopenData", "cengong.approver", { comment: "需更正", expectedVersion: 1 });
    expect(stale.code).toBe("CONFLICT");
    expect(stale.issues).toEqual(["expectedVersion"]);
    const reopened = await move("reopenData", "cengong.approver", { comment: "监理复核后需更正形象进度" });
    expect(reopened.moved).toMatchObject({ status: "RETURNED", comment: "监理复核后需更正形象进度" });
    expect((await correctPhase("97")).message).toBeUndefined();
    expect((await move("submitData", "cengong.editor", {})).moved).toMatchObject({ status: "SUBMITTED", comment: null });
    const returned = await move("returnData", "cengong.approver", { comment: "2020-12 数据不全" });
    expect(returned.moved?.status).toBe("RETURNED");
  });

  it("records every accepted move in the audit trail, in the mover's name", async () => {
    const approval = await db.prisma.dataApproval.findFirstOrThrow({ where: { period: "2020-12", dataSet: "PROGRESS" } });
    const trail = await db.prisma.auditEntry.findMany({
      where: { tableName: "data_approval", recordKey: String(approval.id) },
      orderBy: { id: "asc" },
    });
    expect(trail.map((entry) => `${entry.action} ${entry.actor}`)).toEqual([
      "INSERT user:cengong.editor",
      "UPDATE user:cengong.approver",
      "UPDATE user:cengong.approver",
      "UPDATE user:cengong.editor",
      "UPDATE user:cengong.approver",
    ]);
  });
});

describe("locks reach down the tree and across periods", () => {
  const ENTER = `mutation($input: EnterIndicatorValueInput!) { enterIndicatorValue(input: $input) { value version } }`;
  const enter = (input: Record<string, unknown>) =>
    tryGraphql<{ enterIndicatorValue: { version: number } }>(
      db.prisma,
      ENTER,
      { input: { indicatorCode: "MAJOR_PROJECTS_STARTED", regionCode: PINGZHUANG, ...input } },
      as["pingzhuang.clerk"]!,
    );

  it("a county's year locks its towns' months, which its towns' editors cannot even see", async () => {
    expect((await enter({ period: "2025-03", value: "2" })).message).toBeUndefined();
    const submitted = await move("submitData", "cengong.editor", { dataSet: "INDICATORS", period: "2025" });
    expect(submitted.moved?.status).toBe("SUBMITTED");
    const correction = await enter({ period: "2025-03", value: "3", expectedVersion: 1 });
    expect(correction.code).toBe("CONFLICT");
    expect(correction.message).toContain("the indicators of 岑巩县 for 2025 are submitted");
    expect((await enter({ period: "2025-04", value: "1" })).code).toBe("CONFLICT");
    // Outside the year the town enters as before.
    expect((await enter({ period: "2026-01", value: "1" })).message).toBeUndefined();
    // The town's clerk may not submit for the county, only for the town.
    expect((await move("submitData", "pingzhuang.clerk", { dataSet: "INDICATORS", period: "2026" })).code).toBe("FORBIDDEN");
    const town = await move("submitData", "pingzhuang.clerk", { dataSet: "INDICATORS", regionCode: PINGZHUANG, period: "2026" });
    expect(town.moved?.status).toBe("SUBMITTED");
  });

  it("lists what waits for an approver", async () => {
    const queue = await tryGraphql<{ dataApprovals: { edges: { node: { period: string; region: { code: string } } }[] } }>(
      db.prisma,
      `query { dataApprovals(regionCode: "${CENGONG}", status: SUBMITTED, first: 10) {
        edges { node { period region { code } } } } }`,
      {},
      as["cengong.approver"]!,
    );
    expect(queue.data?.dataApprovals.edges.map((edge) => `${edge.node.region.code} ${edge.node.period}`)).toEqual([
      `${PINGZHUANG} 2026`,
      `${CENGONG} 2025`,
    ]);
  });
});
