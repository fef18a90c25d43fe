import type { ServiceRole } from "../generated/prisma/client.js";
import { dateCell } from "../imports/cell-values.js";
import { column, regionEditable, rowByRowImport } from "../imports/record-imports.js";
import { createMember } from "./members.service.js";
import { collectNeed } from "./needs.service.js";
import { residentPhoneFor } from "./resident-contacts.js";

/**
 * Imports of the community lists, as clerks keep them in spreadsheets: the members who reported
 * (资源清单) and the needs and micro-wishes collected (需求清单). Rows go through the same
 * services as the dashboard's forms; enumerations are written in Chinese, as on the forms.
 */

const ROLE_NAMES: Record<string, ServiceRole> = {
  宣讲员: "PROPAGANDIST",
  参谋员: "ADVISER",
  信息员: "INFORMANT",
  安全员: "SAFETY_OFFICER",
  指导员: "HEALTH_GUIDE",
  培训员: "TRAINER",
  示范员: "EXEMPLAR",
  帮扶员: "HELPER",
  促进员: "PROMOTER",
};
const KIND_NAMES: Record<string, string> = { 需求: "NEED", 微心愿: "WISH" };
const SOURCE_NAMES: Record<string, string> = {
  走访: "VISIT",
  座谈会: "FORUM",
  民情座谈会: "FORUM",
  征求意见: "SURVEY",
  问卷: "SURVEY",
  热线: "HOTLINE",
};
const URGENCY_NAMES: Record<string, string> = { 一般: "LOW", 较急: "NORMAL", 紧急: "URGENT" };
const CATEGORY_NAMES: Record<string, string> = {
  养老助老: "ELDERLY_CARE",
  儿童青少年: "CHILDREN",
  健康医疗: "HEALTH",
  安全稳定: "SAFETY",
  环境卫生: "ENVIRONMENT",
  设施维修: "INFRASTRUCTURE",
  就业创业: "EMPLOYMENT",
  法律政策: "LEGAL",
  文化活动: "CULTURE",
  困难帮扶: "HARDSHIP",
  其他: "OTHER",
};

/** A Chinese name to its code; a code passes as it is (English files, scripts), anything else is left for the service to refuse. */
const fromName = (names: Record<string, string>, value: string | null | undefined) =>
  value ? (names[value] ?? value.toUpperCase()) : "";
const toName = (names: Record<string, string>, code: string) => Object.entries(names).find(([, c]) => c === code)?.[0] ?? code;

export const partyMembersImport = rowByRowImport(
  {
    name: "party-members",
    titleZh: "下沉党员",
    columns: [
      column("name", "姓名", "text", "党员姓名。", "刘洋", { required: true }),
      column("unitName", "所在单位", "text", "派出单位的登记名称（县或上级）。", "荆州开发区应急服务中心", {
        required: true,
        aliases: ["单位"],
      }),
      column("regionCode", "报到社区代码", "code", "报到的村、社区（或片区、楼栋）的区划代码。", "421071001001", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("reportedOn", "报到日期", "date", "日期，如 2024-03-01；不晚于今天。", "2024-03-01", { required: true }),
      column(
        "roles",
        "认领岗位",
        "text",
        "九大员中的一个或几个，用顿号分隔：宣讲员、参谋员、信息员、安全员、指导员、培训员、示范员、帮扶员、促进员。",
        "宣讲员、安全员",
      ),
      column("trade", "行业", "text", "所在行业。", "应急管理"),
      column("skills", "专长", "text", "专长、技术。", "安全生产宣讲"),
      column("offer", "可提供的服务", "text", "能为居民做什么。", "每月一次安全宣讲"),
      column("commitmentGoal", "服务目标", "text", "服务承诺：目标。", "居民知晓率九成以上"),
      column("commitmentTime", "服务时间", "text", "服务承诺：时间。", "每月第一个周六"),
      column("commitmentQuality", "服务质量", "text", "服务承诺：质量。", "当天回应"),
      column("source", "资料来源", "text", "来源。", ""),
    ],
    exportRows: async function* (db, regionId) {
      const members = await db.partyMember.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        include: { organization: { select: { name: true } }, region: { select: { code: true } } },
      });
      for (const m of members) {
        yield {
          name: m.name,
          unitName: m.organization.name,
          regionCode: m.region.code,
          reportedOn: dateCell(m.reportedOn),
          roles: m.roles.map((role) => toName(ROLE_NAMES, role)).join("、") || null,
          trade: m.trade,
          skills: m.skills,
          offer: m.offer,
          commitmentGoal: m.commitmentGoal,
          commitmentTime: m.commitmentTime,
          commitmentQuality: m.commitmentQuality,
          source: m.source,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    await createMember(tx, {
      name: values.name ?? "",
      unitName: values.unitName ?? "",
      regionCode: values.regionCode ?? "",
      reportedOn: values.reportedOn ?? "",
      roles: (values.roles ?? "")
        .split(/[、,，;；\s]+/)
        .filter(Boolean)
        .map((role) => fromName(ROLE_NAMES, role)),
      trade: values.trade,
      skills: values.skills,
      offer: values.offer,
      commitmentGoal: values.commitmentGoal,
      commitmentTime: values.commitmentTime,
      commitmentQuality: values.commitmentQuality,
      source: values.source,
    });
    return true;
  },
);

export const communityNeedsImport = rowByRowImport(
  {
    name: "community-needs",
    titleZh: "需求清单",
    columns: [
      column("kind", "类型", "text", "需求或微心愿。", "需求", { required: true }),
      column("regionCode", "社区代码", "code", "村、社区（或片区、楼栋）的区划代码。", "421071001001", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("title", "需求内容", "text", "一句话写明需要什么。", "小区健身器材损坏", { required: true, aliases: ["微心愿"] }),
      column("description", "情况说明", "text", "可不填。", ""),
      column(
        "category",
        "类别",
        "text",
        "养老助老、儿童青少年、健康医疗、安全稳定、环境卫生、设施维修、就业创业、法律政策、文化活动、困难帮扶或其他。",
        "设施维修",
        { required: true },
      ),
      column("source", "收集方式", "text", "走访、座谈会、征求意见或热线。", "走访", { required: true }),
      column("urgency", "紧急程度", "text", "一般、较急（默认）或紧急。", "较急"),
      column("residentName", "群众姓名", "text", "提出需求的居民。", "李女士"),
      column("residentPhone", "联系电话", "text", "7 至 12 位数字；只有本社区工作人员能看到完整号码。", "13800000000"),
      column("raisedOn", "收集日期", "date", "日期，不晚于今天；不填为今天。", "2026-11-18"),
      column("projectName", "项目名称", "text", "列入项目清单的名称，可不填。", ""),
      column("estimatedCost", "预计费用（元）", "amount", "微心愿的预计费用，单位元。", ""),
      column("households", "涉及户数", "number", "1 或以上。", "1"),
      column("recordSource", "资料来源", "text", "来源。", ""),
    ],
    exportRows: async function* (db, regionId, reader) {
      const needs = await db.communityNeed.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ raisedOn: "asc" }, { id: "asc" }],
        include: { region: { select: { code: true, path: true } } },
      });
      for (const n of needs) {
        yield {
          kind: toName(KIND_NAMES, n.kind),
          regionCode: n.region.code,
          title: n.title,
          description: n.description,
          category: toName(CATEGORY_NAMES, n.category),
          source: toName(SOURCE_NAMES, n.source),
          urgency: toName(URGENCY_NAMES, n.urgency),
          residentName: n.residentName,
          residentPhone: residentPhoneFor(reader, n, n.region.path),
          raisedOn: dateCell(n.raisedOn),
          projectName: n.projectName,
          estimatedCost: n.estimatedCost?.toFixed(2) ?? null,
          households: n.households === null ? null : String(n.households),
          recordSource: n.recordSource,
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    await collectNeed(
      tx,
      {
        kind: fromName(KIND_NAMES, values.kind),
        regionCode: values.regionCode ?? "",
        title: values.title ?? "",
        description: values.description,
        category: fromName(CATEGORY_NAMES, values.category),
        source: fromName(SOURCE_NAMES, values.source),
        urgency: values.urgency ? fromName(URGENCY_NAMES, values.urgency) : null,
        residentName: values.residentName,
        residentPhone: values.residentPhone,
        raisedOn: values.raisedOn,
        projectName: values.projectName,
        estimatedCost: values.estimatedCost,
        households: values.households ? Number(values.households) : null,
        recordSource: values.recordSource,
      },
      run.author,
    );
    return true;
  },
);
