import type { ChangeAuthor } from "../../changes/apply-change.js";
import {
  createCampaign,
  DEFAULT_CHECKLIST,
  findCampaign,
  findInspection,
  recordFollowUp,
  recordInspection,
} from "../../cleaning/cleaning.service.js";
import type { DbClient } from "../../db/database.js";
import { ARTICLES, cite } from "./articles.js";
import { demoRegionCode } from "./regions.js";

/**
 * The demo's village cleaning [seed 000]. Published: the way the city runs it — a monthly
 * unannounced inspection with a notice, a monthly follow-up, a half-yearly competitive tour — and
 * the six things checked (扫干净、拆通透、码整齐、改旱厕、清沟渠、栽满绿). Everything else is
 * illustrative: a year (2026) of Jingzhou District's campaign over the demo's eight villages of the
 * district, their scores, problems and follow-ups, made by a fixed rule so every build is the same.
 */

const SOURCE = cite(ARTICLES.villageCleaning, "一月一暗访通报、一月一回访、半年一拉练评比；检查六项");
const ILLUSTRATIVE = "示例数据（检查记录、得分与问题为演示所设）";

/** Jingzhou District's villages in the demo, each with the score it usually gets. */
const VILLAGES: [name: string, usual: number][] = [
  ["张新场村", 93],
  ["紫荆村", 88],
  ["双店村", 79],
  ["应市村", 75],
  ["双垱村", 90],
  ["新湾村", 84],
  ["网新村", 87],
  ["天鹅村", 82],
];

/** What an inspector writes when an item lost the most points. */
const PROBLEMS: Record<string, string> = {
  SWEEP: "村内主干道两侧有散落垃圾",
  DEMOLISH: "废弃猪圈、危旧棚舍未拆除",
  STACK: "柴草、农具沿路乱堆乱放",
  TOILET: "仍有旱厕未改造",
  DITCH: "沟渠有漂浮垃圾、淤泥未清",
  GREEN: "房前屋后空地未绿化",
};

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** The item scores for a total: points lost from the items in turn, starting where `start` says. */
function scoresFor(total: number, start: number) {
  const scores = DEFAULT_CHECKLIST.map((item) => ({ itemCode: item.code as string, score: Number(item.weight) }));
  let lost = 100 - total;
  for (let step = 0; lost > 0 && step < 60; step++) {
    const entry = scores[(start + step) % scores.length]!;
    const take = Math.min(lost, 3, entry.score);
    entry.score -= take;
    lost -= take;
  }
  return scores.map((entry) => ({ itemCode: entry.itemCode, score: String(entry.score) }));
}

export async function loadCleaning(tx: DbClient, author: ChangeAuthor): Promise<void> {
  const { id } = await createCampaign(
    tx,
    {
      regionCode: demoRegionCode("荆州区"),
      name: "荆州区2026年村庄清洁行动",
      year: 2026,
      source: `${SOURCE}；分值与达标线为示意`,
      sourceKind: "ILLUSTRATIVE",
    },
    author,
  );
  const campaign = await findCampaign(tx, id);
  for (let month = 1; month <= 11; month++) {
    for (const [index, [village, usual]] of VILLAGES.entries()) {
      // A fixed wiggle of −4 … +4 a month, and a slow improvement over the year.
      const total = Math.min(100, usual + (((index * 7 + month * 13) % 9) - 4) + Math.floor(month / 4));
      const day = 4 + index * 2;
      const scores = scoresFor(total, index + month);
      const lost = scores.map((entry, i) => Number(DEFAULT_CHECKLIST[i]!.weight) - Number(entry.score));
      const worst = scores[lost.indexOf(Math.max(...lost))]!;
      const found = total < 85;
      const inspection = await recordInspection(
        tx,
        campaign,
        {
          campaignNumber: id,
          regionCode: demoRegionCode(village),
          kind: "UNANNOUNCED",
          inspectedOn: iso(2026, month, day),
          inspector: "荆州区农业农村局暗访组",
          scores,
          photos: [`IMG_2026${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}_${index + 1}.jpg`],
          problems: found ? PROBLEMS[worst.itemCode] : null,
          problemsDue: found ? iso(2026, month, day + 10) : null,
          recordSource: ILLUSTRATIVE,
        },
        author,
      );
      if (!found) continue;
      // 一月一回访: fixed at the visit, except this November's worst village (still open: an alert)
      // and, in October, one that needed a second visit.
      if (month === 11 && index === 3) continue;
      if (month === 10 && index === 2) {
        await recordFollowUp(tx, await findInspection(tx, inspection.id), {
          visitedOn: iso(2026, month, day + 8),
          by: "荆州区农业农村局回访组",
          fixed: false,
          note: "仍未整改到位，督促限期完成",
        });
      }
      await recordFollowUp(tx, await findInspection(tx, inspection.id), {
        visitedOn: iso(2026, month, day + 9),
        by: "荆州区农业农村局回访组",
        fixed: true,
      });
    }
  }
  // 半年一拉练评比: the June tour of every village.
  for (const [index, [village, usual]] of VILLAGES.entries()) {
    await recordInspection(
      tx,
      campaign,
      {
        campaignNumber: id,
        regionCode: demoRegionCode(village),
        kind: "COMPETITION",
        inspectedOn: "2026-06-28",
        inspector: "荆州区半年拉练评比组",
        scores: scoresFor(Math.min(100, usual + 2), index),
        recordSource: ILLUSTRATIVE,
      },
      author,
    );
  }
}
