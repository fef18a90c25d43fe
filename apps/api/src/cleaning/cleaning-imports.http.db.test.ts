import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";
import { demoRegionCode } from "../seed/demo/regions.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const HEADER = "行动编号,村代码,检查日期,检查方式,检查人,扫干净,拆通透,码整齐,改旱厕,清沟渠,栽满绿,发现问题,整改期限";

async function importFile(body: string, username: string, apply = false) {
  const response = await fetch(url(`/api/imports/cleaning-inspections${apply ? "?apply=true" : ""}`), {
    method: "POST",
    body,
    headers: { "Content-Type": "text/csv", ...(await api.signIn(username)) },
  });
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { type: string; problems?: { column: string }[]; result?: { committed: boolean } });
}

describe("cleaning inspections in and out of files", () => {
  it("refuses bad rows by column, writing nothing, then imports a good sheet the export gives back", async () => {
    const campaign = await api.db.prisma.cleaningCampaign.findFirstOrThrow({ where: { name: "荆州区2026年村庄清洁行动" } });
    const village = demoRegionCode("紫荆村");
    const bad = [
      HEADER,
      // A score above its item's weight (扫干净 is out of 20), a community instead of a village, a kind unknown.
      `${campaign.id},${village},2026-11-28,暗访,抽查组,25,15,15,20,15,15,,`,
      `${campaign.id},${demoRegionCode("凤鸣社区")},2026-11-28,暗访,抽查组,20,15,15,20,15,15,,`,
      `${campaign.id},${village},2026-11-28,突击,抽查组,20,15,15,20,15,15,,`,
    ].join("\n");
    const refused = await importFile(bad, "jingzhou.inspector", true);
    const columns = refused.flatMap((line) => line.problems ?? []).map((problem) => problem.column);
    expect(columns.sort()).toEqual(["扫干净", "村代码", "检查方式"].sort());
    expect(refused.find((line) => line.type === "result")?.result?.committed).toBe(false);
    expect(await api.db.prisma.cleaningInspection.count({ where: { inspector: "抽查组" } })).toBe(0);

    const good = `${HEADER}\n${campaign.id},${village},2026-11-28,明查,抽查组,18,15,12,20,15,15,柴草乱堆,2026-12-10\n`;
    const imported = await importFile(good, "jingzhou.inspector", true);
    expect(imported.find((line) => line.type === "result")?.result?.committed).toBe(true);
    const saved = await api.db.prisma.cleaningInspection.findFirstOrThrow({ where: { inspector: "抽查组" } });
    expect(saved.score.toString()).toBe("95");
    const exported = await (
      await fetch(url(`/api/exports/cleaning-inspections.csv?regionCode=${village}`), {
        headers: await api.signIn("jingzhou.analyst"),
      })
    ).text();
    expect(exported).toContain("2026-11-28,明查,抽查组,18,15,12,20,15,15,柴草乱堆,2026-12-10");
  });

  it("refuses the inspections of a campaign the importer may not edit", async () => {
    const campaign = await api.db.prisma.cleaningCampaign.findFirstOrThrow({ where: { name: "荆州区2026年村庄清洁行动" } });
    const lines = await importFile(
      `${HEADER}\n${campaign.id},${demoRegionCode("紫荆村")},2026-11-28,暗访,外县组,20,15,15,20,15,15,,\n`,
      "cengong.admin",
    );
    expect(lines.flatMap((line) => line.problems ?? []).map((problem) => problem.column)).toEqual(["行动编号"]);
  });
});
