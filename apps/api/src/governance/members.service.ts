import { chinaToday, isoDay } from "../common/china-day.js";
import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type { Organization, PartyMember, Region, ServiceRole, SourceKind, VolunteerTeam } from "../generated/prisma/client.js";
import { communityIdOf, findCommunityRegion } from "./community.js";

/** 九大员, in the order seed 003 lists them. */
export const SERVICE_ROLES: readonly ServiceRole[] = [
  "PROPAGANDIST",
  "ADVISER",
  "INFORMANT",
  "SAFETY_OFFICER",
  "HEALTH_GUIDE",
  "TRAINER",
  "EXEMPLAR",
  "HELPER",
  "PROMOTER",
];

/** What the resource list (资源清单) records of a member, and their published commitment. */
export interface MemberProfileInput {
  trade?: string | null;
  skills?: string | null;
  offer?: string | null;
  roles?: readonly string[] | null;
  commitmentGoal?: string | null;
  commitmentTime?: string | null;
  commitmentQuality?: string | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
}

export interface CreateMemberInput extends MemberProfileInput {
  name: string;
  /** The work unit's name, registered at the member's county or above (岑巩县水务局). */
  unitName: string;
  /** The community (or area, building) reported to. */
  regionCode: string;
  /** 报到: YYYY-MM-DD, not after today. */
  reportedOn: string;
}

/**
 * The work unit called `name` that serves a region: registered at the region's county, its town or
 * above (a county's bureau sends members to its communities). The nearest wins.
 */
export async function findUnitServing(db: DbClient, name: string, region: Pick<Region, "path">): Promise<Organization | null> {
  const units = await db.organization.findMany({ where: { name, regionId: { in: region.path } } });
  return units.sort((a, b) => region.path.indexOf(b.regionId) - region.path.indexOf(a.regionId))[0] ?? null;
}

/** A day that has happened (not after today in China), refused by field otherwise. */
export function pastDay(
  check: InputChecker,
  field: string,
  value: string | null | undefined,
  { required = true } = {},
): Date | null {
  if (!value?.trim()) {
    if (required) check.fail(field, "REQUIRED");
    return null;
  }
  const day = check.date(field, value.trim());
  const today = chinaToday();
  if (day && day > today) {
    check.fail(field, "NOT_IN_THE_FUTURE", { value: isoDay(day), today: isoDay(today) });
    return null;
  }
  return day;
}

function checkProfile(check: InputChecker, input: MemberProfileInput) {
  const roles = [...new Set(input.roles ?? [])];
  roles.forEach((role, index) => {
    check.oneOf(`roles.${index}`, role, SERVICE_ROLES);
  });
  return {
    trade: check.optionalText("trade", input.trade, { max: 100 }),
    skills: check.optionalText("skills", input.skills, { max: 500 }),
    offer: check.optionalText("offer", input.offer, { max: 500 }),
    roles: roles as ServiceRole[],
    commitmentGoal: check.optionalText("commitmentGoal", input.commitmentGoal, { max: 500 }),
    commitmentTime: check.optionalText("commitmentTime", input.commitmentTime, { max: 200 }),
    commitmentQuality: check.optionalText("commitmentQuality", input.commitmentQuality, { max: 500 }),
    source: check.optionalText("source", input.source, { max: 500 }),
    ...(input.sourceKind !== undefined ? { sourceKind: sourceKindOf(check, input.sourceKind) } : {}),
  };
}

/** The community a member is placed at, checked; the caller checks the asker may edit there. */
export async function checkNewMember(db: DbClient, input: CreateMemberInput) {
  const check = new InputChecker();
  const name = check.text("name", input.name, { max: 50 });
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const unitName = check.text("unitName", input.unitName, { max: 200 });
  const unit = region && unitName ? await findUnitServing(db, unitName, region) : null;
  if (region && unitName && !unit) check.fail("unitName", "NO_SUCH_ORGANIZATION", { name: unitName });
  const reportedOn = pastDay(check, "reportedOn", input.reportedOn);
  const profile = checkProfile(check, input);
  return { check, name, region, unit, reportedOn, profile };
}

/** 报到: a member reports to a community; their first posting opens with them. */
export async function createMember(db: DbClient, input: CreateMemberInput): Promise<PartyMember> {
  const { check, name, region, unit, reportedOn, profile } = await checkNewMember(db, input);
  check.done();
  return db.partyMember.create({
    data: {
      name,
      organizationId: unit!.id,
      regionId: region!.id,
      reportedOn: reportedOn!,
      ...profile,
      postings: { create: { regionId: region!.id, fromOn: reportedOn! } },
    },
  });
}

export async function findMember(db: DbClient, id: number, field = "memberNumber"): Promise<PartyMember & { region: Region }> {
  const member = await db.partyMember.findUnique({ where: { id }, include: { region: true } });
  if (!member) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_MEMBER", { id: String(id) });
    check.done();
  }
  return member!;
}

/** Changes what the resource list says of a member and their commitment (not where they serve). */
export async function updateMemberProfile(
  db: DbClient,
  member: PartyMember,
  input: MemberProfileInput & { unitName?: string | null },
  expectedVersion: number,
): Promise<PartyMember> {
  const check = new InputChecker();
  const profile = checkProfile(check, input);
  let organizationId = member.organizationId;
  if (input.unitName != null) {
    const unitName = check.text("unitName", input.unitName, { max: 200 });
    const region = await db.region.findUniqueOrThrow({ where: { id: member.regionId } });
    const unit = unitName ? await findUnitServing(db, unitName, region) : null;
    if (unitName && !unit) check.fail("unitName", "NO_SUCH_ORGANIZATION", { name: unitName });
    if (unit) organizationId = unit.id;
  }
  check.done();
  const what = `party member ${member.name}`;
  requireVersion(what, member, expectedVersion);
  requireUpdated(
    what,
    await db.partyMember.updateMany({ where: { id: member.id, version: expectedVersion }, data: { ...profile, organizationId } }),
    expectedVersion,
  );
  return db.partyMember.findUniqueOrThrow({ where: { id: member.id } });
}

/**
 * A member moves to another community (or leaves, with `regionCode` null): the open posting closes
 * the day before and, when moving, a new one opens on the day. Their cards and claims stay where
 * they were made.
 */
export async function moveMember(
  db: DbClient,
  member: PartyMember & { region: Region },
  { regionCode, on, expectedVersion }: { regionCode: string | null; on: string; expectedVersion: number },
): Promise<PartyMember> {
  const check = new InputChecker();
  const day = pastDay(check, "on", on);
  const region = regionCode === null ? null : await findCommunityRegion(db, check, "regionCode", regionCode);
  if (member.leftOn) check.fail("memberNumber", "MEMBER_HAS_LEFT", { name: member.name, leftOn: isoDay(member.leftOn) });
  if (region && region.id === member.regionId) {
    check.fail("regionCode", "MEMBER_ALREADY_THERE", { name: member.name, region: region.nameZh });
  }
  if (day && day < member.reportedOn) {
    check.fail("on", "NOT_BEFORE_REPORTING", { date: isoDay(day), reportedOn: isoDay(member.reportedOn) });
  }
  check.done();
  const what = `party member ${member.name}`;
  requireVersion(what, member, expectedVersion);
  const dayBefore = new Date(day!.getTime() - 86_400_000);
  await db.memberPosting.updateMany({
    where: { memberId: member.id, untilOn: null },
    // A move on the day of reporting leaves a one-day posting rather than one that ends before it began.
    data: { untilOn: dayBefore < member.reportedOn ? member.reportedOn : dayBefore },
  });
  requireUpdated(
    what,
    await db.partyMember.updateMany({
      where: { id: member.id, version: expectedVersion },
      data: region ? { regionId: region.id, reportedOn: day! } : { leftOn: day! },
    }),
    expectedVersion,
  );
  if (region) await db.memberPosting.create({ data: { memberId: member.id, regionId: region.id, fromOn: day! } });
  return db.partyMember.findUniqueOrThrow({ where: { id: member.id } });
}

/** A team of members serving a community (党员服务队 …). */
export async function createTeam(
  db: DbClient,
  input: { regionCode: string; name: string; focus?: string | null; source?: string | null; sourceKind?: SourceKind | null },
): Promise<VolunteerTeam> {
  const check = new InputChecker();
  const region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  const name = check.text("name", input.name, { max: 100 });
  const focus = check.optionalText("focus", input.focus, { max: 500 });
  const source = check.optionalText("source", input.source, { max: 500 });
  const sourceKind = sourceKindOf(check, input.sourceKind);
  if (region && name && (await db.volunteerTeam.findUnique({ where: { regionId_name: { regionId: region.id, name } } }))) {
    check.fail("name", "DUPLICATE_KEY", { key: name });
  }
  check.done();
  return db.volunteerTeam.create({ data: { regionId: region!.id, name, focus, source, sourceKind } });
}

/** Adds members to a team: each must report to the team's community (or an area in it). */
export async function addTeamMembers(db: DbClient, team: VolunteerTeam & { region: Region }, memberIds: readonly number[]) {
  const check = new InputChecker();
  const members = await db.partyMember.findMany({ where: { id: { in: [...memberIds] } }, include: { region: true } });
  const teamCommunity = communityIdOf(team.region);
  memberIds.forEach((id, index) => {
    const member = members.find((m) => m.id === id);
    if (!member) check.fail(`memberNumbers.${index}`, "NO_SUCH_MEMBER", { id: String(id) });
    else if (member.leftOn)
      check.fail(`memberNumbers.${index}`, "MEMBER_HAS_LEFT", { name: member.name, leftOn: isoDay(member.leftOn) });
    else if (communityIdOf(member.region) !== teamCommunity) {
      check.fail(`memberNumbers.${index}`, "TEAM_MEMBER_ELSEWHERE", { name: member.name, team: team.name });
    }
  });
  check.done();
  await db.volunteerTeamMember.createMany({
    data: memberIds.map((memberId) => ({ teamId: team.id, memberId, regionId: team.regionId })),
    skipDuplicates: true,
  });
}
