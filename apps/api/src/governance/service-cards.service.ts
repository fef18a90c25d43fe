import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import type { PartyMember, Region, ServiceCard, ServiceEntry } from "../generated/prisma/client.js";
import { communityIdOf, findCommunityRegion } from "./community.js";
import { findMember } from "./members.service.js";
import { isOnScale } from "./service-score.js";

const monthOf = (day: Date) => isoDay(day).slice(0, 7);

function monthBounds(month: string) {
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
  return { start, end };
}

/** A month key (2024-06) not after this month, refused by field otherwise. */
function checkMonth(check: InputChecker, field: string, value: string | null | undefined): string | null {
  const month = value?.trim() ?? "";
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    check.fail(field, "NOT_A_MONTH", { value: month });
    return null;
  }
  const current = monthOf(chinaToday());
  if (month > current) {
    check.fail(field, "CARD_FUTURE_MONTH", { month, current });
    return null;
  }
  return month;
}

/**
 * Where a member served on a day: the community they reported to then. A card is kept at that
 * community (or the area of it the member reports to), so the community that scores it is the
 * one the member served.
 */
async function postingRegionOn(db: DbClient, member: PartyMember, day: Date): Promise<Region | null> {
  const posting = await db.memberPosting.findFirst({
    where: { memberId: member.id, fromOn: { lte: day }, OR: [{ untilOn: null }, { untilOn: { gte: day } }] },
    include: { region: true },
    orderBy: { fromOn: "desc" },
  });
  return posting?.region ?? null;
}

/** The member's card for a month at a community, made when the first service or score arrives. */
async function cardFor(db: DbClient, member: PartyMember, region: Region, month: string): Promise<ServiceCard> {
  const existing = await db.serviceCard.findUnique({
    where: { memberId_regionId_month: { memberId: member.id, regionId: region.id, month } },
  });
  if (existing) return existing;
  const { start, end } = monthBounds(month);
  return db.serviceCard.create({
    data: { memberId: member.id, regionId: region.id, month, periodStart: start, periodEnd: end },
  });
}

export interface RecordServiceInput {
  memberId: number;
  /** YYYY-MM-DD: not in a month to come, not after today. */
  servedOn: string;
  /** More than 0, at most 24, to the tenth of an hour. */
  hours: string;
  description: string;
  /** The need or micro-wish it served, if any: one of the same community. */
  needId?: number | null;
}

/**
 * One service on a member's monthly record card (在职党员社区服务（活动）记录卡): the card of the
 * month and community the member served in is made if it is the month's first. Refused by field
 * for a month to come, a day the member was not posted there, hours outside (0, 24] and a need
 * of another community; a locked month is refused by the database (CONFLICT).
 */
export async function recordService(
  db: DbClient,
  input: RecordServiceInput,
  author: ChangeAuthor,
): Promise<{ card: ServiceCard; entry: ServiceEntry; region: Region }> {
  const member = await findMember(db, input.memberId);
  const check = new InputChecker();
  const servedText = input.servedOn?.trim() ?? "";
  const served = check.date("servedOn", servedText);
  const today = chinaToday();
  if (served && monthOf(served) > monthOf(today)) {
    check.fail("servedOn", "CARD_FUTURE_MONTH", { month: monthOf(served), current: monthOf(today) });
  } else if (served && served > today) {
    check.fail("servedOn", "NOT_IN_THE_FUTURE", { value: servedText, today: isoDay(today) });
  }
  const hours = check.decimal("hours", input.hours, { places: 1, below: "1000" });
  if (hours && (hours.lessThanOrEqualTo(0) || hours.greaterThan(24))) {
    check.fail("hours", "HOURS_OUT_OF_RANGE", { value: hours.toFixed() });
  }
  const description = check.text("description", input.description, { max: 1000 });
  const region = served && served <= today ? await postingRegionOn(db, member, served) : null;
  if (served && served <= today && !region) {
    check.fail("servedOn", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: member.name, region: member.region.nameZh });
  }
  if (input.needId != null && region) {
    const need = await db.communityNeed.findUnique({ where: { id: input.needId }, include: { region: true } });
    if (!need) check.fail("needNumber", "NO_SUCH_NEED", { id: String(input.needId) });
    else if (communityIdOf(need.region) !== communityIdOf(region)) {
      check.fail("needNumber", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: member.name, region: need.region.nameZh });
    }
  }
  check.done();
  const card = await cardFor(db, member, region!, monthOf(served!));
  const entry = await db.serviceEntry.create({
    data: {
      cardId: card.id,
      regionId: card.regionId,
      servedOn: served!,
      hours: hours!,
      description,
      needId: input.needId ?? null,
      createdBy: author.name,
    },
  });
  return { card, entry, region: region! };
}

export interface ScoreInput {
  memberId: number;
  /** 2024-06: not a month to come. */
  month: string;
  /** Where the member served that month; their posting's community when left out. */
  regionCode?: string | null;
  score: number;
  comment?: string | null;
  expectedVersion?: number | null;
}

/**
 * The community's monthly score for a member, on the published scale (service-score.ts), on the
 * member's card for the month (made if the member recorded no service: a month without service
 * is scored too). The month's approval locks it.
 */
export async function scoreMember(db: DbClient, input: ScoreInput, author: ChangeAuthor): Promise<ServiceCard> {
  const member = await findMember(db, input.memberId);
  const check = new InputChecker();
  const month = checkMonth(check, "month", input.month);
  if (!isOnScale(input.score)) check.fail("score", "SCORE_OUT_OF_SCALE", { value: String(input.score) });
  const comment = check.optionalText("comment", input.comment, { max: 1000 });
  let region: Region | null = null;
  if (input.regionCode?.trim()) region = await findCommunityRegion(db, check, "regionCode", input.regionCode);
  else if (month) {
    const { end } = monthBounds(month);
    region = (await postingRegionOn(db, member, end)) ?? (await postingRegionOn(db, member, monthBounds(month).start));
    if (!region) check.fail("month", "CLAIMANT_OUTSIDE_COMMUNITY", { claimant: member.name, region: member.region.nameZh });
  }
  check.done();
  const card = await cardFor(db, member, region!, month!);
  const what = `the service card of ${member.name} for ${month}`;
  const version = input.expectedVersion ?? card.version;
  requireVersion(what, card, version);
  requireUpdated(
    what,
    await db.serviceCard.updateMany({
      where: { id: card.id, version },
      data: { score: input.score, comment, scoredBy: author.name, scoredAt: new Date() },
    }),
    version,
  );
  return db.serviceCard.findUniqueOrThrow({ where: { id: card.id } });
}
