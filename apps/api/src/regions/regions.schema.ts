import { builder } from "../builder.js";
import { REGION_KINDS, REGION_LEVELS } from "./region-levels.js";

export const RegionLevelEnum = builder.enumType("RegionLevel", {
  description: "行政区划 level: province 省 → prefecture 市/州 → county 县/区 → township 乡/镇/街道 → village 村/社区.",
  values: REGION_LEVELS,
});

export const RegionKindEnum = builder.enumType("RegionKind", {
  description: "What kind of division a region is within its level (县, 区, 县级市, 开发区, 镇, 乡, 街道, 村, 社区 ...).",
  values: REGION_KINDS,
});

export const RegionRef = builder.prismaNode("Region", {
  description: "A node of the administrative tree, from province down to village or community.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "统计用区划代码: the 12-digit national statistical division code." }),
    codeIsOfficial: t.exposeBoolean("codeIsOfficial", {
      description: "False when the code was generated in the official shape because the real one is not known.",
    }),
    level: t.expose("level", { type: RegionLevelEnum, description: "The region's level in the tree." }),
    kind: t.expose("kind", { type: RegionKindEnum, description: "The kind of division within its level." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name, e.g. 岑巩县." }),
    nameEn: t.exposeString("nameEn", { description: "English or pinyin name, e.g. Cengong County." }),
    parent: t.relation("parent", { nullable: true, description: "The region one level up; null for a province." }),
    children: t.relation("children", {
      description: "The regions one level down, ordered by code.",
      query: { orderBy: { code: "asc" } },
    }),
  }),
});

builder.queryFields((t) => ({
  region: t.prismaField({
    type: "Region",
    nullable: true,
    description: "One region by its 12-digit division code, e.g. 522626000000 for 岑巩县.",
    args: { code: t.arg.string({ required: true, description: "The 12-digit division code." }) },
    resolve: (query, _root, args, context) => context.prisma.region.findUnique({ ...query, where: { code: args.code } }),
  }),
  provinces: t.prismaField({
    type: ["Region"],
    description: "The roots of the tree: every province, ordered by code.",
    resolve: (query, _root, _args, context) =>
      context.prisma.region.findMany({ ...query, where: { level: "PROVINCE" }, orderBy: { code: "asc" } }),
  }),
}));
