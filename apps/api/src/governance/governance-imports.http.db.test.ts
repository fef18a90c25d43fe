import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";
import { demoRegionCode } from "../seed/demo/regions.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const SANWANLU = demoRegionCode("三湾路社区");

async function upload(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url(path), { method: "POST", body, headers: { "Content-Type": "text/csv", ...headers } });
  const lines = (await response.text())
    .trim()
    .split("\n")
    .map(
      (line) =>
        JSON.parse(line) as { type: string; result?: Record<string, unknown>; problems?: { column: string; message: string }[] },
    );
  return { result: lines.find((line) => line.type === "result")?.result, problems: lines.flatMap((line) => line.problems ?? []) };
}

describe("the community lists in and out of files", () => {
  it("exports residents' phones in full to the community's staff and masked to a county viewer", async () => {
    const staff = await fetch(url(`/api/exports/community-needs.csv?regionCode=${SANWANLU}`), {
      headers: await api.signIn("sanwanlu.secretary"),
    });
    expect(staff.status).toBe(200);
    const staffText = await staff.text();
    expect(staffText).toContain("13800000311");
    const county = await fetch(url(`/api/exports/community-needs.csv?regionCode=${SANWANLU}`), {
      headers: await api.signIn("zone.viewer"),
    });
    const countyText = await county.text();
    expect(countyText).toContain("138****0311");
    expect(countyText).not.toContain("13800000311");
    // The same rows either way: only the phone differs.
    expect(countyText.split("\r\n").length).toBe(staffText.split("\r\n").length);
  });

  it("imports members and needs with Chinese names, refusing bad rows by column and writing nothing until all are good", async () => {
    const cookie = await api.signIn("sanwanlu.secretary");
    const members = `姓名,所在单位,报到社区代码,报到日期,认领岗位\n周敏,荆州开发区政法委,${SANWANLU},2024-03-01,宣讲员、帮扶员\n吴强,不存在的单位,${SANWANLU},2999-01-01,队长\n`;
    const dry = await upload("/api/imports/party-members", members, cookie);
    expect(dry.result).toMatchObject({ committed: false, problemCount: 3 });
    expect(dry.problems.map((problem) => problem.column).sort()).toEqual(["认领岗位", "所在单位", "报到日期"].sort());
    expect(dry.problems.find((problem) => problem.column === "所在单位")?.message).toContain("没有名为“不存在的单位”的单位");
    const good = await upload("/api/imports/party-members?apply=true", members.split("\n").slice(0, 2).join("\n"), cookie);
    expect(good.result).toMatchObject({ committed: true, written: 1 });
    const zhou = await api.db.prisma.partyMember.findFirstOrThrow({ where: { name: "周敏" } });
    expect(zhou.roles).toEqual(["PROPAGANDIST", "HELPER"]);

    const needs = `类型,社区代码,需求内容,类别,收集方式,联系电话\n需求,${SANWANLU},楼下路灯不亮,设施维修,走访,13800000777\n心愿,${SANWANLU},修路,环境,电话,12\n需求,${SANWANLU},,其他,走访,\n`;
    const checked = await upload("/api/imports/community-needs", needs, cookie);
    expect(checked.problems.map((problem) => problem.column).sort()).toEqual(
      ["类别", "类型", "收集方式", "联系电话", "需求内容"].sort(),
    );
    expect(await api.db.prisma.communityNeed.count({ where: { title: "楼下路灯不亮" } })).toBe(0);
  });
});
