import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";
import { demoRegionCode } from "../seed/demo/regions.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const MASHAN = demoRegionCode("马山镇");

describe("the mediation ledger in and out of files", () => {
  it("exports the parties in full only where the reader's organisation handles the case", async () => {
    const exported = async (username: string) =>
      (await fetch(url(`/api/exports/mediation-cases.csv?regionCode=${MASHAN}`), { headers: await api.signIn(username) })).text();
    // 马山镇's centre handles the escalated land dispute; the debt dispute stays with 双垱村's committee.
    const town = await exported("mashan.mediator");
    expect(town).toContain("刘某某");
    expect(town).toContain("42100319700101123X");
    expect(town).toContain("张**");
    expect(town).not.toContain("张某某");
    const county = await exported("jingzhou.analyst");
    expect(county).not.toContain("刘某某");
    expect(county).not.toContain("42100319700101123X");
    expect(county).toContain("421***********123X");
  });

  it("imports a ledger, refusing bad rows by column and writing nothing until all are good", async () => {
    const cookie = await api.signIn("mashan.mediator");
    const village = demoRegionCode("双垱村");
    const ledger = `发生地代码,纠纷类型,纠纷事由,申请人,申请人身份证号,被申请人\n${village},邻里纠纷,树枝越界,甲某,,乙某\n${village},打架,打架斗殴,丙某,123,丁某\n${village},邻里纠纷,,戊某,,己某\n`;
    const response = await fetch(url("/api/imports/mediation-cases"), {
      method: "POST",
      body: ledger,
      headers: { "Content-Type": "text/csv", ...cookie },
    });
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; problems?: { column: string }[]; result?: { committed: boolean } });
    const columns = lines.flatMap((line) => line.problems ?? []).map((problem) => problem.column);
    expect(columns.sort()).toEqual(["申请人身份证号", "纠纷事由", "纠纷类型"].sort());
    expect(lines.find((line) => line.type === "result")?.result?.committed).toBe(false);
    expect(await api.db.prisma.mediationCase.count({ where: { summary: "树枝越界" } })).toBe(0);
  });
});
