import type { AccessScope } from "../access/access-scope.js";
import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type {
  DisputeType,
  MediationCase,
  MediationLevel,
  MediationOrganization,
  MediationStepKind,
  MediatorKind,
  PartyRole,
  Region,
  SourceKind,
} from "../generated/prisma/client.js";
import { findCommunityRegion } from "../governance/community.js";
import { pastDay } from "../governance/members.service.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

/** The five steps of 马山镇's process [seed 002], in the order a case takes them. */
export const MEDIATION_STEPS: readonly MediationStepKind[] = ["SCREENING", "INVESTIGATION", "ANALYSIS", "MEDIATION", "FOLLOW_UP"];
export const MEDIATION_LEVELS: readonly MediationLevel[] = ["VILLAGE", "TOWN", "COUNTY"];
export const DISPUTE_TYPES: readonly DisputeType[] = [
  "NEIGHBOUR",
  "FAMILY",
  "LAND",
  "DEBT",
  "LABOUR",
  "PROPERTY",
  "DAMAGE",
  "OTHER",
];
export const MEDIATOR_KINDS: readonly MediatorKind[] = [
  "TRADE_SPECIALIST",
  "LEGAL_WORKER",
  "FIVE_ELDERS",
  "POLICE_OFFICER",
  "CADRE",
  "OTHER",
];
export const PARTY_ROLES: readonly PartyRole[] = ["APPLICANT", "RESPONDENT", "OTHER"];

/** The region level each mediation level sits at. */
const LEVEL_REGION = { VILLAGE: "VILLAGE", TOWN: "TOWNSHIP", COUNTY: "COUNTY" } as const;

/** Days after settlement the follow-up visit is due, unless the mediator sets another day. */
export const FOLLOW_UP_DAYS = 30;

/** The next step a case may take, or null when it has taken all (follow-ups may repeat). */
export function nextStep(last: MediationStepKind | null): MediationStepKind {
  if (last === "FOLLOW_UP") return "FOLLOW_UP";
  return MEDIATION_STEPS[last === null ? 0 : MEDIATION_STEPS.indexOf(last) + 1]!;
}

export async function createMediationOrganization(
  db: DbClient,
  input: { regionCode: string; name: string; level: string; source?: string | null; sourceKind?: SourceKind | null },
): Promise<MediationOrganization> {
  const check = new InputChecker();
  const level = check.oneOf("level", input.level, MEDIATION_LEVELS);
  const name = check.text("name", input.name, { max: 200 });
  const source = check.optionalText("source", input.source, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const region = await db.region.findUnique({ where: { code: input.regionCode?.trim() ?? "" } });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode ?? "" });
  else if (MEDIATION_LEVELS.includes(level) && region.level !== LEVEL_REGION[level]) {
    check.fail("regionCode", "MEDIATION_LEVEL_MISMATCH", { region: region.nameZh, level });
  }
  check.done();
  return db.mediationOrganization.create({
    data: { regionId: region!.id, name, level, source, sourceKind },
  });
}

export async function addMediator(
  db: DbClient,
  input: { organizationId: number; name: string; kind: string; source?: string | null; sourceKind?: SourceKind | null },
) {
  const check = new InputChecker();
  const kind = check.oneOf("kind", input.kind, MEDIATOR_KINDS);
  const name = check.text("name", input.name, { max: 50 });
  const source = check.optionalText("source", input.source, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  const organization = await db.mediationOrganization.findUnique({ where: { id: input.organizationId } });
  if (!organization) check.fail("organizationNumber", "NO_SUCH_MEDIATION_ORGANIZATION", { id: String(input.organizationId) });
  check.done();
  return db.mediator.create({
    data: { organizationId: organization!.id, regionId: organization!.regionId, name, kind, source, sourceKind },
  });
}

/** An 18-character resident ID number (the last may be X), or 15 digits for an old one. */
const ID_NUMBER = /^(\d{17}[\dX]|\d{15})$/;

export interface OpenCaseInput {
  regionCode: string;
  type: string;
  summary: string;
  /** YYYY-MM-DD, not after today; today by default. */
  receivedOn?: string | null;
  receivedByNumber?: number | null;
  parties: { role: string; name: string; idNumber?: string | null }[];
  recordSource?: string | null;
}

/**
 * 受理: a dispute's file opens at the village (or community, or grid cell) where it arose, handled by
 * that village's mediation organisation. At least two parties; ID numbers are checked for shape.
 */
export async function checkNewCase(db: DbClient, input: OpenCaseInput) {
  const check = new InputChecker();
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const type = check.oneOf("type", input.type, DISPUTE_TYPES);
  const summary = check.text("summary", input.summary, { max: 2000 });
  const receivedOn = input.receivedOn ? pastDay(check, "receivedOn", input.receivedOn) : chinaToday();
  const parties = check.bounded("parties", input.parties, 20).map((party, index) => {
    const role = check.oneOf(`parties.${index}.role`, party.role, PARTY_ROLES);
    const name = check.text(`parties.${index}.name`, party.name, { max: 50 });
    const idNumber = check.optionalText(`parties.${index}.idNumber`, party.idNumber?.toUpperCase(), { max: 18 });
    if (idNumber && !ID_NUMBER.test(idNumber)) check.fail(`parties.${index}.idNumber`, "ID_NUMBER_SHAPE", { value: idNumber });
    return { role, name, idNumber };
  });
  if (parties.length < 2 && (input.parties ?? []).length <= 20) check.fail("parties", "PARTIES_COUNT", { count: parties.length });
  const village = region
    ? await db.region.findUniqueOrThrow({ where: { id: region.path[REGION_LEVELS.indexOf("VILLAGE")]! } })
    : null;
  const organization = village
    ? await db.mediationOrganization.findFirst({ where: { regionId: village.id, level: "VILLAGE" }, orderBy: { id: "asc" } })
    : null;
  if (village && !organization) check.fail("regionCode", "NO_MEDIATION_ORGANIZATION", { region: village.nameZh });
  if (input.receivedByNumber != null && organization) {
    const mediator = await db.mediator.findUnique({ where: { id: input.receivedByNumber } });
    if (mediator?.organizationId !== organization.id) {
      check.fail("receivedByNumber", "MEDIATOR_NOT_OF_ORGANIZATION", { organization: organization.name });
    }
  }
  return {
    check,
    region,
    organization,
    data: {
      type,
      summary,
      receivedOn,
      parties,
      recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
    },
  };
}

export async function openCase(db: DbClient, input: OpenCaseInput, author: ChangeAuthor): Promise<MediationCase> {
  const { check, region, organization, data } = await checkNewCase(db, input);
  check.done();
  const created = await db.mediationCase.create({
    data: {
      regionId: region!.id,
      organizationId: organization!.id,
      level: "VILLAGE",
      receivedById: input.receivedByNumber ?? null,
      type: data.type,
      summary: data.summary,
      receivedOn: data.receivedOn!,
      recordSource: data.recordSource,
      createdBy: author.name,
    },
  });
  await db.mediationParty.createMany({
    data: data.parties.map((party) => ({ caseId: created.id, regionId: created.regionId, ...party })),
  });
  return created;
}

export type CaseWithOrganization = MediationCase & { organization: MediationOrganization & { region: Region } };

export async function findCase(db: DbClient, id: number, field = "caseNumber"): Promise<CaseWithOrganization> {
  const found = await db.mediationCase.findUnique({ where: { id }, include: { organization: { include: { region: true } } } });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_CASE", { id: String(id) });
    check.done();
  }
  return found!;
}

export interface StepInput {
  step: string;
  on?: string | null;
  note?: string | null;
  expectedVersion?: number | null;
  /** MEDIATION: how it ended — SETTLED (with the agreement), REFERRED (and where), or WITHDRAWN. */
  outcome?: "SETTLED" | "REFERRED" | "WITHDRAWN" | null;
  agreement?: string | null;
  referredTo?: string | null;
  /** MEDIATION settled: when the follow-up visit is due; 30 days on by default. */
  followUpDue?: string | null;
}

const DAY = 86_400_000;

/**
 * One step of a case, in order only: 预防摸排 → 调查疏导 → 分析定策 → 联动调解 (which ends it: settled with
 * an agreement, referred, or withdrawn) → 跟踪见效 (follow-up visits, once settled; the first closes
 * the file). Refused by field for a step out of order, a follow-up before settlement, a day in the
 * future or before the case was received.
 */
export async function takeStep(
  db: DbClient,
  found: CaseWithOrganization,
  input: StepInput,
  author: ChangeAuthor,
): Promise<MediationCase> {
  const check = new InputChecker();
  const step = check.oneOf("step", input.step, MEDIATION_STEPS);
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  if (on && on < found.receivedOn) check.fail("on", "NOT_BEFORE", { value: isoDay(on), earliest: isoDay(found.receivedOn) });
  const note = check.optionalText("note", input.note, { max: 2000 });
  check.done();
  const expected = nextStep(found.lastStep);
  if (step === "FOLLOW_UP" && found.status !== "SETTLED" && found.status !== "CLOSED") {
    throw new RevitaError("CONFLICT", "FOLLOW_UP_BEFORE_SETTLEMENT", { status: found.status }, [
      fieldIssue("step", "FOLLOW_UP_BEFORE_SETTLEMENT", { status: found.status }),
    ]);
  }
  if (found.status !== "OPEN" && step !== "FOLLOW_UP") {
    throw new RevitaError("CONFLICT", "CASE_CONCLUDED", { status: found.status }, [
      fieldIssue("step", "CASE_CONCLUDED", { status: found.status }),
    ]);
  }
  if (step !== expected) {
    throw new RevitaError("CONFLICT", "STEP_OUT_OF_ORDER", { step, expected }, [
      fieldIssue("step", "STEP_OUT_OF_ORDER", { step, expected }),
    ]);
  }
  let data: Parameters<typeof db.mediationCase.updateMany>[0]["data"] = { lastStep: step };
  if (step === "MEDIATION") {
    const outcomeCheck = new InputChecker();
    const outcome = outcomeCheck.oneOf("outcome", input.outcome ?? "", ["SETTLED", "REFERRED", "WITHDRAWN"] as const);
    if (outcome === "SETTLED") {
      const agreement = outcomeCheck.text("agreement", input.agreement, { max: 4000 });
      const due = input.followUpDue
        ? outcomeCheck.date("followUpDue", input.followUpDue)
        : new Date(on!.getTime() + FOLLOW_UP_DAYS * DAY);
      if (due && due < on!) outcomeCheck.fail("followUpDue", "NOT_BEFORE", { value: isoDay(due), earliest: isoDay(on!) });
      data = { ...data, status: "SETTLED", settledOn: on, settledAtLevel: found.level, agreement, followUpDue: due };
    } else if (outcome === "REFERRED") {
      const referredTo = outcomeCheck.text("referredTo", input.referredTo, { max: 200 });
      data = { ...data, status: "REFERRED", referredTo, closedOn: on };
    } else if (outcome === "WITHDRAWN") {
      data = { ...data, status: "WITHDRAWN", closedOn: on };
    }
    outcomeCheck.done();
  }
  if (step === "FOLLOW_UP") {
    if (found.settledOn && on! < found.settledOn) {
      check.fail("on", "NOT_BEFORE", { value: isoDay(on!), earliest: isoDay(found.settledOn) });
      check.done();
    }
    data = { ...data, status: "CLOSED", closedOn: found.closedOn ?? on };
  }
  const what = `mediation case ${found.id}`;
  const version = input.expectedVersion ?? found.version;
  requireVersion(what, found, version);
  // The step first: its trigger checks the order against the case as it was.
  await db.mediationStep.create({ data: { caseId: found.id, regionId: found.regionId, step, on: on!, by: author.name, note } });
  requireUpdated(what, await db.mediationCase.updateMany({ where: { id: found.id, version }, data }), version);
  return db.mediationCase.findUniqueOrThrow({ where: { id: found.id } });
}

/**
 * 上报: a case the village cannot settle goes to the town's centre (and on to the county's), with
 * the reason; its steps go on where they stood. Only an open case, one level up at a time, to an
 * organisation of the region above the case.
 */
export async function escalateCase(
  db: DbClient,
  found: CaseWithOrganization,
  input: { organizationNumber: number; reason: string; on?: string | null; expectedVersion?: number | null },
  author: ChangeAuthor,
): Promise<MediationCase> {
  const check = new InputChecker();
  const reason = check.text("reason", input.reason, { max: 2000 });
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  const target = await db.mediationOrganization.findUnique({
    where: { id: input.organizationNumber },
    include: { region: true },
  });
  const up = MEDIATION_LEVELS[MEDIATION_LEVELS.indexOf(found.level) + 1];
  const caseRegion = await db.region.findUniqueOrThrow({ where: { id: found.regionId } });
  if (!target) check.fail("organizationNumber", "NO_SUCH_MEDIATION_ORGANIZATION", { id: String(input.organizationNumber) });
  else if (!up || target.level !== up || !caseRegion.path.includes(target.regionId)) {
    check.fail("organizationNumber", "ESCALATION_NOT_UP", { organization: target.name, level: found.level });
  }
  check.done();
  if (found.status !== "OPEN") {
    throw new RevitaError("CONFLICT", "CASE_CONCLUDED", { status: found.status }, [
      fieldIssue("caseNumber", "CASE_CONCLUDED", { status: found.status }),
    ]);
  }
  const what = `mediation case ${found.id}`;
  const version = input.expectedVersion ?? found.version;
  requireVersion(what, found, version);
  requireUpdated(
    what,
    await db.mediationCase.updateMany({ where: { id: found.id, version }, data: { organizationId: target!.id, level: up! } }),
    version,
  );
  await db.mediationStep.create({
    data: { caseId: found.id, regionId: found.regionId, escalatedTo: up!, on: on!, by: author.name, note: reason },
  });
  return db.mediationCase.findUniqueOrThrow({ where: { id: found.id } });
}

/**
 * Whether the asker reads the parties' names and ID numbers in full: only the handling
 * organisation's own staff do — users with a grant on the organisation's own region (the village
 * while the village handles the case, the town once it is escalated there). Everyone else reads
 * the masked copies the database keeps, in queries and exports alike; the audit never has them.
 */
export function seesParties(access: AccessScope, organizationRegionId: number): boolean {
  return access.grantedOnAnyOf([organizationRegionId]);
}
