import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";
import { idNumberCheckCharacter } from "../privacy/id-number.js";
import { demoRegionCode } from "../seed/demo/regions.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const WANGXIN = demoRegionCode("网新村");
const HEADER = "村代码,监测类型,风险类型,线索来源,线索日期,户主姓名,户主身份证号,其他成员";
const id = (first17: string) => first17 + idNumberCheckCharacter(first17);

describe("monitored households in and out of files", () => {
  it("exports ID numbers masked, or in full to the village's PERSONAL_DATA grant with each household logged", async () => {
    const exported = async (username: string) =>
      (await fetch(url(`/api/exports/households.csv?regionCode=${WANGXIN}`), { headers: await api.signIn(username) })).text();
    const member = await api.db.prisma.householdMember.findFirstOrThrow({
      where: { relation: "HEAD", household: { region: { code: WANGXIN }, recordSource: { startsWith: "合成数据" } } },
    });
    const views = () => api.db.prisma.personalDataView.count({ where: { via: "export" } });
    const masked = await exported("jingzhou.analyst");
    expect(masked).toContain(member.idNumberMasked!);
    expect(masked).not.toMatch(/429900\d{11}[\dX]/);
    expect(await views()).toBe(0);
    const full = await exported("wangxin.clerk");
    expect(full).toMatch(/429900\d{11}[\dX]/);
    expect(full).not.toContain(member.idNumberMasked!);
    const logged = await api.db.prisma.personalDataView.findMany({ where: { via: "export" } });
    expect(logged.length).toBe(await api.db.prisma.household.count({ where: { region: { code: WANGXIN } } }));
    expect(logged[0]!.userName).toContain("wangxin.clerk");
  });

  it("imports a sheet, refusing bad rows by column (an ID number's check character, a town, a type) and writing nothing", async () => {
    const cookie = await api.signIn("wangxin.clerk");
    const good = id("42990019650412031");
    const wrong = `${good.slice(0, 17)}${good[17] === "1" ? "2" : "1"}`;
    const sheet = [
      HEADER,
      `${WANGXIN},边缘易致贫户,因病、因残,农户申报,2026-11-28,导入户主甲,${good},配偶 导入配偶甲；子女 导入子女甲`,
      `${WANGXIN},边缘易致贫户,因病,农户申报,2026-11-28,导入户主乙,${wrong},`,
      `${demoRegionCode("李埠镇")},边缘易致贫户,因病,农户申报,2026-11-28,导入户主丙,,`,
      `${WANGXIN},贫困户,因病,农户申报,2026-11-28,导入户主丁,,`,
    ].join("\n");
    const post = async (apply: boolean) =>
      (
        await (
          await fetch(url(`/api/imports/households${apply ? "?apply=true" : ""}`), {
            method: "POST",
            body: apply ? [HEADER, sheet.split("\n")[1]].join("\n") : sheet,
            headers: { "Content-Type": "text/csv", ...cookie },
          })
        ).text()
      )
        .trim()
        .split("\n")
        .map(
          (line) =>
            JSON.parse(line) as {
              type: string;
              problems?: { column: string; message: string }[];
              result?: { committed: boolean };
            },
        );
    const refused = await post(false);
    const problems = refused.flatMap((line) => line.problems ?? []);
    expect(problems.map((problem) => problem.column).sort()).toEqual(["户主身份证号", "村代码", "监测类型"].sort());
    // The refusal names the ID number masked, never in full.
    const idProblem = problems.find((problem) => problem.column === "户主身份证号")!;
    expect(idProblem.message).toContain("校验码不对");
    expect(idProblem.message).not.toContain(wrong);
    expect(await api.db.prisma.household.count({ where: { headName: { startsWith: "导入户主" } } })).toBe(0);
    const applied = await post(true);
    expect(applied.find((line) => line.type === "result")?.result?.committed).toBe(true);
    const saved = await api.db.prisma.household.findFirstOrThrow({
      where: { headName: "导入户主甲" },
      include: { members: true },
    });
    expect(saved.members.map((m) => m.relation).sort()).toEqual(["CHILD", "HEAD", "SPOUSE"]);
    expect(saved.riskFactors).toEqual(["ILLNESS", "DISABILITY"]);
    expect(saved.status).toBe("IDENTIFYING");
  });
});
