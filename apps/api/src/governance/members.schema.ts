import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability, requireRegionEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { InputChecker } from "../common/validation.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import { createGridRegion, setGridArea } from "./grid-regions.service.js";
import {
  addTeamMembers,
  checkNewMember,
  createMember,
  createTeam,
  findMember,
  moveMember,
  SERVICE_ROLES,
  updateMemberProfile,
} from "./members.service.js";

/**
 * Grassroots governance I, people: the areas and buildings below a community, the working party
 * members reporting to it (the resource list) and their volunteer teams.
 */

export const ServiceRoleEnum = builder.enumType("ServiceRole", {
  description:
    "九大员: 宣讲员 PROPAGANDIST (policy), 参谋员 ADVISER (development), 信息员 INFORMANT (residents' views), 安全员 SAFETY_OFFICER (stability), 指导员 HEALTH_GUIDE (healthy living), 培训员 TRAINER (IT skills), 示范员 EXEMPLAR (civility), 帮扶员 HELPER (people in difficulty), 促进员 PROMOTER (public welfare).",
  values: SERVICE_ROLES,
});

builder.prismaObject("GridArea", {
  description: "片区/网格: what an area or grid cell of a community counts, and who leads it (片长).",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    households: t.exposeInt("households", { nullable: true, description: "户数." }),
    entrances: t.exposeInt("entrances", { nullable: true, description: "单元 (entrances)." }),
    leader: t.relation("leader", { nullable: true, description: "The member who leads it (片长/网格长)." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figures come from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion when changing it." }),
  }),
});

builder.prismaObject("MemberPosting", {
  description: "One stay of a member at a community: where they reported, from when and until when.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    region: t.relation("region", { description: "The community (or area) reported to." }),
    fromOn: t.expose("fromOn", { type: "Date", description: "Reported there on." }),
    untilOn: t.expose("untilOn", { type: "Date", nullable: true, description: "Left on; null while there." }),
  }),
});

const CommitmentRef = builder
  .objectRef<{ goal: string | null; time: string | null; quality: string | null }>("ServiceCommitment")
  .implement({
    description: "服务承诺: what a member promises, published on the community's notice board.",
    fields: (t) => ({
      goal: t.exposeString("goal", { nullable: true, description: "服务目标." }),
      time: t.exposeString("time", { nullable: true, description: "服务时间." }),
      quality: t.exposeString("quality", { nullable: true, description: "服务质量." }),
    }),
  });

builder.prismaNode("PartyMember", {
  description:
    "在职党员: a working party member (or cadre) sent by their work unit to serve the community they report to (报到/下沉); their trade and skills make the community's resource list (资源清单).",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "The member's number, which claims, cards and moves name." }),
    name: t.exposeString("name", { description: "姓名." }),
    unit: t.relation("organization", { description: "The work unit that sends them (所在单位)." }),
    region: t.relation("region", { description: "The community, area or building they report to now." }),
    reportedOn: t.expose("reportedOn", { type: "Date", description: "When they reported there." }),
    leftOn: t.expose("leftOn", {
      type: "Date",
      nullable: true,
      description: "When they left the community; null while serving.",
    }),
    trade: t.exposeString("trade", { nullable: true, description: "行业." }),
    skills: t.exposeString("skills", { nullable: true, description: "专长." }),
    offer: t.exposeString("offer", { nullable: true, description: "What they can offer residents." }),
    roles: t.exposeStringList("roles", { description: "Their roles among the nine (ServiceRole values)." }),
    commitment: t.field({
      type: CommitmentRef,
      description: "Their published service commitment.",
      resolve: (m) => ({ goal: m.commitmentGoal, time: m.commitmentTime, quality: m.commitmentQuality }),
    }),
    source: t.exposeString("source", { nullable: true, description: "Where the record comes from (published or illustrative)." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    postings: t.relation("postings", {
      description: "Where they reported, earliest first.",
      query: { orderBy: [{ fromOn: "asc" }, { id: "asc" }] },
    }),
    teams: t.prismaField({
      type: ["VolunteerTeam"],
      description: "The volunteer teams they serve in, by name.",
      resolve: (query, member, _args, context) =>
        context.prisma.volunteerTeam.findMany({
          ...query,
          where: { members: { some: { memberId: member.id } } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
    serviceCards: t.relation("serviceCards", {
      description: "Their monthly service cards, latest first.",
      args: { first: t.arg.int({ description: "At most this many (12 by default, 60 at most)." }) },
      query: (args) => ({ orderBy: [{ periodStart: "desc" }, { id: "asc" }], take: Math.min(Math.max(args.first ?? 12, 0), 60) }),
    }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion when changing the member." }),
  }),
});

builder.prismaNode("VolunteerTeam", {
  description: "志愿服务队: members serving a community together (党员服务队 …).",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "The team's number, which claims name." }),
    name: t.exposeString("name", { description: "Its name." }),
    focus: t.exposeString("focus", { nullable: true, description: "What it does." }),
    region: t.relation("region", { description: "The community it serves." }),
    members: t.prismaField({
      type: ["PartyMember"],
      description: "Its members, by name.",
      resolve: (query, team, _args, context) =>
        context.prisma.partyMember.findMany({
          ...query,
          where: { teams: { some: { teamId: team.id } } },
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    }),
    source: t.exposeString("source", { nullable: true, description: "Where the record comes from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
  }),
});

builder.prismaObjectField("Region", "gridArea", (t) =>
  t.relation("gridArea", {
    nullable: true,
    authScopes: readsRegion,
    description: "For an area or grid cell: its households, entrances and leader.",
  }),
);

builder.objectField(RegionRef, "partyMembers", (t) =>
  t.prismaConnection({
    type: "PartyMember",
    cursor: "id",
    authScopes: readsRegion,
    description: "Members reporting to a community of this region or below, by name: the resource list.",
    args: {
      serving: t.arg.boolean({
        defaultValue: true,
        description: "Only those still serving (true by default); false: only those who left.",
      }),
      role: t.arg({ type: ServiceRoleEnum, description: "Only members who took up this role." }),
      search: t.arg.string({ description: "Text in the name, trade, skills or offer." }),
    },
    totalCount: (region, args, context) => context.prisma.partyMember.count({ where: memberFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.partyMember.findMany({
        ...query,
        where: memberFilter(region.id, args),
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);

function memberFilter(regionId: number, args: { serving?: boolean | null; role?: string | null; search?: string | null }) {
  const search = args.search?.trim().slice(0, 100);
  return {
    region: { path: { has: regionId } },
    leftOn: args.serving === false ? { not: null } : null,
    ...(args.role ? { roles: { has: args.role as (typeof SERVICE_ROLES)[number] } } : {}),
    ...(search
      ? {
          OR: ["name", "trade", "skills", "offer"].map((field) => ({ [field]: { contains: search } })),
        }
      : {}),
  };
}

builder.objectField(RegionRef, "volunteerTeams", (t) =>
  t.prismaField({
    type: ["VolunteerTeam"],
    authScopes: readsRegion,
    description: "Volunteer teams of the communities of this region or below, by name (at most 200).",
    resolve: (query, region, _args, context) =>
      context.prisma.volunteerTeam.findMany({
        ...query,
        where: { region: { path: { has: region.id } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        take: 200,
      }),
  }),
);

const GridKindEnum = builder.enumType("GridKind", {
  description:
    "What is made below a community: 片区 AREA, 网格 GRID_CELL (below a village or community), 楼栋 BUILDING (below one of those).",
  values: ["AREA", "GRID_CELL", "BUILDING"] as const,
});

/** What the resource list records of a member, shared by registering and updating. */
const profileFields = (t: Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0]) => ({
  roles: t.field({ type: [ServiceRoleEnum], description: "Roles among the nine they take up (replacing any before)." }),
  trade: t.string({ description: "行业." }),
  skills: t.string({ description: "专长." }),
  offer: t.string({ description: "What they can offer residents." }),
  commitmentGoal: t.string({ description: "服务承诺: the goal." }),
  commitmentTime: t.string({ description: "服务承诺: the time." }),
  commitmentQuality: t.string({ description: "服务承诺: the quality." }),
  source: t.string({ description: "Where the record comes from." }),
});

const RegisterMemberInputRef = builder.inputType("RegisterPartyMemberInput", {
  description: "报到: a working party member reports to a community.",
  fields: (t) => ({
    name: t.string({ required: true, description: "姓名." }),
    unitName: t.string({ required: true, description: "The work unit's registered name, at the community's county or above." }),
    regionCode: t.string({ required: true, description: "The community (or area, building) reported to." }),
    reportedOn: t.field({ type: "Date", required: true, description: "The day they reported; not after today." }),
    ...profileFields(t),
  }),
});

const UpdateMemberInputRef = builder.inputType("UpdatePartyMemberInput", {
  description: "What the resource list says of a member and their commitment. Fields left out stay as they are.",
  fields: (t) => ({
    memberNumber: t.int({ required: true, description: "The member's number." }),
    expectedVersion: t.int({ required: true, description: "The member's version you saw." }),
    unitName: t.string({ description: "A new work unit, by its registered name." }),
    ...profileFields(t),
  }),
});

builder.mutationFields((t) => ({
  createGridRegion: t.prismaField({
    type: "Region",
    description:
      "Adds an area (片区), grid cell (网格) or building (楼栋) below a village or community you may edit (EDITOR), with a generated code (the parent's and 3 digits). For an area or grid cell, households and entrances may be given.",
    args: {
      parentCode: t.arg.string({ required: true, description: "The village or community (or, for a building, the area)." }),
      kind: t.arg({ type: GridKindEnum, required: true, description: "What it is." }),
      nameZh: t.arg.string({ required: true, description: "Its Chinese name, e.g. 第三片区, 16栋." }),
      nameEn: t.arg.string({ description: "Its English name; the Chinese name's pinyin-free form by default (Area 3)." }),
      households: t.arg.int({ description: "户数 (area or grid cell)." }),
      entrances: t.arg.int({ description: "单元 (area or grid cell)." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { regionId } = await applyChange(
        context,
        "createGridRegion",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          await requireRegionEditable(tx, context, args.parentCode, "parentCode");
          const region = await createGridRegion(tx, args);
          return { regionId: region.id };
        },
      );
      return context.prisma.region.findUniqueOrThrow({ ...query, where: { id: regionId } });
    },
  }),
  setGridArea: t.prismaField({
    type: "GridArea",
    description: "Sets an area's or grid cell's households, entrances and leader (片长), for its EDITORs.",
    args: {
      regionCode: t.arg.string({ required: true, description: "The area or grid cell." }),
      households: t.arg.int({ description: "户数." }),
      entrances: t.arg.int({ description: "单元." }),
      leaderNumber: t.arg.int({ description: "The leading member's number; null for none." }),
      source: t.arg.string({ description: "Where the figures come from." }),
      expectedVersion: t.arg.int({ description: "The version you saw, when changing it." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { regionId } = await applyChange(
        context,
        "setGridArea",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          await requireRegionEditable(tx, context, args.regionCode, "regionCode");
          const area = await setGridArea(tx, args);
          return { regionId: area.regionId };
        },
      );
      return context.prisma.gridArea.findUniqueOrThrow({ ...query, where: { regionId } });
    },
  }),
  registerPartyMember: t.prismaField({
    type: "PartyMember",
    description:
      "报到: records a working party member reporting to a community you may edit (EDITOR). Refused by field for a town or higher, an unknown unit, a day after today or a role outside the nine.",
    args: { input: t.arg({ type: RegisterMemberInputRef, required: true, description: "The member." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { memberId } = await applyChange(context, "registerPartyMember", { input, idempotencyKey }, async (tx) => {
        const { region } = await checkNewMember(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        const member = await createMember(tx, input);
        return { memberId: member.id };
      });
      return context.prisma.partyMember.findUniqueOrThrow({ ...query, where: { id: memberId } });
    },
  }),
  updatePartyMember: t.prismaField({
    type: "PartyMember",
    description: "Changes a member's unit, trade, skills, roles or commitment (EDITOR of their community).",
    args: { input: t.arg({ type: UpdateMemberInputRef, required: true, description: "The changes." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { memberId } = await applyChange(context, "updatePartyMember", { input, idempotencyKey }, async (tx) => {
        const member = await findMember(tx, input.memberNumber, "memberNumber");
        requireCapability(context, "edit", member.region.path, { field: "memberNumber", what: member.name });
        const { memberNumber: _number, expectedVersion, ...changes } = input;
        // A field left out keeps what the member has; one sent as "" clears it.
        const kept = <K extends keyof typeof changes & keyof typeof member>(key: K) =>
          changes[key] === undefined || changes[key] === null ? member[key] : changes[key];
        const updated = await updateMemberProfile(
          tx,
          member,
          {
            unitName: changes.unitName,
            roles: changes.roles ?? member.roles,
            trade: kept("trade"),
            skills: kept("skills"),
            offer: kept("offer"),
            commitmentGoal: kept("commitmentGoal"),
            commitmentTime: kept("commitmentTime"),
            commitmentQuality: kept("commitmentQuality"),
            source: kept("source"),
          },
          expectedVersion,
        );
        return { memberId: updated.id };
      });
      return context.prisma.partyMember.findUniqueOrThrow({ ...query, where: { id: memberId } });
    },
  }),
  movePartyMember: t.prismaField({
    type: "PartyMember",
    description:
      "A member moves to another community (regionCode) or leaves (regionCode null) on a day: their open posting closes the day before. Needs EDITOR of the community they leave and, when moving, of the one they join.",
    args: {
      memberNumber: t.arg.int({ required: true, description: "The member's number." }),
      regionCode: t.arg.string({ description: "The community joined; null when leaving." }),
      on: t.arg({ type: "Date", required: true, description: "The day; not after today." }),
      expectedVersion: t.arg.int({ required: true, description: "The member's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { memberId } = await applyChange(
        context,
        "movePartyMember",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const member = await findMember(tx, args.memberNumber, "memberNumber");
          requireCapability(context, "edit", member.region.path, { field: "memberNumber", what: member.name });
          if (args.regionCode) {
            await requireRegionEditable(tx, context, args.regionCode, "regionCode");
          }
          const moved = await moveMember(tx, member, {
            regionCode: args.regionCode ?? null,
            on: args.on,
            expectedVersion: args.expectedVersion,
          });
          return { memberId: moved.id };
        },
      );
      return context.prisma.partyMember.findUniqueOrThrow({ ...query, where: { id: memberId } });
    },
  }),
  createVolunteerTeam: t.prismaField({
    type: "VolunteerTeam",
    description: "Creates a volunteer team of a community you may edit, optionally with its first members.",
    args: {
      regionCode: t.arg.string({ required: true, description: "The community." }),
      name: t.arg.string({ required: true, description: "Its name, unique in the community." }),
      focus: t.arg.string({ description: "What it does." }),
      memberNumbers: t.arg.intList({ description: "Members to add (each reporting to the community)." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { teamId } = await applyChange(
        context,
        "createVolunteerTeam",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          await requireRegionEditable(tx, context, args.regionCode, "regionCode");
          const team = await createTeam(tx, args);
          if (args.memberNumbers?.length) {
            await addTeamMembers(
              tx,
              { ...team, region: await tx.region.findUniqueOrThrow({ where: { id: team.regionId } }) },
              args.memberNumbers,
            );
          }
          return { teamId: team.id };
        },
      );
      return context.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id: teamId } });
    },
  }),
  addVolunteerTeamMembers: t.prismaField({
    type: "VolunteerTeam",
    description: "Adds members (each reporting to the team's community) to a team; members already in it are left as they are.",
    args: {
      teamNumber: t.arg.int({ required: true, description: "The team's number." }),
      memberNumbers: t.arg.intList({ required: true, description: "The members to add." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { teamId } = await applyChange(
        context,
        "addVolunteerTeamMembers",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const team = await tx.volunteerTeam.findUnique({ where: { id: args.teamNumber }, include: { region: true } });
          if (!team) {
            const check = new InputChecker();
            check.fail("teamNumber", "NO_SUCH_TEAM", { id: String(args.teamNumber) });
            check.done();
          }
          requireCapability(context, "edit", team!.region.path, { field: "teamNumber", what: team!.name });
          await addTeamMembers(tx, team!, args.memberNumbers);
          return { teamId: team!.id };
        },
      );
      return context.prisma.volunteerTeam.findUniqueOrThrow({ ...query, where: { id: teamId } });
    },
  }),
}));
