import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type {
  CommunityNeed,
  NeedAction,
  NeedCategory,
  NeedKind,
  NeedSource,
  NeedStatus,
  NeedUrgency,
  Prisma,
  Region,
} from "../generated/prisma/client.js";
import { communityIdOf, findCommunityRegion } from "./community.js";
import { findUnitServing, pastDay } from "./members.service.js";

export const NEED_KINDS: readonly NeedKind[] = ["NEED", "WISH"];
export const NEED_SOURCES: readonly NeedSource[] = ["VISIT", "FORUM", "SURVEY", "HOTLINE"];
export const NEED_CATEGORIES: readonly NeedCategory[] = [
  "ELDERLY_CARE",
  "CHILDREN",
  "HEALTH",
  "SAFETY",
  "ENVIRONMENT",
  "INFRASTRUCTURE",
  "EMPLOYMENT",
  "LEGAL",
  "CULTURE",
  "HARDSHIP",
  "OTHER",
];
export const NEED_URGENCIES: readonly NeedUrgency[] = ["LOW", "NORMAL", "URGENT"];
export const NEED_STATUSES: readonly NeedStatus[] = ["OPEN", "CLAIMED", "IN_PROGRESS", "DONE", "CONFIRMED", "WITHDRAWN"];

/** The moves after collection, and the statuses each starts from (as FixMyStreet's and Decidim's cases move). */
export type NeedMove = Exclude<NeedAction, "COLLECT">;
const MOVES: Record<NeedMove, { from: readonly NeedStatus[]; to: NeedStatus | "SAME" }> = {
  MATCH: { from: ["OPEN"], to: "SAME" },
  CLAIM: { from: ["OPEN"], to: "CLAIMED" },
  START: { from: ["CLAIMED"], to: "IN_PROGRESS" },
  FINISH: { from: ["CLAIMED", "IN_PROGRESS"], to: "DONE" },
  CONFIRM: { from: ["DONE"], to: "CONFIRMED" },
  RETURN: { from: ["DONE"], to: "IN_PROGRESS" },
  WITHDRAW: { from: ["OPEN", "CLAIMED", "IN_PROGRESS"], to: "WITHDRAWN" },
};
export const NEED_MOVES = Object.keys(MOVES) as NeedMove[];

/** The statuses in which a need is on the project list (项目清单): claimed and not yet closed. */
export const CLAIMED_STATUSES: readonly NeedStatus[] = ["CLAIMED", "IN_PROGRESS", "DONE"];

export interface CollectNeedInput {
  kind: string;
  regionCode: string;
  title: string;
  description?: string | null;
  category: string;
  source: string;
  urgency?: string | null;
  residentName?: string | null;
  residentPhone?: string | null;
  /** YYYY-MM-DD, not after today; today by default. */
  raisedOn?: string | null;
  projectName?: string | null;
  estimatedCost?: string | null;
  households?: number | null;
  recordSource?: string | null;
}

/** Digits, with the dashes and spaces people write between them: 7 to 12 digits in all. */
const PHONE = /^[0-9][0-9 -]{5,16}[0-9]$/;

function checkPhone(check: InputChecker, field: string, value: string | null | undefined): string | null {
  const phone = check.optionalText(field, value, { max: 20 });
  if (!phone) return null;
  const digits = phone.replace(/[ -]/g, "");
  if (!PHONE.test(phone) || digits.length < 7 || digits.length > 12) {
    check.fail(field, "PHONE_SHAPE", { value: phone });
    return null;
  }
  return digits;
}

function wholeNumber(check: InputChecker, field: string, value: number | null | undefined, min: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < min || value > 1_000_000) {
    check.fail(field, "NOT_A_WHOLE_NUMBER", { value: String(value), min });
    return null;
  }
  return value;
}

/** Checks a need or micro-wish as collected; the caller checks the asker may edit its region. */
export async function checkNewNeed(db: DbClient, input: CollectNeedInput) {
  const check = new InputChecker();
  const kind = check.oneOf("kind", input.kind, NEED_KINDS);
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const data = {
    kind,
    title: check.text("title", input.title, { max: 200 }),
    description: check.optionalText("description", input.description, { max: 2000 }),
    category: check.oneOf("category", input.category, NEED_CATEGORIES),
    source: check.oneOf("source", input.source, NEED_SOURCES),
    urgency: check.oneOf("urgency", input.urgency ?? "NORMAL", NEED_URGENCIES),
    residentName: check.optionalText("residentName", input.residentName, { max: 50 }),
    residentPhone: checkPhone(check, "residentPhone", input.residentPhone),
    raisedOn: input.raisedOn ? pastDay(check, "raisedOn", input.raisedOn) : chinaToday(),
    projectName: check.optionalText("projectName", input.projectName, { max: 200 }),
    estimatedCost: check.optionalMoney("estimatedCost", input.estimatedCost),
    households: wholeNumber(check, "households", input.households, 1),
    recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
  };
  return { check, region, data };
}

/** 收集: a need or micro-wish enters the needs list, open for claims. */
export async function collectNeed(db: DbClient, input: CollectNeedInput, author: ChangeAuthor): Promise<CommunityNeed> {
  const { check, region, data } = await checkNewNeed(db, input);
  check.done();
  const need = await db.communityNeed.create({
    data: { ...data, raisedOn: data.raisedOn!, regionId: region!.id, createdBy: author.name },
  });
  await db.communityNeedEvent.create({
    data: { needId: need.id, regionId: need.regionId, action: "COLLECT", status: "OPEN", on: need.raisedOn, by: author.name },
  });
  return need;
}

export type NeedWithRegion = CommunityNeed & { region: Region };

export async function findNeed(db: DbClient, id: number, field = "needNumber"): Promise<NeedWithRegion> {
  const need = await db.communityNeed.findUnique({ where: { id }, include: { region: true } });
  if (!need) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_NEED", { id: String(id) });
    check.done();
  }
  return need!;
}

/** What a move may carry, by move (the others are ignored). */
export interface NeedMoveInput {
  /** The day of the move, YYYY-MM-DD, not after today; today by default. */
  on?: string | null;
  note?: string | null;
  expectedVersion?: number | null;
  /** MATCH: the member whose resources meet it. */
  matchedMemberId?: number | null;
  /** MATCH, CLAIM: the project-list name it is served under. */
  projectName?: string | null;
  /** CLAIM: exactly one of a member, a team or a unit (by name). */
  claimantMemberId?: number | null;
  claimantTeamId?: number | null;
  claimantUnitName?: string | null;
  /** CLAIM: the day the claimant promises it done. */
  dueOn?: string | null;
  /** FINISH: what was done, and for a micro-wish what it cost and who paid. */
  outcome?: string | null;
  actualCost?: string | null;
  paidBy?: string | null;
  households?: number | null;
}

/** The claimant a CLAIM names, checked against the need's community. */
async function checkClaimant(db: DbClient, check: InputChecker, need: NeedWithRegion, input: NeedMoveInput) {
  const named = [input.claimantMemberId, input.claimantTeamId, input.claimantUnitName?.trim() || null].filter(
    (value) => value !== null && value !== undefined,
  );
  if (named.length !== 1) {
    check.fail("claimantMemberNumber", "ONE_CLAIMANT");
    return {};
  }
  const community = communityIdOf(need.region);
  if (input.claimantMemberId != null) {
    const member = await db.partyMember.findUnique({ where: { id: input.claimantMemberId }, include: { region: true } });
    if (!member) check.fail("claimantMemberNumber", "NO_SUCH_MEMBER", { id: String(input.claimantMemberId) });
    else if (member.leftOn) {
      check.fail("claimantMemberNumber", "MEMBER_HAS_LEFT", { name: member.name, leftOn: isoDay(member.leftOn) });
    } else if (communityIdOf(member.region) !== community) {
      check.fail("claimantMemberNumber", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: member.name, region: need.region.nameZh });
    }
    return { claimantMemberId: member?.id ?? null };
  }
  if (input.claimantTeamId != null) {
    const team = await db.volunteerTeam.findUnique({ where: { id: input.claimantTeamId }, include: { region: true } });
    if (!team) check.fail("claimantTeamNumber", "NO_SUCH_TEAM", { id: String(input.claimantTeamId) });
    else if (communityIdOf(team.region) !== community) {
      check.fail("claimantTeamNumber", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: team.name, region: need.region.nameZh });
    }
    return { claimantTeamId: team?.id ?? null };
  }
  const unitName = check.text("claimantUnitName", input.claimantUnitName, { max: 200 });
  const unit = await findUnitServing(db, unitName, need.region);
  if (!unit) {
    const elsewhere = await db.organization.findFirst({ where: { name: unitName }, select: { id: true } });
    if (elsewhere) check.fail("claimantUnitName", "UNIT_OUTSIDE_COUNTY", { unit: unitName, region: need.region.nameZh });
    else check.fail("claimantUnitName", "NO_SUCH_ORGANIZATION", { name: unitName });
  }
  return { claimantOrganizationId: unit?.id ?? null };
}

/**
 * One move of a need's life-cycle, refused by field when the need is not in a state it starts
 * from (confirming an unclaimed need), when a claimant is outside the need's community, or when a
 * date is in the future or before the step it follows. Each move is recorded as an event.
 */
export async function moveNeed(
  db: DbClient,
  need: NeedWithRegion,
  action: NeedMove,
  input: NeedMoveInput,
  author: ChangeAuthor,
): Promise<CommunityNeed> {
  const move = MOVES[action];
  if (!move.from.includes(need.status)) {
    throw new RevitaError("CONFLICT", "NEED_WRONG_STATE", { title: need.title, status: need.status, action }, [
      fieldIssue("needNumber", "NEED_WRONG_STATE_FIELD", { status: need.status }),
    ]);
  }
  const check = new InputChecker();
  const on = input.on ? pastDay(check, "on", input.on) : chinaToday();
  const note = check.optionalText("note", input.note, { max: 1000 });
  const notBefore = (field: string, day: Date | null, earliest: Date | null) => {
    if (day && earliest && day < earliest) check.fail(field, "NOT_BEFORE", { value: isoDay(day), earliest: isoDay(earliest) });
  };
  let data: Prisma.CommunityNeedUncheckedUpdateInput = {};
  switch (action) {
    case "MATCH": {
      const projectName = check.optionalText("projectName", input.projectName, { max: 200 });
      let matchedMemberId: number | null = null;
      if (input.matchedMemberId == null) check.fail("matchedMemberNumber", "REQUIRED");
      else {
        const member = await db.partyMember.findUnique({ where: { id: input.matchedMemberId }, include: { region: true } });
        if (!member) check.fail("matchedMemberNumber", "NO_SUCH_MEMBER", { id: String(input.matchedMemberId) });
        else if (communityIdOf(member.region) !== communityIdOf(need.region)) {
          check.fail("matchedMemberNumber", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: member.name, region: need.region.nameZh });
        } else matchedMemberId = member.id;
      }
      data = { matchedMemberId, ...(projectName ? { projectName } : {}) };
      break;
    }
    case "CLAIM": {
      const claimant = await checkClaimant(db, check, need, input);
      const projectName = check.optionalText("projectName", input.projectName, { max: 200 });
      const dueOn = input.dueOn?.trim() ? check.date("dueOn", input.dueOn.trim()) : null;
      if (!input.dueOn?.trim()) check.fail("dueOn", "REQUIRED");
      notBefore("on", on, need.raisedOn);
      notBefore("dueOn", dueOn, on);
      data = { ...claimant, claimedOn: on, dueOn, ...(projectName ? { projectName } : {}) };
      break;
    }
    case "START":
      notBefore("on", on, need.claimedOn);
      data = { startedOn: on };
      break;
    case "FINISH": {
      notBefore("on", on, need.startedOn ?? need.claimedOn);
      const outcome = check.text("outcome", input.outcome, { max: 2000 });
      data = {
        doneOn: on,
        outcome,
        actualCost: check.optionalMoney("actualCost", input.actualCost),
        paidBy: check.optionalText("paidBy", input.paidBy, { max: 200 }),
        households: wholeNumber(check, "households", input.households, 1) ?? need.households,
      };
      break;
    }
    case "CONFIRM":
      notBefore("on", on, need.doneOn);
      data = { confirmedOn: on, confirmedBy: author.name };
      break;
    case "RETURN":
      if (!note) check.fail("note", "NEED_RETURN_NEEDS_REASON");
      data = { doneOn: null, outcome: null, returnReason: note, returnCount: need.returnCount + 1 };
      break;
    case "WITHDRAW":
      if (!note) check.fail("note", "REQUIRED");
      break;
  }
  check.done();
  const status = move.to === "SAME" ? need.status : move.to;
  const what = `need ${need.id} (${need.title})`;
  const version = input.expectedVersion ?? need.version;
  requireVersion(what, need, version);
  requireUpdated(
    what,
    await db.communityNeed.updateMany({ where: { id: need.id, version }, data: { ...data, status } }),
    version,
  );
  await db.communityNeedEvent.create({
    data: { needId: need.id, regionId: need.regionId, action, status, on: on!, by: author.name, note },
  });
  return db.communityNeed.findUniqueOrThrow({ where: { id: need.id } });
}
