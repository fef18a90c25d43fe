import { dateCell } from "../imports/cell-values.js";
import { column, regionEditable, rowByRowImport } from "../imports/record-imports.js";
import { type DISPUTE_TYPES, openCase, seesParties } from "./mediation.service.js";

/**
 * Cases from a file as a village's mediators keep their ledger (台账): one row a dispute with its
 * applicant and respondent, opened through the same service as the dashboard's form. The export
 * gives the parties as the asker may read them: in full for the handling organisation's staff
 * only.
 */

const TYPE_NAMES: Record<string, (typeof DISPUTE_TYPES)[number]> = {
  邻里纠纷: "NEIGHBOUR",
  婚姻家庭: "FAMILY",
  土地山林: "LAND",
  债务: "DEBT",
  劳资: "LABOUR",
  物业: "PROPERTY",
  损害赔偿: "DAMAGE",
  其他: "OTHER",
};
const typeName = (code: string) => Object.entries(TYPE_NAMES).find(([, c]) => c === code)?.[0] ?? code;

export const mediationCasesImport = rowByRowImport(
  {
    name: "mediation-cases",
    titleZh: "矛盾纠纷调解台账",
    columns: [
      column("regionCode", "发生地代码", "code", "纠纷发生的村、社区（或网格）的区划代码。", "421003102200", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("type", "纠纷类型", "text", "邻里纠纷、婚姻家庭、土地山林、债务、劳资、物业、损害赔偿或其他。", "邻里纠纷", {
        required: true,
      }),
      column("summary", "纠纷事由", "text", "一句话写明纠纷。", "鱼塘排水淹了邻家菜地", { required: true }),
      column("receivedOn", "受理日期", "date", "日期，不晚于今天；不填为今天。", "2026-11-20"),
      column("applicantName", "申请人", "text", "申请人姓名。", "钱某", { required: true }),
      column("applicantIdNumber", "申请人身份证号", "text", "18 位，可不填；只有办理组织能看到完整号码。", ""),
      column("respondentName", "被申请人", "text", "被申请人姓名。", "冯某", { required: true }),
      column("respondentIdNumber", "被申请人身份证号", "text", "18 位，可不填。", ""),
      column("status", "状态", "text", "导出时填写：办理中、调解成功、移交、撤回、回访办结。", ""),
    ],
    exportRows: async function* (db, regionId, reader) {
      const cases = await db.mediationCase.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ receivedOn: "asc" }, { id: "asc" }],
        include: {
          region: { select: { code: true } },
          organization: { select: { regionId: true } },
          parties: { orderBy: { id: "asc" } },
        },
      });
      const STATUS = { OPEN: "办理中", SETTLED: "调解成功", REFERRED: "移交", WITHDRAWN: "撤回", CLOSED: "回访办结" } as const;
      for (const c of cases) {
        const full = seesParties(reader, c.organization.regionId);
        const party = (role: string) => c.parties.find((p) => p.role === role);
        const name = (p: (typeof c.parties)[number] | undefined) => (p ? (full ? p.name : p.nameMasked) : null);
        const idNumber = (p: (typeof c.parties)[number] | undefined) => (p ? (full ? p.idNumber : p.idNumberMasked) : null);
        yield {
          regionCode: c.region.code,
          type: typeName(c.type),
          summary: c.summary,
          receivedOn: dateCell(c.receivedOn),
          applicantName: name(party("APPLICANT")),
          applicantIdNumber: idNumber(party("APPLICANT")),
          respondentName: name(party("RESPONDENT")),
          respondentIdNumber: idNumber(party("RESPONDENT")),
          status: STATUS[c.status],
        };
      }
    },
  },
  async (tx, values, run, row) => {
    if (!(await regionEditable(tx, values.regionCode, run, row))) return false;
    await openCase(
      tx,
      {
        regionCode: values.regionCode ?? "",
        type: values.type ? (TYPE_NAMES[values.type] ?? values.type.toUpperCase()) : "",
        summary: values.summary ?? "",
        receivedOn: values.receivedOn,
        parties: [
          { role: "APPLICANT", name: values.applicantName ?? "", idNumber: values.applicantIdNumber },
          { role: "RESPONDENT", name: values.respondentName ?? "", idNumber: values.respondentIdNumber },
        ],
      },
      run.author,
    );
    return true;
  },
  // A party's refusal names the column it came from.
  {
    "parties.0.name": "applicantName",
    "parties.0.idNumber": "applicantIdNumber",
    "parties.1.name": "respondentName",
    "parties.1.idNumber": "respondentIdNumber",
  },
);
