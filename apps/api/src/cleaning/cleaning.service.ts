import type { ChangeAuthor } from "../changes/apply-change.js";
import { chinaToday, isoDay } from "../common/china-day.js";
import { fieldIssue, RevitaError } from "../common/errors.js";
import { sourceKindOf } from "../common/source-kind.js";
import { InputChecker } from "../common/validation.js";
import { requireUpdated, requireVersion } from "../common/versions.js";
import type { DbClient } from "../db/database.js";
import {
  type CleaningCampaign,
  type CleaningInspection,
  type InspectionKind,
  Prisma,
  type Region,
  type SourceKind,
} from "../generated/prisma/client.js";
import { pastDay } from "../governance/members.service.js";
import { REGION_LEVELS } from "../regions/region-levels.js";

/**
 * 村庄清洁行动 [seed 000]: a campaign inspects the villages below the region running it, scoring
 * six things each up to its weight; the problems found get a deadline and a follow-up visit; each
 * month's villages are ranked, the best on a red list and the worst on a black one, and the notice
 * (通报) is published.
 */

export const INSPECTION_KINDS: readonly InspectionKind[] = ["UNANNOUNCED", "ANNOUNCED", "COMPETITION"];

/**
 * The six things an inspection checks [seed 000: 扫干净、拆通透、码整齐、改旱厕、清沟渠、栽满绿]. The
 * article gives no weights: these are Revita's illustrative default, which a campaign changes.
 */
export const DEFAULT_CHECKLIST = [
  { code: "SWEEP", nameZh: "扫干净", nameEn: "Swept clean", weight: "20" },
  { code: "DEMOLISH", nameZh: "拆通透", nameEn: "Derelict structures removed", weight: "15" },
  { code: "STACK", nameZh: "码整齐", nameEn: "Stacked tidily", weight: "15" },
  { code: "TOILET", nameZh: "改旱厕", nameEn: "Dry toilets converted", weight: "20" },
  { code: "DITCH", nameZh: "清沟渠", nameEn: "Ditches cleared", weight: "15" },
  { code: "GREEN", nameZh: "栽满绿", nameEn: "Planted green", weight: "15" },
] as const;

export const DEFAULT_PASS_SCORE = 80;
export const DEFAULT_LIST_SIZE = 3;

const TOWN_DEPTH = REGION_LEVELS.indexOf("TOWNSHIP");
const ITEM_CODE = /^[A-Z][A-Z0-9_]{1,19}$/;
/** A photo's file name as a phone or camera writes it: no folders. */
const PHOTO_NAME = /^[^/\\]{1,150}\.(jpe?g|png|heic|webp)$/i;

export interface ChecklistItemInput {
  code: string;
  nameZh: string;
  nameEn: string;
  weight: string;
}

function checkChecklist(check: InputChecker, items: readonly ChecklistItemInput[]) {
  const seen = new Set<string>();
  let sum = new Prisma.Decimal(0);
  const checked = items.map((item, index) => {
    const code = item.code?.trim().toUpperCase() ?? "";
    if (!ITEM_CODE.test(code)) check.fail(`items.${index}.code`, "CHECK_ITEM_CODE", { value: item.code ?? "" });
    else if (seen.has(code)) check.fail(`items.${index}.code`, "DUPLICATE_CHECK_ITEM", { code });
    seen.add(code);
    const weight = check.decimal(`items.${index}.weight`, item.weight, { places: 1, below: "1000" });
    if (weight && (weight.lte(0) || weight.gt(100))) {
      check.fail(`items.${index}.weight`, "WEIGHT_RANGE", { value: weight.toString() });
    }
    if (weight) sum = sum.plus(weight);
    return {
      code,
      nameZh: check.text(`items.${index}.nameZh`, item.nameZh, { max: 50 }),
      nameEn: check.text(`items.${index}.nameEn`, item.nameEn, { max: 100 }),
      weight: weight ?? new Prisma.Decimal(0),
      position: index,
    };
  });
  if (items.length < 1 || items.length > 20) check.fail("items", "CHECK_ITEMS_COUNT", { count: items.length });
  else if (!sum.equals(100)) check.fail("items", "WEIGHTS_NOT_100", { sum: sum.toString() });
  return checked;
}

export interface CampaignInput {
  regionCode: string;
  name: string;
  year: number;
  passScore?: string | null;
  listSize?: number | null;
  items?: ChecklistItemInput[] | null;
  source?: string | null;
  sourceKind?: SourceKind | null;
}

/** Checks a new campaign: run by a town or higher, with a checklist whose weights add up to 100. */
export async function checkNewCampaign(db: DbClient, input: CampaignInput) {
  const check = new InputChecker();
  const name = check.text("name", input.name, { max: 200 });
  const year = check.year("year", input.year);
  const passScore = input.passScore ? check.decimal("passScore", input.passScore, { places: 1, below: "1000" }) : null;
  if (passScore && (passScore.lt(0) || passScore.gt(100)))
    check.fail("passScore", "SCORE_RANGE", { value: passScore.toString() });
  const listSize = input.listSize ?? DEFAULT_LIST_SIZE;
  if (!Number.isInteger(listSize) || listSize < 1 || listSize > 50) {
    check.fail("listSize", "NOT_A_WHOLE_NUMBER", { value: String(listSize), min: 1 });
  }
  const items = checkChecklist(check, check.bounded("items", input.items ?? DEFAULT_CHECKLIST, 20));
  const region = await db.region.findUnique({ where: { code: input.regionCode?.trim() ?? "" } });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: input.regionCode ?? "" });
  else if (REGION_LEVELS.indexOf(region.level) > TOWN_DEPTH) {
    check.fail("regionCode", "CAMPAIGN_REGION_TOO_LOW", { region: region.nameZh });
  }
  return {
    check,
    region,
    data: {
      name,
      year,
      passScore: passScore ?? new Prisma.Decimal(DEFAULT_PASS_SCORE),
      listSize,
      source: check.optionalText("source", input.source, { max: 500 }),
      sourceKind: sourceKindOf(check, input.sourceKind),
      items,
    },
  };
}

export async function createCampaign(db: DbClient, input: CampaignInput, author: ChangeAuthor): Promise<CleaningCampaign> {
  const { check, region, data } = await checkNewCampaign(db, input);
  check.done();
  const { items, ...campaign } = data;
  const created = await db.cleaningCampaign.create({ data: { ...campaign, regionId: region!.id, createdBy: author.name } });
  await db.cleaningCheckItem.createMany({
    data: items.map((item) => ({ ...item, campaignId: created.id, regionId: created.regionId })),
  });
  return created;
}

export type CampaignWithRegion = CleaningCampaign & { region: Region };

export async function findCampaign(db: DbClient, id: number, field = "campaignNumber"): Promise<CampaignWithRegion> {
  const found = await db.cleaningCampaign.findUnique({ where: { id }, include: { region: true } });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_CAMPAIGN", { id: String(id) });
    check.done();
  }
  return found!;
}

/**
 * A campaign's own checklist, replacing the one it has; refused once the campaign has inspections,
 * whose scores were given against the old weights.
 */
export async function setChecklist(
  db: DbClient,
  campaign: CleaningCampaign,
  input: { items: ChecklistItemInput[]; expectedVersion?: number | null },
): Promise<CleaningCampaign> {
  const check = new InputChecker();
  const items = checkChecklist(check, check.bounded("items", input.items, 20));
  check.done();
  const inspections = await db.cleaningInspection.count({ where: { campaignId: campaign.id } });
  if (inspections > 0) {
    throw new RevitaError("CONFLICT", "CHECKLIST_IN_USE", { count: inspections }, [
      fieldIssue("items", "CHECKLIST_IN_USE", { count: inspections }),
    ]);
  }
  const what = `cleaning campaign ${campaign.id}`;
  const version = input.expectedVersion ?? campaign.version;
  requireVersion(what, campaign, version);
  // Touching the campaign raises its version, so two clerks editing the list at once conflict.
  requireUpdated(
    what,
    await db.cleaningCampaign.updateMany({ where: { id: campaign.id, version }, data: { updatedAt: new Date() } }),
    version,
  );
  await db.cleaningCheckItem.deleteMany({ where: { campaignId: campaign.id } });
  await db.cleaningCheckItem.createMany({
    data: items.map((item) => ({ ...item, campaignId: campaign.id, regionId: campaign.regionId })),
  });
  return db.cleaningCampaign.findUniqueOrThrow({ where: { id: campaign.id } });
}

export interface InspectionInput {
  campaignNumber: number;
  regionCode: string;
  kind: string;
  inspectedOn?: string | null;
  inspector: string;
  scores: { itemCode: string; score: string }[];
  photos?: string[] | null;
  problems?: string | null;
  problemsDue?: string | null;
  recordSource?: string | null;
}

/**
 * Checks an inspection: of a village (not a community, not a town) below the campaign's region, in
 * the campaign's year, every item of its checklist scored once, none above its weight.
 */
export async function checkInspection(db: DbClient, campaign: CleaningCampaign, input: InspectionInput) {
  const check = new InputChecker();
  const kind = check.oneOf("kind", input.kind, INSPECTION_KINDS);
  const inspector = check.text("inspector", input.inspector, { max: 100 });
  const inspectedOn = input.inspectedOn ? pastDay(check, "inspectedOn", input.inspectedOn) : chinaToday();
  if (inspectedOn && inspectedOn.getUTCFullYear() !== campaign.year) {
    check.fail("inspectedOn", "OUTSIDE_CAMPAIGN_YEAR", { value: isoDay(inspectedOn), year: campaign.year });
  }
  const code = input.regionCode?.trim() ?? "";
  const region = code ? await db.region.findUnique({ where: { code } }) : null;
  if (!code) check.fail("regionCode", "REQUIRED");
  else if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code });
  else if (region.level !== "VILLAGE" || region.kind === "COMMUNITY") {
    check.fail("regionCode", "NOT_A_VILLAGE", { region: region.nameZh });
  } else if (!region.path.includes(campaign.regionId)) {
    check.fail("regionCode", "OUTSIDE_CAMPAIGN_REGION", { region: region.nameZh });
  }
  const items = await db.cleaningCheckItem.findMany({ where: { campaignId: campaign.id }, orderBy: { position: "asc" } });
  const scored = new Map<number, Prisma.Decimal>();
  const scores = check.bounded("scores", input.scores, 50);
  scores.forEach((entry, index) => {
    const item = items.find((i) => i.code === entry.itemCode?.trim().toUpperCase());
    if (!item) {
      check.fail(`scores.${index}.itemCode`, "NO_SUCH_CHECK_ITEM", { code: entry.itemCode ?? "" });
      return;
    }
    if (scored.has(item.id)) {
      check.fail(`scores.${index}.itemCode`, "DUPLICATE_CHECK_ITEM", { code: item.code });
      return;
    }
    const score = check.decimal(`scores.${index}.score`, entry.score, { places: 1, below: "1000" });
    if (score?.isNegative()) check.fail(`scores.${index}.score`, "SCORE_RANGE", { value: score.toString() });
    else if (score?.gt(item.weight)) {
      check.fail(`scores.${index}.score`, "SCORE_ABOVE_WEIGHT", {
        item: item.nameZh,
        weight: item.weight.toString(),
        value: score.toString(),
      });
    }
    if (score) scored.set(item.id, score);
  });
  const unscored = items.filter((item) => !scores.some((s) => s.itemCode?.trim().toUpperCase() === item.code));
  if (unscored.length && scores.length)
    check.fail("scores", "ITEMS_NOT_SCORED", { items: unscored.map((item) => item.nameZh).join("、") });
  const photos = check.bounded("photos", input.photos, 30).map((photo, index) => {
    const name = photo?.trim() ?? "";
    if (!PHOTO_NAME.test(name)) check.fail(`photos.${index}`, "PHOTO_NAME", { value: name.slice(0, 200) });
    return name;
  });
  const problems = check.optionalText("problems", input.problems, { max: 4000 });
  const problemsDue = input.problemsDue ? check.date("problemsDue", input.problemsDue) : null;
  if (problemsDue && !problems) check.fail("problemsDue", "DEADLINE_WITHOUT_PROBLEMS");
  if (problemsDue && inspectedOn && problemsDue < inspectedOn) {
    check.fail("problemsDue", "NOT_BEFORE", { value: isoDay(problemsDue), earliest: isoDay(inspectedOn) });
  }
  if (problems && !input.problemsDue) check.fail("problemsDue", "REQUIRED");
  const total = [...scored.values()].reduce((sum, score) => sum.plus(score), new Prisma.Decimal(0));
  return {
    check,
    region,
    items,
    scored,
    data: {
      kind,
      inspector,
      inspectedOn: inspectedOn!,
      photos,
      problems,
      problemsDue,
      score: total,
      recordSource: check.optionalText("recordSource", input.recordSource, { max: 500 }),
    },
  };
}

/** Records an inspection with its item scores; its score is their sum. */
export async function recordInspection(
  db: DbClient,
  campaign: CleaningCampaign,
  input: InspectionInput,
  author: ChangeAuthor,
): Promise<CleaningInspection> {
  const { check, region, scored, data } = await checkInspection(db, campaign, input);
  check.done();
  const created = await db.cleaningInspection.create({
    data: { ...data, campaignId: campaign.id, regionId: region!.id, createdBy: author.name },
  });
  await db.cleaningItemScore.createMany({
    data: [...scored].map(([itemId, score]) => ({ inspectionId: created.id, itemId, regionId: created.regionId, score })),
  });
  return created;
}

export type InspectionWithCampaign = CleaningInspection & { campaign: CampaignWithRegion };

export async function findInspection(db: DbClient, id: number, field = "inspectionNumber"): Promise<InspectionWithCampaign> {
  const found = await db.cleaningInspection.findUnique({
    where: { id },
    include: { campaign: { include: { region: true } } },
  });
  if (!found) {
    const check = new InputChecker();
    check.fail(field, "NO_SUCH_INSPECTION", { id: String(id) });
    check.done();
  }
  return found!;
}

/**
 * 回访: a visit to check an inspection's problems; fixed, it closes them (the day is kept); not
 * fixed, the visit is on record and the problems stay open past their deadline as an alert.
 */
export async function recordFollowUp(
  db: DbClient,
  inspection: CleaningInspection,
  input: { visitedOn?: string | null; by: string; fixed: boolean; note?: string | null; expectedVersion?: number | null },
): Promise<CleaningInspection> {
  const check = new InputChecker();
  const by = check.text("by", input.by, { max: 100 });
  const visitedOn = input.visitedOn ? pastDay(check, "visitedOn", input.visitedOn) : chinaToday();
  if (visitedOn && visitedOn < inspection.inspectedOn) {
    check.fail("visitedOn", "NOT_BEFORE", { value: isoDay(visitedOn), earliest: isoDay(inspection.inspectedOn) });
  }
  const note = check.optionalText("note", input.note, { max: 2000 });
  check.done();
  if (!inspection.problems || inspection.fixedOn) {
    const reason = inspection.fixedOn ? "PROBLEMS_ALREADY_FIXED" : "NO_PROBLEMS_TO_FOLLOW_UP";
    throw new RevitaError("CONFLICT", reason, { fixedOn: inspection.fixedOn ? isoDay(inspection.fixedOn) : "" }, [
      fieldIssue("inspectionNumber", reason, { fixedOn: inspection.fixedOn ? isoDay(inspection.fixedOn) : "" }),
    ]);
  }
  const what = `cleaning inspection ${inspection.id}`;
  const version = input.expectedVersion ?? inspection.version;
  requireVersion(what, inspection, version);
  await db.cleaningFollowUp.create({
    data: { inspectionId: inspection.id, regionId: inspection.regionId, visitedOn: visitedOn!, by, fixed: input.fixed, note },
  });
  requireUpdated(
    what,
    await db.cleaningInspection.updateMany({
      where: { id: inspection.id, version },
      data: input.fixed ? { fixedOn: visitedOn } : { updatedAt: new Date() },
    }),
    version,
  );
  return db.cleaningInspection.findUniqueOrThrow({ where: { id: inspection.id } });
}

export interface RankedVillage {
  regionId: number;
  townId: number;
  score: Prisma.Decimal;
  inspections: number;
  rank: number;
  passed: boolean;
  list: "RED" | "BLACK" | null;
}

export interface RankedTown {
  regionId: number;
  average: Prisma.Decimal;
  villages: number;
  passed: number;
  rank: number;
}

/** A month's ranking of a campaign's villages within a region (the campaign's, or a town of it). */
export interface CleaningRanking {
  month: string;
  villages: RankedVillage[];
  towns: RankedTown[];
}

/** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4). */
function ranked<T>(rows: T[], score: (row: T) => Prisma.Decimal): (T & { rank: number })[] {
  return rows.map((row) => ({ ...row, rank: 1 + rows.filter((other) => score(other).gt(score(row))).length }));
}

/**
 * A month's ranking: each village's score is the average of its inspections that month; it passes
 * with the campaign's pass score; the red list names the best `listSize` passing villages, the
 * black list the worst `listSize` failing ones. A town's figure is its villages' average. Ranks
 * and lists are the campaign's, over every village the reader may see; a scope (a town) only
 * chooses which of them are shown, so a town reads its villages' places in the county's notice.
 */
export async function cleaningRanking(
  db: DbClient,
  campaign: Pick<CleaningCampaign, "id" | "passScore" | "listSize">,
  month: string,
  scopeRegionId: number,
): Promise<CleaningRanking> {
  const start = new Date(`${month}-01T00:00:00Z`);
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const rows = await db.$queryRaw<
    { region_id: number; town_id: number; path: number[]; score: Prisma.Decimal; inspections: number }[]
  >`
    SELECT i.region_id, r.path[${TOWN_DEPTH + 1}] AS town_id, r.path, round(avg(i.score), 1) AS score, count(*)::int AS inspections
      FROM cleaning_inspection i JOIN region r ON r.id = i.region_id
     WHERE i.campaign_id = ${campaign.id} AND i.inspected_on >= ${start} AND i.inspected_on < ${end}
     GROUP BY i.region_id, r.path, r.code
     ORDER BY avg(i.score) DESC, r.code`;
  const villages = ranked(
    rows.map((row) => ({
      regionId: row.region_id,
      townId: row.town_id,
      score: new Prisma.Decimal(row.score),
      inspections: row.inspections,
      inScope: row.path.includes(scopeRegionId),
      passed: new Prisma.Decimal(row.score).gte(campaign.passScore),
    })),
    (row) => row.score,
  );
  const red = new Set(
    villages
      .filter((v) => v.passed)
      .slice(0, campaign.listSize)
      .map((v) => v.regionId),
  );
  const black = new Set(
    villages
      .filter((v) => !v.passed)
      .slice(-campaign.listSize)
      .map((v) => v.regionId),
  );
  const townIds = [...new Set(villages.map((v) => v.townId))];
  const towns = ranked(
    townIds.map((townId) => {
      const own = villages.filter((v) => v.townId === townId);
      const sum = own.reduce((total, v) => total.plus(v.score), new Prisma.Decimal(0));
      return {
        regionId: townId,
        average: sum.dividedBy(own.length).toDecimalPlaces(1),
        villages: own.length,
        passed: own.filter((v) => v.passed).length,
      };
    }),
    (town) => town.average,
  ).sort((a, b) => a.rank - b.rank);
  const shownTowns = new Set(villages.filter((v) => v.inScope).map((v) => v.townId));
  return {
    month,
    villages: villages
      .filter((v) => v.inScope)
      .map(({ inScope: _, ...v }) => ({ ...v, list: red.has(v.regionId) ? "RED" : black.has(v.regionId) ? "BLACK" : null })),
    towns: towns.filter((town) => shownTowns.has(town.regionId)),
  };
}

/** The months of a campaign with inspections (within a region), latest first. */
export async function inspectionMonths(db: DbClient, campaignId: number, scopeRegionId: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ month: string }[]>`
    SELECT DISTINCT to_char(i.inspected_on, 'YYYY-MM') AS month
      FROM cleaning_inspection i JOIN region r ON r.id = i.region_id
     WHERE i.campaign_id = ${campaignId} AND r.path @> ARRAY[${scopeRegionId}::int]
     ORDER BY month DESC`;
  return rows.map((row) => row.month);
}
