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
    ancestors: t.prismaField({
      type: ["Region"],
      description: "The regions above this one, from the province down to its parent: a breadcrumb.",
      select: { path: true },
      resolve: (query, region, _args, context) =>
        context.prisma.region.findMany({
          ...query,
          where: { id: { in: region.path.filter((id) => id !== region.id) } },
          orderBy: { level: "asc" },
        }),
    }),
    descendants: t.prismaConnection({
      type: "Region",
      cursor: "id",
      description: "Regions at one level anywhere below this one (e.g. every village of a county), ordered by code.",
      args: { level: t.arg({ type: RegionLevelEnum, required: true, description: "The level to list." }) },
      totalCount: (region, args, context) =>
        context.prisma.region.count({ where: { path: { has: region.id }, level: args.level, NOT: { id: region.id } } }),
      resolve: (query, region, args, context) =>
        context.prisma.region.findMany({
          ...query,
          where: { path: { has: region.id }, level: args.level, NOT: { id: region.id } },
          orderBy: [{ code: "asc" }, { id: "asc" }],
        }),
    }),
    organizations: t.relation("organizations", {
      description: "Bureaus, companies, cooperatives and committees registered in this region.",
      query: { orderBy: { name: "asc" } },
    }),
    assessments: t.relation("assessments", {
      description: "Grades and titles the region was awarded, newest first.",
      query: { orderBy: [{ year: "desc" }, { scheme: "asc" }] },
    }),
  }),
});

builder.prismaObject("Organization", {
  description: "单位: a bureau, company, cooperative or village committee.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Its name, e.g. 岑巩县水务局." }),
    kind: t.exposeString("kind", {
      description:
        "GOVERNMENT_AGENCY, TOWNSHIP_GOVERNMENT, VILLAGE_COMMITTEE, STATE_COMPANY, PRIVATE_COMPANY, COOPERATIVE or OTHER.",
    }),
    region: t.relation("region", { description: "Where it is registered." }),
  }),
});

builder.prismaObject("Assessment", {
  description: "A grade or title a higher level awarded a region, e.g. the province's assessment graded 好.",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year assessed." }),
    scheme: t.exposeString("scheme", { description: "The scheme, as published." }),
    grade: t.exposeString("grade", { description: "The grade or title, as published." }),
    source: t.exposeString("source", { nullable: true, description: "Where it is published." }),
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
