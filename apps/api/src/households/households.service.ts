import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import {
  type Household,
  type HouseholdType,
  type LeadSource,
  type MeasureKind,
  type MemberRelation,
  type MonitoringStepKind,
  Prisma,
  type Region,
  type RiskFactor,
  type SourceKind,
} from "../generated/prisma/client.js";
import { findCommunityRegion } from "../governance/community.js";
import { pastDay } from "../governance/members.service.js";
import { idNumberProblem, maskBankAccount, maskIdNumber, maskPhone } from "../privacy/id-number.js";
import { encryptPersonal } from "../privacy/personal-data-cipher.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

/**
 * 防返贫动态监测 [seed 002]: a household found at risk of falling back into poverty is identified
 * (a lead, a visit, the village's review and a public notice of at least five days, the town's
 * review, the county's confirmation, all within 15 days), helped by a responsible cadre and
 * measures, and — once its income is stably above the province's line and its risk is gone —
 * reviewed the same way for risk elimination. Nothing is deleted: an eliminated household may
 * return to monitoring in a new round.
 */

export const HOUSEHOLD_TYPES: readonly HouseholdType[] = ["UNSTABLE_OUT_OF_POVERTY", "MARGINAL", "SUDDEN_HARDSHIP"];
export const RISK_FACTORS: readonly RiskFactor[] = [
  "ILLNESS",
  "DISABILITY",
  "SCHOOLING",
  "DISASTER",
  "ACCIDENT",
  "UNEMPLOYMENT",
  "OTHER",
];
export const LEAD_SOURCES: readonly LeadSource[] = [
  "APPLICATION",
  "VILLAGE_VISIT",
  "HEALTH_INSURANCE",
  "EDUCATION",
  "CIVIL_AFFAIRS",
  "EMERGENCY_MANAGEMENT",
];
export const MEMBER_RELATIONS: readonly MemberRelation[] = [
  "HEAD",
  "SPOUSE",
  "CHILD",
  "PARENT",
  "GRANDCHILD",
  "SIBLING",
  "OTHER",
];
export const MEASURE_KINDS: readonly MeasureKind[] = [
  "INDUSTRY",
  "EMPLOYMENT",
  "HEALTH",
  "EDUCATION",
  "HOUSING",
  "SOCIAL_ASSISTANCE",
  "SMALL_LOAN",
  "OTHER",
];

/** Identification, step by step; then risk elimination, reviewed the same way. */
export const IDENTIFICATION_STEPS: readonly MonitoringStepKind[] = [
  "LEAD",
  "VISIT",
  "VILLAGE_REVIEW",
  "NOTICE",
  "TOWN_REVIEW",
  "COUNTY_CONFIRMATION",
];
export const ELIMINATION_STEPS: readonly MonitoringStepKind[] = [
  "ELIMINATION_PROPOSAL",
  "ELIMINATION_VILLAGE_REVIEW",
  "ELIMINATION_NOTICE",
  "ELIMINATION_TOWN_REVIEW",
  "ELIMINATION_CONFIRMATION",
];
export const MONITORING_STEPS: readonly MonitoringStepKind[] = [
  ...IDENTIFICATION_STEPS,
  ...ELIMINATION_STEPS,
  "RETURN_TO_MONITORING",
];
const REVIEWS: readonly MonitoringStepKind[] = [
  "VILLAGE_REVIEW",
  "TOWN_REVIEW",
  "COUNTY_CONFIRMATION",
  "ELIMINATION_VILLAGE_REVIEW",
  "ELIMINATION_TOWN_REVIEW",
  "ELIMINATION_CONFIRMATION",
];

/** Days a public notice runs at least, both ends counted; days an identification may take. */
export const NOTICE_DAYS = 5;
export const IDENTIFICATION_DAYS = 15;
const DAY = 86_400_000;
/** As a resident's phone is written anywhere in Revita (needs.service.ts): 7 to 12 digits, dashes allowed. */
const PHONE = /^[0-9][0-9-]{5,16}[0-9]$/;
const BANK_ACCOUNT = /^\d{12,19}$/;
const TOWN_DEPTH = REGION_LEVELS.indexOf("TOWNSHIP");
const VILLAGE_DEPTH = REGION_LEVELS.indexOf("VILLAGE");
const PROVINCE_DEPTH = REGION_LEVELS.indexOf("PROVINCE");

/** The step a household may take next, from where it stands. */
export function nextMonitoringStep(household: Pick<Household, "status" | "lastStep">): MonitoringStepKind | null {
  switch (household.status) {
    case "IDENTIFYING": {
      const at = household.lastStep ? IDENTIFICATION_STEPS.indexOf(household.lastStep) : -1;
      return IDENTIFICATION_STEPS[at + 1] ?? null;
    }
    case "MONITORED":
      return "ELIMINATION_PROPOSAL";
    case "ELIMINATING": {
      const at = household.lastStep ? ELIMINATION_STEPS.indexOf(household.lastStep) : -1;
      return ELIMINATION_STEPS[at + 1] ?? null;
    }
    case "RISK_ELIMINATED":
      return "RETURN_TO_MONITORING";
    default:
      return null;
  }
}

/** The village and town a household's personal data may be shown in full to (PERSONAL_DATA grants there). */
export function personalDataRegions(region: Pick<Region, "path">): number[] {
  return [region.path[VILLAGE_DEPTH], region.path[TOWN_DEPTH]].filter((id): id is number => id !== undefined);
}

export interface MemberInput {
  name: string;
  relation: string;
  birthYear?: number | null;
  health?: string | null;
  disability?: string | null;
  schooling?: string | null;
  work?: string | null;
  idNumber?: string | null;
}

export interface RegisterHouseholdInput {
  regionCode: string;
  type: string;
  riskFactors: string[];
  leadSource: string;
  /** The day the lead came in; today by default. */
  leadOn?: string | null;
  leadNote?: string | null;
  phone?: string | null;
  bankAccount?: string | null;
  members: MemberInput[];
  recordSource?: string | null;
}

/** Checks a new household: a village or grid cell, one head among 1 to 20 members, well-formed ID numbers. */
export async function checkNewHousehold(db: DbClient, input: RegisterHouseholdInput) {
  const check = new InputChecker();
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const type = check.oneOf("type", input.type, HOUSEHOLD_TYPES);
  const riskFactors = [...new Set(check.bounded("riskFactors", input.riskFactors, RISK_FACTORS.length))].map((factor, index) =>
    check.oneOf(`riskFactors.${index}`, factor, RISK_FACTORS),
  );
  if (riskFactors.length === 0 && (input.riskFactors ?? []).length <= RISK_FACTORS.length) check.fail("riskFactors", "REQUIRED");
  const leadSource = check.oneOf("leadSource", input.leadSource, LEAD_SOURCES);
  const leadOn = input.leadOn ? pastDay(check, "leadOn", input.leadOn) : chinaToday();
  const phone = check.optionalText("phone", input.phone, { max: 20 })?.replaceAll(" ", "") ?? null;
  if (phone && !PHONE.test(phone)) check.fail("phone", "PHONE_SHAPE", { value: phone });
  const bankAccount = check.optionalText("bankAccount", input.bankAccount, { max: 30 })?.replaceAll(" ", "") ?? null;
  if (bankAccount && !BANK_ACCOUNT.test(bankAccount)) check.fail("bankAccount", "BANK_ACCOUNT_SHAPE");
  const members = check.bounded("members", input.members, 20).map((member, index) => {
    const field = (name: string) => `members.${index}.${name}`;
    const idNumber = check.optionalText(field("idNumber"), member.idNumber?.toUpperCase(), { max: 18 });
    const problem = idNumber ? idNumberProblem(idNumber) : null;
    if (problem) check.fail(field("idNumber"), problem, { value: maskIdNumber(idNumber!) });
    const birthYear = member.birthYear ?? (idNumber && !problem ? Number(idNumber.slice(6, 10)) : null);
    if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > chinaToday().getUTCFullYear())) {
      check.fail(field("birthYear"), "YEAR_OUT_OF_RANGE", { value: String(birthYear) });
    }
    return {
      name: check.text(field("name"), member.name, { max: 50 }),
      relation: check.oneOf(field("relation"), member.relation, MEMBER_RELATIONS),
      birthYear,
      health: check.optionalText(field("health"), member.health, { max: 100 }),
      disability: check.optionalText(field("disability"), member.disability, { max: 100 }),
      schooling: check.optionalText(field("schooling"), member.schooling, { max: 100 }),
      work: check.optionalText(field("work"), member.work, { max: 100 }),
      idNumber,
    };
  });
  const heads = members.filter((member) => member.relation === "HEAD").length;
  if (members.length < 1 && (input.members ?? []).length <= 20) check.fail("members", "MEMBERS_COUNT", { count: 0 });
  else if (heads !== 1) check.fail("members", "ONE_HEAD", { count: heads });
  return {
    check,
    region,
    data: {
      type,
      riskFactors,
      leadSource,
      leadOn: leadOn!,
      leadNote: check.optionalText("leadNote", input.leadNote, { max: 2000 }),
      phone,
      bankAccount,
      members,
      recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
    },
  };
}

/**
 * 线索: registers a household at risk with its members, from the lead; identification begins.
 * The ID numbers, phone and account are stored encrypted, with masked copies.
 */
export async function registerHousehold(db: DbClient, input: RegisterHouseholdInput, author: ChangeAuthor): Promise<Household> {
  const { check, region, data } = await checkNewHousehold(db, input);
  check.done();
  const head = data.members.find((member) => member.relation === "HEAD")!;
  const created = await db.household.create({
    data: {
      regionId: region!.id,
      headName: head.name,
      type: data.type,
      riskFactors: data.riskFactors,
      status: "IDENTIFYING",
      lastStep: "LEAD",
      leadSource: data.leadSource,
      leadOn: data.leadOn,
      phoneEncrypted: data.phone ? encryptPersonal(data.phone) : null,
      phoneMasked: data.phone ? maskPhone(data.phone) : null,
      bankAccountEncrypted: data.bankAccount ? encryptPersonal(data.bankAccount) : null,
      bankAccountMasked: data.bankAccount ? maskBankAccount(data.bankAccount) : null,
      recordSource: data.recordSource,
      createdBy: author.name,
    },
  });
  await db.householdMember.createMany({
    data: data.members.map(({ idNumber, ...member }) => ({
      ...member,
      householdId: created.id,
      regionId: created.regionId,
      idNumberEncrypted: idNumber ? encryptPersonal(idNumber) : null,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    })),
  });
  await db.monitoringStep.create({
    data: {
      householdId: created.id,
      regionId: created.regionId,
      round: 1,
      kind: "LEAD",
      on: data.leadOn,
      by: author.name,
      note: data.leadNote,
    },
  });
  return created;
}

export type HouseholdWithRegion = Household & { region: Region };

export async function findHousehold(db: DbClient, id: number, field = "householdNumber"): Promise<HouseholdWithRegion> {
  const found = await db.household.findUnique({ where: { id }, include: { region: true } });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_HOUSEHOLD", { id: String(id) });
    check.done();
  }
  return found!;
}

/** The province's monitoring line for a year, or null when none is set. */
export async function monitoringLine(db: DbClient, region: Pick<Region, "path">, year: number) {
  const province = region.path[PROVINCE_DEPTH];
  if (province === undefined) return null;
  return db.monitoringLine.findUnique({ where: { regionId_year: { regionId: province, year } } });
}

export interface MonitoringStepInput {
  step: string;
  on?: string | null;
  /** Who signs it (the reviewer, the notice's issuer); the author by default. */
  by?: string | null;
  note?: string | null;
  /** A review: false when it refuses (the household is not included, or its risk not eliminated). */
  approved?: boolean | null;
  /** A notice: its first and last day. */
  noticeFrom?: string | null;
  noticeTo?: string | null;
  /** A proposal of risk elimination: the risk factor is gone (the village says so). */
  riskGone?: boolean | null;
  expectedVersion?: number | null;
}

/**
 * The next step of identification or of risk elimination, in order only, dated and signed: a
 * notice runs at least five days and a town review comes after it ends; a proposal of
 * elimination needs the latest year's per-person income at or above the province's line for
 * that year and the risk gone; a review may refuse. Refused by field, or as a CONFLICT naming the
 * step that comes next.
 */
export async function takeMonitoringStep(
  db: DbClient,
  household: HouseholdWithRegion,
  input: MonitoringStepInput,
  author: ChangeAuthor,
): Promise<Household> {
  const check = new InputChecker();
  const step = check.oneOf("step", input.step, MONITORING_STEPS);
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  const by = input.by?.trim() ? check.text("by", input.by, { max: 100 }) : author.name;
  const note = check.optionalText("note", input.note, { max: 2000 });
  check.done();
  const expected = nextMonitoringStep(household);
  if (step !== expected) {
    throw new RevitaError("CONFLICT", "MONITORING_STEP_OUT_OF_ORDER", { step, expected: expected ?? "NONE" }, [
      fieldIssue("step", "MONITORING_STEP_OUT_OF_ORDER", { step, expected: expected ?? "NONE" }),
    ]);
  }
  const steps = await db.monitoringStep.findMany({
    where: { householdId: household.id, round: household.round },
    orderBy: [{ on: "asc" }, { id: "asc" }],
  });
  const last = steps.at(-1);
  const dayCheck = new InputChecker();
  if (last && on! < last.on) dayCheck.fail("on", "NOT_BEFORE", { value: isoDay(on!), earliest: isoDay(last.on) });
  let noticeFrom: Date | null = null;
  let noticeTo: Date | null = null;
  if (step === "NOTICE" || step === "ELIMINATION_NOTICE") {
    noticeFrom = input.noticeFrom ? dayCheck.date("noticeFrom", input.noticeFrom) : on;
    noticeTo = dayCheck.date("noticeTo", input.noticeTo ?? "");
    if (!input.noticeTo) dayCheck.fail("noticeTo", "REQUIRED");
    if (noticeFrom && noticeTo && (noticeTo.getTime() - noticeFrom.getTime()) / DAY + 1 < NOTICE_DAYS) {
      dayCheck.fail("noticeTo", "NOTICE_TOO_SHORT", {
        from: isoDay(noticeFrom),
        to: isoDay(noticeTo),
        days: (noticeTo.getTime() - noticeFrom.getTime()) / DAY + 1,
      });
    }
    if (noticeFrom && last && noticeFrom < last.on) {
      dayCheck.fail("noticeFrom", "NOT_BEFORE", { value: isoDay(noticeFrom), earliest: isoDay(last.on) });
    }
  }
  if (step === "TOWN_REVIEW" || step === "ELIMINATION_TOWN_REVIEW") {
    const notice = steps.findLast((s) => s.kind === "NOTICE" || s.kind === "ELIMINATION_NOTICE");
    if (notice?.noticeTo && on! <= notice.noticeTo) {
      dayCheck.fail("on", "AFTER_NOTICE", { value: isoDay(on!), noticeTo: isoDay(notice.noticeTo) });
    }
  }
  if (step === "ELIMINATION_PROPOSAL") {
    if (input.riskGone !== true) dayCheck.fail("riskGone", "RISK_NOT_GONE");
    const income = await db.householdIncome.findFirst({ where: { householdId: household.id }, orderBy: { year: "desc" } });
    if (!income) dayCheck.fail("income", "INCOME_MISSING");
    else {
      const line = await monitoringLine(db, household.region, income.year);
      if (!line) dayCheck.fail("income", "NO_MONITORING_LINE", { year: income.year });
      else if (income.perPerson.lt(line.amount)) {
        dayCheck.fail("income", "INCOME_BELOW_LINE", {
          year: income.year,
          income: income.perPerson.toFixed(0),
          line: line.amount.toFixed(0),
        });
      }
    }
  }
  dayCheck.done();
  const approved = REVIEWS.includes(step) ? input.approved !== false : true;
  let data: Prisma.HouseholdUpdateManyMutationInput = { lastStep: step };
  if (!approved) {
    // A refusal ends the identification (not included), or sends the household back to monitoring.
    data = IDENTIFICATION_STEPS.includes(step)
      ? { lastStep: step, status: "NOT_INCLUDED" }
      : { lastStep: null, status: "MONITORED" };
  } else if (step === "COUNTY_CONFIRMATION") {
    data = { lastStep: step, status: "MONITORED", confirmedOn: on };
  } else if (step === "ELIMINATION_PROPOSAL") {
    data = { lastStep: step, status: "ELIMINATING" };
  } else if (step === "ELIMINATION_CONFIRMATION") {
    data = { lastStep: step, status: "RISK_ELIMINATED", eliminatedOn: on };
  } else if (step === "RETURN_TO_MONITORING") {
    if (!note) {
      const reason = new InputChecker();
      reason.fail("note", "REQUIRED");
      reason.done();
    }
    data = { lastStep: null, status: "MONITORED", eliminatedOn: null, round: { increment: 1 } };
  }
  const what = `household ${household.id}`;
  const version = input.expectedVersion ?? household.version;
  requireVersion(what, household, version);
  requireUpdated(what, await db.household.updateMany({ where: { id: household.id, version }, data }), version);
  await db.monitoringStep.create({
    data: {
      householdId: household.id,
      regionId: household.regionId,
      round: step === "RETURN_TO_MONITORING" ? household.round + 1 : household.round,
      kind: step,
      on: on!,
      by,
      approved,
      note,
      noticeFrom,
      noticeTo,
    },
  });
  return db.household.findUniqueOrThrow({ where: { id: household.id } });
}

/** A year's per-person income, entered or corrected. */
export async function recordIncome(
  db: DbClient,
  household: Household,
  input: { year: number; perPerson: string },
): Promise<Household> {
  const check = new InputChecker();
  const year = check.year("year", input.year);
  if (year > chinaToday().getUTCFullYear()) check.fail("year", "YEAR_OUT_OF_RANGE", { value: String(year) });
  const perPerson = check.money("perPerson", input.perPerson);
  check.done();
  await db.householdIncome.upsert({
    where: { householdId_year: { householdId: household.id, year } },
    create: { householdId: household.id, regionId: household.regionId, year, perPerson },
    update: { perPerson },
  });
  return household;
}

/** 一对一包保: the household's responsible cadre. */
export async function assignCadre(
  db: DbClient,
  household: Household,
  input: { cadreName: string; cadreUnit?: string | null; expectedVersion?: number | null },
): Promise<Household> {
  const check = new InputChecker();
  const cadreName = check.text("cadreName", input.cadreName, { max: 50 });
  const cadreUnit = check.optionalText("cadreUnit", input.cadreUnit, { max: 100 });
  check.done();
  const what = `household ${household.id}`;
  const version = input.expectedVersion ?? household.version;
  requireVersion(what, household, version);
  requireUpdated(
    what,
    await db.household.updateMany({ where: { id: household.id, version }, data: { cadreName, cadreUnit } }),
    version,
  );
  return db.household.findUniqueOrThrow({ where: { id: household.id } });
}

/** 帮扶措施: a measure for a household being monitored, with its day, amount and result. */
export async function addMeasure(
  db: DbClient,
  household: Household,
  input: {
    kind: string;
    description: string;
    startedOn?: string | null;
    amount?: string | null;
    result?: string | null;
    endedOn?: string | null;
  },
  author: ChangeAuthor,
) {
  const check = new InputChecker();
  const kind = check.oneOf("kind", input.kind, MEASURE_KINDS);
  const description = check.text("description", input.description, { max: 500 });
  const startedOn = input.startedOn ? pastDay(check, "startedOn", input.startedOn) : chinaToday();
  const amount = input.amount ? check.money("amount", input.amount) : null;
  const endedOn = input.endedOn ? pastDay(check, "endedOn", input.endedOn) : null;
  if (startedOn && endedOn && endedOn < startedOn) {
    check.fail("endedOn", "NOT_BEFORE", { value: isoDay(endedOn), earliest: isoDay(startedOn) });
  }
  const result = check.optionalText("result", input.result, { max: 2000 });
  check.done();
  if (household.status !== "MONITORED" && household.status !== "ELIMINATING") {
    throw new RevitaError("CONFLICT", "HOUSEHOLD_NOT_MONITORED", { status: household.status }, [
      fieldIssue("householdNumber", "HOUSEHOLD_NOT_MONITORED", { status: household.status }),
    ]);
  }
  return db.assistanceMeasure.create({
    data: {
      householdId: household.id,
      regionId: household.regionId,
      kind,
      description,
      startedOn: startedOn!,
      amount: amount ? new Prisma.Decimal(amount) : null,
      result,
      endedOn,
      createdBy: author.name,
    },
  });
}

/** The province's line for a year (admins of the province). */
export async function setMonitoringLine(
  db: DbClient,
  input: { provinceCode: string; year: number; amount: string; source?: string | null; sourceKind?: SourceKind | null },
) {
  const check = new InputChecker();
  const year = check.year("year", input.year);
  const amount = check.money("amount", input.amount, { allowZero: false });
  const source = check.optionalText("source", input.source, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const province = await db.region.findUnique({ where: { code: input.provinceCode?.trim() ?? "" } });
  if (!province) check.fail("provinceCode", "NO_SUCH_REGION", { code: input.provinceCode ?? "" });
  else if (province.level !== "PROVINCE") check.fail("provinceCode", "NOT_A_PROVINCE", { region: province.nameZh });
  check.done();
  return db.monitoringLine.upsert({
    where: { regionId_year: { regionId: province!.id, year } },
    create: { regionId: province!.id, year, amount, source, sourceKind },
    update: { amount, source, sourceKind },
  });
}
