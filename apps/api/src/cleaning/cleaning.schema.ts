import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { chinaToday } from "../common/china-day.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type { Prisma, Region } from "../generated/prisma/client.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import {
  type CleaningRanking,
  checkNewCampaign,
  cleaningRanking,
  createCampaign,
  findCampaign,
  findInspection,
  INSPECTION_KINDS,
  inspectionMonths,
  type RankedTown,
  type RankedVillage,
  recordFollowUp,
  recordInspection,
  setChecklist,
} from "./cleaning.service.js";

/**
 * Ecological livability, village cleaning (村庄清洁行动): campaigns with their checklists,
 * inspections of villages scored item by item, follow-up visits, and each month's ranking with
 * its red and black lists.
 */

const InspectionKindEnum = builder.enumType("InspectionKind", {
  description: "暗访 UNANNOUNCED, 明查 ANNOUNCED, 拉练评比 COMPETITION (the half-yearly competitive tour).",
  values: INSPECTION_KINDS,
});
const CleaningListEnum = builder.enumType("CleaningList", {
  description: "红榜 RED (the month's best passing villages) or 黑榜 BLACK (the worst failing ones).",
  values: ["RED", "BLACK"] as const,
});

const DAY = 86_400_000;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

builder.prismaObject("CleaningCheckItem", {
  description: "One item of a campaign's checklist, scored up to its weight.",
  authScopes: (item) => ({ readsOrServes: item.regionId }),
  fields: (t) => ({
    code: t.exposeString("code", {
      description: "Its code (SWEEP, DEMOLISH, STACK, TOILET, DITCH, GREEN, or the campaign's own).",
    }),
    nameZh: t.exposeString("nameZh", { description: "扫干净 …" }),
    nameEn: t.exposeString("nameEn", { description: "Its English name." }),
    weight: t.expose("weight", { type: "Decimal", description: "Its full score; the items' weights add up to 100." }),
  }),
});

builder.prismaObject("CleaningItemScore", {
  description: "One item's score in an inspection.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    item: t.relation("item", { description: "The item." }),
    score: t.expose("score", { type: "Decimal", description: "The score, up to the item's weight." }),
  }),
});

builder.prismaObject("CleaningFollowUp", {
  description: "回访: a visit checking an inspection's problems.",
  authScopes: readsRecordRegion,
  fields: (t) => ({
    visitedOn: t.expose("visitedOn", { type: "Date", description: "Visited on." }),
    by: t.exposeString("by", { description: "Who visited." }),
    fixed: t.exposeBoolean("fixed", { description: "Whether the problems were found fixed." }),
    note: t.exposeString("note", { nullable: true, description: "Notes." }),
  }),
});

builder.prismaNode("CleaningInspection", {
  description: "One inspection of one village: its item scores, what it found and the deadline, and the follow-up visits.",
  id: { field: "id" },
  authScopes: readsRecordRegion,
  fields: (t) => ({
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    number: t.exposeInt("id", { description: "Its number, which follow-ups and alerts name." }),
    campaign: t.relation("campaign", { description: "The campaign it belongs to." }),
    region: t.relation("region", { description: "The village inspected." }),
    kind: t.expose("kind", { type: InspectionKindEnum, description: "Unannounced, announced or a competitive tour." }),
    inspectedOn: t.expose("inspectedOn", { type: "Date", description: "Inspected on." }),
    inspector: t.exposeString("inspector", { description: "Who inspected." }),
    score: t.expose("score", { type: "Decimal", description: "The items' scores added up (out of 100)." }),
    scores: t.relation("scores", {
      description: "The item scores, in the checklist's order.",
      query: { orderBy: { item: { position: "asc" } } },
    }),
    photos: t.exposeStringList("photos", { description: "The photos' file names." }),
    problems: t.exposeString("problems", { nullable: true, description: "The problems found." }),
    problemsDue: t.expose("problemsDue", { type: "Date", nullable: true, description: "When they are to be fixed." }),
    fixedOn: t.expose("fixedOn", { type: "Date", nullable: true, description: "When a follow-up visit found them fixed." }),
    overdueDays: t.int({
      nullable: true,
      description: "Problems unfixed past their deadline: by how many days (China's day); else null.",
      select: { problemsDue: true, fixedOn: true },
      resolve: (inspection) => {
        if (!inspection.problemsDue || inspection.fixedOn) return null;
        const days = Math.round((chinaToday().getTime() - inspection.problemsDue.getTime()) / DAY);
        return days > 0 ? days : null;
      },
    }),
    followUps: t.relation("followUps", {
      description: "The follow-up visits, in order.",
      query: { orderBy: [{ visitedOn: "asc" }, { id: "asc" }] },
    }),
    recordSource: t.exposeString("recordSource", { nullable: true, description: "Where the record comes from." }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion with a follow-up." }),
  }),
});

interface RankedVillageRow extends RankedVillage {
  region: Region;
  town: Region | null;
}
interface RankedTownRow extends RankedTown {
  region: Region;
}
interface RankingRow extends Omit<CleaningRanking, "villages" | "towns"> {
  passScore: Prisma.Decimal;
  villages: RankedVillageRow[];
  towns: RankedTownRow[];
}

const RankedVillageRef = builder.objectRef<RankedVillageRow>("CleaningRankedVillage").implement({
  description: "A village's place in a month's ranking.",
  fields: (t) => ({
    region: t.field({ type: RegionRef, description: "The village.", resolve: (v) => v.region }),
    town: t.field({ type: RegionRef, nullable: true, description: "Its town.", resolve: (v) => v.town }),
    score: t.field({ type: "Decimal", description: "The month's score: its inspections' average.", resolve: (v) => v.score }),
    inspections: t.exposeInt("inspections", { description: "Inspections that month." }),
    rank: t.exposeInt("rank", { description: "Its rank, 1 the best; equal scores share a rank." }),
    passed: t.exposeBoolean("passed", { description: "Whether it reached the campaign's pass score." }),
    list: t.field({
      type: CleaningListEnum,
      nullable: true,
      description: "On the red or black list, or neither.",
      resolve: (v) => v.list,
    }),
  }),
});

const RankedTownRef = builder.objectRef<RankedTownRow>("CleaningRankedTown").implement({
  description: "A town's place in a month's ranking: its inspected villages' average.",
  fields: (t) => ({
    region: t.field({ type: RegionRef, description: "The town.", resolve: (v) => v.region }),
    average: t.field({ type: "Decimal", description: "Its villages' average score.", resolve: (v) => v.average }),
    villages: t.exposeInt("villages", { description: "Villages inspected that month." }),
    passed: t.exposeInt("passed", { description: "Of them, those passing." }),
    rank: t.exposeInt("rank", { description: "Its rank among the towns, 1 the best." }),
  }),
});

const RankingRef = builder.objectRef<RankingRow>("CleaningRanking").implement({
  description: "A month's ranking of a campaign's villages and towns (一月一暗访通报), with the red and black lists.",
  fields: (t) => ({
    month: t.exposeString("month", { description: "The month, YYYY-MM." }),
    passScore: t.field({ type: "Decimal", description: "The campaign's pass score.", resolve: (r) => r.passScore }),
    villages: t.field({ type: [RankedVillageRef], description: "The villages, best first.", resolve: (r) => r.villages }),
    towns: t.field({ type: [RankedTownRef], description: "The towns, best first.", resolve: (r) => r.towns }),
  }),
});

/** The scope a ranking or list is asked for: the campaign's region unless a region within it is named. */
async function scopeOf(
  context: { prisma: DbClient },
  campaignRegion: Region,
  regionCode: string | null | undefined,
): Promise<Region> {
  if (!regionCode) return campaignRegion;
  const check = new InputChecker();
  const region = await context.prisma.region.findUnique({ where: { code: regionCode.trim() } });
  if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: regionCode });
  else if (!region.path.includes(campaignRegion.id))
    check.fail("regionCode", "OUTSIDE_CAMPAIGN_REGION", { region: region.nameZh });
  check.done();
  return region!;
}

builder.prismaNode("CleaningCampaign", {
  description: "村庄清洁行动: a campaign of a town or higher, its checklist, inspections and monthly rankings.",
  id: { field: "id" },
  authScopes: (campaign) => ({ readsOrServes: campaign.regionId }),
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number, which inspections name." }),
    region: t.relation("region", { description: "The region running it." }),
    name: t.exposeString("name", { description: "Its name." }),
    year: t.exposeInt("year", { description: "Its year: inspections fall in it." }),
    passScore: t.expose("passScore", { type: "Decimal", description: "A village passes a month with at least this score." }),
    listSize: t.exposeInt("listSize", { description: "How many villages the red and the black list name." }),
    items: t.relation("items", { description: "The checklist, in order.", query: { orderBy: { position: "asc" } } }),
    source: t.exposeString("source", { nullable: true, description: "Where the record comes from." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    version: t.exposeInt("version", { description: "Send it as expectedVersion when changing the checklist." }),
    months: t.stringList({
      description: "The months with inspections you may read (within a region of the campaign if named), latest first.",
      args: { regionCode: t.arg.string({ description: "A region within the campaign's; the campaign's by default." }) },
      select: { id: true, region: true },
      resolve: async (campaign, args, context) =>
        inspectionMonths(context.prisma, campaign.id, (await scopeOf(context, campaign.region, args.regionCode)).id),
    }),
    ranking: t.field({
      type: RankingRef,
      description:
        "A month's ranking of the villages you may read: scores, ranks, the red and black lists, and the towns' averages. Ranks and lists are the campaign's; a region within it (a town) only chooses the rows shown.",
      args: {
        month: t.arg.string({ required: true, description: "The month, YYYY-MM." }),
        regionCode: t.arg.string({ description: "A region within the campaign's (a town); the campaign's by default." }),
      },
      select: { id: true, region: true, passScore: true, listSize: true },
      resolve: async (campaign, args, context) => {
        if (!MONTH.test(args.month)) {
          const check = new InputChecker();
          check.fail("month", "NOT_A_MONTH", { value: args.month });
          check.done();
        }
        const scope = await scopeOf(context, campaign.region, args.regionCode);
        const ranking = await cleaningRanking(context.prisma, campaign, args.month, scope.id);
        const ids = [...ranking.villages.map((v) => v.regionId), ...ranking.towns.map((v) => v.regionId)];
        const regions = new Map((await context.prisma.region.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
        return {
          month: ranking.month,
          passScore: campaign.passScore,
          villages: ranking.villages.map((v) => ({
            ...v,
            region: regions.get(v.regionId)!,
            town: regions.get(v.townId) ?? null,
          })),
          towns: ranking.towns.map((v) => ({ ...v, region: regions.get(v.regionId)! })),
        };
      },
    }),
    inspections: t.relatedConnection("inspections", {
      cursor: "id",
      description: "Its inspections you may read, latest first; of one month and within one region if asked.",
      args: {
        month: t.arg.string({ description: "Only this month, YYYY-MM." }),
        regionCode: t.arg.string({ description: "Only this village, or the villages of this town." }),
      },
      totalCount: true,
      query: (args) => ({
        where: inspectionFilter(args),
        orderBy: [{ inspectedOn: "desc" }, { id: "desc" }],
      }),
    }),
  }),
});

function inspectionFilter(args: { month?: string | null; regionCode?: string | null }): Prisma.CleaningInspectionWhereInput {
  const where: Prisma.CleaningInspectionWhereInput = {};
  if (args.month && MONTH.test(args.month)) {
    const start = new Date(`${args.month}-01T00:00:00Z`);
    where.inspectedOn = { gte: start, lt: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) };
  }
  // A village, or a town's villages: inspections are of villages only.
  if (args.regionCode) where.region = { OR: [{ code: args.regionCode }, { parent: { code: args.regionCode } }] };
  return where;
}

builder.objectField(RegionRef, "cleaningCampaigns", (t) =>
  t.prismaField({
    type: ["CleaningCampaign"],
    authScopes: readsRegion,
    description: "The village-cleaning campaigns that inspect this region (run by it, above it or below it), latest year first.",
    resolve: (query, region, _args, context) =>
      context.prisma.cleaningCampaign.findMany({
        ...query,
        where: { OR: [{ regionId: { in: region.path } }, { region: { path: { has: region.id } } }] },
        orderBy: [{ year: "desc" }, { id: "desc" }],
        take: 100,
      }),
  }),
);

const ChecklistItemInputRef = builder.inputType("CleaningCheckItemInput", {
  description: "One item of a checklist.",
  fields: (t) => ({
    code: t.string({ required: true, description: "A code of capitals (SWEEP …)." }),
    nameZh: t.string({ required: true, description: "Its Chinese name." }),
    nameEn: t.string({ required: true, description: "Its English name." }),
    weight: t.field({ type: "Decimal", required: true, description: "Its full score; the items add up to 100." }),
  }),
});

const CampaignInputRef = builder.inputType("StartCleaningCampaignInput", {
  description: "A village-cleaning campaign.",
  fields: (t) => ({
    regionCode: t.string({ required: true, description: "The region running it: a town or higher." }),
    name: t.string({ required: true, description: "Its name." }),
    year: t.int({ required: true, description: "Its year." }),
    passScore: t.field({ type: "Decimal", description: "The pass score; 80 by default." }),
    listSize: t.int({ description: "How many villages the red and black lists name; 3 by default." }),
    items: t.field({
      type: [ChecklistItemInputRef],
      description: "The checklist; the six items (扫干净、拆通透、码整齐、改旱厕、清沟渠、栽满绿) by default.",
    }),
    source: t.string({ description: "Where the record comes from." }),
  }),
});

const ScoreInputRef = builder.inputType("CleaningItemScoreInput", {
  description: "One item's score.",
  fields: (t) => ({
    itemCode: t.string({ required: true, description: "The item's code." }),
    score: t.field({ type: "Decimal", required: true, description: "The score, up to the item's weight." }),
  }),
});

const InspectionInputRef = builder.inputType("RecordCleaningInspectionInput", {
  description: "One inspection of one village.",
  fields: (t) => ({
    campaignNumber: t.int({ required: true, description: "The campaign's number." }),
    regionCode: t.string({ required: true, description: "The village (not a community, not a town)." }),
    kind: t.field({ type: InspectionKindEnum, required: true, description: "Unannounced, announced or a competitive tour." }),
    inspectedOn: t.field({ type: "Date", description: "Inspected on; today by default; in the campaign's year." }),
    inspector: t.string({ required: true, description: "Who inspected." }),
    scores: t.field({ type: [ScoreInputRef], required: true, description: "Every item of the checklist, once." }),
    photos: t.stringList({ description: "The photos' file names (IMG_0412.jpg …), at most 30." }),
    problems: t.string({ description: "The problems found." }),
    problemsDue: t.field({ type: "Date", description: "With problems: when they are to be fixed." }),
    recordSource: t.string({ description: "Where the record comes from." }),
  }),
});

builder.mutationFields((t) => ({
  startCleaningCampaign: t.prismaField({
    type: "CleaningCampaign",
    description: "Starts a village-cleaning campaign of a town or higher you may edit, with its checklist.",
    args: { input: t.arg({ type: CampaignInputRef, required: true, description: "The campaign." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "startCleaningCampaign", { input, idempotencyKey }, async (tx, author) => {
        const { region } = await checkNewCampaign(tx, input);
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: region.nameZh });
        return { id: (await createCampaign(tx, input, author)).id };
      });
      return context.prisma.cleaningCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  setCleaningChecklist: t.prismaField({
    type: "CleaningCampaign",
    description: "Replaces a campaign's checklist (weights adding up to 100); a CONFLICT once it has inspections.",
    args: {
      campaignNumber: t.arg.int({ required: true, description: "The campaign's number." }),
      items: t.arg({ type: [ChecklistItemInputRef], required: true, description: "The new checklist." }),
      expectedVersion: t.arg.int({ description: "The campaign's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "setCleaningChecklist",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const campaign = await findCampaign(tx, args.campaignNumber);
          requireCapability(context, "edit", campaign.region.path, { field: "campaignNumber", what: campaign.name });
          return { id: (await setChecklist(tx, campaign, args)).id };
        },
      );
      return context.prisma.cleaningCampaign.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  recordCleaningInspection: t.prismaField({
    type: "CleaningInspection",
    description:
      "Records an inspection of a village by the campaign's inspectors (EDITOR of the campaign's region). Refused by field for a region that is not a village of the campaign, a day outside its year, an item missing or scored above its weight.",
    args: { input: t.arg({ type: InspectionInputRef, required: true, description: "The inspection." }), ...idempotencyKeyArg },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { id } = await applyChange(context, "recordCleaningInspection", { input, idempotencyKey }, async (tx, author) => {
        const campaign = await findCampaign(tx, input.campaignNumber);
        requireCapability(context, "edit", campaign.region.path, { field: "campaignNumber", what: campaign.name });
        return { id: (await recordInspection(tx, campaign, input, author)).id };
      });
      return context.prisma.cleaningInspection.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  recordCleaningFollowUp: t.prismaField({
    type: "CleaningInspection",
    description:
      "回访: records a visit checking an inspection's problems (EDITOR of the campaign's region); fixed, it closes them. A CONFLICT for an inspection without problems or already fixed.",
    args: {
      inspectionNumber: t.arg.int({ required: true, description: "The inspection's number." }),
      visitedOn: t.arg({ type: "Date", description: "Visited on; today by default." }),
      by: t.arg.string({ required: true, description: "Who visited." }),
      fixed: t.arg.boolean({ required: true, description: "Whether the problems were found fixed." }),
      note: t.arg.string({ description: "Notes." }),
      expectedVersion: t.arg.int({ description: "The inspection's version you saw." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const { id } = await applyChange(
        context,
        "recordCleaningFollowUp",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const inspection = await findInspection(tx, args.inspectionNumber);
          requireCapability(context, "edit", inspection.campaign.region.path, {
            field: "inspectionNumber",
            what: `#${inspection.id}`,
          });
          return { id: (await recordFollowUp(tx, inspection, args)).id };
        },
      );
      return context.prisma.cleaningInspection.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
}));
