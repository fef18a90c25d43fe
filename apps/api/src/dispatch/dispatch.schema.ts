import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { AlertRuleEnum } from "../alerts/alerts.schema.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import type { Context } from "../context.js";
import type { Prisma, TaskStatus } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  assignTask,
  checkNewMeeting,
  checkNewTask,
  findMeeting,
  findTask,
  noteProgress,
  OPEN_TASK_STATUSES,
  overdueDays,
  recordMeeting,
  returnTask,
  TASK_STATUSES,
  TASK_SUBJECT_KINDS,
  UNDONE_TASK_STATUSES,
  updateMeeting,
  verifyTask,
} from "./dispatch.service.js";

/**
 * The dispatch meeting (调度会): meetings, the tasks they assign (交办) and their follow-up (督办)
 * until verified. See dispatch.service.ts for the rules.
 */

const TaskStatusEnum = builder.enumType("TaskStatus", {
  description: "已交办 ASSIGNED → 推进中 IN_PROGRESS → 已办结 DONE → 已核验 VERIFIED, or 退回 RETURNED with a reason.",
  values: TASK_STATUSES,
});
const TaskSubjectKindEnum = builder.enumType("TaskSubjectKind", {
  description: "What a task is about: a PROJECT, a PHASE of one, a FUND, an INDICATOR, an ALERT or a REGION itself.",
  values: TASK_SUBJECT_KINDS,
});

/**
 * A task is read by its meeting's region and by its unit's region: the town bureau that must do
 * it sees it, though the district meeting that assigned it sits above the town.
 */
const readsTask = (task: { regionId: number; unitRegionId: number }) => ({ readsAnyOf: [task.regionId, task.unitRegionId] });

builder.prismaNode("DispatchMeeting", {
  description: "调度会: a meeting of a region's leaders and the tasks it assigned.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which tasks name." }),
    region: t.relation("region", { description: "The region whose meeting it was." }),
    title: t.exposeString("title", { description: "Its title, e.g. 第三次调度会." }),
    heldOn: t.expose("heldOn", { type: "Date", description: "Held on." }),
    attendees: t.exposeString("attendees", { nullable: true, description: "Who attended, as the minutes name them." }),
    minutes: t.exposeString("minutes", { nullable: true, description: "The minutes." }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with an edit." }),
    tasks: t.relation("tasks", {
      description: "The tasks it assigned, in the order assigned.",
      query: { orderBy: { id: "asc" } },
    }),
  }),
});

builder.prismaObject("DispatchTaskNote", {
  description: "A dated note on a task: its progress, or the move it records.",
  authScopes: (note) => readsTask(note),
  fields: (t) => ({
    notedOn: t.expose("notedOn", { type: "Date", description: "The day it concerns." }),
    text: t.exposeString("text", { description: "What was done or decided." }),
    movedTo: t.expose("movedTo", {
      type: TaskStatusEnum,
      nullable: true,
      description: "The status it moved the task to, if any.",
    }),
    by: t.exposeString("createdBy", { description: "Who wrote it." }),
    at: t.string({
      description: "When it was written (ISO 8601, UTC).",
      select: { createdAt: true },
      resolve: (note) => note.createdAt.toISOString(),
    }),
  }),
});

builder.prismaNode("DispatchTask", {
  description: "交办事项: a decision of a dispatch meeting, with the unit that answers for it, its lead and due date.",
  id: { field: "id" },
  authScopes: readsTask,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which moves and alerts name." }),
    meeting: t.relation("meeting", { description: "The meeting that assigned it." }),
    region: t.relation("region", { description: "The meeting's region, whose admins and approvers verify it." }),
    title: t.exposeString("title", { description: "What is to be done." }),
    detail: t.exposeString("detail", { nullable: true, description: "More on it." }),
    subjectKind: t.expose("subjectKind", { type: TaskSubjectKindEnum, description: "What it is about." }),
    project: t.relation("project", { nullable: true, description: "The project or phase it is about." }),
    fund: t.relation("fund", { nullable: true, description: "The fund it is about." }),
    indicator: t.relation("indicator", { nullable: true, description: "The indicator it is about." }),
    subjectRegion: t.relation("subjectRegion", { nullable: true, description: "The region it is about." }),
    alertRule: t.expose("alertRule", {
      type: AlertRuleEnum,
      nullable: true,
      description: "The alert's rule, for an ALERT task.",
    }),
    alertSubjectCode: t.exposeString("alertSubjectCode", {
      nullable: true,
      description: "The alert's subject code, for an ALERT task.",
    }),
    unit: t.relation("unit", { description: "责任单位: the unit that answers for it." }),
    lead: t.exposeString("lead", { description: "牵头领导 or 责任人." }),
    dueOn: t.expose("dueOn", { type: "Date", description: "To be done by." }),
    status: t.expose("status", { type: TaskStatusEnum, description: "Where it stands." }),
    overdueDays: t.int({
      nullable: true,
      description: "Not yet done and past its due date: by how many days (China's day); else null.",
      select: { status: true, dueOn: true },
      resolve: (task) => overdueDays(task),
    }),
    returnReason: t.exposeString("returnReason", { nullable: true, description: "Why it was last returned." }),
    doneOn: t.expose("doneOn", { type: "Date", nullable: true, description: "Reported done on." }),
    verifiedOn: t.expose("verifiedOn", { type: "Date", nullable: true, description: "Verified on." }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a move." }),
    notes: t.relation("notes", {
      description: "Its dated notes, oldest first (at most 200; `since` keeps those on or after a day).",
      args: { since: t.arg({ type: "Date", description: "Only notes dated on or after this day." }) },
      query: (args) => ({
        where: args.since ? { notedOn: { gte: new Date(`${args.since}T00:00:00Z`) } } : {},
        orderBy: [{ notedOn: "asc" }, { id: "asc" }],
        take: 200,
      }),
    }),
  }),
});

builder.objectField(RegionRef, "dispatchMeetings", (t) =>
  t.prismaField({
    type: ["DispatchMeeting"],
    authScopes: readsRegion,
    description: "The dispatch meetings of this region and below, latest first (at most 50).",
    args: { first: t.arg.int({ description: "How many, 1 to 50; 20 by default." }) },
    resolve: (query, region, args, context) =>
      context.prisma.dispatchMeeting.findMany({
        ...query,
        where: { region: { path: { has: region.id } } },
        orderBy: [{ heldOn: "desc" }, { id: "desc" }],
        take: Math.min(Math.max(args.first ?? 20, 1), 50),
      }),
  }),
);

builder.objectField(RegionRef, "dispatchTasks", (t) =>
  t.prismaConnection({
    type: "DispatchTask",
    cursor: "id",
    authScopes: readsRegion,
    description:
      "Tasks assigned by meetings of this region or below, or to units of this region or below; the earliest due first.",
    args: {
      status: t.arg({ type: [TaskStatusEnum], description: "Only these statuses." }),
      open: t.arg.boolean({ description: "Only tasks not yet verified." }),
      overdue: t.arg.boolean({ description: "Only tasks not done and past their due date." }),
      unitName: t.arg.string({ description: "Only this responsible unit's tasks." }),
      dueFrom: t.arg({ type: "Date", description: "Only tasks due on or after this day." }),
      dueTo: t.arg({ type: "Date", description: "Only tasks due on or before this day." }),
    },
    totalCount: (region, args, context) => context.prisma.dispatchTask.count({ where: taskFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.dispatchTask.findMany({
        ...query,
        where: taskFilter(region.id, args),
        orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      }),
  }),
);

function taskFilter(
  regionId: number,
  args: {
    status?: TaskStatus[] | null;
    open?: boolean | null;
    overdue?: boolean | null;
    unitName?: string | null;
    dueFrom?: string | null;
    dueTo?: string | null;
  },
): Prisma.DispatchTaskWhereInput {
  const statuses = [
    ...(args.status?.length ? [args.status] : []),
    ...(args.open ? [OPEN_TASK_STATUSES] : []),
    ...(args.overdue ? [UNDONE_TASK_STATUSES] : []),
  ].reduce<readonly TaskStatus[] | null>((kept, list) => (kept ? kept.filter((s) => list.includes(s)) : list), null);
  const dueOn = {
    ...(args.dueFrom ? { gte: new Date(`${args.dueFrom}T00:00:00Z`) } : {}),
    ...(args.dueTo ? { lte: new Date(`${args.dueTo}T00:00:00Z`) } : {}),
    ...(args.overdue ? { lt: chinaToday() } : {}),
  };
  return {
    OR: [{ region: { path: { has: regionId } } }, { unitRegion: { path: { has: regionId } } }],
    ...(statuses ? { status: { in: [...statuses] } } : {}),
    ...(args.unitName?.trim() ? { unit: { name: args.unitName.trim() } } : {}),
    ...(Object.keys(dueOn).length ? { dueOn } : {}),
  };
}

builder.prismaObjectField("Project", "dispatchTasks", (t) =>
  t.relation("dispatchTasks", {
    description: "The dispatch meetings' tasks about this project or phase, the earliest due first (at most 100).",
    query: { orderBy: [{ dueOn: "asc" }, { id: "asc" }], take: 100 },
  }),
);

const RecordMeetingInputRef = builder.inputType("RecordDispatchMeetingInput", {
  description: "A dispatch meeting of a region you administer or approve for.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The region whose meeting it is." }),
    title: t.string({ required: true, description: "Its title, e.g. 第三次调度会." }),
    heldOn: t.field({ type: "Date", description: "Held on; today by default; not after today." }),
    attendees: t.string({ description: "Who attended." }),
    minutes: t.string({ description: "The minutes." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

const AssignTaskInputRef = builder.inputType("AssignDispatchTaskInput", {
  description: "A decision of a meeting, assigned to a unit of the meeting's region or below.",
  fields: (t) => ({
    meetingNumber: t.int({ required: true, description: "The meeting that takes the decision." }),
    title: t.string({ required: true, description: "What is to be done." }),
    detail: t.string({ description: "More on it." }),
    subjectKind: t.field({ type: TaskSubjectKindEnum, required: true, description: "What it is about." }),
    subjectCode: t.string({
      required: true,
      description: "The project's, phase's or fund's code, the indicator's code, the region's code, or the alert subject's code.",
    }),
    alertRule: t.field({
      type: AlertRuleEnum,
      description: "For an ALERT task: the rule that raised it (it must be raised now).",
    }),
    unitName: t.string({ required: true, description: "The responsible unit, as registered in the meeting's region or below." }),
    lead: t.string({ required: true, description: "牵头领导 or 责任人." }),
    dueOn: t.field({ type: "Date", required: true, description: "To be done by; not before the meeting." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

/** Assigning, verifying and returning: a region's admins and approvers (its leaders' offices). */
function requireAssigner(context: Context, path: readonly number[], field: string, what: string): void {
  if (!context.apiRules) return;
  if (context.access.covers("admin", path) || context.access.covers("approve", path)) return;
  requireCapability(context, "approve", path, { field, what });
}

builder.mutationFields((t) => ({
  recordDispatchMeeting: t.prismaField({
    type: "DispatchMeeting",
    description:
      "Records a dispatch meeting of a region you administer or approve for (its leaders' office). Refused by field for an unknown region or a day after today.",
    args: { input: t.arg({ type: RecordMeetingInputRef, required: true, description: "The meeting." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "recordDispatchMeeting", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewMeeting(tx, input);
        if (region) requireAssigner(context, region.path, "regionCode", region.nameZh);
        return { id: (await recordMeeting(tx, input, author)).id };
      });
      return context.prisma.dispatchMeeting.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  updateDispatchMeeting: t.prismaField({
    type: "DispatchMeeting",
    description: "Writes a meeting's attendees and minutes (during or after it); a stale expectedVersion is a CONFLICT.",
    args: {
      meetingNumber: t.arg.int({ required: true, description: "The meeting's number." }),
      attendees: t.arg.string({ description: "Who attended." }),
      minutes: t.arg.string({ description: "The minutes." }),
      expectedVersion: t.arg.int({ required: true, description: "The meeting's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "updateDispatchMeeting",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const meeting = await findMeeting(tx, args.meetingNumber);
          requireAssigner(context, meeting.region.path, "meetingNumber", meeting.title);
          return { id: (await updateMeeting(tx, meeting, args)).id };
        },
      );
      return context.prisma.dispatchMeeting.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignDispatchTask: t.prismaField({
    type: "DispatchTask",
    description:
      "交办: assigns a meeting's decision to a unit with a lead and a due date. Refused by field, in the asker's language, for a due date before the meeting, an unknown unit or subject, or one outside the meeting's region; only the region's admins and approvers assign.",
    args: { input: t.arg({ type: AssignTaskInputRef, required: true, description: "The task." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "assignDispatchTask", { input, idempotencyKey }, async (tx, author) => {
        const { meeting } = await checkNewTask(tx, input);
        requireAssigner(context, meeting.region.path, "meetingNumber", meeting.title);
        return { id: (await assignTask(tx, input, author)).id };
      });
      return context.prisma.dispatchTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  noteDispatchTaskProgress: t.prismaField({
    type: "DispatchTask",
    description:
      "进展: the responsible unit's dated note on a task (its region's editors); starts it, or with done: true reports it done. A stale expectedVersion is a CONFLICT; a verified task takes no notes.",
    args: {
      taskNumber: t.arg.int({ required: true, description: "The task's number." }),
      text: t.arg.string({ required: true, description: "What was done." }),
      on: t.arg({ type: "Date", description: "The day; today by default; not after today." }),
      done: t.arg.boolean({ description: "Report the task done (to be verified)." }),
      expectedVersion: t.arg.int({ required: true, description: "The task's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "noteDispatchTaskProgress",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx, author) => {
          const task = await findTask(tx, args.taskNumber);
          requireCapability(context, "edit", task.unitRegion.path, { field: "taskNumber", what: task.title });
          return { id: (await noteProgress(tx, task, args, author)).id };
        },
      );
      return context.prisma.dispatchTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  verifyDispatchTask: t.prismaField({
    type: "DispatchTask",
    description: "核验销号: the meeting's region (admins, approvers) confirms a task reported done.",
    args: {
      taskNumber: t.arg.int({ required: true, description: "The task's number." }),
      note: t.arg.string({ description: "What the check found." }),
      on: t.arg({ type: "Date", description: "Verified on; today by default." }),
      expectedVersion: t.arg.int({ required: true, description: "The task's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "verifyDispatchTask",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx, author) => {
          const task = await findTask(tx, args.taskNumber);
          requireAssigner(context, task.region.path, "taskNumber", task.title);
          return { id: (await verifyTask(tx, task, args, author)).id };
        },
      );
      return context.prisma.dispatchTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  returnDispatchTask: t.prismaField({
    type: "DispatchTask",
    description: "退回: the meeting's region sends a task reported done back to its unit, saying why.",
    args: {
      taskNumber: t.arg.int({ required: true, description: "The task's number." }),
      reason: t.arg.string({ required: true, description: "Why it is not done yet." }),
      on: t.arg({ type: "Date", description: "Returned on; today by default." }),
      expectedVersion: t.arg.int({ required: true, description: "The task's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "returnDispatchTask",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx, author) => {
          const task = await findTask(tx, args.taskNumber);
          requireAssigner(context, task.region.path, "taskNumber", task.title);
          return { id: (await returnTask(tx, task, args, author)).id };
        },
      );
      return context.prisma.dispatchTask.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
