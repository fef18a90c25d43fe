import { readsRecordRegion, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { DATA_KINDS, dataYearsOfRequest } from "./data-years.js";
import { REGION_KINDS, REGION_LEVELS } from "./region-levels.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "./source-kind.schema.js";

export const RegionLevelEnum = builder.enumType("RegionLevel", {
  description: "行政区划 level: province 省 → prefecture 市/州 → county 县/区 → township 乡/镇/街道 → village 村/社区.",
  values: REGION_LEVELS,
});

export const RegionKindEnum = builder.enumType("RegionKind", {
  description: "What kind of division a region is within its level (县, 区, 县级市, 开发区, 镇, 乡, 街道, 村, 社区 ...).",
  values: REGION_KINDS,
});

const DataKindEnum = builder.enumType("DataKind", {
  description:
    "What a year can have on record: PROGRESS reports, ANNUAL_INDICATORS values reported for the whole year (what the scorecard reads), FUNDS budget years, COMMUNITY_SERVICE needs and services of communities.",
  values: DATA_KINDS,
});

/** What the current user may do in a region; computed from their grants, without a query. */
interface RegionAccess {
  read: boolean;
  edit: boolean;
  approve: boolean;
  administer: boolean;
}

const RegionAccessRef = builder.objectRef<RegionAccess>("RegionAccess").implement({
  description: "What the signed-in user may do in a region (their grants on it or above it); the dashboard hides the rest.",
  fields: (t) => ({
    read: t.exposeBoolean("read", { description: "May read the region's data." }),
    edit: t.exposeBoolean("edit", { description: "May enter and change its data (EDITOR)." }),
    approve: t.exposeBoolean("approve", { description: "May approve its submitted reports (APPROVER)." }),
    administer: t.exposeBoolean("administer", { description: "May manage its users and read its audit trail (ADMIN)." }),
  }),
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
    access: t.field({
      type: RegionAccessRef,
      description: "What you may do here. Every signed-in user sees the tree's names; its data needs read.",
      resolve: (region, _args, { access }) => ({
        read: access.covers("read", region.path),
        edit: access.covers("edit", region.path),
        approve: access.covers("approve", region.path),
        administer: access.covers("admin", region.path),
      }),
    }),
    parent: t.relation("parent", { nullable: true, description: "The region one level up; null for a province." }),
    children: t.relation("children", {
      description:
        "The regions one level down, ordered by code: those of today's tree, unless includeCeased also asks for the merged regions that hang below this one (their successor).",
      args: { includeCeased: t.arg.boolean({ description: "Also the regions merged into this one; false by default." }) },
      query: (args) => ({ where: args.includeCeased ? {} : { validTo: null }, orderBy: { code: "asc" } }),
    }),
    ancestors: t.prismaField({
      type: ["Region"],
      description:
        "The regions above this one, from the province down to its parent: a breadcrumb. One query per region: ask for it on one region, not on every item of a list (use parent there).",
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
      // Merged regions hang below their successor at their own level: not part of today's list.
      totalCount: (region, args, context) =>
        context.prisma.region.count({
          where: { path: { has: region.id }, level: args.level, validTo: null, NOT: { id: region.id } },
        }),
      resolve: (query, region, args, context) =>
        context.prisma.region.findMany({
          ...query,
          where: { path: { has: region.id }, level: args.level, validTo: null, NOT: { id: region.id } },
          orderBy: [{ code: "asc" }, { id: "asc" }],
        }),
    }),
    organizations: t.relation("organizations", {
      authScopes: readsRegion,
      description: "Bureaus, companies, cooperatives and committees registered in this region.",
      query: { orderBy: { name: "asc" } },
    }),
    dataYears: t.field({
      authScopes: readsRegion,
      type: ["Int"],
      description:
        "The years from the first to the last with anything of the given kinds on record for this region or below, oldest first.",
      args: { of: t.arg({ type: [DataKindEnum], description: "Only these kinds of record; all kinds by default." }) },
      resolve: (region, args, context) => dataYearsOfRequest(context, region.id, args.of ?? DATA_KINDS),
    }),
    assessments: t.relation("assessments", {
      authScopes: readsRegion,
      description: "Grades and titles the region was awarded, newest first.",
      query: { orderBy: [{ year: "desc" }, { scheme: "asc" }] },
    }),
  }),
});

builder.prismaObject("Organization", {
  description: "单位: a bureau, company, cooperative or village committee.",
  // A county bureau implements projects in its towns: visible to the towns' users too.
  authScopes: (organization) => ({ readsOrServes: organization.regionId }),
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
  authScopes: readsRecordRegion,
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year assessed." }),
    scheme: t.exposeString("scheme", { description: "The scheme, as published." }),
    grade: t.exposeString("grade", { description: "The grade or title, as published." }),
    source: t.exposeString("source", { nullable: true, description: "Where it is published." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
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
