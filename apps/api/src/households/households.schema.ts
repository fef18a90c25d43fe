import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import type { Context } from "../context.js";
import type { HouseholdStatus, HouseholdType, Prisma } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  addMeasure,
  assignCadre,
  checkNewHousehold,
  findHousehold,
  HOUSEHOLD_TYPES,
  LEAD_SOURCES,
  MEASURE_KINDS,
  MEMBER_RELATIONS,
  MONITORING_STEPS,
  nextMonitoringStep,
  RISK_FACTORS,
  recordIncome,
  registerHousehold,
  setMonitoringLine,
  takeMonitoringStep,
} from "./households.service.js";
import { latestMonitoringYear, monitoringNotice, monitoringOverview, reviewLevelPath } from "./monitoring-figures.js";
import { personalDataOf } from "./personal-data.js";

/**
 * 防返贫动态监测: households at risk, their identification and risk elimination step by step,
 * their cadre and measures, the county's overview and the village's notice; personal data in full
 * only for PERSONAL_DATA grants on the household's village or town, and each such view audited.
 */

const HouseholdTypeEnum = builder.enumType("HouseholdType", {
  description: "脱贫不稳定户 UNSTABLE_OUT_OF_POVERTY, 边缘易致贫户 MARGINAL, 突发严重困难户 SUDDEN_HARDSHIP.",
  values: HOUSEHOLD_TYPES,
});
const RiskFactorEnum = builder.enumType("RiskFactor", {
  description: "因病 ILLNESS, 因残 DISABILITY, 因学 SCHOOLING, 因灾 DISASTER, 因意外 ACCIDENT, 因失业 UNEMPLOYMENT, OTHER.",
  values: RISK_FACTORS,
});
const HouseholdStatusEnum = builder.enumType("HouseholdStatus", {
  description:
    "识别中 IDENTIFYING, 监测帮扶中 MONITORED, 风险消除审核中 ELIMINATING, 风险已消除 RISK_ELIMINATED, 未纳入 NOT_INCLUDED.",
  values: ["IDENTIFYING", "MONITORED", "ELIMINATING", "RISK_ELIMINATED", "NOT_INCLUDED"] as const,
});
const LeadSourceEnum = builder.enumType("LeadSource", {
  description:
    "农户申报 APPLICATION, 村组排查 VILLAGE_VISIT, 医保 HEALTH_INSURANCE, 教育 EDUCATION, 民政 CIVIL_AFFAIRS, 应急管理 EMERGENCY_MANAGEMENT (department warnings).",
  values: LEAD_SOURCES,
});
const StepEnum = builder.enumType("MonitoringStepKind", {
  description:
    "Identification: LEAD → VISIT → VILLAGE_REVIEW → NOTICE (≥5 days) → TOWN_REVIEW → COUNTY_CONFIRMATION; elimination: ELIMINATION_PROPOSAL → ELIMINATION_VILLAGE_REVIEW → ELIMINATION_NOTICE → ELIMINATION_TOWN_REVIEW → ELIMINATION_CONFIRMATION; RETURN_TO_MONITORING.",
  values: MONITORING_STEPS,
});
const RelationEnum = builder.enumType("MemberRelation", {
  description: "户主 HEAD, 配偶 SPOUSE, 子女 CHILD, 父母 PARENT, 孙子女 GRANDCHILD, 兄弟姐妹 SIBLING, OTHER.",
  values: MEMBER_RELATIONS,
});
const MeasureKindEnum = builder.enumType("MeasureKind", {
  description:
    "产业 INDUSTRY, 就业 EMPLOYMENT, 健康 HEALTH, 教育 EDUCATION, 住房 HOUSING, 综合保障 SOCIAL_ASSISTANCE, 小额信贷 SMALL_LOAN, OTHER.",
  values: MEASURE_KINDS,
});
const NoticeKindEnum = builder.enumType("MonitoringNoticeKind", {
  description: "纳入监测公示 IDENTIFICATION or 风险消除公示 ELIMINATION.",
  values: ["IDENTIFICATION", "ELIMINATION"] as const,
});

const DAY = 86_400_000;

builder.prismaObject("HouseholdMember", {
  description: "A member of a monitored household; the ID number here is always the masked copy.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Their number." }),
    name: t.exposeString("name", { description: "姓名." }),
    relation: t.expose("relation", { type: RelationEnum, description: "与户主关系." }),
    birthYear: t.exposeInt("birthYear", { nullable: true, description: "Year of birth." }),
    health: t.exposeString("health", { nullable: true, description: "健康状况." }),
    disability: t.exposeString("disability", { nullable: true, description: "残疾情况." }),
    schooling: t.exposeString("schooling", { nullable: true, description: "在校情况." }),
    work: t.exposeString("work", { nullable: true, description: "务工就业情况." }),
    idNumber: t.exposeString("idNumberMasked", {
      nullable: true,
      description: "The ID number, masked (421003********123X); in full only through Household.personalData.",
    }),
  }),
});

builder.prismaObject("HouseholdIncome", {
  description: "A year's per-person income.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    perPerson: t.expose("perPerson", { type: "Decimal", description: "人均纯收入, yuan." }),
  }),
});

builder.prismaObject("MonitoringStep", {
  description: "One step of identification or risk elimination, dated and signed.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number." }),
    round: t.exposeInt("round", { description: "The round (a household returned to monitoring starts a new one)." }),
    kind: t.expose("kind", { type: StepEnum, description: "The step." }),
    on: t.expose("on", { type: "Date", description: "The day." }),
    by: t.exposeString("by", { description: "Who signed it." }),
    approved: t.exposeBoolean("approved", { description: "False for a review that refused." }),
    note: t.exposeString("note", { nullable: true, description: "Notes." }),
    noticeFrom: t.expose("noticeFrom", { type: "Date", nullable: true, description: "A notice: its first day." }),
    noticeTo: t.expose("noticeTo", { type: "Date", nullable: true, description: "A notice: its last day." }),
  }),
});

builder.prismaObject("AssistanceMeasure", {
  description: "帮扶措施: a measure for a monitored household.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number." }),
    kind: t.expose("kind", { type: MeasureKindEnum, description: "What kind." }),
    description: t.exposeString("description", { description: "What is done." }),
    startedOn: t.expose("startedOn", { type: "Date", description: "Started on." }),
    amount: t.expose("amount", { type: "Decimal", nullable: true, description: "Amount, yuan." }),
    result: t.exposeString("result", { nullable: true, description: "Its result." }),
    endedOn: t.expose("endedOn", { type: "Date", nullable: true, description: "Ended on." }),
  }),
});

interface PersonalData {
  shownInFull: boolean;
  phone: string | null;
  bankAccount: string | null;
  members: { number: number; name: string; idNumber: string | null }[];
}

const PersonalDataRef = builder.objectRef<PersonalData>("HouseholdPersonalData").implement({
  description:
    "A household's ID numbers, phone and bank account: in full for PERSONAL_DATA grants on its village or town (each such view audited), masked for everyone else.",
  fields: (t) => ({
    shownInFull: t.exposeBoolean("shownInFull", { description: "Whether these are in full (and the view was audited)." }),
    phone: t.exposeString("phone", { nullable: true, description: "The phone." }),
    bankAccount: t.exposeString("bankAccount", { nullable: true, description: "The bank account." }),
    members: t.field({
      type: [
        builder.objectRef<PersonalData["members"][number]>("HouseholdMemberIdNumber").implement({
          description: "A member's ID number.",
          fields: (m) => ({
            number: m.exposeInt("number", { description: "The member's number." }),
            name: m.exposeString("name", { description: "姓名." }),
            idNumber: m.exposeString("idNumber", { nullable: true, description: "The ID number." }),
          }),
        }),
      ],
      description: "Each member's ID number.",
      resolve: (data) => data.members,
    }),
  }),
});

builder.prismaNode("Household", {
  description: "监测对象: a household at risk — its members, its procedure step by step, its cadre and measures.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which steps and alerts name." }),
    region: t.relation("region", { description: "Its village, community or grid cell." }),
    headName: t.exposeString("headName", { description: "户主姓名 (names are on the public notice too)." }),
    type: t.expose("type", { type: HouseholdTypeEnum, description: "监测对象类别." }),
    riskFactors: t.field({
      type: [RiskFactorEnum],
      description: "风险类型.",
      select: { riskFactors: true },
      resolve: (household) => household.riskFactors,
    }),
    status: t.expose("status", { type: HouseholdStatusEnum, description: "Where it stands." }),
    lastStep: t.expose("lastStep", { type: StepEnum, nullable: true, description: "The current round's last step." }),
    nextStep: t.field({
      type: StepEnum,
      nullable: true,
      description: "The step it may take next.",
      select: { status: true, lastStep: true },
      resolve: (household) => nextMonitoringStep(household),
    }),
    round: t.exposeInt("round", { description: "Its round of monitoring." }),
    leadSource: t.expose("leadSource", { type: LeadSourceEnum, description: "Where the lead came from." }),
    leadOn: t.expose("leadOn", { type: "Date", description: "The lead came in on." }),
    confirmedOn: t.expose("confirmedOn", { type: "Date", nullable: true, description: "Confirmed for monitoring on." }),
    eliminatedOn: t.expose("eliminatedOn", { type: "Date", nullable: true, description: "Risk eliminated on." }),
    daysSinceLead: t.int({
      nullable: true,
      description: "Being identified: days since the lead (due within 15); else null.",
      select: { status: true, leadOn: true },
      resolve: (household) =>
        household.status === "IDENTIFYING" ? Math.round((chinaToday().getTime() - household.leadOn.getTime()) / DAY) : null,
    }),
    phone: t.exposeString("phoneMasked", { nullable: true, description: "The phone, masked; in full through personalData." }),
    bankAccount: t.exposeString("bankAccountMasked", {
      nullable: true,
      description: "The bank account, masked; in full through personalData.",
    }),
    cadreName: t.exposeString("cadreName", { nullable: true, description: "一对一包保: the responsible cadre." }),
    cadreUnit: t.exposeString("cadreUnit", { nullable: true, description: "The cadre's unit." }),
    members: t.relation("members", {
      description: "Its members, the head first.",
      query: { orderBy: [{ relation: "asc" }, { id: "asc" }] },
    }),
    incomes: t.relation("incomes", { description: "Per-person income by year.", query: { orderBy: { year: "asc" } } }),
    steps: t.relation("steps", {
      description: "Its steps, in order.",
      query: { orderBy: [{ round: "asc" }, { on: "asc" }, { id: "asc" }] },
    }),
    measures: t.relation("measures", {
      description: "Its assistance measures.",
      query: { orderBy: [{ startedOn: "asc" }, { id: "asc" }] },
    }),
    personalData: t.field({
      type: PersonalDataRef,
      description:
        "ID numbers, phone and account: in full for a PERSONAL_DATA grant on the household's village or town, and then written to the access log; masked for everyone else.",
      select: { id: true, regionId: true, region: { select: { path: true } } },
      resolve: (household, _args, context) => personalDataOf(context, household, "query"),
    }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a change." }),
  }),
});

builder.objectField(RegionRef, "households", (t) =>
  t.prismaConnection({
    type: "Household",
    cursor: "id",
    authScopes: readsRegion,
    description: "The monitored households of this region and below, latest lead first.",
    args: {
      status: t.arg({ type: [HouseholdStatusEnum], description: "Only these statuses." }),
      type: t.arg({ type: HouseholdTypeEnum, description: "Only this type." }),
    },
    totalCount: (region, args, context) => context.prisma.household.count({ where: householdFilter(region.id, args) }),
    resolve: (query, region, args, context) =>
      context.prisma.household.findMany({
        ...query,
        where: householdFilter(region.id, args),
        orderBy: [{ leadOn: "desc" }, { id: "desc" }],
      }),
  }),
);

function householdFilter(
  regionId: number,
  args: { status?: HouseholdStatus[] | null; type?: HouseholdType | null },
): Prisma.HouseholdWhereInput {
  return {
    region: { path: { has: regionId } },
    ...(args.status?.length ? { status: { in: args.status } } : {}),
    ...(args.type ? { type: args.type } : {}),
  };
}

const CountRef = builder.objectRef<{ key: string; households: number }>("MonitoringCount").implement({
  description: "Households by one key (a type or a risk factor).",
  fields: (t) => ({
    key: t.exposeString("key", { description: "The type or risk factor." }),
    households: t.exposeInt("households", { description: "Households." }),
  }),
});

const OverviewRef = builder.objectRef<Awaited<ReturnType<typeof monitoringOverview>>>("MonitoringOverview").implement({
  description:
    "A region's monitoring in a year: new and eliminated households and people, those monitored now by type and risk, and what is late.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    newHouseholds: t.exposeInt("newHouseholds", { description: "Households confirmed for monitoring in the year." }),
    newPeople: t.exposeInt("newPeople", { description: "Their members." }),
    eliminatedHouseholds: t.exposeInt("eliminatedHouseholds", {
      description: "Households whose risk was eliminated in the year.",
    }),
    eliminatedPeople: t.exposeInt("eliminatedPeople", { description: "Their members." }),
    monitoredNow: t.exposeInt("monitoredNow", {
      description: "Households monitored now (including those under review for elimination).",
    }),
    withMeasure: t.exposeInt("withMeasure", { description: "Of them, those with at least one measure." }),
    identifying: t.exposeInt("identifying", { description: "Households being identified now." }),
    identificationOverdue: t.exposeInt("identificationOverdue", { description: "Of them, those past the 15 days." }),
    averageDaysToIdentify: t.field({
      type: "Decimal",
      nullable: true,
      description: "Days from lead to confirmation, averaged over the year's confirmations.",
      resolve: (overview) => overview.averageDaysToIdentify,
    }),
    byType: t.field({ type: [CountRef], description: "Monitored now, by type.", resolve: (overview) => overview.byType }),
    byRiskFactor: t.field({
      type: [CountRef],
      description: "Monitored now, by risk factor (a household may have several).",
      resolve: (overview) => overview.byRiskFactor,
    }),
  }),
});

builder.objectField(RegionRef, "monitoringOverview", (t) =>
  t.field({
    type: OverviewRef,
    authScopes: readsRegion,
    description:
      "防返贫监测 overview of this region and below for a year, from the household records you may read; without a year, the latest year with a confirmation or an elimination (this year when there is none).",
    args: { year: t.arg.int({ description: "The year; the latest with records by default." }) },
    resolve: async (region, args, context) =>
      monitoringOverview(context.prisma, region.id, args.year ?? (await latestMonitoringYear(context.prisma, region.id))),
  }),
);

const NoticeEntryRef = builder
  .objectRef<Awaited<ReturnType<typeof monitoringNotice>>[number]>("MonitoringNoticeEntry")
  .implement({
    description: "One household on a public notice: name, type, risk, members, the head's ID number masked.",
    fields: (t) => ({
      householdNumber: t.exposeInt("householdNumber", { description: "The household's number." }),
      headName: t.exposeString("headName", { description: "户主姓名." }),
      headIdNumber: t.exposeString("headIdNumber", { nullable: true, description: "The head's ID number, always masked." }),
      members: t.exposeInt("members", { description: "家庭人口." }),
      type: t.field({ type: HouseholdTypeEnum, description: "监测对象类别.", resolve: (entry) => entry.type }),
      riskFactors: t.field({ type: [RiskFactorEnum], description: "风险类型.", resolve: (entry) => entry.riskFactors }),
      villageName: t.exposeString("villageName", { description: "The village." }),
      noticeFrom: t.field({ type: "Date", description: "Notice from.", resolve: (entry) => entry.noticeFrom }),
      noticeTo: t.field({ type: "Date", description: "Notice to.", resolve: (entry) => entry.noticeTo }),
    }),
  });

builder.objectField(RegionRef, "monitoringNotice", (t) =>
  t.field({
    type: [NoticeEntryRef],
    authScopes: readsRegion,
    description:
      "公示: the households of this region and below whose notice of identification (or of elimination) runs on the day — names, types, risks, and ID numbers masked for everyone, whatever the reader's grants.",
    args: {
      kind: t.arg({ type: NoticeKindEnum, required: true, description: "Which notice." }),
      on: t.arg({ type: "Date", description: "The day; today by default." }),
    },
    resolve: (region, args, context) => monitoringNotice(context.prisma, region.id, args.kind, args.on ?? null),
  }),
);

builder.objectField(RegionRef, "monitoringLines", (t) =>
  t.prismaField({
    type: ["MonitoringLine"],
    description: "The monitoring lines of this region's province, by year.",
    resolve: (query, region, _args, context) =>
      context.prisma.monitoringLine.findMany({ ...query, where: { regionId: { in: region.path } }, orderBy: { year: "asc" } }),
  }),
);

builder.prismaObject("MonitoringLine", {
  description: "监测标准: a province's line of per-person yearly income for a year.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    amount: t.expose("amount", { type: "Decimal", description: "Yuan per person per year." }),
    source: t.exposeString("source", { nullable: true, description: "Where it comes from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
  }),
});

const MemberInputRef = builder.inputType("HouseholdMemberInput", {
  description: "A member of a household.",
  fields: (t) => ({
    name: t.string({ required: true, description: "姓名." }),
    relation: t.field({ type: RelationEnum, required: true, description: "与户主关系 (one HEAD)." }),
    birthYear: t.int({ description: "Year of birth; from the ID number when left out." }),
    health: t.string({ description: "健康状况." }),
    disability: t.string({ description: "残疾情况." }),
    schooling: t.string({ description: "在校情况." }),
    work: t.string({ description: "务工就业情况." }),
    idNumber: t.string({ description: "18-character ID number, its check character checked; stored encrypted." }),
  }),
});

const RegisterInputRef = builder.inputType("RegisterHouseholdInput", {
  description: "线索: a household at risk, with its members; identification begins.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "Its village, community or grid cell." }),
    type: t.field({ type: HouseholdTypeEnum, required: true, description: "监测对象类别." }),
    riskFactors: t.field({ type: [RiskFactorEnum], required: true, description: "风险类型, at least one." }),
    leadSource: t.field({ type: LeadSourceEnum, required: true, description: "Where the lead came from." }),
    leadOn: t.field({ type: "Date", description: "The lead came in on; today by default." }),
    leadNote: t.string({ description: "What the lead said (the department's warning …)." }),
    phone: t.string({ description: "The household's phone; stored encrypted." }),
    bankAccount: t.string({ description: "The account assistance is paid to; stored encrypted." }),
    members: t.field({ type: [MemberInputRef], required: true, description: "1 to 20 members, one HEAD." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

const StepInputRef = builder.inputType("MonitoringStepInput", {
  description: "The next step of identification or elimination.",
  fields: (t) => ({
    householdNumber: t.int({ required: true, description: "The household's number." }),
    step: t.field({ type: StepEnum, required: true, description: "The next step only." }),
    on: t.field({ type: "Date", description: "The day; today by default." }),
    by: t.string({ description: "Who signs it; you by default." }),
    note: t.string({ description: "Notes (a return to monitoring: the reason)." }),
    approved: t.boolean({ description: "A review: false when it refuses." }),
    noticeFrom: t.field({ type: "Date", description: "A notice: its first day (the step's day by default)." }),
    noticeTo: t.field({ type: "Date", description: "A notice: its last day (at least 5 days, both counted)." }),
    riskGone: t.boolean({ description: "A proposal of elimination: the risk factor is gone." }),
    expectedVersion: t.int({ description: "The household's version you saw." }),
  }),
});

/** The household a change names, checked for the edit grant its step needs. */
async function editableHousehold(
  context: Context,
  tx: Parameters<Parameters<typeof applyChange>[3]>[0],
  householdNumber: number,
  step?: string,
) {
  const household = await findHousehold(tx, householdNumber);
  requireCapability(context, "edit", reviewLevelPath(household.region, step), {
    field: "householdNumber",
    what: household.headName,
  });
  return household;
}

builder.mutationFields((t) => ({
  registerHousehold: t.prismaField({
    type: "Household",
    description:
      "线索: registers a household at risk in a village you may edit, with its members; identification begins. Refused by field for an ID number with a wrong check character, no head or two, a town or higher.",
    args: { input: t.arg({ type: RegisterInputRef, required: true, description: "The household." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "registerHousehold", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewHousehold(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { id: (await registerHousehold(tx, input, author)).id };
      });
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  takeMonitoringStep: t.prismaField({
    type: "Household",
    description:
      "Records the next step of identification or risk elimination, in order only; reviews by editors of their level (the town's review by the town's, the county's confirmation by the county's). A CONFLICT out of order; refused by field for a notice under 5 days or an income below the line.",
    args: { input: t.arg({ type: StepInputRef, required: true, description: "The step." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "takeMonitoringStep", { input, idempotencyKey }, async (tx, author) => {
        const household = await editableHousehold(context, tx, input.householdNumber, input.step);
        return { id: (await takeMonitoringStep(tx, household, input, author)).id };
      });
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  recordHouseholdIncome: t.prismaField({
    type: "Household",
    description: "Enters or corrects a year's per-person income.",
    args: {
      householdNumber: t.arg.int({ required: true, description: "The household's number." }),
      year: t.arg.int({ required: true, description: "The year." }),
      perPerson: t.arg({ type: "Decimal", required: true, description: "人均纯收入, yuan." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "recordHouseholdIncome",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const household = await editableHousehold(context, tx, args.householdNumber);
          return { id: (await recordIncome(tx, household, args)).id };
        },
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  assignHouseholdCadre: t.prismaField({
    type: "Household",
    description: "一对一包保: names the household's responsible cadre.",
    args: {
      householdNumber: t.arg.int({ required: true, description: "The household's number." }),
      cadreName: t.arg.string({ required: true, description: "The cadre." }),
      cadreUnit: t.arg.string({ description: "Their unit." }),
      expectedVersion: t.arg.int({ description: "The household's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "assignHouseholdCadre",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const household = await editableHousehold(context, tx, args.householdNumber);
          return { id: (await assignCadre(tx, household, args)).id };
        },
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  addAssistanceMeasure: t.prismaField({
    type: "Household",
    description: "帮扶措施: adds a measure for a household being monitored.",
    args: {
      householdNumber: t.arg.int({ required: true, description: "The household's number." }),
      kind: t.arg({ type: MeasureKindEnum, required: true, description: "What kind." }),
      description: t.arg.string({ required: true, description: "What is done." }),
      startedOn: t.arg({ type: "Date", description: "Started on; today by default." }),
      amount: t.arg({ type: "Decimal", description: "Amount, yuan." }),
      result: t.arg.string({ description: "Its result." }),
      endedOn: t.arg({ type: "Date", description: "Ended on." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "addAssistanceMeasure",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx, author) => {
          const household = await editableHousehold(context, tx, args.householdNumber);
          await addMeasure(tx, household, args, author);
          return { id: household.id };
        },
      );
      return context.prisma.household.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setMonitoringLine: t.prismaField({
    type: "MonitoringLine",
    description: "Sets a province's monitoring line for a year (ADMIN of the province).",
    args: {
      provinceCode: t.arg.string({ required: true, description: "The province." }),
      year: t.arg.int({ required: true, description: "The year." }),
      amount: t.arg({ type: "Decimal", required: true, description: "Yuan per person per year." }),
      source: t.arg.string({ description: "Where it comes from (the province's notice)." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "setMonitoringLine",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const province = await tx.region.findUnique({ where: { code: args.provinceCode.trim() } });
          if (province) requireCapability(context, "admin", province.path, { field: "provinceCode", what: province.nameZh });
          return { id: (await setMonitoringLine(tx, args)).id };
        },
      );
      return context.prisma.monitoringLine.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
