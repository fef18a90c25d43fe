import { readsProject, readsProjectOf, readsRegion } from "../access/access-rules.js";
import { builder } from "../builder.js";
import { applyChange, requireCapability, requireProjectEditable } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { fieldIssue, ValidationError } from "../common/errors.js";
import { DeliveryModel, OutputMetric } from "../generated/prisma/enums.js";
import { RegionRef } from "../regions/regions.schema.js";
import { SOURCE_KIND_DESCRIPTION, SourceKindEnum } from "../regions/source-kind.schema.js";
import { projectsBehindSchedule } from "./behind-schedule.js";
import { keptStanding } from "./kept-figures.js";
import { BEHIND_SCHEDULE_TOLERANCE, type LatestStanding, type ProjectStanding, standingFrom } from "./project-progress.js";
import { foldForSearch } from "./project-search.js";
import {
  type CreateProjectInput,
  createProject,
  PROJECT_STATUSES,
  type UpdateProjectInput,
  updateProject,
} from "./projects.service.js";
import { countProjectsOf, firstProjectsOf } from "./region-projects.js";

export const ProjectStatusEnum = builder.enumType("ProjectStatus", {
  description: "规划 PLANNED → 开工 STARTED → 在建 IN_PROGRESS → 完工 COMPLETED → 验收 ACCEPTED.",
  values: PROJECT_STATUSES,
});

export const OutputMetricEnum = builder.enumType("OutputMetric", {
  description: "What a project's output measures: people supplied with water, area irrigated, capacity built …",
  values: Object.values(OutputMetric),
});

export const DeliveryModelEnum = builder.enumType("DeliveryModel", {
  description: "How a project is financed and run: 政府投资 GOVERNMENT, PPP, 企业投资 ENTERPRISE, 村集体 COLLECTIVE.",
  values: Object.values(DeliveryModel),
});

builder.prismaObject("ProjectCategory", {
  description: "A project category such as 水利工程 or 乡村旅游.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable code, e.g. FLOOD_CONTROL." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    nameEn: t.exposeString("nameEn", { description: "English name." }),
    isIndustry: t.exposeBoolean("isIndustry", { description: "Counts as an industry project (产业项目) in fund rules." }),
  }),
});

const CreateProjectInputRef = builder.inputType("CreateProjectInput", {
  description: "A new project, or a new phase of one (parentCode and phaseNumber).",
  fields: (t) => ({
    code: t.string({ required: true, description: "A unique code, e.g. CG-2025-001." }),
    nameZh: t.string({ required: true, description: "Chinese name, as in the approval document." }),
    nameEn: t.string({ description: "English name." }),
    description: t.string({ description: "What it builds." }),
    categoryCode: t.string({ required: true, description: "The category's code, e.g. WATER_SUPPLY." }),
    status: t.field({ type: ProjectStatusEnum, required: true, description: "Where it stands." }),
    deliveryModel: t.string({ description: "GOVERNMENT (default), PPP, ENTERPRISE or COLLECTIVE." }),
    regionCode: t.string({ required: true, description: "The county, town or village it belongs to (12 digits)." }),
    parentCode: t.string({ description: "For a phase: the whole project's code." }),
    phaseNumber: t.int({ description: "For a phase: 1 for 一期, 2 for 二期 ..." }),
    totalInvestment: t.field({ type: "Decimal", required: true, description: "总投资 in yuan." }),
    plannedStart: t.field({ type: "Date", description: "Planned start date." }),
    plannedFinish: t.field({ type: "Date", description: "Planned finish date." }),
    actualStart: t.field({ type: "Date", description: "Actual start date." }),
    actualFinish: t.field({ type: "Date", description: "Actual finish date." }),
    source: t.string({ description: "Where the figures come from (a document number)." }),
    sourceKind: t.field({ type: SourceKindEnum, description: "Published, derived or illustrative, where that is worth saying." }),
  }),
});

const UpdateProjectInputRef = builder.inputType("UpdateProjectInput", {
  description: "Changes to a project: fields left out stay as they are; null clears an optional one.",
  fields: (t) => ({
    code: t.string({ required: true, description: "The project to change." }),
    expectedVersion: t.int({
      required: true,
      description: "The project's version you edited (Project.version); a stale one is refused.",
    }),
    nameZh: t.string({ description: "Chinese name." }),
    nameEn: t.string({ description: "English name." }),
    description: t.string({ description: "What it builds." }),
    categoryCode: t.string({ description: "The category's code." }),
    status: t.field({ type: ProjectStatusEnum, description: "Where it stands." }),
    deliveryModel: t.string({ description: "GOVERNMENT, PPP, ENTERPRISE or COLLECTIVE." }),
    totalInvestment: t.field({
      type: "Decimal",
      description: "总投资 in yuan; not below a completed investment already reported without an over-budget reason.",
    }),
    plannedStart: t.field({ type: "Date", description: "Planned start date." }),
    plannedFinish: t.field({ type: "Date", description: "Planned finish date." }),
    actualStart: t.field({ type: "Date", description: "Actual start date." }),
    actualFinish: t.field({ type: "Date", description: "Actual finish date." }),
    source: t.string({ description: "Where the figures come from." }),
  }),
});

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: "Project",
    description:
      "Creates a project, or a phase of one, in a region you may edit (EDITOR). Every bad field is named. Send an idempotencyKey so that a retried request creates one project.",
    args: {
      input: t.arg({ type: CreateProjectInputRef, required: true, description: "The project." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { projectId } = await applyChange(context, "createProject", { input, idempotencyKey }, async (tx) => {
        const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { path: true } });
        if (region) requireCapability(context, "edit", region.path, { field: "regionCode", what: input.regionCode });
        const project = await createProject(tx, {
          ...input,
          deliveryModel: (input.deliveryModel ?? undefined) as CreateProjectInput["deliveryModel"],
        });
        return { projectId: project.id };
      });
      return context.prisma.project.findUniqueOrThrow({ ...query, where: { id: projectId } });
    },
  }),
  updateProject: t.prismaField({
    type: "Project",
    description:
      "Changes a project in a region you may edit (EDITOR), from the version you saw: if someone changed it since, the change is refused with CONFLICT instead of overwriting theirs.",
    args: {
      input: t.arg({ type: UpdateProjectInputRef, required: true, description: "The changes." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      const { projectId } = await applyChange(context, "updateProject", { input, idempotencyKey }, async (tx) => {
        await requireProjectEditable(tx, context, { code: input.code }, "code");
        const project = await updateProject(tx, input as UpdateProjectInput);
        return { projectId: project.id };
      });
      return context.prisma.project.findUniqueOrThrow({ ...query, where: { id: projectId } });
    },
  }),
}));

const ProjectStandingRef = builder.objectRef<ProjectStanding>("ProjectStanding").implement({
  description: "Where a project stands as of its latest report; a project with phases reports through them.",
  fields: (t) => ({
    asOf: t.expose("asOf", {
      type: "Date",
      nullable: true,
      description: "End of the latest reported period: the figures' date.",
    }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      nullable: true,
      description: "累计完成投资 in yuan; for a project with phases, the sum of their latest figures.",
    }),
    completionRate: t.expose("completionRate", {
      type: "Decimal",
      nullable: true,
      description: "Completed investment as a percentage of total investment, two decimals.",
    }),
    physicalProgress: t.expose("physicalProgress", {
      type: "Decimal",
      nullable: true,
      description: "工程形象进度 in percent; for a project with phases, their average weighted by investment.",
    }),
    scheduleElapsed: t.expose("scheduleElapsed", {
      type: "Decimal",
      nullable: true,
      description: "Percentage of the planned start-to-finish time that had passed by asOf.",
    }),
    behindSchedule: t.exposeBoolean("behindSchedule", {
      description: `True when progress trails the elapsed schedule by more than ${BEHIND_SCHEDULE_TOLERANCE} percentage points and the project is not finished.`,
    }),
  }),
});

/** A project the database keeps no figures for yet (created in a transaction not yet committed). */
const NOT_REPORTED: LatestStanding = { completedInvestment: null, physicalProgress: null, asOf: null };

builder.prismaNode("Project", {
  description: "项目: an investment project, or one phase (一期/二期 ...) of a parent project.",
  id: { field: "id" },
  // The region's path rides in the project's own statement (a join), for the access rule of every
  // project listed: it was a statement of its own for each page of projects (bench:peer q1–q3).
  include: { region: { select: { id: true, path: true } } },
  authScopes: readsProject,
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable project code." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "English name, where given." }),
    version: t.exposeInt("version", { description: "Raised by every change; send it as expectedVersion to edit the project." }),
    status: t.expose("status", { type: ProjectStatusEnum, description: "Where the project stands." }),
    totalInvestment: t.expose("totalInvestment", { type: "Decimal", description: "总投资 in yuan." }),
    phaseNumber: t.exposeInt("phaseNumber", { nullable: true, description: "1 for 一期, 2 for 二期 ...; null unless a phase." }),
    plannedStart: t.expose("plannedStart", { type: "Date", nullable: true, description: "Planned start date." }),
    plannedFinish: t.expose("plannedFinish", { type: "Date", nullable: true, description: "Planned finish date." }),
    category: t.relation("category", { description: "The project's category." }),
    region: t.relation("region", { description: "The county, town or village the project belongs to." }),
    parent: t.relation("parent", { nullable: true, description: "For a phase, the whole project." }),
    phases: t.relation("phases", { description: "The project's phases in order.", query: { orderBy: { phaseNumber: "asc" } } }),
    standing: t.field({
      type: ProjectStandingRef,
      description: "Completed investment, completion rate, physical progress and schedule, as of the latest report.",
      resolve: async (project, _args, context) =>
        standingFrom(project, (await keptStanding(context, project.id)) ?? NOT_REPORTED),
    }),
    deliveryModel: t.expose("deliveryModel", { type: DeliveryModelEnum, description: "How it is financed and run." }),
    description: t.exposeString("description", { nullable: true, description: "What the project builds, as published." }),
    source: t.exposeString("source", { nullable: true, description: "Where the figures come from, and which are demo values." }),
    sourceKind: t.expose("sourceKind", { type: SourceKindEnum, nullable: true, description: SOURCE_KIND_DESCRIPTION }),
    actualStart: t.expose("actualStart", { type: "Date", nullable: true, description: "Actual start date." }),
    actualFinish: t.expose("actualFinish", { type: "Date", nullable: true, description: "Actual finish date." }),
    implementingUnit: t.relation("implementingUnit", { nullable: true, description: "实施单位." }),
    outputs: t.relation("outputs", { description: "What the project builds or serves, measured." }),
    sites: t.relation("sites", { description: "Towns or villages it builds in or serves beyond its own region." }),
    allocations: t.relation("allocations", {
      description: "Money allocated to the project, by fund, oldest first.",
      query: { orderBy: [{ allocatedOn: "asc" }, { id: "asc" }] },
    }),
    progressReports: t.relatedConnection("progressReports", {
      description: "Progress reports, newest first.",
      cursor: "id",
      totalCount: true,
      query: { orderBy: [{ periodEnd: "desc" }, { id: "desc" }] },
    }),
  }),
});

builder.prismaObject("ProjectOutput", {
  description: "One measured output of a project: people served, area irrigated, capacity built ...",
  authScopes: readsProjectOf,
  fields: (t) => ({
    metric: t.expose("metric", {
      type: OutputMetricEnum,
      description: "What is measured, e.g. WATER_SUPPLY_POPULATION or TREATMENT_CAPACITY.",
    }),
    quantity: t.expose("quantity", { type: "Decimal", description: "How much, in unit." }),
    unit: t.exposeString("unit", { description: "The unit as published: 人, 亩, 公顷, 公里, 吨/日 ..." }),
    note: t.exposeString("note", { nullable: true, description: "How the figure was qualified." }),
  }),
});

builder.prismaObject("ProjectSite", {
  description: "A town or village a project builds in or serves.",
  authScopes: readsProjectOf,
  fields: (t) => ({
    region: t.relation("region", { description: "The town or village." }),
    note: t.exposeString("note", { nullable: true, description: "What the project does there." }),
  }),
});

builder.objectField(RegionRef, "projectsBehindSchedule", (t) =>
  t.prismaField({
    authScopes: readsRegion,
    type: ["Project"],
    description: `Top-level projects of this region and below that are behind schedule (progress trails the elapsed schedule by more than ${BEHIND_SCHEDULE_TOLERANCE} points), the furthest behind first.`,
    args: { first: t.arg.int({ defaultValue: 5, description: "At most this many (1–100, default 5)." }) },
    resolve: async (query, region, args, context) => {
      const first = args.first ?? 5;
      if (!Number.isInteger(first) || first < 1 || first > 100) {
        throw new ValidationError([fieldIssue("first", "OUT_OF_RANGE", { min: 1, max: 100, value: String(first) })]);
      }
      const ids = await projectsBehindSchedule(context.prisma, region.id, first, context.figures);
      const projects = await context.prisma.project.findMany({ ...query, where: { id: { in: ids } } });
      const byId = new Map(projects.map((project) => [project.id, project]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
);

const ProjectOrderEnum = builder.enumType("ProjectOrder", {
  description:
    "How to order a project list: by CODE, by total investment (TOTAL_INVESTMENT_DESC, largest first, or _ASC), or by Chinese NAME.",
  values: ["CODE", "TOTAL_INVESTMENT_DESC", "TOTAL_INVESTMENT_ASC", "NAME"] as const,
});

/** Every order ends on the unique code, so pages never overlap or skip a project. */
const PROJECT_ORDER = {
  CODE: [{ code: "asc" }],
  TOTAL_INVESTMENT_DESC: [{ totalInvestment: "desc" }, { code: "asc" }],
  TOTAL_INVESTMENT_ASC: [{ totalInvestment: "asc" }, { code: "asc" }],
  NAME: [{ nameZh: "asc" }, { code: "asc" }],
} as const;

builder.queryFields((t) => ({
  projectCategories: t.prismaField({
    type: ["ProjectCategory"],
    description: "Every project category, by code: the choices for a new project's category.",
    resolve: (query, _root, _args, context) => context.prisma.projectCategory.findMany({ ...query, orderBy: { code: "asc" } }),
  }),
  project: t.prismaField({
    type: "Project",
    nullable: true,
    description: "One project or phase by its code.",
    args: { code: t.arg.string({ required: true, description: "The project's code." }) },
    resolve: (query, _root, args, context) => context.prisma.project.findUnique({ ...query, where: { code: args.code } }),
  }),
  projects: t.prismaConnection({
    type: "Project",
    cursor: "id",
    description:
      "Top-level projects (phases appear under their project) of a region and everything below it, ordered by code unless told otherwise.",
    authScopes: (_root, args) => ({ readsCode: args.regionCode }),
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "The region's 12-digit division code; its whole subtree is included.",
      }),
      categoryCode: t.arg.string({ description: "Only this category, e.g. FLOOD_CONTROL." }),
      status: t.arg({ type: [ProjectStatusEnum], description: "Only projects in one of these statuses." }),
      search: t.arg.string({
        description:
          "Text in the Chinese or English name (防洪堤, embankment), the Chinese name in pinyin or its initials (fanghongdi, fhd), or an exact project code.",
      }),
      minTotalInvestment: t.arg({ type: "Decimal", description: "Only projects with at least this total investment, in yuan." }),
      maxTotalInvestment: t.arg({ type: "Decimal", description: "Only projects with at most this total investment, in yuan." }),
      orderBy: t.arg({ type: ProjectOrderEnum, defaultValue: "CODE", description: "The order; by code by default." }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.project.count({ where: projectFilter(await context.regions.requireIdOfCode(args.regionCode), args) }),
    resolve: async (query, _root, args, context) =>
      context.prisma.project.findMany({
        ...query,
        where: projectFilter(await context.regions.requireIdOfCode(args.regionCode), args),
        orderBy: [...PROJECT_ORDER[args.orderBy ?? "CODE"]],
      }),
  }),
}));

// The same list below a region already in hand: a tree of regions with their projects is one
// document (county → towns → their first projects) without a lookup of each region by code.
builder.prismaObjectField("Region", "projects", (t) =>
  t.prismaConnection({
    type: "Project",
    cursor: "id",
    description:
      "Top-level projects (phases appear under their project) of this region and everything below it, ordered by code unless told otherwise.",
    authScopes: readsRegion,
    args: {
      categoryCode: t.arg.string({ description: "Only this category, e.g. FLOOD_CONTROL." }),
      status: t.arg({ type: [ProjectStatusEnum], description: "Only projects in one of these statuses." }),
      orderBy: t.arg({ type: ProjectOrderEnum, defaultValue: "CODE", description: "The order; by code by default." }),
    },
    totalCount: (region, args, context) =>
      countProjectsOf(context, region.id, { categoryCode: args.categoryCode ?? null, status: args.status ?? null }),
    resolve: (query, region, args, context) => {
      const { take, skip, cursor, ...selection } = query;
      // The first page, read with every other region's of the document (see region-projects.ts);
      // a page after a cursor or from the end is one region's own query.
      if (!skip && !cursor && take && take > 0) {
        const filter = { categoryCode: args.categoryCode ?? null, status: args.status ?? null };
        return firstProjectsOf(context, { regionId: region.id, filter, orderBy: args.orderBy ?? "CODE", take, selection });
      }
      return context.prisma.project.findMany({
        ...query,
        where: projectFilter(region.id, args),
        orderBy: [...PROJECT_ORDER[args.orderBy ?? "CODE"]],
      });
    },
  }),
);

interface ProjectFilterArgs {
  categoryCode?: string | null;
  status?: (typeof PROJECT_STATUSES)[number][] | null;
  search?: string | null;
  minTotalInvestment?: string | null;
  maxTotalInvestment?: string | null;
}

/** Top-level projects in the region's subtree that match the list's filters. */
function projectFilter(regionId: number, args: ProjectFilterArgs) {
  const search = args.search?.trim();
  const pinyin = search ? foldForSearch(search) : "";
  const amount = {
    ...(args.minTotalInvestment ? { gte: args.minTotalInvestment } : {}),
    ...(args.maxTotalInvestment ? { lte: args.maxTotalInvestment } : {}),
  };
  return {
    parentId: null,
    region: { path: { has: regionId } },
    ...(args.categoryCode ? { category: { code: args.categoryCode } } : {}),
    ...(args.status?.length ? { status: { in: args.status } } : {}),
    ...(search
      ? {
          OR: [
            { nameZh: { contains: search } },
            { nameEn: { contains: search, mode: "insensitive" as const } },
            { code: { equals: search } },
            ...(pinyin ? [{ searchPinyin: { contains: pinyin } }] : []),
          ],
        }
      : {}),
    ...(Object.keys(amount).length ? { totalInvestment: amount } : {}),
  };
}
