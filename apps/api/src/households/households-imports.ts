import { dateCell } from "../imports/cell-values.js";
import { column, regionEditable, rowByRowImport } from "../imports/record-imports.js";
import { decryptPersonal } from "../privacy/personal-data-cipher.js";
import {
  type HOUSEHOLD_TYPES,
  type LEAD_SOURCES,
  type MEMBER_RELATIONS,
  type MemberInput,
  type RISK_FACTORS,
  registerHousehold,
} from "./households.service.js";
import { seesPersonalData } from "./personal-data.js";

/**
 * Households from a county's spreadsheet (a county moving off spreadsheets): one row a household,
 * the head in columns of their own and the other members in one cell ("配偶 张某某 429900…；子女
 * 张某"), each registered through the same service as the dashboard's form — a lead, identification
 * to follow. The export gives ID numbers, phones and accounts masked, or in full to a PERSONAL_DATA
 * grant on the household's village or town, each such household logged as seen.
 */

const TYPE_NAMES: Record<string, (typeof HOUSEHOLD_TYPES)[number]> = {
  脱贫不稳定户: "UNSTABLE_OUT_OF_POVERTY",
  边缘易致贫户: "MARGINAL",
  突发严重困难户: "SUDDEN_HARDSHIP",
};
const RISK_NAMES: Record<string, (typeof RISK_FACTORS)[number]> = {
  因病: "ILLNESS",
  因残: "DISABILITY",
  因学: "SCHOOLING",
  因灾: "DISASTER",
  因意外: "ACCIDENT",
  因失业: "UNEMPLOYMENT",
  其他: "OTHER",
};
const LEAD_NAMES: Record<string, (typeof LEAD_SOURCES)[number]> = {
  农户申报: "APPLICATION",
  村组排查: "VILLAGE_VISIT",
  医保预警: "HEALTH_INSURANCE",
  教育预警: "EDUCATION",
  民政预警: "CIVIL_AFFAIRS",
  应急管理预警: "EMERGENCY_MANAGEMENT",
};
const RELATION_NAMES: Record<string, (typeof MEMBER_RELATIONS)[number]> = {
  户主: "HEAD",
  配偶: "SPOUSE",
  子女: "CHILD",
  父母: "PARENT",
  孙子女: "GRANDCHILD",
  兄弟姐妹: "SIBLING",
  其他: "OTHER",
};
const nameOf = <T extends string>(names: Record<string, T>, code: T) =>
  Object.entries(names).find(([, c]) => c === code)?.[0] ?? code;
const split = (cell: string | null) =>
  (cell ?? "")
    .split(/[；;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** "配偶 张某某 429900…": a member's relation, name and ID number (which may be left out). */
function membersOf(cell: string | null): MemberInput[] {
  return split(cell).map((part) => {
    const [relation = "", name = "", idNumber] = part.split(/\s+/);
    return { relation: RELATION_NAMES[relation] ?? relation.toUpperCase(), name, idNumber: idNumber ?? null };
  });
}

export const householdsImport = rowByRowImport(
  {
    name: "households",
    titleZh: "防返贫监测对象",
    columns: [
      column("regionCode", "村代码", "code", "所在村、社区（或网格）的区划代码。", "421003104200", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("type", "监测类型", "text", "脱贫不稳定户、边缘易致贫户或突发严重困难户。", "突发严重困难户", { required: true }),
      column("riskFactors", "风险类型", "text", "因病、因残、因学、因灾、因意外、因失业或其他，多个用顿号分隔。", "因病", {
        required: true,
      }),
      column("leadSource", "线索来源", "text", "农户申报、村组排查、医保预警、教育预警、民政预警或应急管理预警。", "医保预警", {
        required: true,
      }),
      column("leadOn", "线索日期", "date", "日期，不晚于今天；不填为今天。", "2026-11-20"),
      column("headName", "户主姓名", "text", "户主姓名。", "吴某某", { required: true }),
      column("headIdNumber", "户主身份证号", "text", "18 位，核对校验码；加密保存。", ""),
      column("members", "其他成员", "text", "每人“关系 姓名 身份证号”，多人用分号分隔；关系如配偶、子女、父母。", "配偶 李某某"),
      column("phone", "联系电话", "text", "可不填；加密保存。", ""),
      column("bankAccount", "银行账号", "text", "可不填；加密保存。", ""),
      column("status", "状态", "text", "导出时填写：识别中、监测帮扶中、风险消除审核中、风险已消除、未纳入。", ""),
    ],
    exportRows: async function* (db, regionId, reader) {
      const households = await db.household.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ leadOn: "asc" }, { id: "asc" }],
        include: { region: { select: { code: true, path: true } }, members: { orderBy: [{ relation: "asc" }, { id: "asc" }] } },
      });
      const STATUS = {
        IDENTIFYING: "识别中",
        MONITORED: "监测帮扶中",
        ELIMINATING: "风险消除审核中",
        RISK_ELIMINATED: "风险已消除",
        NOT_INCLUDED: "未纳入",
      } as const;
      const shownInFull = households.filter((h) => seesPersonalData(reader, h.region));
      if (shownInFull.length) {
        // Who exported whose data in full: the request's actor, as the audit names it.
        await db.$executeRaw`
          INSERT INTO personal_data_view (household_id, region_id, user_name, fields, via)
          SELECT unnest(${shownInFull.map((h) => h.id)}::int[]), 0, coalesce(current_setting('revita.actor', true), 'export'),
                 ARRAY['idNumber', 'phone', 'bankAccount'], 'export'`;
      }
      for (const household of households) {
        const full = shownInFull.includes(household);
        const value = (encrypted: string | null, masked: string | null) =>
          full && encrypted ? decryptPersonal(encrypted) : masked;
        const [head, ...others] = household.members;
        yield {
          regionCode: household.region.code,
          type: nameOf(TYPE_NAMES, household.type),
          riskFactors: household.riskFactors.map((risk) => nameOf(RISK_NAMES, risk)).join("、"),
          leadSource: nameOf(LEAD_NAMES, household.leadSource),
          leadOn: dateCell(household.leadOn),
          headName: head?.name ?? household.headName,
          headIdNumber: head ? value(head.idNumberEncrypted, head.idNumberMasked) : null,
          members: others
            .map((m) =>
              [nameOf(RELATION_NAMES, m.relation), m.name, value(m.idNumberEncrypted, m.idNumberMasked)]
                .filter(Boolean)
                .join(" "),
            )
            .join("；"),
          phone: value(household.phoneEncrypted, household.phoneMasked),
          bankAccount: value(household.bankAccountEncrypted, household.bankAccountMasked),
          status: STATUS[household.status],
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    await registerHousehold(
      tx,
      {
        regionCode: values.regionCode ?? "",
        type: values.type ? (TYPE_NAMES[values.type] ?? values.type.toUpperCase()) : "",
        riskFactors: (values.riskFactors ?? "")
          .split(/[、,，\s]+/)
          .filter(Boolean)
          .map((risk) => RISK_NAMES[risk] ?? risk.toUpperCase()),
        leadSource: values.leadSource ? (LEAD_NAMES[values.leadSource] ?? values.leadSource.toUpperCase()) : "",
        leadOn: values.leadOn,
        phone: values.phone,
        bankAccount: values.bankAccount,
        members: [
          { relation: "HEAD", name: values.headName ?? "", idNumber: values.headIdNumber ?? null },
          ...membersOf(values.members ?? null),
        ],
      },
      run.author,
    );
    return true;
  },
  // The head is the first member; the others are the members cell.
  { "members.0.name": "headName", "members.0.idNumber": "headIdNumber", riskFactors: "riskFactors" },
);
