import { ALERT_RULE_ORDER } from "../alerts/alert-rules.js";
import { regionAlerts } from "../alerts/alerts.service.js";
import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type {
  AlertRule,
  DispatchMeeting,
  DispatchTask,
  Region,
  TaskStatus,
  TaskSubjectKind,
} from "../generated/prisma/client.js";
import { pastDay } from "../governance/members.service.js";

/**
 * The dispatch meeting (调度会) [seed 004]: a region's leaders meet, take decisions and assign
 * each as a task (交办) to a responsible unit with a lead and a due date; the unit reports
 * progress and, once done, the meeting's region verifies it (督办、销号) or returns it with a
 * reason. A task past its due date and not done is an alert (TASK_OVERDUE).
 *
 * Who does what: a region's admins and approvers record its meetings, assign, verify and return;
 * editors of the responsible unit's region note progress and report done. The schema checks the
 * capability; this module checks the input and the move.
 */

export const TASK_SUBJECT_KINDS: readonly TaskSubjectKind[] = ["PROJECT", "PHASE", "FUND", "INDICATOR", "ALERT", "REGION"];
export const TASK_STATUSES: readonly TaskStatus[] = ["ASSIGNED", "IN_PROGRESS", "DONE", "VERIFIED", "RETURNED"];
/** A task still to be done (or to be verified): what the briefing and the task list show first. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ["ASSIGNED", "IN_PROGRESS", "DONE", "RETURNED"];
/** Not yet reported done: what can fall overdue. */
export const UNDONE_TASK_STATUSES: readonly TaskStatus[] = ["ASSIGNED", "IN_PROGRESS", "RETURNED"];

export interface RecordMeetingInput {
  regionCode: string;
  title: string;
  heldOn?: string | null;
  attendees?: string | null;
  minutes?: string | null;
  recordSource?: string | null;
}

async function findRegionByCode(db: DbClient, check: InputChecker, field: string, code: string): Promise<Region | null> {
  const region = await db.region.findUnique({ where: { code: code.trim() } });
  if (!region) check.fail(field, "NO_SUCH_REGION", { code: code.trim().slice(0, 40) });
  return region;
}

/** Checks a meeting; the region it names is returned for the caller's access check. */
export async function checkNewMeeting(db: DbClient, input: RecordMeetingInput) {
  const check = new InputChecker();
  const region = await findRegionByCode(db, check, "regionCode", input.regionCode);
  const data = {
    title: check.text("title", input.title, { max: 200 }),
    heldOn: input.heldOn ? pastDay(check, "heldOn", input.heldOn) : chinaToday(),
    attendees: check.optionalText("attendees", input.attendees, { max: 2000 }),
    minutes: check.optionalText("minutes", input.minutes, { max: 20000 }),
    recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
  };
  return { check, region, data };
}

export async function recordMeeting(db: DbClient, input: RecordMeetingInput, author: ChangeAuthor): Promise<DispatchMeeting> {
  const { check, region, data } = await checkNewMeeting(db, input);
  check.done();
  return db.dispatchMeeting.create({ data: { ...data, heldOn: data.heldOn!, regionId: region!.id, createdBy: author.name } });
}

export type MeetingWithRegion = DispatchMeeting & { region: Region };

export async function findMeeting(db: DbClient, id: number, field = "meetingNumber"): Promise<MeetingWithRegion> {
  const found = await db.dispatchMeeting.findUnique({ where: { id }, include: { region: true } });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_DISPATCH_MEETING", { id: String(id) });
    check.done();
  }
  return found!;
}

/** The minutes and attendees, written during or after the meeting. */
export async function updateMeeting(
  db: DbClient,
  meeting: DispatchMeeting,
  input: { attendees?: string | null; minutes?: string | null; expectedVersion?: number | null },
): Promise<DispatchMeeting> {
  const check = new InputChecker();
  const data = {
    ...(input.attendees !== undefined ? { attendees: check.optionalText("attendees", input.attendees, { max: 2000 }) } : {}),
    ...(input.minutes !== undefined ? { minutes: check.optionalText("minutes", input.minutes, { max: 20000 }) } : {}),
  };
  check.done();
  const what = `dispatch meeting ${meeting.id}`;
  const version = input.expectedVersion ?? meeting.version;
  requireVersion(what, meeting, version);
  requireUpdated(what, await db.dispatchMeeting.updateMany({ where: { id: meeting.id, version }, data }), version);
  return db.dispatchMeeting.findUniqueOrThrow({ where: { id: meeting.id } });
}

export interface AssignTaskInput {
  meetingNumber: number;
  title: string;
  detail?: string | null;
  subjectKind: string;
  /** The project's, phase's or fund's code, the indicator's code, the region's code, or the alert's subject code. */
  subjectCode?: string | null;
  /** For an ALERT subject: which rule raised it. */
  alertRule?: string | null;
  /** The responsible unit's name, as registered in the unit list of the meeting's region or below. */
  unitName: string;
  lead: string;
  dueOn: string;
  recordSource?: string | null;
}

type SubjectColumns = Pick<
  DispatchTask,
  "projectId" | "fundId" | "indicatorId" | "subjectRegionId" | "alertRule" | "alertSubjectCode"
>;
const NO_SUBJECT: SubjectColumns = {
  projectId: null,
  fundId: null,
  indicatorId: null,
  subjectRegionId: null,
  alertRule: null,
  alertSubjectCode: null,
};

/**
 * Checks a task of a meeting: a due date not before the meeting, a unit of the meeting's region or
 * below, a subject that exists and lies within the meeting's region (an alert: raised now). The
 * meeting is returned for the caller's access check.
 */
export async function checkNewTask(db: DbClient, input: AssignTaskInput) {
  const check = new InputChecker();
  const meeting = await findMeeting(db, input.meetingNumber);
  const title = check.text("title", input.title, { max: 300 });
  const detail = check.optionalText("detail", input.detail, { max: 4000 });
  const lead = check.text("lead", input.lead, { max: 100 });
  const subjectKind = check.oneOf("subjectKind", input.subjectKind, TASK_SUBJECT_KINDS);
  const dueOn = check.date("dueOn", input.dueOn);
  if (dueOn && dueOn < meeting.heldOn) {
    check.fail("dueOn", "DUE_BEFORE_MEETING", { value: isoDay(dueOn), heldOn: isoDay(meeting.heldOn) });
  }
  const within = (path: readonly number[]) => path.includes(meeting.regionId);
  const unitName = check.text("unitName", input.unitName, { max: 200 });
  let unitId: number | null = null;
  if (unitName) {
    const units = await db.organization.findMany({ where: { name: unitName }, include: { region: true } });
    const unit = units.find((candidate) => within(candidate.region.path));
    if (unit) unitId = unit.id;
    else if (units.length) {
      check.fail("unitName", "UNIT_OUTSIDE_MEETING_REGION", { unit: unitName, region: meeting.region.nameZh });
    } else check.fail("unitName", "NO_SUCH_ORGANIZATION", { name: unitName });
  }
  const subject = subjectKind ? await checkSubject(db, check, meeting, subjectKind, input) : NO_SUBJECT;
  return {
    check,
    meeting,
    data: {
      meetingId: meeting.id,
      title,
      detail,
      lead,
      subjectKind,
      ...subject,
      unitId: unitId!,
      dueOn: dueOn!,
      recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
    },
  };
}

async function checkSubject(
  db: DbClient,
  check: InputChecker,
  meeting: MeetingWithRegion,
  kind: TaskSubjectKind,
  input: AssignTaskInput,
): Promise<SubjectColumns> {
  const code = input.subjectCode?.trim() ?? "";
  const region = meeting.region.nameZh;
  const outside = (subject: string) => check.fail("subjectCode", "SUBJECT_OUTSIDE_MEETING_REGION", { subject, region });
  const within = (path: readonly number[]) => path.includes(meeting.regionId);
  if (kind === "ALERT" && !input.alertRule) check.fail("alertRule", "ALERT_RULE_REQUIRED");
  if (!code) {
    check.fail("subjectCode", "SUBJECT_CODE_REQUIRED", { kind });
    return NO_SUBJECT;
  }
  switch (kind) {
    case "PROJECT":
    case "PHASE": {
      const project = await db.project.findUnique({ where: { code }, include: { region: true } });
      if (!project) check.fail("subjectCode", "NO_SUCH_PROJECT", { code });
      else if (!within(project.region.path)) outside(project.nameZh);
      else if (kind === "PROJECT" && project.parentId !== null) check.fail("subjectKind", "IS_A_PHASE", { code });
      else if (kind === "PHASE" && project.parentId === null) check.fail("subjectKind", "NOT_A_PHASE", { code });
      return { ...NO_SUBJECT, projectId: project?.id ?? null };
    }
    case "FUND": {
      const fund = await db.fund.findUnique({ where: { code }, include: { region: true } });
      if (!fund) check.fail("subjectCode", "NO_SUCH_FUND", { code });
      // A fund held above the meeting's region may be what it asks about (a district's money in a town).
      else if (!within(fund.region.path) && !meeting.region.path.includes(fund.regionId)) outside(fund.nameZh);
      return { ...NO_SUBJECT, fundId: fund?.id ?? null };
    }
    case "INDICATOR": {
      const indicator = await db.indicator.findUnique({ where: { code } });
      if (!indicator) check.fail("subjectCode", "NO_SUCH_INDICATOR", { code });
      return { ...NO_SUBJECT, indicatorId: indicator?.id ?? null };
    }
    case "REGION": {
      const subject = await db.region.findUnique({ where: { code } });
      if (!subject) check.fail("subjectCode", "NO_SUCH_REGION", { code: code.slice(0, 40) });
      else if (!within(subject.path)) outside(subject.nameZh);
      return { ...NO_SUBJECT, subjectRegionId: subject?.id ?? null };
    }
    case "ALERT": {
      const rule = input.alertRule ? check.oneOf("alertRule", input.alertRule, ALERT_RULE_ORDER) : null;
      if (rule) {
        // The alert as the meeting's region sees it today: raised, and within the region.
        const alerts = await regionAlerts(db, {
          regionId: meeting.regionId,
          asOf: chinaToday(),
          figures: "all",
          first: 1,
          rules: [rule],
          subjectCode: code,
        });
        if (alerts.totalCount === 0) check.fail("subjectCode", "NO_SUCH_ALERT", { code });
      }
      return { ...NO_SUBJECT, alertRule: rule as AlertRule | null, alertSubjectCode: code };
    }
  }
}

export async function assignTask(db: DbClient, input: AssignTaskInput, author: ChangeAuthor): Promise<DispatchTask> {
  const { check, meeting, data } = await checkNewTask(db, input);
  check.done();
  const unit = await db.organization.findUniqueOrThrow({ where: { id: data.unitId } });
  return db.dispatchTask.create({
    data: {
      ...data,
      subjectKind: data.subjectKind!,
      regionId: meeting.regionId,
      unitRegionId: unit.regionId,
      createdBy: author.name,
    },
  });
}

export type TaskWithRegions = DispatchTask & { region: Region; unitRegion: Region; meeting: DispatchMeeting };

export async function findTask(db: DbClient, id: number, field = "taskNumber"): Promise<TaskWithRegions> {
  const found = await db.dispatchTask.findUnique({
    where: { id },
    include: { region: true, unitRegion: true, meeting: true },
  });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_TASK", { id: String(id) });
    check.done();
  }
  return found!;
}

type TaskAction = "PROGRESS" | "DONE" | "VERIFY" | "RETURN";
/** Which statuses each move starts from. */
const MOVES_FROM: Record<TaskAction, readonly TaskStatus[]> = {
  PROGRESS: ["ASSIGNED", "IN_PROGRESS", "DONE", "RETURNED"],
  DONE: ["ASSIGNED", "IN_PROGRESS", "RETURNED"],
  VERIFY: ["DONE"],
  RETURN: ["DONE"],
};

function requireMove(task: DispatchTask, action: TaskAction): void {
  if (!MOVES_FROM[action].includes(task.status)) {
    throw new RevitaError("CONFLICT", "TASK_MOVE_NOT_ALLOWED", { action, status: task.status }, [
      fieldIssue("taskNumber", "TASK_MOVE_NOT_ALLOWED", { action, status: task.status }),
    ]);
  }
}

/** A day of a move: given (not after today, not before the task was assigned) or today. */
function moveDay(check: InputChecker, task: TaskWithRegions, value: string | null | undefined): Date | null {
  const day = value ? pastDay(check, "on", value) : chinaToday();
  if (day && day < task.meeting.heldOn) {
    check.fail("on", "NOT_BEFORE_TASK", { value: isoDay(day), earliest: isoDay(task.meeting.heldOn) });
  }
  return day;
}

async function moveTask(
  db: DbClient,
  task: TaskWithRegions,
  input: { expectedVersion?: number | null },
  data: Parameters<DbClient["dispatchTask"]["updateMany"]>[0]["data"],
  note: { notedOn: Date; text: string; movedTo: TaskStatus | null },
  author: ChangeAuthor,
): Promise<DispatchTask> {
  const what = `task ${task.id}`;
  const version = input.expectedVersion ?? task.version;
  requireVersion(what, task, version);
  requireUpdated(what, await db.dispatchTask.updateMany({ where: { id: task.id, version }, data }), version);
  await db.dispatchTaskNote.create({
    data: { taskId: task.id, regionId: task.regionId, unitRegionId: task.unitRegionId, ...note, createdBy: author.name },
  });
  return db.dispatchTask.findUniqueOrThrow({ where: { id: task.id } });
}

/**
 * 进展: the unit's dated note on a task, which starts it (ASSIGNED or RETURNED → IN_PROGRESS), or
 * with `done` reports it done (→ DONE, awaiting verification). A note on a task already done
 * keeps it done; a verified task takes none.
 */
export async function noteProgress(
  db: DbClient,
  task: TaskWithRegions,
  input: { text: string; on?: string | null; done?: boolean | null; expectedVersion?: number | null },
  author: ChangeAuthor,
): Promise<DispatchTask> {
  const check = new InputChecker();
  const text = check.text("text", input.text, { max: 4000 });
  const on = moveDay(check, task, input.on);
  check.done();
  requireMove(task, input.done ? "DONE" : "PROGRESS");
  const status: TaskStatus = input.done ? "DONE" : task.status === "DONE" ? "DONE" : "IN_PROGRESS";
  return moveTask(
    db,
    task,
    input,
    { status, ...(input.done ? { doneOn: on } : {}) },
    { notedOn: on!, text, movedTo: status === task.status ? null : status },
    author,
  );
}

/** 核验销号: the meeting's region confirms a task reported done. */
export async function verifyTask(
  db: DbClient,
  task: TaskWithRegions,
  input: { note?: string | null; on?: string | null; expectedVersion?: number | null },
  author: ChangeAuthor,
): Promise<DispatchTask> {
  const check = new InputChecker();
  const note = check.optionalText("note", input.note, { max: 4000 });
  const on = moveDay(check, task, input.on);
  if (on && task.doneOn && on < task.doneOn) check.fail("on", "NOT_BEFORE", { value: isoDay(on), earliest: isoDay(task.doneOn) });
  check.done();
  requireMove(task, "VERIFY");
  return moveTask(
    db,
    task,
    input,
    { status: "VERIFIED", verifiedOn: on },
    { notedOn: on!, text: note ?? "核验通过", movedTo: "VERIFIED" },
    author,
  );
}

/** 退回: the meeting's region sends a task reported done back, saying why; the unit goes on with it. */
export async function returnTask(
  db: DbClient,
  task: TaskWithRegions,
  input: { reason: string; on?: string | null; expectedVersion?: number | null },
  author: ChangeAuthor,
): Promise<DispatchTask> {
  const check = new InputChecker();
  const reason = check.text("reason", input.reason, { max: 2000 });
  const on = moveDay(check, task, input.on);
  check.done();
  requireMove(task, "RETURN");
  return moveTask(
    db,
    task,
    input,
    { status: "RETURNED", returnReason: reason, doneOn: null },
    { notedOn: on!, text: reason, movedTo: "RETURNED" },
    author,
  );
}

const DAY = 86_400_000;

/** Days a task not yet done is past its due date (China's day); null when it is not overdue. */
export function overdueDays(task: Pick<DispatchTask, "status" | "dueOn">, today = chinaToday()): number | null {
  if (!UNDONE_TASK_STATUSES.includes(task.status)) return null;
  const days = Math.round((today.getTime() - task.dueOn.getTime()) / DAY);
  return days > 0 ? days : null;
}
