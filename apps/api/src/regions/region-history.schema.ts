import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import type { DbClient } from "../db/database.js";
import { addRegion, mergeRegion, moveRegion, renameRegion, type TreeChangeGuard } from "./region-history.service.js";
import { REGION_KINDS } from "./region-levels.js";
import { RegionKindEnum } from "./regions.schema.js";

/** The tree over time (区划调整): a region's history on Region, and the four changes a county's admins make. */

const RegionChangeKindEnum = builder.enumType("RegionChangeKind", {
  description:
    "What happened to a region: ADDED 新设, RENAMED 更名, MOVED 改隶 (now under another parent), MERGED 撤并 (into its successor).",
  values: ["ADDED", "RENAMED", "MOVED", "MERGED"] as const,
});

builder.prismaObject("RegionChange", {
  description: "One change of the tree, on the day it took effect. The tree is public, and so is its history.",
  fields: (t) => ({
    kind: t.expose("kind", { type: RegionChangeKindEnum, description: "What happened." }),
    effectiveOn: t.expose("effectiveOn", { type: "Date", description: "The day it took effect." }),
    oldNameZh: t.exposeString("oldNameZh", { nullable: true, description: "The Chinese name before a renaming." }),
    oldNameEn: t.exposeString("oldNameEn", { nullable: true, description: "The English name before a renaming." }),
    newNameZh: t.exposeString("newNameZh", { nullable: true, description: "The Chinese name given (added, renamed)." }),
    newNameEn: t.exposeString("newNameEn", { nullable: true, description: "The English name given (added, renamed)." }),
    oldParent: t.relation("oldParent", { nullable: true, description: "The parent before a move or merger." }),
    newParent: t.relation("newParent", {
      nullable: true,
      description: "The parent after it: for a new region its parent, for a merger the successor.",
    }),
    basis: t.exposeString("basis", { description: "The approval it rests on (批复文号) or why." }),
  }),
});

builder.prismaObjectFields("Region", (t) => ({
  validFrom: t.expose("validFrom", {
    type: "Date",
    nullable: true,
    description: "The day it was set up (新设); null when it has always been on record.",
  }),
  validTo: t.expose("validTo", {
    type: "Date",
    nullable: true,
    description: "The day it was merged into its successor (撤并); null while current.",
  }),
  successor: t.relation("successor", {
    nullable: true,
    description: "The region it was merged into. Today's tree counts its past there.",
  }),
  predecessors: t.relation("predecessors", {
    description: "The regions merged into this one, oldest merger first.",
    query: { orderBy: [{ validTo: "asc" }, { code: "asc" }] },
  }),
  history: t.relation("changes", {
    description: "Its changes (added, renamed, moved, merged), in the order they took effect.",
    query: { orderBy: [{ effectiveOn: "asc" }, { id: "asc" }] },
  }),
}));

/** The API's check before the database's policies: the asker administers the changed region's parent. */
const administersParent =
  (context: MutationContext): TreeChangeGuard =>
  (parentPath, field, what) =>
    requireCapability(context, "admin", parentPath, { field, what });

type MutationContext = Parameters<typeof requireCapability>[0];

/**
 * One change of the tree, run as every mutation runs (applyChange: one transaction, once per
 * idempotency key), checked against the asker's admin grants, answered with the changed region.
 */
async function changeTree<Args extends { idempotencyKey?: string | null }>(
  context: MutationContext,
  query: object,
  operation: string,
  args: Args,
  change: (tx: DbClient, guard: TreeChangeGuard, input: Args) => Promise<{ id: number }>,
) {
  const { regionId } = await applyChange(context, operation, { input: args, idempotencyKey: args.idempotencyKey }, async (tx) => {
    const region = await change(tx, administersParent(context), args);
    return { regionId: region.id };
  });
  return context.prisma.region.findUniqueOrThrow({ ...query, where: { id: regionId } });
}

const CHANGE_ARGS = {
  effectiveOn: "The day it took effect (YYYY-MM-DD), not after today, and not before the region's last change.",
  basis: "The approval it rests on (批复文号, e.g. 黔府函〔2023〕12号) or why; kept with the change.",
} as const;

builder.mutationFields((t) => ({
  addRegion: t.prismaField({
    type: "Region",
    description:
      "新设: adds a township under a county, or a village (community) under a township, existing from effectiveOn. For the ADMINs of the parent.",
    args: {
      parentCode: t.arg.string({ required: true, description: "The county (for a township) or township (for a village)." }),
      code: t.arg.string({ required: true, description: "Its 12-digit division code, never used before." }),
      kind: t.arg({
        type: RegionKindEnum,
        required: true,
        description: `One of ${REGION_KINDS.join(", ")} that fits the level.`,
      }),
      nameZh: t.arg.string({ required: true, description: "Its Chinese name." }),
      nameEn: t.arg.string({ required: true, description: "Its English or pinyin name." }),
      codeIsOfficial: t.arg.boolean({ description: "False when the code is made up in the official shape; true by default." }),
      effectiveOn: t.arg({ type: "Date", required: true, description: CHANGE_ARGS.effectiveOn }),
      basis: t.arg.string({ required: true, description: CHANGE_ARGS.basis }),
      ...idempotencyKeyArg,
    },
    resolve: (query, _root, args, context) => changeTree(context, query, "addRegion", args, addRegion),
  }),
  renameRegion: t.prismaField({
    type: "Region",
    description:
      "更名: a township or village takes new names on effectiveOn; the old ones stay in its history. For the ADMINs of its parent.",
    args: {
      code: t.arg.string({ required: true, description: "The region's division code." }),
      nameZh: t.arg.string({ required: true, description: "Its new Chinese name." }),
      nameEn: t.arg.string({ required: true, description: "Its new English or pinyin name." }),
      effectiveOn: t.arg({ type: "Date", required: true, description: CHANGE_ARGS.effectiveOn }),
      basis: t.arg.string({ required: true, description: CHANGE_ARGS.basis }),
      ...idempotencyKeyArg,
    },
    resolve: (query, _root, args, context) => changeTree(context, query, "renameRegion", args, renameRegion),
  }),
  moveRegion: t.prismaField({
    type: "Region",
    description:
      "改隶: a village (with its areas and buildings) is under another township of the same county from effectiveOn. Its records move with it; the tree as it stood then keeps them under the old township. For ADMINs of both townships.",
    args: {
      code: t.arg.string({ required: true, description: "The village's division code." }),
      parentCode: t.arg.string({ required: true, description: "The township it moves to." }),
      effectiveOn: t.arg({ type: "Date", required: true, description: CHANGE_ARGS.effectiveOn }),
      basis: t.arg.string({ required: true, description: CHANGE_ARGS.basis }),
      ...idempotencyKeyArg,
    },
    resolve: (query, _root, args, context) => changeTree(context, query, "moveRegion", args, moveRegion),
  }),
  mergeRegion: t.prismaField({
    type: "Region",
    description:
      "撤并: a township (or village) ceases on effectiveOn and becomes part of a sibling; its villages (or areas) move to the successor that day. Its records keep it as their region: summaries as today count them in the successor, as then apart. Returns the merged region. For the ADMINs of their parent.",
    args: {
      code: t.arg.string({ required: true, description: "The region that ceases." }),
      intoCode: t.arg.string({ required: true, description: "Its successor: same level, same parent." }),
      effectiveOn: t.arg({ type: "Date", required: true, description: CHANGE_ARGS.effectiveOn }),
      basis: t.arg.string({ required: true, description: CHANGE_ARGS.basis }),
      ...idempotencyKeyArg,
    },
    resolve: (query, _root, args, context) => changeTree(context, query, "mergeRegion", args, mergeRegion),
  }),
}));
