import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const CENGONG = "522626000000";
const FUND_HEADER = "资金编码,资金名称,资金来源,资金层级,起始年度,资金年度,管理地区区划代码,资金规模（元）,分年度金额,备注";
const ALLOCATION_HEADER = "资金编码,项目编码,安排金额（元）,安排日期,备注,超概算安排原因";

type Line = {
  type: string;
  problems?: { row: number; column: string; message: string }[];
  result?: { committed: boolean; written: number };
};

async function importFile(kind: string, body: string, username = "cengong.editor", apply = true): Promise<Line[]> {
  const response = await fetch(url(`/api/imports/${kind}${apply ? "?apply=true" : ""}`), {
    method: "POST",
    body,
    headers: { "Content-Type": "text/csv", ...(await api.signIn(username)) },
  });
  return (await response.text())
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Line);
}
const problems = (lines: Line[]) => lines.flatMap((line) => line.problems ?? []).map((p) => `${p.row} ${p.column}`);
const result = (lines: Line[]) => lines.find((line) => line.type === "result")?.result;

describe("funds and allocations in and out of files", () => {
  it("refuses bad fund rows by column, writing none, then imports a sheet with a split envelope in 万元", async () => {
    const bad = [
      FUND_HEADER,
      // The split adds up to 2,900万, not 3,000万; a level no one knows; a region outside Cengong.
      "CG-F-IMP-1,2024—2026年县级衔接资金,财政专项,县级,2024,2026,522626000000,3000万,1000万；1000万；900万,",
      "CG-F-IMP-2,2025年产业奖补,产业奖补,村级,,2025,522626000000,50万,,",
      "CG-F-IMP-3,荆州的资金,财政专项,县级,,2025,421003000000,50万,,",
    ].join("\n");
    const refused = await importFile("funds", bad);
    expect(problems(refused).sort()).toEqual(["2 分年度金额", "3 资金层级", "4 管理地区区划代码"]);
    const level = refused.flatMap((line) => line.problems ?? []).find((p) => p.column === "资金层级");
    expect(level?.message).toContain("中央、省级、市级、县级、乡镇、非政府");
    expect(result(refused)?.committed).toBe(false);
    expect(await api.db.prisma.fund.count({ where: { code: { startsWith: "CG-F-IMP-" } } })).toBe(0);

    const good = [
      FUND_HEADER,
      "CG-F-IMP-1,2024—2026年县级衔接资金,财政专项,县级,2024,2026,522626000000,3000万,1000万；1000万；1000万,岑财农〔2024〕1号",
      "CG-F-IMP-2,2025年产业奖补,INDUSTRY_SUBSIDY,县,,2025,522626000000,50万,,",
    ].join("\n");
    const imported = await importFile("funds", good);
    expect(result(imported)).toMatchObject({ committed: true, written: 2 });
    const envelope = await api.db.prisma.fund.findUniqueOrThrow({ where: { code: "CG-F-IMP-1" } });
    expect(envelope.yearAmounts.map((amount) => amount.toFixed(2))).toEqual(["10000000.00", "10000000.00", "10000000.00"]);
    expect(envelope.level).toBe("COUNTY");
  });

  it("imports allocations through the form's rules, and exports both back in the template's columns", async () => {
    const over = await importFile(
      "fund-allocations",
      `${ALLOCATION_HEADER}\nCG-F-IMP-2,CG-SL-XXSK,60万,2025-04-01,,\nCG-F-IMP-1,NO-SUCH,100万,2025-04-01,,\n`,
    );
    // 60万 is more than the 50万 fund; the second row names no project.
    expect(problems(over).sort()).toEqual(["2 安排金额（元）", "3 项目编码"]);
    expect(over.flatMap((line) => line.problems ?? [])[0]!.message).toContain("超过资金总额");
    const good = await importFile(
      "fund-allocations",
      `${ALLOCATION_HEADER}\nCG-F-IMP-1,CG-SL-XXSK,800万,2025-04-01,岑财农〔2025〕3号,\n`,
    );
    expect(result(good)).toMatchObject({ committed: true, written: 1 });

    const headers = await api.signIn("cengong.viewer");
    const funds = await (await fetch(url(`/api/exports/funds.csv?regionCode=${CENGONG}`), { headers })).text();
    expect(funds).toContain(
      "CG-F-IMP-1,2024—2026年县级衔接资金,财政专项,县级,2024,2026,522626000000,30000000.00,10000000.00；10000000.00；10000000.00",
    );
    const allocations = await (await fetch(url(`/api/exports/fund-allocations.csv?regionCode=${CENGONG}`), { headers })).text();
    expect(allocations).toContain("CG-F-IMP-1,CG-SL-XXSK,8000000.00,2025-04-01,岑财农〔2025〕3号");
    // The export, with new codes, is a file the import takes as it is.
    const again = funds
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter((line, index) => index === 0 || line.startsWith("CG-F-IMP-1,"))
      .map((line, index) => (index === 0 ? line : line.replace("CG-F-IMP-1,", "CG-F-IMP-9,")))
      .join("\n");
    expect(result(await importFile("funds", again))).toMatchObject({ committed: true, written: 1 });
    expect((await api.db.prisma.fund.findUniqueOrThrow({ where: { code: "CG-F-IMP-9" } })).amount.toFixed(2)).toBe("30000000.00");
  });

  it("refuses a viewer's file", async () => {
    const lines = await importFile(
      "funds",
      `${FUND_HEADER}\nCG-F-IMP-5,x,财政专项,县级,,2025,522626000000,1万,,\n`,
      "cengong.viewer",
    );
    expect(lines.some((line) => line.type === "error" || (line.problems ?? []).length > 0)).toBe(true);
    expect(await api.db.prisma.fund.count({ where: { code: "CG-F-IMP-5" } })).toBe(0);
  });
});
