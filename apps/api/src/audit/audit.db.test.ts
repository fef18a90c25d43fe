import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { asActor } from "../access/actor.js";
import { authenticate, changePassword, signIn } from "../accounts/accounts.service.js";
import { createContext } from "../context.js";
import { createProject, reportProgress } from "../projects/projects.service.js";
import { DEMO_PASSWORD } from "../seed/demo/users.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const auditCount = () => db.prisma.auditEntry.count();
const newestEntries = (count: number) => db.prisma.auditEntry.findMany({ orderBy: { id: "desc" }, take: count });

describe("the audit trail", () => {
  it("recorded the demo data as it was loaded, by whom", async () => {
    const projects = await db.prisma.project.count();
    const inserts = await db.prisma.auditEntry.count({ where: { tableName: "project", action: "INSERT", actor: "demo data" } });
    expect(inserts).toBe(projects);
  });

  it("has one row for every row changed, naming the actor, with the row before and after", async () => {
    const before = await auditCount();
    const project = await asActor(db.prisma, "user:cengong.editor", async (tx) => {
      const created = await createProject(tx, {
        code: "AUDIT-1",
        nameZh: "审计测试项目",
        categoryCode: "SEWAGE",
        status: "PLANNED",
        regionCode: "522626000000",
        totalInvestment: "1000000",
        outputs: [
          { metric: "TREATMENT_CAPACITY", quantity: "500", unit: "吨/日" },
          { metric: "PIPELINE_LENGTH", quantity: "12.5", unit: "公里" },
        ],
        siteRegionCodes: ["522626107000"],
      });
      await tx.project.update({ where: { id: created.id }, data: { status: "STARTED" } });
      // Writing the same value again changes nothing, and records nothing.
      await tx.project.update({ where: { id: created.id }, data: { status: "STARTED" } });
      await tx.projectOutput.deleteMany({ where: { projectId: created.id, metric: "PIPELINE_LENGTH" } });
      return created;
    });
    // 1 project + 2 outputs + 1 site inserted, 1 update, 1 output deleted.
    expect((await auditCount()) - before).toBe(6);
    const entries = (await newestEntries(6)).reverse();
    expect(entries.map((e) => [e.tableName, e.action])).toEqual(
      [
        ["project", "INSERT"],
        ["project_output", "INSERT"],
        ["project_site", "INSERT"],
        ["project", "UPDATE"],
        ["project_output", "DELETE"],
      ].flatMap((pair) => (pair[0] === "project_output" && pair[1] === "INSERT" ? [pair, pair] : [pair])),
    );
    expect(new Set(entries.map((e) => e.actor))).toEqual(new Set(["user:cengong.editor"]));
    expect(new Set(entries.map((e) => e.transactionId))).toHaveProperty("size", 1);
    const update = entries.find((e) => e.action === "UPDATE")!;
    expect(update.recordKey).toBe(String(project.id));
    expect(update.before).toMatchObject({ status: "PLANNED", code: "AUDIT-1" });
    expect(update.after).toMatchObject({ status: "STARTED", code: "AUDIT-1" });
    expect(entries.find((e) => e.tableName === "project_site")!.recordKey).toMatch(new RegExp(`^${project.id}:\\d+$`));
    expect(entries.find((e) => e.action === "DELETE")!.before).toMatchObject({ metric: "PIPELINE_LENGTH", unit: "公里" });
  });

  it("leaves no row for a change that was rolled back", async () => {
    const before = await auditCount();
    await expect(
      asActor(db.prisma, "user:cengong.editor", async (tx) => {
        await reportProgress(tx, { projectCode: "AUDIT-1", period: "2026-10", physicalProgress: "5", reportedBy: "test" });
        throw new Error("the clerk cancelled");
      }),
    ).rejects.toThrow("the clerk cancelled");
    expect(await auditCount()).toBe(before);
    expect(await db.prisma.progressReport.count({ where: { project: { code: "AUDIT-1" } } })).toBe(0);
  });

  it("names the database role when no actor was given", async () => {
    await db.prisma.project.update({ where: { code: "AUDIT-1" }, data: { description: "无人署名的修改" } });
    const [entry] = await newestEntries(1);
    expect(entry!.actor).toMatch(/^database:/);
  });

  it("refuses to change, delete or empty the audit, even from raw SQL", async () => {
    const before = await auditCount();
    for (const statement of [
      `UPDATE audit_log SET actor = 'someone else'`,
      `DELETE FROM audit_log WHERE table_name = 'project'`,
      `TRUNCATE audit_log`,
    ]) {
      await expect(db.prisma.$executeRawUnsafe(statement)).rejects.toThrow(/the audit log is append-only/);
    }
    expect(await auditCount()).toBe(before);
  });

  it("records a password change without the password, and not the sign-in counters", async () => {
    const before = await auditCount();
    await expect(signIn(db.prisma, "cengong.viewer", "not the password")).rejects.toThrow();
    const { user, session, token } = await signIn(db.prisma, "cengong.viewer", DEMO_PASSWORD);
    expect(await auditCount()).toBe(before);
    const asViewer = createContext(db.prisma, await authenticate(db.prisma, token));
    await changePassword(asViewer, user.id, session.id, DEMO_PASSWORD, "a new pass 2026");
    const [entry] = await newestEntries(1);
    expect(entry).toMatchObject({ tableName: "app_user", action: "UPDATE", actor: "user:cengong.viewer" });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toContain("scrypt");
    expect(Object.keys(entry!.after as object)).not.toContain("password_hash");
  });

  it("is read by admins, for their own regions, with what changed", async () => {
    await asActor(db.prisma, "user:cengong.editor", (tx) =>
      tx.project.update({ where: { code: "CG-FH-CBFHD" }, data: { description: "堤防加高" } }),
    );
    const as = async (username: string) => authenticate(db.prisma, (await signIn(db.prisma, username, DEMO_PASSWORD)).token);
    const TRAIL = `query($code: String!) { auditTrail(regionCode: $code, tableName: "project", first: 1) {
      edges { node { actor action tableName changes { column before after } } } } }`;
    const data = await runGraphql<{ auditTrail: { edges: { node: Record<string, unknown> }[] } }>(
      db.prisma,
      TRAIL,
      { code: "522626000000" },
      { as: await as("cengong.admin") },
    );
    expect(data.auditTrail.edges[0]?.node).toEqual({
      actor: "user:cengong.editor",
      action: "UPDATE",
      tableName: "project",
      changes: [{ column: "description", before: null, after: "堤防加高" }],
    });
    const history = await runGraphql<{ project: { history: { action: string; tableName: string; actor: string }[] } }>(
      db.prisma,
      `{ project(code: "CG-FH-CBFHD") { history(first: 200) { action tableName actor } } }`,
      {},
      { as: await as("cengong.admin") },
    );
    expect(history.project.history[0]).toEqual({ action: "UPDATE", tableName: "project", actor: "user:cengong.editor" });
    // Readable: the author's display name, the loader named as such, references by their names.
    const readable = await runGraphql<{
      project: {
        history: {
          actorKind: string;
          actorName: string | null;
          tableName: string;
          action: string;
          changes: { column: string; afterReference: { code: string; nameZh: string } | null }[];
        }[];
      };
    }>(
      db.prisma,
      `{ project(code: "CG-FH-CBFHD") { history(first: 200) { actorKind actorName tableName action
        changes { column afterReference { code nameZh } } } } }`,
      {},
      { as: await as("cengong.admin") },
    );
    expect(readable.project.history[0]).toMatchObject({ actorKind: "USER", actorName: "岑巩县 水务局填报员" });
    const created = readable.project.history.find((entry) => entry.tableName === "project" && entry.action === "INSERT")!;
    expect(created.actorKind).toBe("DEMO_DATA");
    expect(created.changes.find((change) => change.column === "region_id")?.afterReference).toEqual({
      code: "522626000000",
      nameZh: "岑巩县",
    });
    expect(created.changes.find((change) => change.column === "category_id")?.afterReference?.nameZh).toBeTruthy();
    // The project's own row and its reports, as the demo loaded them.
    expect(history.project.history.filter((entry) => entry.action === "INSERT").map((entry) => entry.tableName)).toEqual(
      expect.arrayContaining(["project", "progress_report"]),
    );
    // Not for other roles, and not for an admin of somewhere else (Jingzhou's records stay Jingzhou's).
    await expect(runGraphql(db.prisma, TRAIL, { code: "522626000000" }, { as: await as("cengong.editor") })).rejects.toThrow(
      "outside the regions you administer",
    );
    const cengongAdmin = await as("cengong.admin");
    await expect(runGraphql(db.prisma, TRAIL, { code: "421003000000" }, { as: cengongAdmin })).rejects.toThrow(
      "outside the regions you administer",
    );
  });
});
