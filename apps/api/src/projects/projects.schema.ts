import { builder } from "../builder.js";
import { NotFoundError } from "../common/errors.js";
import type { Context } from "../context.js";
import { PROJECT_STATUSES } from "./projects.service.js";

export const ProjectStatusEnum = builder.enumType("ProjectStatus", {
  description: "规划 PLANNED → 开工 STARTED → 在建 IN_PROGRESS → 完工 COMPLETED → 验收 ACCEPTED.",
  values: PROJECT_STATUSES,
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

builder.prismaNode("ProgressReport", {
  description: "A period's progress report: cumulative figures as of the period's end.",
  id: { field: "id" },
  fields: (t) => ({
    period: t.exposeString("period", { description: "Canonical period key: 2023, 2023Q2 or 2023-06." }),
    completedInvestment: t.expose("completedInvestment", {
      type: "Decimal",
      nullable: true,
      description: "累计完成投资 in yuan, cumulative to the period's end; null when not reported.",
    }),
    physicalProgress: t.expose("physicalProgress", {
      type: "Decimal",
      nullable: true,
      description: "工程形象进度 in percent (0–100); null when not reported.",
    }),
    note: t.exposeString("note", { nullable: true, description: "The reporter's remark." }),
  }),
});

builder.prismaNode("Project", {
  description: "项目: an investment project, or one phase (一期/二期 ...) of a parent project.",
  id: { field: "id" },
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable project code." }),
    nameZh: t.exposeString("nameZh", { description: "Chinese name." }),
    nameEn: t.exposeString("nameEn", { nullable: true, description: "English name, where given." }),
    status: t.expose("status", { type: ProjectStatusEnum, description: "Where the project stands." }),
    totalInvestment: t.expose("totalInvestment", { type: "Decimal", description: "总投资 in yuan." }),
    phaseNumber: t.exposeInt("phaseNumber", { nullable: true, description: "1 for 一期, 2 for 二期 ...; null unless a phase." }),
    plannedStart: t.expose("plannedStart", { type: "Date", nullable: true, description: "Planned start date." }),
    plannedFinish: t.expose("plannedFinish", { type: "Date", nullable: true, description: "Planned finish date." }),
    category: t.relation("category", { description: "The project's category." }),
    region: t.relation("region", { description: "The county, town or village the project belongs to." }),
    parent: t.relation("parent", { nullable: true, description: "For a phase, the whole project." }),
    phases: t.relation("phases", { description: "The project's phases in order.", query: { orderBy: { phaseNumber: "asc" } } }),
    progressReports: t.relatedConnection("progressReports", {
      description: "Progress reports, newest first.",
      cursor: "id",
      totalCount: true,
      query: { orderBy: [{ periodEnd: "desc" }, { id: "desc" }] },
    }),
  }),
});

builder.queryFields((t) => ({
  projects: t.prismaConnection({
    type: "Project",
    cursor: "id",
    description: "Top-level projects (phases appear under their project) of a region and everything below it, ordered by code.",
    args: {
      regionCode: t.arg.string({
        required: true,
        description: "The region's 12-digit division code; its whole subtree is included.",
      }),
    },
    totalCount: async (_parent, args, context) =>
      context.prisma.project.count({
        where: { parentId: null, region: { path: { has: await regionId(context, args.regionCode) } } },
      }),
    resolve: async (query, _root, args, context) =>
      context.prisma.project.findMany({
        ...query,
        where: { parentId: null, region: { path: { has: await regionId(context, args.regionCode) } } },
        orderBy: [{ code: "asc" }, { id: "asc" }],
      }),
  }),
}));

async function regionId(context: Context, code: string): Promise<number> {
  const region = await context.prisma.region.findUnique({ where: { code }, select: { id: true } });
  if (!region) throw new NotFoundError(`The region ${code}`, "regionCode");
  return region.id;
}
