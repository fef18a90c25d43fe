import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { InputChecker } from "../common/validation.js";
import { Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  type CommunityStanding,
  communityRanking,
  type UnitServiceStanding,
  unitServiceFeedback,
} from "./community-service-figures.js";
import { findMember } from "./members.service.js";
import { recordService, scoreMember } from "./service-cards.service.js";
import { gradeOf, SCORE_GRADES } from "./service-score.js";

/**
 * Grassroots governance I, the three-level assessment: members' monthly service record cards,
 * the community's scores, what the communities feed back to each unit, and the county's ranking
 * of its communities.
 */

const ScoreGradeEnum = builder.enumType("ScoreGrade", {
  description: "The grade of a monthly score: 优秀 EXCELLENT (≥ 90), 良好 GOOD (≥ 80), 合格 PASS (≥ 60), 不合格 FAIL.",
  values: SCORE_GRADES.map((band) => band.grade),
});

builder.prismaObject("ServiceEntry", {
  description: "One service on a card: the day, the hours, what was done and the need it served.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    servedOn: t.expose("servedOn", { type: "Date", description: "The day." }),
    hours: t.expose("hours", { type: "Decimal", description: "Hours, to the tenth." }),
    description: t.exposeString("description", { description: "What was done." }),
    need: t.relation("need", { nullable: true, description: "The need or micro-wish it served." }),
  }),
});

builder.prismaNode("ServiceCard", {
  description:
    "在职党员社区服务（活动）记录卡: one member's services in one community in one month, and the community's score (0–100). Locked once the month's COMMUNITY_SERVICE data is submitted or approved.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "The card's number." }),
    member: t.relation("member", { description: "Whose card." }),
    region: t.relation("region", { description: "The community (or area) served." }),
    month: t.exposeString("month", { description: "The month, 2024-06." }),
    hours: t.field({
      type: "Decimal",
      description: "The month's hours.",
      select: { entries: { select: { hours: true } } },
      resolve: (card) => card.entries.reduce((sum, entry) => sum.plus(entry.hours), new Prisma.Decimal(0)),
    }),
    entries: t.relation("entries", {
      description: "The services, by day.",
      query: { orderBy: [{ servedOn: "asc" }, { id: "asc" }] },
    }),
    score: t.exposeInt("score", { nullable: true, description: "The community's score, 0–100; null until scored." }),
    grade: t.field({
      type: ScoreGradeEnum,
      nullable: true,
      description: "The score's grade.",
      select: { score: true },
      resolve: (card) => (card.score === null ? null : gradeOf(card.score)),
    }),
    scoredBy: t.exposeString("scoredBy", { nullable: true, description: "Who scored it." }),
    comment: t.exposeString("comment", { nullable: true, description: "The community's remark, fed back to the unit." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion when scoring again." }),
  }),
});

builder.objectField(RegionRef, "serviceCards", (t) =>
  t.prismaConnection({
    type: "ServiceCard",
    cursor: "id",
    authScopes: readsRegion,
    description: "The service cards of the communities of this region or below for a month, by member's name.",
    args: { month: t.arg.string({ required: true, description: "The month, 2024-06." }) },
    totalCount: (region, args, context) =>
      context.prisma.serviceCard.count({ where: { region: { path: { has: region.id } }, month: args.month } }),
    resolve: (query, region, args, context) =>
      context.prisma.serviceCard.findMany({
        ...query,
        where: { region: { path: { has: region.id } }, month: args.month },
        orderBy: [{ member: { name: "asc" } }, { id: "asc" }],
      }),
  }),
);

const CommunityStandingRef = builder.objectRef<CommunityStanding>("CommunityServiceStanding").implement({
  description: "One village or community in the county's ranking: its needs, claims and members' service in a year.",
  fields: (t) => ({
    regionCode: t.exposeString("code", { description: "The community's code." }),
    nameZh: t.exposeString("nameZh", { description: "Its Chinese name." }),
    nameEn: t.exposeString("nameEn", { description: "Its English name." }),
    collected: t.exposeInt("collected", { description: "Needs and wishes collected in the year." }),
    openClaims: t.exposeInt("openClaims", { description: "Claimed and not yet done, now." }),
    due: t.exposeInt("due", { description: "Claims falling due in the year." }),
    metOnTime: t.exposeInt("metOnTime", { description: "Of them, done by their due date." }),
    onTimeRate: t.expose("onTimeRate", { type: "Decimal", nullable: true, description: "metOnTime / due, percent." }),
    wishesFulfilled: t.exposeInt("wishesFulfilled", { description: "Micro-wishes fulfilled and confirmed." }),
    membersReported: t.exposeInt("membersReported", { description: "Members reporting to it in the year." }),
    hours: t.expose("hours", { type: "Decimal", description: "Hours served in the year." }),
  }),
});

builder.objectField(RegionRef, "communityServiceRanking", (t) =>
  t.field({
    type: [CommunityStandingRef],
    authScopes: readsRegion,
    description:
      "The villages and communities of this region with community-service records, ranked by the share of claims met by their due date in the year (then by claims met): the county's view.",
    args: { year: t.arg.int({ required: true, description: "The year, e.g. 2024." }) },
    resolve: (region, args, context) => {
      const check = new InputChecker();
      const year = check.year("year", args.year);
      check.done();
      return communityRanking(context.prisma, region.id, year);
    },
  }),
);

const UnitStandingRef = builder.objectRef<UnitServiceStanding>("UnitServiceStanding").implement({
  description:
    "单位反馈: what the communities feed back to a work unit for a period — its members, their hours and scores, and its claims.",
  fields: (t) => ({
    unitName: t.exposeString("name", { description: "The unit." }),
    members: t.exposeInt("members", { description: "Its members serving the region's communities in the period." }),
    membersServing: t.exposeInt("membersServing", { description: "Of them, those with a service on a card." }),
    hours: t.expose("hours", { type: "Decimal", description: "Their hours." }),
    cardsScored: t.exposeInt("cardsScored", { description: "Their monthly cards scored." }),
    averageScore: t.expose("averageScore", { type: "Decimal", nullable: true, description: "The average score." }),
    cardsGood: t.exposeInt("cardsGood", { description: "Cards scored good or excellent (≥ 80)." }),
    claimsDue: t.exposeInt("claimsDue", { description: "Claims by the unit or its members falling due in the period." }),
    claimsMetOnTime: t.exposeInt("claimsMetOnTime", { description: "Of them, met by their due date." }),
  }),
});

builder.objectField(RegionRef, "unitServiceFeedback", (t) =>
  t.field({
    type: [UnitStandingRef],
    authScopes: readsRegion,
    description:
      "What the communities of this region feed back to each work unit for a period (a quarter, as the three-level assessment does; a month or a year too): the units by their members' hours, then average score.",
    args: { period: t.arg({ type: "Period", required: true, description: "A quarter (2024Q2), a month or a year." }) },
    resolve: (region, args, context) => unitServiceFeedback(context.prisma, region.id, args.period),
  }),
);

const RecordServiceInputRef = builder.inputType("RecordServiceInput", {
  description: "One service on a member's monthly card.",
  fields: (t) => ({
    memberNumber: t.int({ required: true, description: "The member's number." }),
    servedOn: t.field({ type: "Date", required: true, description: "The day; not in a month to come, not after today." }),
    hours: t.field({ type: "Decimal", required: true, description: "Hours, more than 0 and at most 24, to the tenth." }),
    description: t.string({ required: true, description: "What was done." }),
    needNumber: t.int({ description: "The need or micro-wish it served (of the same community)." }),
  }),
});

const ScoreMemberInputRef = builder.inputType("ScoreMemberInput", {
  description: "The community's score of a member's month.",
  fields: (t) => ({
    memberNumber: t.int({ required: true, description: "The member's number." }),
    month: t.string({ required: true, description: "The month, 2024-06; not a month to come." }),
    regionCode: t.string({ description: "Where the member served; their posting that month by default." }),
    score: t.int({ required: true, description: "0–100: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60." }),
    comment: t.string({ description: "The remark fed back to the unit." }),
    expectedVersion: t.int({ description: "The card's version you saw, when scoring again." }),
  }),
});

builder.mutationFields((t) => ({
  recordService: t.prismaField({
    type: "ServiceCard",
    description:
      "Adds a service to a member's card for its month (made if it is the first), at the community the member reported to that day (EDITOR there). Refused by field for a month to come, hours outside (0, 24] or a need of another community; as a CONFLICT once the month is submitted or approved.",
    args: { input: t.arg({ type: RecordServiceInputRef, required: true, description: "The service." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { cardId } = await applyChange(context, "recordService", { input, idempotencyKey }, async (tx, author) => {
        const member = await findMember(tx, input.memberNumber, "memberNumber");
        requireCapability(context, "edit", member.region.path, { field: "memberNumber", what: member.name });
        const { card, region } = await recordService(
          tx,
          {
            memberId: member.id,
            servedOn: input.servedOn,
            hours: input.hours,
            description: input.description,
            needId: input.needNumber,
          },
          author,
        );
        requireCapability(context, "edit", region.path, { field: "servedOn", what: region.nameZh });
        return { cardId: card.id };
      });
      return context.prisma.serviceCard.findUniqueOrThrow({ ...query, where: { id: cardId } });
    },
  }),
  scoreMember: t.prismaField({
    type: "ServiceCard",
    description:
      "The community scores a member's month (EDITOR of the community): 0–100 whole points. Refused by field outside the scale or for a month to come; as a CONFLICT once the month is submitted or approved.",
    args: { input: t.arg({ type: ScoreMemberInputRef, required: true, description: "The score." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { cardId } = await applyChange(context, "scoreMember", { input, idempotencyKey }, async (tx, author) => {
        const member = await findMember(tx, input.memberNumber, "memberNumber");
        requireCapability(context, "edit", member.region.path, { field: "memberNumber", what: member.name });
        const card = await scoreMember(tx, { ...input, memberId: member.id }, author);
        const region = await tx.region.findUniqueOrThrow({ where: { id: card.regionId }, select: { path: true, nameZh: true } });
        requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { cardId: card.id };
      });
      return context.prisma.serviceCard.findUniqueOrThrow({ ...query, where: { id: cardId } });
    },
  }),
}));
