import { pinyin } from "pinyin-pro";
import type { DbClient } from "../db/database.js";

/**
 * Clerks type names the way their phone keyboards do: in pinyin, often only the initials
 * (城北防洪堤 as chengbei or cbfhd). A project keeps its Chinese name in toneless pinyin and
 * in initials, both folded to lower-case letters and digits, so one substring test matches
 * either way of typing. pinyin-pro reads characters in context, so 重庆 gives chongqing.
 */
export function pinyinSearchKey(nameZh: string): string {
  const options = { toneType: "none", type: "array", nonZh: "consecutive" } as const;
  const full = pinyin(nameZh, options).map(foldForSearch).join("");
  const initials = pinyin(nameZh, { ...options, pattern: "first" })
    .map(foldForSearch)
    .join("");
  return `${full} ${initials}`;
}

/** What a typed query and a stored key are compared as: lower-case letters and digits only. */
export function foldForSearch(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Fills the pinyin of projects written before the column existed, or by a tool that did not
 * set it. Cheap when nothing is missing: run on every start, after the migrations.
 */
export async function backfillPinyinSearchKeys(db: DbClient, batchSize = 1000): Promise<number> {
  let filled = 0;
  for (;;) {
    const missing = await db.project.findMany({
      where: { searchPinyin: "" },
      select: { id: true, nameZh: true },
      take: batchSize,
    });
    if (missing.length === 0) return filled;
    for (const project of missing) {
      await db.project.update({ where: { id: project.id }, data: { searchPinyin: pinyinSearchKey(project.nameZh) } });
    }
    filled += missing.length;
  }
}
