import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import type { Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  checkNewNeed,
  collectNeed,
  findNeed,
  moveNeed,
  NEED_CATEGORIES,
  NEED_KINDS,
  NEED_MOVES,
  NEED_SOURCES,
  NEED_STATUSES,
  NEED_URGENCIES,
  type NeedMove,
} from "./needs.service.js";
import { residentPhoneFor } from "./resident-contacts.js";

/**
 * Grassroots governance I, the needs list and micro-wishes: collected, matched or opened for
 * claims, claimed with a due date, done, confirmed by the community (or returned). Claimed ones
 * make the project list. A claim past its due date raises a CLAIM_OVERDUE alert.
 */

export const NeedKindEnum = builder.enumType("NeedKind", {
  description: "需求 NEED (the needs list) or 微心愿 WISH (a resident's small wish, with its cost and who paid).",
  values: NEED_KINDS,
});
export const NeedSourceEnum = builder.enumType("NeedSource", {
  description: "How it was collected: 走访 VISIT, 民情座谈会 FORUM, 征求意见 SURVEY, 热线 HOTLINE.",
  values: NEED_SOURCES,
});
export const NeedCategoryEnum = builder.enumType("NeedCategory", {
  description:
    "养老助老 ELDERLY_CARE, 儿童青少年 CHILDREN, 健康医疗 HEALTH, 安全稳定 SAFETY, 环境卫生 ENVIRONMENT, 设施维修 INFRASTRUCTURE, 就业创业 EMPLOYMENT, 法律政策 LEGAL, 文化活动 CULTURE, 困难帮扶 HARDSHIP, 其他 OTHER.",
  values: NEED_CATEGORIES,
});
export const NeedUrgencyEnum = builder.enumType("NeedUrgency", {
  description: "一般 LOW, 较急 NORMAL, 紧急 URGENT.",
  values: NEED_URGENCIES,
});
export const NeedStatusEnum = builder.enumType("NeedStatus", {
  description:
    "待认领 OPEN → 已认领 CLAIMED → 办理中 IN_PROGRESS → 已办结 DONE → 已确认 CONFIRMED; 已撤销 WITHDRAWN. The community returns a DONE one to IN_PROGRESS.",
  values: NEED_STATUSES,
});
const NeedActionEnum = builder.enumType("NeedAction", {
  description:
    "A move of a need: 收集 COLLECT, 匹配资源 MATCH, 认领 CLAIM, 开始办理 START, 办结 FINISH, 确认 CONFIRM, 退回重办 RETURN, 撤销 WITHDRAW.",
  values: ["COLLECT", ...NEED_MOVES] as const,
});

builder.prismaObject("CommunityNeedEvent", {
  description: "One move of a need: what was done, when, by whom, and the note.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    action: t.expose("action", { type: NeedActionEnum, description: "The move." }),
    status: t.expose("status", { type: NeedStatusEnum, description: "The status it left the need in." }),
    on: t.expose("on", { type: "Date", description: "The day of the move." }),
    by: t.exposeString("by", { description: "Who recorded it." }),
    note: t.exposeString("note", { nullable: true, description: "The note (a return's or withdrawal's reason)." }),
  }),
});

const ClaimantKindEnum = builder.enumType("ClaimantKind", {
  description: "Who claimed a need: a MEMBER, a TEAM or a UNIT (work unit).",
  values: ["MEMBER", "TEAM", "UNIT"] as const,
});

interface Claimant {
  kind: "MEMBER" | "TEAM" | "UNIT";
  name: string;
  /** The unit answering for it: the unit itself, or a member's unit. */
  unitName: string | null;
}

const ClaimantRef = builder.objectRef<Claimant>("NeedClaimant").implement({
  description: "Who claimed a need and which unit answers for it.",
  fields: (t) => ({
    kind: t.expose("kind", { type: ClaimantKindEnum, description: "Member, team or unit." }),
    name: t.exposeString("name", { description: "The member's, team's or unit's name." }),
    unitName: t.exposeString("unitName", { nullable: true, description: "The unit answering for it (a member's unit)." }),
  }),
});

const DAY = 86_400_000;

builder.prismaNode("CommunityNeed", {
  description:
    "需求清单 / 微心愿: one need or micro-wish of a community and where it stands. Residents' phones are shown in full to the community's own staff only, masked (138****5678) to everyone else.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which moves and alerts name." }),
    kind: t.expose("kind", { type: NeedKindEnum, description: "Need or micro-wish." }),
    region: t.relation("region", { description: "The community, area or building it belongs to." }),
    title: t.exposeString("title", { description: "What is needed, in a line." }),
    description: t.exposeString("description", { nullable: true, description: "More about it." }),
    category: t.expose("category", { type: NeedCategoryEnum, description: "Its category." }),
    source: t.expose("source", { type: NeedSourceEnum, description: "How it was collected." }),
    urgency: t.expose("urgency", { type: NeedUrgencyEnum, description: "How urgent." }),
    residentName: t.exposeString("residentName", { nullable: true, description: "The resident who asked." }),
    residentPhone: t.string({
      nullable: true,
      description:
        "The resident's phone: in full for users with a grant on the need's community (or its area) itself, masked for everyone else.",
      select: { residentPhone: true, residentPhoneMasked: true, region: { select: { path: true } } },
      resolve: (need, _args, context) => residentPhoneFor(context.access, need, need.region.path),
    }),
    raisedOn: t.expose("raisedOn", { type: "Date", description: "Collected on." }),
    projectName: t.exposeString("projectName", { nullable: true, description: "The project-list name it is served under." }),
    matchedMember: t.relation("matchedMember", { nullable: true, description: "The member whose resources it was matched to." }),
    status: t.expose("status", { type: NeedStatusEnum, description: "Where it stands." }),
    claimant: t.field({
      type: ClaimantRef,
      nullable: true,
      description: "Who claimed it; null while open.",
      select: {
        claimantMember: { select: { name: true, organization: { select: { name: true } } } },
        claimantTeam: { select: { name: true } },
        claimantOrganization: { select: { name: true } },
      },
      resolve: (need): Claimant | null =>
        need.claimantMember
          ? { kind: "MEMBER", name: need.claimantMember.name, unitName: need.claimantMember.organization.name }
          : need.claimantTeam
            ? { kind: "TEAM", name: need.claimantTeam.name, unitName: null }
            : need.claimantOrganization
              ? { kind: "UNIT", name: need.claimantOrganization.name, unitName: need.claimantOrganization.name }
              : null,
    }),
    claimedOn: t.expose("claimedOn", { type: "Date", nullable: true, description: "Claimed on." }),
    dueOn: t.expose("dueOn", { type: "Date", nullable: true, description: "The day the claimant promised it done." }),
    overdueDays: t.int({
      nullable: true,
      description: "Days past the due date (today in China), while claimed or in progress; null otherwise.",
      select: { dueOn: true, status: true },
      resolve: (need) => {
        if (!need.dueOn || (need.status !== "CLAIMED" && need.status !== "IN_PROGRESS")) return null;
        const days = Math.round((chinaToday().getTime() - need.dueOn.getTime()) / DAY);
        return days > 0 ? days : null;
      },
    }),
    startedOn: t.expose("startedOn", { type: "Date", nullable: true, description: "Work started on." }),
    doneOn: t.expose("doneOn", { type: "Date", nullable: true, description: "Done on." }),
    outcome: t.exposeString("outcome", { nullable: true, description: "What was done." }),
    confirmedOn: t.expose("confirmedOn", { type: "Date", nullable: true, description: "Confirmed by the community on." }),
    confirmedBy: t.exposeString("confirmedBy", { nullable: true, description: "Who confirmed it." }),
    returnReason: t.exposeString("returnReason", { nullable: true, description: "Why the community last returned it." }),
    returnCount: t.exposeInt("returnCount", { description: "How often it was returned." }),
    estimatedCost: t.expose("estimatedCost", { type: "Decimal", nullable: true, description: "A wish's estimated cost, yuan." }),
    actualCost: t.expose("actualCost", { type: "Decimal", nullable: true, description: "What fulfilling it cost, yuan." }),
    paidBy: t.exposeString("paidBy", { nullable: true, description: "Who paid (a unit's members' donations …)." }),
    households: t.exposeInt("households", { nullable: true, description: "Households served." }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    events: t.relation("events", {
      description: "Its history, oldest first.",
      query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a move." }),
  }),
});

interface NeedFilterArgs {
  kind?: (typeof NEED_KINDS)[number] | null;
  status?: (typeof NEED_STATUSES)[number][] | null;
  category?: (typeof NEED_CATEGORIES)[number] | null;
  overdue?: boolean | null;
  search?: string | null;
}

function needFilter(regionId: number, args: NeedFilterArgs): Prisma.CommunityNeedWhereInput {
  const search = args.search?.trim().slice(0, 100);
  return {
    region: { path: { has: regionId } },
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.status?.length ? { status: { in: args.status } } : {}),
    ...(args.category ? { category: args.category } : {}),
    ...(args.overdue ? { status: { in: ["CLAIMED", "IN_PROGRESS"] }, dueOn: { lt: chinaToday() } } : {}),
    ...(search ? { OR: [{ title: { contains: search } }, { projectName: { contains: search } }] } : {}),
  };
}

builder.objectField(RegionRef, "communityNeeds", (t) =>
  t.prismaConnection({
    type: "CommunityNeed",
    cursor: "id",
    authScopes: readsRegion,
    description:
      "Needs and micro-wishes of the communities of this region or below, latest collected first (overdue: the claims past their due date, longest overdue first).",
    args: {
      kind: t.arg({ type: NeedKindEnum, description: "Only needs or only micro-wishes." }),
      status: t.arg({
        type: [NeedStatusEnum],
        description: "Only these statuses (CLAIMED, IN_PROGRESS, DONE: the project list).",
      }),
      category: t.arg({ type: NeedCategoryEnum, description: "Only this category." }),
      overdue: t.arg.boolean({ description: "Only claims past their due date." }),
      search: t.arg.string({ description: "Text in the title or project name." }),
    },
    totalCount: (region, args, context) => context.prisma.communityNeed.count({ where: needFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.communityNeed.findMany({
        ...query,
        where: needFilter(region.id, args),
        orderBy: args.overdue ? [{ dueOn: "asc" }, { id: "asc" }] : [{ raisedOn: "desc" }, { id: "desc" }],
      }),
  }),
);

const CollectNeedInputRef = builder.inputType("CollectNeedInput", {
  description: "A need or micro-wish as collected.",
  fields: (t) => ({
    kind: t.field({ type: NeedKindEnum, required: true, description: "Need or micro-wish." }),
    regionCode: t.string({ required: true, description: "The community, area or building." }),
    title: t.string({ required: true, description: "What is needed, in a line." }),
    description: t.string({ description: "More about it." }),
    category: t.field({ type: NeedCategoryEnum, required: true, description: "Its category." }),
    source: t.field({ type: NeedSourceEnum, required: true, description: "How it was collected." }),
    urgency: t.field({ type: NeedUrgencyEnum, description: "How urgent; NORMAL by default." }),
    residentName: t.string({ description: "The resident who asked." }),
    residentPhone: t.string({ description: "Their phone (7 to 12 digits); masked for everyone but the community's staff." }),
    raisedOn: t.field({ type: "Date", description: "Collected on; today by default; not after today." }),
    projectName: t.string({ description: "The project-list name, if already known." }),
    estimatedCost: t.field({ type: "Decimal", description: "A wish's estimated cost, yuan." }),
    households: t.int({ description: "Households it serves (1 or more)." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

const NeedMoveInputRef = builder.inputType("NeedMoveInput", {
  description: "A move of a need; each move reads the fields it needs and ignores the rest.",
  fields: (t) => ({
    needNumber: t.int({ required: true, description: "The need's number." }),
    on: t.field({ type: "Date", description: "The day of the move; today by default; not after today." }),
    note: t.string({ description: "Required to return (the reason) or withdraw." }),
    expectedVersion: t.int({ description: "The need's version you saw; a move on a stale view is refused." }),
    matchedMemberNumber: t.int({ description: "MATCH: the member whose resources meet it." }),
    projectName: t.string({ description: "MATCH, CLAIM: the project-list name." }),
    claimantMemberNumber: t.int({ description: "CLAIM: a member of the community claims it…" }),
    claimantTeamNumber: t.int({ description: "…or a team of the community…" }),
    claimantUnitName: t.string({ description: "…or a work unit of the county (or above), by its registered name." }),
    dueOn: t.field({ type: "Date", description: "CLAIM: the day it will be done by." }),
    outcome: t.string({ description: "FINISH: what was done." }),
    actualCost: t.field({ type: "Decimal", description: "FINISH: what it cost, yuan." }),
    paidBy: t.string({ description: "FINISH: who paid." }),
    households: t.int({ description: "FINISH: households served." }),
  }),
});

builder.mutationField("collectNeed", (t) =>
  t.prismaField({
    type: "CommunityNeed",
    description:
      "收集: adds a need or micro-wish to a community's list (EDITOR of the community). Refused by field for a town or higher, a day after today, a malformed phone or cost.",
    args: { input: t.arg({ type: CollectNeedInputRef, required: true, description: "The need." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { needId } = await applyChange(context, "collectNeed", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewNeed(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        const need = await collectNeed(tx, input, author);
        return { needId: need.id };
      });
      return context.prisma.communityNeed.findUniqueOrThrow({ ...query, where: { id: needId } });
    },
  }),
);

const MOVE_MUTATIONS: Record<NeedMove, [string, string]> = {
  MATCH: [
    "matchNeed",
    "匹配资源: the community matches an open need to a member's resources (a suggestion; it stays open for claims).",
  ],
  CLAIM: ["claimNeed", "认领: a member, team or unit claims an open need, promising a due date; it joins the project list."],
  START: ["startNeed", "开始办理: the claimant starts on it."],
  FINISH: ["finishNeed", "办结: the claimant reports it done, with what was done (and a wish's cost and who paid)."],
  CONFIRM: ["confirmNeed", "确认: the community confirms a done need (with the resident)."],
  RETURN: ["returnNeed", "退回重办: the community returns a done need to the claimant, with the reason."],
  WITHDRAW: ["withdrawNeed", "撤销: the community withdraws a need not yet done (a duplicate, out of reach), with the reason."],
};

for (const action of NEED_MOVES) {
  const [name, description] = MOVE_MUTATIONS[action];
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "CommunityNeed",
      description: `${description} EDITOR of the need's community; refused as a CONFLICT from a status the move does not start from. Send an idempotencyKey so that a retried request moves once.`,
      args: { input: t.arg({ type: NeedMoveInputRef, required: true, description: "The move." }), ...idempotencyKeyArg },
      resolve: async (query, _root, { input, idempotencyKey }, context) => {
        const { needId } = await applyChange(context, name, { input, idempotencyKey }, async (tx, author) => {
          const need = await findNeed(tx, input.needNumber, "needNumber");
          requireCapability(context, "edit", need.region.path, { field: "needNumber", what: need.title });
          const moved = await moveNeed(
            tx,
            need,
            action,
            {
              on: input.on,
              note: input.note,
              expectedVersion: input.expectedVersion,
              matchedMemberId: input.matchedMemberNumber,
              projectName: input.projectName,
              claimantMemberId: input.claimantMemberNumber,
              claimantTeamId: input.claimantTeamNumber,
              claimantUnitName: input.claimantUnitName,
              dueOn: input.dueOn,
              outcome: input.outcome,
              actualCost: input.actualCost,
              paidBy: input.paidBy,
              households: input.households,
            },
            author,
          );
          return { needId: moved.id };
        });
        return context.prisma.communityNeed.findUniqueOrThrow({ ...query, where: { id: needId } });
      },
    }),
  );
}
