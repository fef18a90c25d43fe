import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, runGraphql, tryGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import type { Authenticated } from "../accounts/accounts.service.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { createContext } from "../context.js";
import { schema } from "../schema/index.js";
import { demoRegionCode } from "../seed/demo/regions.js";

let db: TestDatabase;
/** 荆州区委督查室: APPROVER of the district, who records meetings, assigns and verifies. */
let supervisor: Authenticated;
/** An EDITOR of the district (and so of 李埠镇 below it): the units' side, who report progress. */
let editor: Authenticated;
let analyst: Authenticated;
let cengongAdmin: Authenticated;
const DAY = 86_400_000;
const today = chinaToday();
const daysAgo = (days: number) => isoDay(new Date(today.getTime() - days * DAY));

beforeAll(async () => {
  db = await openTestDatabase("demo");
  supervisor = await demoUser(db.prisma, "jingzhou.supervisor");
  editor = await demoUser(db.prisma, "jingzhou.inspector");
  analyst = await demoUser(db.prisma, "jingzhou.analyst");
  cengongAdmin = await demoUser(db.prisma, "cengong.admin");
});
afterAll(async () => {
  await db?.close();
});

const TASK =
  "number status version dueOn overdueDays returnReason doneOn verifiedOn unit { name } notes { notedOn text movedTo }";
interface Task {
  number: number;
  status: string;
  version: number;
  dueOn: string;
  overdueDays: number | null;
  returnReason: string | null;
  doneOn: string | null;
  verifiedOn: string | null;
  unit: { name: string };
  notes: { notedOn: string; text: string; movedTo: string | null }[];
}
const RECORD = `mutation ($input: RecordDispatchMeetingInput!, $key: String) { recordDispatchMeeting(input: $input, idempotencyKey: $key) { number heldOn } }`;
const ASSIGN = `mutation ($input: AssignDispatchTaskInput!, $key: String) { assignDispatchTask(input: $input, idempotencyKey: $key) { ${TASK} } }`;
const NOTE = `mutation ($task: Int!, $text: String!, $done: Boolean, $version: Int!, $on: Date) {
  noteDispatchTaskProgress(taskNumber: $task, text: $text, done: $done, expectedVersion: $version, on: $on) { ${TASK} } }`;
const VERIFY = `mutation ($task: Int!, $version: Int!) { verifyDispatchTask(taskNumber: $task, expectedVersion: $version) { ${TASK} } }`;
const RETURN = `mutation ($task: Int!, $reason: String!, $version: Int!) {
  returnDispatchTask(taskNumber: $task, reason: $reason, expectedVersion: $version) { ${TASK} } }`;

async function meeting(heldOn = daysAgo(20)): Promise<number> {
  const data = await runGraphql<{ recordDispatchMeeting: { number: number } }>(
    db.prisma,
    RECORD,
    { input: { regionCode: demoRegionCode("荆州区"), title: "第四次调度会", heldOn, attendees: "区领导" } },
    { as: supervisor },
  );
  return data.recordDispatchMeeting.number;
}

const taskInput = (meetingNumber: number, input: Record<string, unknown> = {}) => ({
  meetingNumber,
  title: "清理谢古垸渠道阻水物",
  subjectKind: "REGION",
  subjectCode: demoRegionCode("网新村"),
  unitName: "李埠镇人民政府",
  lead: "分管副镇长",
  dueOn: daysAgo(-30),
  ...input,
});

async function assign(meetingNumber: number, input: Record<string, unknown> = {}): Promise<Task> {
  const data = await runGraphql<{ assignDispatchTask: Task }>(
    db.prisma,
    ASSIGN,
    { input: taskInput(meetingNumber, input) },
    { as: supervisor },
  );
  return data.assignDispatchTask;
}

describe("a dispatch meeting's task", () => {
  it("is assigned, taken up, reported done, returned, done again and verified, each move noted", async () => {
    const task = await assign(await meeting());
    expect(task).toMatchObject({ status: "ASSIGNED", unit: { name: "李埠镇人民政府" }, overdueDays: null, notes: [] });
    const note = (t: Task, text: string, done = false, as = editor) =>
      runGraphql<{ noteDispatchTaskProgress: Task }>(
        db.prisma,
        NOTE,
        { task: t.number, text, done, version: t.version },
        { as },
      ).then((d) => d.noteDispatchTaskProgress);
    const started = await note(task, "已组织村干部巡渠");
    expect(started.status).toBe("IN_PROGRESS");
    const done = await note(started, "渠道已清理完毕", true);
    expect(done).toMatchObject({ status: "DONE", doneOn: isoDay(today) });
    const returned = (
      await runGraphql<{ returnDispatchTask: Task }>(
        db.prisma,
        RETURN,
        { task: done.number, reason: "下游仍有堵点", version: done.version },
        { as: supervisor },
      )
    ).returnDispatchTask;
    expect(returned).toMatchObject({ status: "RETURNED", returnReason: "下游仍有堵点", doneOn: null });
    const again = await note(returned, "下游堵点已清除", true);
    const verified = (
      await runGraphql<{ verifyDispatchTask: Task }>(
        db.prisma,
        VERIFY,
        { task: again.number, version: again.version },
        { as: supervisor },
      )
    ).verifyDispatchTask;
    expect(verified).toMatchObject({ status: "VERIFIED", verifiedOn: isoDay(today) });
    expect(verified.notes.map((n) => n.movedTo)).toEqual(["IN_PROGRESS", "DONE", "RETURNED", "DONE", "VERIFIED"]);
    // A verified task takes no more notes; verifying twice is a conflict, said in Chinese.
    const late = await tryGraphql(db.prisma, NOTE, { task: verified.number, text: "补充", version: verified.version }, editor);
    expect(late.code).toBe("CONFLICT");
    expect(late.zh?.issues.taskNumber).toContain("已核验销号");
  });

  it("is moved only by who may: the unit's editors report, the region's approvers verify", async () => {
    const task = await assign(await meeting());
    const byAnalyst = await tryGraphql(db.prisma, NOTE, { task: task.number, text: "看看", version: task.version }, analyst);
    expect(byAnalyst.code).toBe("FORBIDDEN");
    const done = (
      await runGraphql<{ noteDispatchTaskProgress: Task }>(
        db.prisma,
        NOTE,
        { task: task.number, text: "已完成", done: true, version: task.version },
        { as: editor },
      )
    ).noteDispatchTaskProgress;
    const byEditor = await tryGraphql(db.prisma, VERIFY, { task: done.number, version: done.version }, editor);
    expect(byEditor.code).toBe("FORBIDDEN");
    const byEditorAssigning = await tryGraphql(db.prisma, ASSIGN, { input: taskInput(await meeting()) }, editor);
    expect(byEditorAssigning.code).toBe("FORBIDDEN");
  });

  it("refuses a stale expectedVersion as a CONFLICT", async () => {
    const task = await assign(await meeting());
    await runGraphql(db.prisma, NOTE, { task: task.number, text: "第一次", version: task.version }, { as: editor });
    const stale = await tryGraphql(db.prisma, NOTE, { task: task.number, text: "第二次", version: task.version }, editor);
    expect(stale.code).toBe("CONFLICT");
    expect(stale.issues).toEqual(["expectedVersion"]);
  });

  it("changes nothing when a request is retried with the same key", async () => {
    const number = await meeting();
    const before = await db.prisma.dispatchTask.count();
    const key = `assign-${number}`;
    const first = await runGraphql<{ assignDispatchTask: Task }>(
      db.prisma,
      ASSIGN,
      { input: taskInput(number), key },
      { as: supervisor },
    );
    const retry = await runGraphql<{ assignDispatchTask: Task }>(
      db.prisma,
      ASSIGN,
      { input: taskInput(number), key },
      { as: supervisor },
    );
    expect(retry.assignDispatchTask.number).toBe(first.assignDispatchTask.number);
    expect(await db.prisma.dispatchTask.count()).toBe(before + 1);
  });

  it("refuses, by field and in Chinese, a due date before the meeting, an unknown unit or subject, and what lies outside the meeting's region", async () => {
    const number = await meeting(daysAgo(5));
    const refused = async (input: Record<string, unknown>) => {
      const outcome = await tryGraphql(db.prisma, ASSIGN, { input: taskInput(number, input) }, supervisor);
      expect(outcome.code).toBe("BAD_USER_INPUT");
      return outcome.zh!.issues;
    };
    expect((await refused({ dueOn: daysAgo(6) })).dueOn).toBe(`完成时限不能早于会议日期 ${daysAgo(5)}（填写的是 ${daysAgo(6)}）`);
    expect((await refused({ unitName: "不存在的局" })).unitName).toContain("没有名为“不存在的局”的单位");
    expect((await refused({ subjectKind: "PROJECT", subjectCode: "NO-SUCH" })).subjectCode).toBe("没有编号为 NO-SUCH 的项目");
    // Cengong's project is not even visible to the district's staff.
    expect((await refused({ subjectKind: "PROJECT", subjectCode: "CG-FH-CBSTD" })).subjectCode).toBe(
      "没有编号为 CG-FH-CBSTD 的项目",
    );
    expect((await refused({ subjectKind: "PHASE", subjectCode: "JZQ-SL-TEPL" })).subjectKind).toContain("是项目，不是分期");
    // A town's meeting assigns within the town: not another town's project, nor a district bureau.
    const town = await runGraphql<{ recordDispatchMeeting: { number: number } }>(
      db.prisma,
      RECORD,
      { input: { regionCode: demoRegionCode("李埠镇"), title: "李埠镇调度会", heldOn: daysAgo(5) } },
      { as: supervisor },
    );
    const inTown = async (input: Record<string, unknown>) =>
      (await tryGraphql(db.prisma, ASSIGN, { input: taskInput(town.recordDispatchMeeting.number, input) }, supervisor)).zh!
        .issues;
    expect((await inTown({ subjectKind: "PROJECT", subjectCode: "JZQ-LY-TLG" })).subjectCode).toContain("不在李埠镇范围内");
    expect((await inTown({ unitName: "荆州区农业农村局" })).unitName).toContain("不在李埠镇范围内：责任单位应是本级或下级单位");
    expect((await refused({ subjectKind: "ALERT", subjectCode: "JZQ-SL-TEPL", alertRule: "OVERDUE" })).subjectCode).toContain(
      "当前没有关于 JZQ-SL-TEPL 的这类预警",
    );
    // A meeting of a region the asker cannot see is no meeting for them.
    const cengong = await runGraphql<{ recordDispatchMeeting: { number: number } }>(
      db.prisma,
      RECORD,
      { input: { regionCode: "522626000000", title: "岑巩县调度会", heldOn: daysAgo(1) } },
      { as: cengongAdmin },
    );
    const outside = await tryGraphql(db.prisma, ASSIGN, { input: taskInput(cengong.recordDispatchMeeting.number) }, supervisor);
    expect(outside.zh?.issues.meetingNumber).toBe(`没有编号为 ${cengong.recordDispatchMeeting.number} 的调度会`);
    const recordOutside = await tryGraphql(
      db.prisma,
      RECORD,
      { input: { regionCode: "522626000000", title: "越权会议", heldOn: daysAgo(1) } },
      supervisor,
    );
    expect(recordOutside.code).toBe("FORBIDDEN");
  });

  it("past its due date and not done, is an alert for its unit's region until reported done", async () => {
    const task = await assign(await meeting(daysAgo(30)), { dueOn: daysAgo(3), title: "逾期测试事项" });
    expect(task.overdueDays).toBe(3);
    const ALERTS = `query ($code: String!) { region(code: $code) { alerts(rules: [TASK_OVERDUE], first: 100) { items { severity summary subject { kind code nameZh } responsibleUnit } } } }`;
    const alerts = async () =>
      (
        await runGraphql<{
          region: {
            alerts: {
              items: { severity: string; summary: string; subject: { kind: string; code: string }; responsibleUnit: string }[];
            };
          };
        }>(db.prisma, ALERTS, { code: demoRegionCode("李埠镇") }, { as: analyst })
      ).region.alerts.items;
    const raised = (await alerts()).find((alert) => alert.subject.code === String(task.number));
    expect(raised).toMatchObject({ severity: "AMBER", subject: { kind: "TASK" }, responsibleUnit: "李埠镇人民政府" });
    expect(raised?.summary).toBe(`第四次调度会交办李埠镇人民政府，应于 ${daysAgo(3)} 办结，已逾期 3 天`);
    await runGraphql(db.prisma, NOTE, { task: task.number, text: "已办结", done: true, version: task.version }, { as: editor });
    expect((await alerts()).some((alert) => alert.subject.code === String(task.number))).toBe(false);
  });

  it("shows the demo's third dispatch meeting: one verified, two in progress (one overdue), one on its project's page", async () => {
    const LIST = `query ($code: String!) { region(code: $code) {
      dispatchMeetings { title heldOn tasks { status overdueDays title } }
      overdue: dispatchTasks(overdue: true) { totalCount edges { node { title } } }
      byUnit: dispatchTasks(unitName: "荆州区水利和湖泊局") { totalCount } }
      project(code: "JZQ-SL-TEPL") { dispatchTasks { title status } } }`;
    const data = await runGraphql<{
      region: {
        dispatchMeetings: { title: string; tasks: { status: string; overdueDays: number | null; title: string }[] }[];
        overdue: { totalCount: number; edges: { node: { title: string } }[] };
        byUnit: { totalCount: number };
      };
      project: { dispatchTasks: { title: string; status: string }[] };
    }>(db.prisma, LIST, { code: demoRegionCode("荆州区") }, { as: analyst });
    const third = data.region.dispatchMeetings.find((m) => m.title.includes("第三次调度会"))!;
    expect(third.tasks.map((t) => t.status)).toEqual(["VERIFIED", "IN_PROGRESS", "IN_PROGRESS", "ASSIGNED"]);
    expect(third.tasks[2]!.overdueDays).toBeGreaterThan(0);
    expect(data.region.overdue.edges.map((e) => e.node.title)).toContain("加强渠道巡查，及时清理渠内阻水物，避免拦水、堵水");
    expect(data.region.byUnit.totalCount).toBe(1);
    expect(data.project.dispatchTasks).toEqual([
      { title: "天鹅村三角洲排涝工程：汛前完成泵站检修，排灌两用", status: "ASSIGNED" },
    ]);
    // Each says where it comes from: the article, and what the demo made up around it.
    const sources = await db.prisma.dispatchTask.findMany({ where: { meeting: { title: { contains: "第三次调度会" } } } });
    expect(sources).toHaveLength(4);
    for (const task of sources) expect(task.recordSource).toMatch(/^《.+》.*示例/);
  });

  it("is kept from other counties by the database itself, with the API's rules off", async () => {
    const context = createContext(db.prisma, cengongAdmin, { apiRules: false });
    const result = await graphql({
      schema,
      source: `query ($code: String!) { region(code: $code) { dispatchTasks { totalCount } dispatchMeetings { title } } }`,
      variableValues: { code: demoRegionCode("荆州区") },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ region: { dispatchTasks: { totalCount: 0 }, dispatchMeetings: [] } });
    const [task] = await db.prisma.dispatchTask.findMany({ take: 1, orderBy: { id: "asc" } });
    const moved = await graphql({
      schema,
      source: NOTE,
      variableValues: { task: task!.id, text: "越权", version: task!.version },
      contextValue: context,
    });
    expect(moved.errors?.[0]?.message).toContain(`no task has the number ${task!.id}`);
  });
});
