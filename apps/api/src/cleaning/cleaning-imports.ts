import { refusal } from "../common/errors.js";
import { dateCell } from "../imports/cell-values.js";
import { column, rowByRowImport } from "../imports/record-imports.js";
import { DEFAULT_CHECKLIST, findCampaign, type INSPECTION_KINDS, recordInspection } from "./cleaning.service.js";

/**
 * Inspections from a file as an inspection team keeps its sheet (检查评分表): one row a village's
 * inspection, a column per item of the six, recorded through the same service as the dashboard's
 * form. Refusals name the column (a score above its item's weight names that item's column).
 */

const KIND_NAMES: Record<string, (typeof INSPECTION_KINDS)[number]> = {
  暗访: "UNANNOUNCED",
  明查: "ANNOUNCED",
  拉练评比: "COMPETITION",
};
const kindName = (code: string) => Object.entries(KIND_NAMES).find(([, c]) => c === code)?.[0] ?? code;
const scoreKey = (code: string) => `score${code}`;

export const cleaningInspectionsImport = rowByRowImport(
  {
    name: "cleaning-inspections",
    titleZh: "村庄清洁检查评分表",
    columns: [
      column("campaignNumber", "行动编号", "number", "清洁行动的编号（在村庄清洁页面可见）。", "1", { required: true }),
      column("regionCode", "村代码", "code", "受检村的区划代码（行政村，不是社区）。", "421003101201", {
        required: true,
        aliases: ["区划代码"],
      }),
      column("inspectedOn", "检查日期", "date", "日期，在行动年度内、不晚于今天。", "2026-11-06", { required: true }),
      column("kind", "检查方式", "text", "暗访、明查或拉练评比。", "暗访", { required: true }),
      column("inspector", "检查人", "text", "检查组或检查人。", "区农业农村局暗访组", { required: true }),
      ...DEFAULT_CHECKLIST.map((item) =>
        column(scoreKey(item.code), item.nameZh, "number", `得分，不超过 ${item.weight} 分。`, item.weight, { required: true }),
      ),
      column("problems", "发现问题", "text", "可不填；填了须写整改期限。", "沟渠有漂浮垃圾"),
      column("problemsDue", "整改期限", "date", "有问题时填写。", "2026-11-16"),
      column("photos", "照片", "text", "照片文件名，用顿号或逗号分隔。", "IMG_0412.jpg"),
    ],
    exportRows: async function* (db, regionId) {
      const inspections = await db.cleaningInspection.findMany({
        where: { region: { path: { has: regionId } } },
        orderBy: [{ inspectedOn: "asc" }, { id: "asc" }],
        include: { region: { select: { code: true } }, scores: { include: { item: { select: { code: true } } } } },
      });
      for (const inspection of inspections) {
        const score = (code: string) => inspection.scores.find((s) => s.item.code === code)?.score.toString() ?? null;
        yield {
          campaignNumber: String(inspection.campaignId),
          regionCode: inspection.region.code,
          inspectedOn: dateCell(inspection.inspectedOn),
          kind: kindName(inspection.kind),
          inspector: inspection.inspector,
          ...Object.fromEntries(DEFAULT_CHECKLIST.map((item) => [scoreKey(item.code), score(item.code)])),
          problems: inspection.problems,
          problemsDue: dateCell(inspection.problemsDue),
          photos: inspection.photos.join("、"),
        };
      }
    },
  },
  async (tx, values, run, row) => {
    const number = Number(values.campaignNumber);
    if (!Number.isSafeInteger(number) || number < 1) {
      run.problem(row, "campaignNumber", refusal("NOT_A_WHOLE_NUMBER", { value: values.campaignNumber ?? "", min: 1 }));
      return false;
    }
    const campaign = await findCampaign(tx, number);
    if (!run.mayEdit(campaign.region.path)) {
      run.problem(row, "campaignNumber", refusal("OUTSIDE_YOUR_REGIONS", { what: campaign.name, capability: "edit" }));
      return false;
    }
    await recordInspection(
      tx,
      campaign,
      {
        campaignNumber: campaign.id,
        regionCode: values.regionCode ?? "",
        kind: values.kind ? (KIND_NAMES[values.kind] ?? values.kind.toUpperCase()) : "",
        inspectedOn: values.inspectedOn,
        inspector: values.inspector ?? "",
        // In the checklist's default order, so that scores.N names the N-th item's column.
        scores: DEFAULT_CHECKLIST.flatMap((item) => {
          const value = values[scoreKey(item.code)];
          return value === null || value === undefined ? [] : [{ itemCode: item.code, score: value }];
        }),
        problems: values.problems,
        problemsDue: values.problemsDue,
        photos: (values.photos ?? "")
          .split(/[、,，\s]+/)
          .map((photo) => photo.trim())
          .filter(Boolean),
      },
      run.author,
    );
    return true;
  },
  Object.fromEntries(DEFAULT_CHECKLIST.map((item, index) => [`scores.${index}.score`, scoreKey(item.code)])),
);
