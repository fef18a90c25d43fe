import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type {
  ConsultationChannel,
  ConsultationMeeting,
  ConsultationTopic,
  MeetingKind,
  ParticipantRole,
  Region,
  Satisfaction,
  TopicKind,
  TopicStatus,
} from "../generated/prisma/client.js";
import { communityIdOf, findCommunityRegion } from "../governance/community.js";
import { pastDay } from "../governance/members.service.js";

/**
 * 凤鸣社区's "一线协商" [seed 002]: a topic raised by residents is answered on the spot when it can
 * be; otherwise it is taken up with a deadline for the answer (限时反馈), looked into by a group of
 * cadres and party members, decided (at a meeting or not), then followed up with the residents,
 * who say whether they are satisfied (跟踪问效).
 */

export const TOPIC_KINDS: readonly TopicKind[] = ["ISSUE", "SUGGESTION"];
export const CONSULTATION_CHANNELS: readonly ConsultationChannel[] = [
  "VISIT",
  "GRID_GROUP",
  "MEETING",
  "HOTLINE",
  "LETTER",
  "OTHER",
];
export const TOPIC_STATUSES: readonly TopicStatus[] = ["ANSWERED", "TAKEN_UP", "DECIDED", "CLOSED"];
export const SATISFACTIONS: readonly Satisfaction[] = ["SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED"];
export const MEETING_KINDS: readonly MeetingKind[] = ["THREE_PARTY", "RESIDENTS", "PARTY_JOINT", "OTHER"];
export const PARTICIPANT_ROLES: readonly ParticipantRole[] = [
  "COMMUNITY",
  "PROPERTY_COMPANY",
  "OWNERS_COMMITTEE",
  "RESIDENT",
  "PARTY_MEMBER",
  "EXPERT",
  "OTHER",
];

/** The three parties a 三方联席会议 needs round the table [seed 001]. */
export const THREE_PARTIES: readonly ParticipantRole[] = ["COMMUNITY", "PROPERTY_COMPANY", "OWNERS_COMMITTEE"];

/** Days a topic taken up has for its answer unless the community sets another deadline. */
export const ANSWER_DAYS = 15;
const DAY = 86_400_000;

export interface RaiseTopicInput {
  regionCode: string;
  kind: string;
  title: string;
  detail?: string | null;
  raisedBy: string;
  channel: string;
  /** YYYY-MM-DD, not after today; today by default. */
  raisedOn?: string | null;
  /** Answered on the spot: the answer. Without it the topic is taken up. */
  answer?: string | null;
  /** Taken up: when the answer is due; 15 days on by default. */
  answerDue?: string | null;
  investigators?: string | null;
  recordSource?: string | null;
}

/** Checks a new topic; the region it names is returned for the caller's access check. */
export async function checkNewTopic(db: DbClient, input: RaiseTopicInput) {
  const check = new InputChecker();
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const kind = check.oneOf("kind", input.kind, TOPIC_KINDS);
  const channel = check.oneOf("channel", input.channel, CONSULTATION_CHANNELS);
  const title = check.text("title", input.title, { max: 200 });
  const detail = check.optionalText("detail", input.detail, { max: 4000 });
  const raisedBy = check.text("raisedBy", input.raisedBy, { max: 100 });
  const raisedOn = input.raisedOn ? pastDay(check, "raisedOn", input.raisedOn) : chinaToday();
  const answer = check.optionalText("answer", input.answer, { max: 4000 });
  let answerDue: Date | null = null;
  if (answer && input.answerDue) check.fail("answerDue", "ANSWERED_NEEDS_NO_DEADLINE");
  else if (!answer && raisedOn) {
    answerDue = input.answerDue ? check.date("answerDue", input.answerDue) : new Date(raisedOn.getTime() + ANSWER_DAYS * DAY);
    if (answerDue && answerDue < raisedOn) {
      check.fail("answerDue", "NOT_BEFORE", { value: isoDay(answerDue), earliest: isoDay(raisedOn) });
    }
  }
  const data = {
    kind,
    channel,
    title,
    detail,
    raisedBy,
    raisedOn: raisedOn!,
    status: (answer ? "ANSWERED" : "TAKEN_UP") as TopicStatus,
    answer,
    answeredOn: answer ? raisedOn : null,
    answerDue,
    investigators: check.optionalText("investigators", input.investigators, { max: 500 }),
    recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
  };
  return { check, region, data };
}

/** 搜集议题: records a topic, answered on the spot or taken up with its deadline. */
export async function raiseTopic(db: DbClient, input: RaiseTopicInput, author: ChangeAuthor): Promise<ConsultationTopic> {
  const { check, region, data } = await checkNewTopic(db, input);
  check.done();
  return db.consultationTopic.create({ data: { ...data, regionId: region!.id, createdBy: author.name } });
}

export type TopicWithRegion = ConsultationTopic & { region: Region };

export async function findTopic(db: DbClient, id: number, field = "topicNumber"): Promise<TopicWithRegion> {
  const found = await db.consultationTopic.findUnique({ where: { id }, include: { region: true } });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_TOPIC", { id: String(id) });
    check.done();
  }
  return found!;
}

function requireStatus(topic: ConsultationTopic, allowed: readonly TopicStatus[], action: string, field: string) {
  if (!allowed.includes(topic.status)) {
    throw new RevitaError("CONFLICT", "TOPIC_MOVE_NOT_ALLOWED", { action, status: topic.status }, [
      fieldIssue(field, "TOPIC_MOVE_NOT_ALLOWED", { action, status: topic.status }),
    ]);
  }
}

async function updateTopic(
  db: DbClient,
  topic: ConsultationTopic,
  expectedVersion: number | null | undefined,
  data: Parameters<DbClient["consultationTopic"]["updateMany"]>[0]["data"],
): Promise<ConsultationTopic> {
  const what = `consultation topic ${topic.id}`;
  const version = expectedVersion ?? topic.version;
  requireVersion(what, topic, version);
  requireUpdated(what, await db.consultationTopic.updateMany({ where: { id: topic.id, version }, data }), version);
  return db.consultationTopic.findUniqueOrThrow({ where: { id: topic.id } });
}

/**
 * 成果答复: the decision on a topic taken up, on a day not before it was raised (nor after today),
 * optionally naming the meeting of the same community that took it. A decision after the
 * deadline is recorded all the same; the figures count it as late.
 */
export async function decideTopic(
  db: DbClient,
  topic: TopicWithRegion,
  input: { decision: string; on?: string | null; meetingNumber?: number | null; expectedVersion?: number | null },
): Promise<ConsultationTopic> {
  const check = new InputChecker();
  const decision = check.text("decision", input.decision, { max: 4000 });
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  if (on && on < topic.raisedOn) check.fail("on", "NOT_BEFORE", { value: isoDay(on), earliest: isoDay(topic.raisedOn) });
  let meeting: (ConsultationMeeting & { region: Region }) | null = null;
  if (input.meetingNumber != null) {
    meeting = await db.consultationMeeting.findUnique({ where: { id: input.meetingNumber }, include: { region: true } });
    if (!meeting) check.fail("meetingNumber", "NO_SUCH_MEETING", { id: String(input.meetingNumber) });
    else if (communityIdOf(meeting.region) !== communityIdOf(topic.region)) {
      check.fail("meetingNumber", "MEETING_OF_ANOTHER_COMMUNITY", { meeting: meeting.title });
    } else if (on && meeting.heldOn > on) {
      check.fail("on", "NOT_BEFORE", { value: isoDay(on), earliest: isoDay(meeting.heldOn) });
    }
  }
  check.done();
  requireStatus(topic, ["TAKEN_UP"], "DECIDE", "topicNumber");
  return updateTopic(db, topic, input.expectedVersion, {
    status: "DECIDED",
    answer: decision,
    answeredOn: on,
    meetingId: meeting?.id ?? null,
  });
}

/** 跟踪问效: the result followed up with the residents and their satisfaction; closes the topic. */
export async function followUpTopic(
  db: DbClient,
  topic: TopicWithRegion,
  input: { followUp: string; satisfaction: string; on?: string | null; expectedVersion?: number | null },
): Promise<ConsultationTopic> {
  const check = new InputChecker();
  const followUp = check.text("followUp", input.followUp, { max: 4000 });
  const satisfaction = check.oneOf("satisfaction", input.satisfaction, SATISFACTIONS);
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  if (on && topic.answeredOn && on < topic.answeredOn) {
    check.fail("on", "NOT_BEFORE", { value: isoDay(on), earliest: isoDay(topic.answeredOn) });
  }
  check.done();
  requireStatus(topic, ["ANSWERED", "DECIDED"], "FOLLOW_UP", "topicNumber");
  return updateTopic(db, topic, input.expectedVersion, { status: "CLOSED", followUp, satisfaction, closedOn: on });
}

export interface HoldMeetingInput {
  regionCode: string;
  kind: string;
  title: string;
  heldOn?: string | null;
  place?: string | null;
  minutes?: string | null;
  participants: { role: string; name: string }[];
  recordSource?: string | null;
}

/**
 * A consultation meeting and who took part, by role; a three-party meeting (三方联席会议) has the
 * community, the property company and the owners' committee at the table, or it is refused.
 */
export async function checkNewMeeting(db: DbClient, input: HoldMeetingInput) {
  const check = new InputChecker();
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const kind = check.oneOf("kind", input.kind, MEETING_KINDS);
  const title = check.text("title", input.title, { max: 200 });
  const heldOn = input.heldOn ? pastDay(check, "heldOn", input.heldOn) : chinaToday();
  const participants = check.bounded("participants", input.participants, 100).map((participant, index) => ({
    role: check.oneOf(`participants.${index}.role`, participant.role, PARTICIPANT_ROLES),
    name: check.text(`participants.${index}.name`, participant.name, { max: 100 }),
  }));
  if (participants.length > 0 && participants.length < 2) {
    check.fail("participants", "PARTICIPANTS_COUNT", { count: participants.length });
  } else if (kind === "THREE_PARTY") {
    const missing = THREE_PARTIES.filter((role) => !participants.some((p) => p.role === role));
    if (missing.length) check.fail("participants", "THREE_PARTIES_MISSING", { missing: missing[0]! });
  }
  return {
    check,
    region,
    data: {
      kind,
      title,
      heldOn: heldOn!,
      place: check.optionalText("place", input.place, { max: 200 }),
      minutes: check.optionalText("minutes", input.minutes, { max: 8000 }),
      recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
      participants,
    },
  };
}

export async function holdMeeting(db: DbClient, input: HoldMeetingInput, author: ChangeAuthor): Promise<ConsultationMeeting> {
  const { check, region, data } = await checkNewMeeting(db, input);
  check.done();
  const { participants, ...meeting } = data;
  const created = await db.consultationMeeting.create({
    data: { ...meeting, regionId: region!.id, createdBy: author.name },
  });
  await db.meetingParticipant.createMany({
    data: participants.map((participant) => ({ meetingId: created.id, regionId: created.regionId, ...participant })),
  });
  return created;
}
