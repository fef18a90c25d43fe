import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import type { Prisma, TopicKind, TopicStatus } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  CONSULTATION_CHANNELS,
  checkNewMeeting,
  checkNewTopic,
  decideTopic,
  findTopic,
  followUpTopic,
  holdMeeting,
  MEETING_KINDS,
  PARTICIPANT_ROLES,
  raiseTopic,
  SATISFACTIONS,
  TOPIC_KINDS,
  TOPIC_STATUSES,
} from "./consultation.service.js";

/**
 * Grassroots governance II, consultation (协商议事): topics residents raise, answered on the spot or
 * taken up with a deadline, decided (at a meeting or not), followed up with the residents'
 * satisfaction; and the meetings, three-party ones included.
 */

const TopicKindEnum = builder.enumType("TopicKind", {
  description: "民生问题 ISSUE (a problem to solve) or 意见建议 SUGGESTION.",
  values: TOPIC_KINDS,
});
const ChannelEnum = builder.enumType("ConsultationChannel", {
  description:
    "How it reached the community: 走访 VISIT, 网格群 GRID_GROUP, 议事会 MEETING, 热线 HOTLINE, 来信来访 LETTER, OTHER.",
  values: CONSULTATION_CHANNELS,
});
const TopicStatusEnum = builder.enumType("TopicStatus", {
  description: "现场答复 ANSWERED, 纳入协商 TAKEN_UP (an answer due by its deadline), 已决议 DECIDED, 回访办结 CLOSED.",
  values: TOPIC_STATUSES,
});
const SatisfactionEnum = builder.enumType("Satisfaction", {
  description: "满意 SATISFIED, 基本满意 FAIRLY_SATISFIED, 不满意 DISSATISFIED.",
  values: SATISFACTIONS,
});
const MeetingKindEnum = builder.enumType("MeetingKind", {
  description: "三方联席会议 THREE_PARTY, 居民（村民）议事会 RESIDENTS, 党建联席会议 PARTY_JOINT, OTHER.",
  values: MEETING_KINDS,
});
const ParticipantRoleEnum = builder.enumType("ParticipantRole", {
  description:
    "社区（村） COMMUNITY, 物业公司 PROPERTY_COMPANY, 业主委员会 OWNERS_COMMITTEE, 群众代表 RESIDENT, 党员 PARTY_MEMBER, 专家乡贤 EXPERT, OTHER.",
  values: PARTICIPANT_ROLES,
});

const DAY = 86_400_000;

builder.prismaNode("ConsultationTopic", {
  description: "议题: a topic residents raised, with its answer or decision and the follow-up.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which moves and alerts name." }),
    region: t.relation("region", { description: "The village, community, area or grid cell it concerns." }),
    kind: t.expose("kind", { type: TopicKindEnum, description: "A problem or a suggestion." }),
    title: t.exposeString("title", { description: "What it is about." }),
    detail: t.exposeString("detail", { nullable: true, description: "More on it." }),
    raisedBy: t.exposeString("raisedBy", { description: "Who raised it." }),
    channel: t.expose("channel", { type: ChannelEnum, description: "How it reached the community." }),
    raisedOn: t.expose("raisedOn", { type: "Date", description: "Raised on." }),
    status: t.expose("status", { type: TopicStatusEnum, description: "Where it stands." }),
    answerDue: t.expose("answerDue", { type: "Date", nullable: true, description: "Taken up: the answer's deadline." }),
    overdueDays: t.int({
      nullable: true,
      description: "Taken up and past its deadline without an answer: by how many days (China's day); else null.",
      select: { status: true, answerDue: true },
      resolve: (topic) => {
        if (topic.status !== "TAKEN_UP" || !topic.answerDue) return null;
        const days = Math.round((chinaToday().getTime() - topic.answerDue.getTime()) / DAY);
        return days > 0 ? days : null;
      },
    }),
    investigators: t.exposeString("investigators", { nullable: true, description: "调查组: who looks into it." }),
    answer: t.exposeString("answer", { nullable: true, description: "The answer given on the spot, or the decision." }),
    answeredOn: t.expose("answeredOn", { type: "Date", nullable: true, description: "Answered or decided on." }),
    answeredInTime: t.boolean({
      nullable: true,
      description: "Answered on the spot or by its deadline; null while not answered.",
      select: { answeredOn: true, answerDue: true },
      resolve: (topic) => (topic.answeredOn ? !topic.answerDue || topic.answeredOn <= topic.answerDue : null),
    }),
    meeting: t.relation("meeting", { nullable: true, description: "The meeting that decided it." }),
    followUp: t.exposeString("followUp", { nullable: true, description: "跟踪问效: what the follow-up found." }),
    satisfaction: t.expose("satisfaction", {
      type: SatisfactionEnum,
      nullable: true,
      description: "What the residents said at the follow-up.",
    }),
    closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Followed up and closed on." }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a move." }),
  }),
});

builder.prismaObject("MeetingParticipant", {
  description: "Who took part in a meeting, and for whom.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    role: t.expose("role", { type: ParticipantRoleEnum, description: "Who they speak for." }),
    name: t.exposeString("name", { description: "A name, or a body and how many came." }),
  }),
});

builder.prismaNode("ConsultationMeeting", {
  description: "协商议事会议: a consultation meeting of a village or community, with who took part and what it decided.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which decisions name." }),
    region: t.relation("region", { description: "The village, community, area or grid cell that met." }),
    kind: t.expose("kind", { type: MeetingKindEnum, description: "What kind of meeting." }),
    title: t.exposeString("title", { description: "Its title." }),
    heldOn: t.expose("heldOn", { type: "Date", description: "Held on." }),
    place: t.exposeString("place", { nullable: true, description: "Where." }),
    minutes: t.exposeString("minutes", { nullable: true, description: "The minutes." }),
    participants: t.relation("participants", {
      description: "Who took part, by role.",
      query: { orderBy: [{ role: "asc" }, { id: "asc" }] },
    }),
    topics: t.relation("topics", { description: "The topics it decided.", query: { orderBy: { id: "asc" } } }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
  }),
});

builder.objectField(RegionRef, "consultationTopics", (t) =>
  t.prismaConnection({
    type: "ConsultationTopic",
    cursor: "id",
    authScopes: readsRegion,
    description: "The consultation topics of this region and below, latest raised first.",
    args: {
      status: t.arg({ type: [TopicStatusEnum], description: "Only these statuses." }),
      kind: t.arg({ type: TopicKindEnum, description: "Only problems or only suggestions." }),
      year: t.arg.int({ description: "Only topics raised in this year." }),
    },
    totalCount: (region, args, context) => context.prisma.consultationTopic.count({ where: topicFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.consultationTopic.findMany({
        ...query,
        where: topicFilter(region.id, args),
        orderBy: [{ raisedOn: "desc" }, { id: "desc" }],
      }),
  }),
);

function topicFilter(
  regionId: number,
  args: { status?: TopicStatus[] | null; kind?: TopicKind | null; year?: number | null },
): Prisma.ConsultationTopicWhereInput {
  return {
    region: { path: { has: regionId } },
    ...(args.status?.length ? { status: { in: args.status } } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.year ? { raisedOn: { gte: new Date(Date.UTC(args.year, 0, 1)), lt: new Date(Date.UTC(args.year + 1, 0, 1)) } } : {}),
  };
}

builder.objectField(RegionRef, "consultationMeetings", (t) =>
  t.prismaField({
    type: ["ConsultationMeeting"],
    authScopes: readsRegion,
    description: "The consultation meetings of this region and below, latest first (at most 100).",
    resolve: (query, region, _args, context) =>
      context.prisma.consultationMeeting.findMany({
        ...query,
        where: { region: { path: { has: region.id } } },
        orderBy: [{ heldOn: "desc" }, { id: "desc" }],
        take: 100,
      }),
  }),
);

const RaiseTopicInputRef = builder.inputType("RaiseConsultationTopicInput", {
  description: "搜集议题: a topic raised, answered on the spot (with answer) or taken up (with a deadline).",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The village, community, area or grid cell it concerns." }),
    kind: t.field({ type: TopicKindEnum, required: true, description: "A problem or a suggestion." }),
    title: t.string({ required: true, description: "What it is about." }),
    detail: t.string({ description: "More on it." }),
    raisedBy: t.string({ required: true, description: "Who raised it." }),
    channel: t.field({ type: ChannelEnum, required: true, description: "How it reached the community." }),
    raisedOn: t.field({ type: "Date", description: "Raised on; today by default; not after today." }),
    answer: t.string({ description: "Answered on the spot: the answer. Leave it out to take the topic up." }),
    answerDue: t.field({ type: "Date", description: "Taken up: the answer's deadline; 15 days on by default." }),
    investigators: t.string({ description: "调查组: who looks into it." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

const ParticipantInputRef = builder.inputType("MeetingParticipantInput", {
  description: "One participant of a meeting.",
  fields: (t) => ({
    role: t.field({ type: ParticipantRoleEnum, required: true, description: "Who they speak for." }),
    name: t.string({ required: true, description: "A name, or a body and how many came." }),
  }),
});

const HoldMeetingInputRef = builder.inputType("HoldConsultationMeetingInput", {
  description: "A consultation meeting and who took part.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The village, community, area or grid cell that met." }),
    kind: t.field({ type: MeetingKindEnum, required: true, description: "What kind of meeting." }),
    title: t.string({ required: true, description: "Its title." }),
    heldOn: t.field({ type: "Date", description: "Held on; today by default; not after today." }),
    place: t.string({ description: "Where." }),
    minutes: t.string({ description: "The minutes." }),
    participants: t.field({
      type: [ParticipantInputRef],
      required: true,
      description: "2 to 100; a three-party meeting has the community, property company and owners' committee.",
    }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

builder.mutationFields((t) => ({
  raiseConsultationTopic: t.prismaField({
    type: "ConsultationTopic",
    description:
      "搜集议题: records a topic of a village or community you may edit, answered on the spot or taken up with a deadline. Refused by field for a town or higher, a day after today, or a deadline with an answer.",
    args: { input: t.arg({ type: RaiseTopicInputRef, required: true, description: "The topic." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "raiseConsultationTopic", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewTopic(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { id: (await raiseTopic(tx, input, author)).id };
      });
      return context.prisma.consultationTopic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  decideConsultationTopic: t.prismaField({
    type: "ConsultationTopic",
    description:
      "成果答复: records the decision on a topic taken up, optionally naming the meeting of the same community that took it. A CONFLICT for a topic not taken up.",
    args: {
      topicNumber: t.arg.int({ required: true, description: "The topic's number." }),
      decision: t.arg.string({ required: true, description: "The decision or answer." }),
      on: t.arg({ type: "Date", description: "Decided on; today by default." }),
      meetingNumber: t.arg.int({ description: "The meeting that decided it." }),
      expectedVersion: t.arg.int({ description: "The topic's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "decideConsultationTopic",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const topic = await findTopic(tx, args.topicNumber);
          requireCapability(context, "edit", topic.region.path, { field: "topicNumber", what: topic.title });
          return { id: (await decideTopic(tx, topic, args)).id };
        },
      );
      return context.prisma.consultationTopic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  followUpConsultationTopic: t.prismaField({
    type: "ConsultationTopic",
    description: "跟踪问效: records the follow-up of an answered or decided topic and the residents' satisfaction; closes it.",
    args: {
      topicNumber: t.arg.int({ required: true, description: "The topic's number." }),
      followUp: t.arg.string({ required: true, description: "What the follow-up found." }),
      satisfaction: t.arg({ type: SatisfactionEnum, required: true, description: "What the residents said." }),
      on: t.arg({ type: "Date", description: "Followed up on; today by default." }),
      expectedVersion: t.arg.int({ description: "The topic's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "followUpConsultationTopic",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const topic = await findTopic(tx, args.topicNumber);
          requireCapability(context, "edit", topic.region.path, { field: "topicNumber", what: topic.title });
          return { id: (await followUpTopic(tx, topic, args)).id };
        },
      );
      return context.prisma.consultationTopic.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  holdConsultationMeeting: t.prismaField({
    type: "ConsultationMeeting",
    description:
      "Records a consultation meeting of a village or community you may edit, with its participants by role; a three-party meeting without the community, property company and owners' committee is refused by field.",
    args: { input: t.arg({ type: HoldMeetingInputRef, required: true, description: "The meeting." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "holdConsultationMeeting", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewMeeting(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { id: (await holdMeeting(tx, input, author)).id };
      });
      return context.prisma.consultationMeeting.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
