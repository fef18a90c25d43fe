import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability, requireRegionEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import type { MediationLevel, MediationStatus, Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  addMediator,
  checkNewCase,
  createMediationOrganization,
  DISPUTE_TYPES,
  escalateCase,
  findCase,
  MEDIATION_LEVELS,
  MEDIATION_STEPS,
  MEDIATOR_KINDS,
  nextStep,
  openCase,
  PARTY_ROLES,
  seesParties,
  takeStep,
} from "./mediation.service.js";

/**
 * Grassroots governance II, dispute mediation: organisations and mediators, one file per case
 * through the five steps, escalation village → town → county, and the parties' personal data
 * shown in full to the handling organisation only.
 */

const MediationLevelEnum = builder.enumType("MediationLevel", {
  description: "村级 VILLAGE (the village's committee or police officer), 乡镇级 TOWN (the town's centre), 县级 COUNTY.",
  values: MEDIATION_LEVELS,
});
const MediatorKindEnum = builder.enumType("MediatorKind", {
  description:
    "行业专家 TRADE_SPECIALIST, 法律工作者 LEGAL_WORKER, 农村“五老” FIVE_ELDERS, 驻村辅警 POLICE_OFFICER, 村干部 CADRE, OTHER.",
  values: MEDIATOR_KINDS,
});
const DisputeTypeEnum = builder.enumType("DisputeType", {
  description:
    "邻里 NEIGHBOUR, 婚姻家庭 FAMILY, 土地山林 LAND, 债务 DEBT, 劳资 LABOUR, 物业 PROPERTY, 损害赔偿 DAMAGE, 其他 OTHER.",
  values: DISPUTE_TYPES,
});
const MediationStepEnum = builder.enumType("MediationStepKind", {
  description:
    "The five steps, in order: 预防摸排 SCREENING → 调查疏导 INVESTIGATION → 分析定策 ANALYSIS → 联动调解 MEDIATION → 跟踪见效 FOLLOW_UP.",
  values: MEDIATION_STEPS,
});
const MediationStatusEnum = builder.enumType("MediationStatus", {
  description: "办理中 OPEN, 调解成功 SETTLED (awaiting its follow-up), 移交 REFERRED, 撤回 WITHDRAWN, 回访办结 CLOSED.",
  values: ["OPEN", "SETTLED", "REFERRED", "WITHDRAWN", "CLOSED"] as const,
});
const PartyRoleEnum = builder.enumType("PartyRole", {
  description: "申请人 APPLICANT, 被申请人 RESPONDENT, 其他 OTHER.",
  values: PARTY_ROLES,
});
const MediationOutcomeEnum = builder.enumType("MediationOutcome", {
  description: "How joint mediation ended: 调解成功 SETTLED (with the agreement), 移交 REFERRED (and where), 撤回 WITHDRAWN.",
  values: ["SETTLED", "REFERRED", "WITHDRAWN"] as const,
});

builder.prismaObject("MediationOrganization", {
  description: "调解组织: a village's or community's mediation committee, a town's centre (一厅十室), a county's.",
  authScopes: (organization) => ({ readsOrServes: organization.regionId }),
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number, which escalations name." }),
    name: t.exposeString("name", { description: "Its name." }),
    level: t.expose("level", { type: MediationLevelEnum, description: "Its level." }),
    region: t.relation("region", { description: "Where it sits." }),
    mediators: t.relation("mediators", {
      description: "Its mediators, by name.",
      query: { orderBy: [{ name: "asc" }, { id: "asc" }] },
    }),
    source: t.exposeString("source", { nullable: true, description: "Where the record comes from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
  }),
});

builder.prismaObject("Mediator", {
  description: "调解员: one of an organisation's mediators.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Their number." }),
    name: t.exposeString("name", { description: "姓名." }),
    kind: t.expose("kind", { type: MediatorKindEnum, description: "What they bring." }),
  }),
});

builder.prismaObject("MediationParty", {
  description: "A party to a case: name and ID number in full for the handling organisation's staff, masked for everyone else.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    role: t.expose("role", { type: PartyRoleEnum, description: "Their role." }),
    name: t.string({
      description: "The name: in full for the handling organisation's own staff, else masked (张*).",
      select: { name: true, nameMasked: true, case: { select: { organization: { select: { regionId: true } } } } },
      resolve: (party, _args, context) =>
        seesParties(context.access, party.case.organization.regionId) ? party.name : (party.nameMasked ?? ""),
    }),
    idNumber: t.string({
      nullable: true,
      description: "The resident ID number: in full for the handling organisation's own staff, else masked.",
      select: { idNumber: true, idNumberMasked: true, case: { select: { organization: { select: { regionId: true } } } } },
      resolve: (party, _args, context) =>
        seesParties(context.access, party.case.organization.regionId) ? party.idNumber : party.idNumberMasked,
    }),
  }),
});

builder.prismaObject("MediationStep", {
  description: "One step of a case (or an escalation), its day, who took it and the notes.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number, in the order steps were recorded." }),
    step: t.expose("step", { type: MediationStepEnum, nullable: true, description: "The step; null for an escalation." }),
    escalatedTo: t.expose("escalatedTo", {
      type: MediationLevelEnum,
      nullable: true,
      description: "For an escalation: the level it went to.",
    }),
    on: t.expose("on", { type: "Date", description: "The day." }),
    by: t.exposeString("by", { description: "Who recorded it." }),
    note: t.exposeString("note", { nullable: true, description: "The notes (an escalation's reason)." }),
  }),
});

builder.prismaNode("MediationCase", {
  description: "一事一档: one dispute's file — where it arose, who handles it, its steps, its outcome and follow-up.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which steps and alerts name." }),
    region: t.relation("region", { description: "The village, community or grid cell where it arose." }),
    organization: t.relation("organization", { description: "The organisation handling it now." }),
    level: t.expose("level", { type: MediationLevelEnum, description: "The level handling it now." }),
    receivedBy: t.relation("receivedBy", { nullable: true, description: "The mediator who received it." }),
    type: t.expose("type", { type: DisputeTypeEnum, description: "The kind of dispute." }),
    summary: t.exposeString("summary", { description: "What the dispute is about." }),
    receivedOn: t.expose("receivedOn", { type: "Date", description: "Received on." }),
    lastStep: t.expose("lastStep", { type: MediationStepEnum, nullable: true, description: "The last step taken." }),
    nextStep: t.field({
      type: MediationStepEnum,
      nullable: true,
      description: "The step it may take next; null once concluded without a settlement.",
      select: { lastStep: true, status: true },
      resolve: (c) => (c.status === "REFERRED" || c.status === "WITHDRAWN" ? null : nextStep(c.lastStep)),
    }),
    status: t.expose("status", { type: MediationStatusEnum, description: "Where it stands." }),
    settledOn: t.expose("settledOn", { type: "Date", nullable: true, description: "Settled on." }),
    settledAtLevel: t.expose("settledAtLevel", {
      type: MediationLevelEnum,
      nullable: true,
      description: "Settled at which level.",
    }),
    agreement: t.exposeString("agreement", { nullable: true, description: "The agreement reached." }),
    referredTo: t.exposeString("referredTo", { nullable: true, description: "Where a referred case went." }),
    followUpDue: t.expose("followUpDue", { type: "Date", nullable: true, description: "When the follow-up visit is due." }),
    closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Concluded on." }),
    parties: t.relation("parties", { description: "The parties.", query: { orderBy: [{ role: "asc" }, { id: "asc" }] } }),
    steps: t.relation("steps", {
      description: "Its steps and escalations, in order.",
      query: { orderBy: [{ on: "asc" }, { id: "asc" }] },
    }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a step." }),
  }),
});

builder.objectField(RegionRef, "mediationOrganizations", (t) =>
  t.prismaField({
    type: ["MediationOrganization"],
    authScopes: readsRegion,
    description: "The mediation organisations of this region and below, by level and name (at most 500).",
    resolve: (query, region, _args, context) =>
      context.prisma.mediationOrganization.findMany({
        ...query,
        where: { region: { path: { has: region.id } } },
        orderBy: [{ level: "desc" }, { name: "asc" }, { id: "asc" }],
        take: 500,
      }),
  }),
);

builder.objectField(RegionRef, "mediationCases", (t) =>
  t.prismaConnection({
    type: "MediationCase",
    cursor: "id",
    authScopes: readsRegion,
    description: "The mediation cases of this region and below, latest received first.",
    args: {
      status: t.arg({ type: [MediationStatusEnum], description: "Only these statuses." }),
      level: t.arg({ type: MediationLevelEnum, description: "Only cases handled at this level now." }),
    },
    totalCount: (region, args, context) => context.prisma.mediationCase.count({ where: caseFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.mediationCase.findMany({
        ...query,
        where: caseFilter(region.id, args),
        orderBy: [{ receivedOn: "desc" }, { id: "desc" }],
      }),
  }),
);

function caseFilter(
  regionId: number,
  args: { status?: MediationStatus[] | null; level?: MediationLevel | null },
): Prisma.MediationCaseWhereInput {
  return {
    region: { path: { has: regionId } },
    ...(args.status?.length ? { status: { in: args.status } } : {}),
    ...(args.level ? { level: args.level } : {}),
  };
}

const PartyInputRef = builder.inputType("MediationPartyInput", {
  description: "A party to a dispute.",
  fields: (t) => ({
    role: t.field({ type: PartyRoleEnum, required: true, description: "Their role." }),
    name: t.string({ required: true, description: "姓名." }),
    idNumber: t.string({ description: "Resident ID number (18 characters, or an old 15-digit one)." }),
  }),
});

const OpenCaseInputRef = builder.inputType("OpenMediationCaseInput", {
  description: "受理: a dispute's file, opened at the village where it arose.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The village, community or grid cell." }),
    type: t.field({ type: DisputeTypeEnum, required: true, description: "The kind of dispute." }),
    summary: t.string({ required: true, description: "What it is about." }),
    receivedOn: t.field({ type: "Date", description: "Received on; today by default; not after today." }),
    receivedByNumber: t.int({ description: "The mediator (of the village's organisation) who received it." }),
    parties: t.field({ type: [PartyInputRef], required: true, description: "The parties, 2 to 20." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

const StepInputRef = builder.inputType("MediationStepInput", {
  description: "One step of a case, in order.",
  fields: (t) => ({
    caseNumber: t.int({ required: true, description: "The case's number." }),
    step: t.field({ type: MediationStepEnum, required: true, description: "The step: the next one only." }),
    on: t.field({ type: "Date", description: "The day; today by default; not after today." }),
    note: t.string({ description: "Notes." }),
    outcome: t.field({ type: MediationOutcomeEnum, description: "MEDIATION: how it ended." }),
    agreement: t.string({ description: "MEDIATION settled: the agreement reached." }),
    referredTo: t.string({ description: "MEDIATION referred: to whom." }),
    followUpDue: t.field({ type: "Date", description: "MEDIATION settled: when to follow up (30 days on by default)." }),
    expectedVersion: t.int({ description: "The case's version you saw." }),
  }),
});

builder.mutationFields((t) => ({
  registerMediationOrganization: t.prismaField({
    type: "MediationOrganization",
    description: "Registers a mediation organisation at a village, town or county you may edit.",
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "Where it sits: a village for VILLAGE, a town for TOWN, a county for COUNTY.",
      }),
      name: t.arg.string({ required: true, description: "Its name." }),
      level: t.arg({ type: MediationLevelEnum, required: true, description: "Its level." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "registerMediationOrganization",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          await requireRegionEditable(tx, context, args.regionCode, "regionCode");
          return { id: (await createMediationOrganization(tx, args)).id };
        },
      );
      return context.prisma.mediationOrganization.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  addMediator: t.prismaField({
    type: "Mediator",
    description: "Adds a mediator to an organisation you may edit.",
    args: {
      organizationNumber: t.arg.int({ required: true, description: "The organisation's number." }),
      name: t.arg.string({ required: true, description: "姓名." }),
      kind: t.arg({ type: MediatorKindEnum, required: true, description: "What they bring." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "addMediator",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const organization = await tx.mediationOrganization.findUnique({
            where: { id: args.organizationNumber },
            include: { region: true },
          });
          if (organization)
            requireCapability(context, "edit", organization.region.path, {
              field: "organizationNumber",
              what: organization.name,
            });
          return { id: (await addMediator(tx, { ...args, organizationId: args.organizationNumber })).id };
        },
      );
      return context.prisma.mediator.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  openMediationCase: t.prismaField({
    type: "MediationCase",
    description:
      "受理: opens a dispute's file at the village where it arose (EDITOR there), handled by the village's mediation organisation. Refused by field for a town or higher, fewer than two parties, a malformed ID number or a day after today.",
    args: { input: t.arg({ type: OpenCaseInputRef, required: true, description: "The case." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "openMediationCase", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewCase(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { id: (await openCase(tx, input, author)).id };
      });
      return context.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  takeMediationStep: t.prismaField({
    type: "MediationCase",
    description:
      "Records the next of the five steps (EDITOR of the handling organisation's region). Refused as a CONFLICT out of order, or for a follow-up before a settlement; joint mediation records how it ended.",
    args: { input: t.arg({ type: StepInputRef, required: true, description: "The step." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "takeMediationStep", { input, idempotencyKey }, async (tx, author) => {
        const found = await findCase(tx, input.caseNumber);
        requireCapability(context, "edit", found.organization.region.path, { field: "caseNumber", what: `#${found.id}` });
        return { id: (await takeStep(tx, found, input, author)).id };
      });
      return context.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  escalateMediationCase: t.prismaField({
    type: "MediationCase",
    description:
      "上报: sends an open case one level up (village → town → county) with the reason, to an organisation of the region above it. EDITOR of the organisation handling it now.",
    args: {
      caseNumber: t.arg.int({ required: true, description: "The case's number." }),
      organizationNumber: t.arg.int({ required: true, description: "The organisation one level up." }),
      reason: t.arg.string({ required: true, description: "Why the village (or town) cannot settle it." }),
      on: t.arg({ type: "Date", description: "The day; today by default." }),
      expectedVersion: t.arg.int({ description: "The case's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "escalateMediationCase",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx, author) => {
          const found = await findCase(tx, args.caseNumber);
          requireCapability(context, "edit", found.organization.region.path, { field: "caseNumber", what: `#${found.id}` });
          return { id: (await escalateCase(tx, found, args, author)).id };
        },
      );
      return context.prisma.mediationCase.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
