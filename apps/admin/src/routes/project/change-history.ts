import type { Locale } from "@revita/messages";
import { formatMoney } from "@revita/ui/format/money";
import type { KitMessages } from "@revita/ui/i18n/messages";
import type { ProjectChangesQuery } from "../../generated/operations.js";
import type { AppMessages } from "../../i18n/messages.js";

export type Change = NonNullable<ProjectChangesQuery["project"]>["history"][number];
type ColumnChange = Change["changes"][number];
type Reference = ColumnChange["beforeReference"];

/** The words a change is said in: the dashboard's and the kit's. */
export interface HistoryWords {
  t: AppMessages;
  kit: KitMessages;
  locale: Locale;
}

const MONEY = new Set(["total_investment", "completed_investment", "amount"]);
const DATES = new Set(["planned_start", "planned_finish", "actual_start", "actual_finish", "allocated_on"]);
/** Columns that say nothing to a reader: keys, search helpers, bookkeeping, the project a part belongs to. */
const HIDDEN = new Set([
  "id",
  "search_pinyin",
  "created_at",
  "updated_at",
  "version",
  "period_start",
  "period_end",
  "reported_at",
  "project_id",
]);

/** Who made a change: the user's display name, 演示数据 for the demo loader. */
export function readableActor(change: Pick<Change, "actor" | "actorKind" | "actorName">, { t }: HistoryWords): string {
  if (change.actorKind === "USER") return change.actorName ?? change.actor.replace(/^user:/, "");
  return change.actorKind === "DEMO_DATA" ? t.history.actors.DEMO_DATA : t.history.actors.SYSTEM;
}

/** What was changed: the action and the kind of record, e.g. 修改 · 进度填报. */
export function readableRecord(change: Pick<Change, "action" | "tableName">, { t }: HistoryWords): string {
  const action = t.account.actions[change.action as keyof typeof t.account.actions] ?? change.action;
  const table = t.history.tables[change.tableName as keyof typeof t.history.tables] ?? change.tableName;
  return `${action} · ${table}`;
}

function columnLabel(column: string, { t }: HistoryWords): string {
  const labels = t.history.columns as Record<string, string>;
  return labels[column] ?? t.history.otherColumn({ column });
}

function referenceText(reference: Reference, { locale }: HistoryWords): string | null {
  if (!reference) return null;
  const name = locale === "en" && reference.nameEn ? reference.nameEn : reference.nameZh;
  return reference.code ? `${name}（${reference.code}）` : name;
}

/** One value as a reader would write it: money in the kit's rule, enums by their labels, dates without a clock. */
function valueText(column: string, value: string | null, reference: Reference, words: HistoryWords): string {
  if (value === null) return "—";
  const { t, kit, locale } = words;
  const referenced = referenceText(reference, words);
  if (referenced) return referenced;
  if (MONEY.has(column)) return formatMoney(value, { locale });
  if (column === "physical_progress") return `${value}%`;
  if (DATES.has(column)) return value.slice(0, 10);
  if (column === "status") return kit.projectStatus[value as keyof KitMessages["projectStatus"]] ?? value;
  if (column === "delivery_model") return t.deliveryModels[value as keyof AppMessages["deliveryModels"]] ?? value;
  if (column === "metric") return t.outputMetrics[value as keyof AppMessages["outputMetrics"]] ?? value;
  if (value === "true" || value === "false") return value === "true" ? t.history.yes : t.history.no;
  return value;
}

/** How a change reads in one line: each changed field by its label, from before to after. */
export function readableChange(change: Pick<Change, "action" | "changes">, words: HistoryWords): string {
  const separator = words.locale === "en" ? "; " : "；";
  const colon = words.locale === "en" ? ": " : "：";
  return change.changes
    .filter(({ column }) => !HIDDEN.has(column))
    .map((each) => {
      const label = columnLabel(each.column, words);
      const before = valueText(each.column, each.before, each.beforeReference, words);
      const after = valueText(each.column, each.after, each.afterReference, words);
      if (change.action === "UPDATE") return `${label}${colon}${before} → ${after}`;
      return `${label}${colon}${change.action === "DELETE" ? before : after}`;
    })
    .join(separator);
}
