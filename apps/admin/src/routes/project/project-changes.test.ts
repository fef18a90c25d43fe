import { KIT_MESSAGES } from "@revita/ui/i18n/messages";
import { describe, expect, it } from "vitest";
import { APP_MESSAGES } from "../../i18n/messages.js";
import { type Change, readableActor, readableChange, readableRecord } from "./change-history.js";

const zh = { t: APP_MESSAGES["zh-CN"], kit: KIT_MESSAGES["zh-CN"], locale: "zh-CN" as const };
const en = { t: APP_MESSAGES.en, kit: KIT_MESSAGES.en, locale: "en" as const };
const column = (
  name: string,
  before: string | null,
  after: string | null,
  reference?: Change["changes"][number]["afterReference"],
) => ({
  column: name,
  before,
  after,
  beforeReference: null,
  afterReference: reference ?? null,
});

describe("a project's changes, as a reader follows them", () => {
  it("names each field in the reader's language, money in the kit's rule and statuses by their labels", () => {
    const change = {
      action: "UPDATE",
      changes: [
        column("status", "STARTED", "IN_PROGRESS"),
        column("total_investment", "260000000.00", "270000000.00"),
        column("updated_at", "2026-01-01", "2026-02-01"),
      ],
    };
    expect(readableChange(change, zh)).toBe("项目状态：开工 → 在建；总投资：2.60亿元 → 2.70亿元");
    expect(readableChange(change, en)).toBe(
      "Status: Started → In progress; Total investment: 260.00 million yuan → 270.00 million yuan",
    );
  });

  it("shows a new record's fields once, references by name and code, dates without a clock, and never its ids", () => {
    const change = {
      action: "INSERT",
      changes: [
        column("id", null, "12"),
        column("category_id", null, "4", { code: "FLOOD_CONTROL", nameZh: "防洪工程", nameEn: "Flood control" }),
        column("planned_finish", null, "2023-12-31T00:00:00+00:00"),
        column("metric", null, "WATER_SUPPLY_POPULATION"),
      ],
    };
    expect(readableChange(change, zh)).toBe("项目类别：防洪工程（FLOOD_CONTROL）；计划完工：2023-12-31；产出指标：供水人口");
  });

  it("says who by their display name, and 演示数据 for the demo loader", () => {
    expect(readableActor({ actor: "user:cengong.editor", actorKind: "USER", actorName: "岑巩县 填报员" }, zh)).toBe(
      "岑巩县 填报员",
    );
    expect(readableActor({ actor: "demo data", actorKind: "DEMO_DATA", actorName: null }, zh)).toBe("演示数据");
    expect(readableRecord({ action: "UPDATE", tableName: "progress_report" }, zh)).toBe("修改 · 进度填报");
  });
});
