import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";

const api = useTestServer();
const url = (path: string) => `${api.server.url}${path}`;
const CENGONG = "522626000000";
const PHASE = "CG-FH-CBSTD-3";

/** Uploads a file and reads the NDJSON answer's lines. */
async function upload(path: string, body: Uint8Array | string, headers: Record<string, string>) {
  const response = await fetch(url(path), { method: "POST", body, headers: { "Content-Type": "text/csv", ...headers } });
  const text = await response.text();
  const lines = response.headers.get("content-type")?.includes("ndjson")
    ? text
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { type: string; result?: Record<string, unknown>; problems?: unknown[] })
    : [];
  return { status: response.status, lines, result: lines.find((line) => line.type === "result")?.result, text };
}

async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(Buffer.from(bytes)));
  return workbook.worksheets.map((sheet) => (sheet.getRow(1).values as string[]).slice(1));
}

describe("files in and out over HTTP", () => {
  it("offers templates with the Chinese headers, as CSV and as a workbook with instructions", async () => {
    const csv = await fetch(url("/api/imports/progress/template.csv"));
    expect(csv.headers.get("content-type")).toContain("text/csv");
    // With the byte-order mark that makes Excel read UTF-8 (fetch's text() would hide it).
    expect(Buffer.from(await csv.arrayBuffer()).toString("utf8")).toBe(
      "\uFEFF项目编码,报告期,累计完成投资（元）,形象进度（%）,超概算说明,更正说明,备注\r\n",
    );
    const xlsx = await fetch(url("/api/imports/progress/template.xlsx"));
    expect(xlsx.headers.get("content-disposition")).toContain(encodeURIComponent("项目进度导入模板.xlsx"));
    const sheets = await readXlsx(await xlsx.arrayBuffer());
    expect(sheets[0]).toEqual(["项目编码", "报告期", "累计完成投资（元）", "形象进度（%）", "超概算说明", "更正说明", "备注"]);
    expect(sheets[1]).toEqual(["列名", "必填", "填写要求", "示例"]);
  });

  it("refuses anonymous uploads before reading them, and bodies that are no file", async () => {
    const anonymous = await upload("/api/imports/progress", "项目编码,报告期\n", {});
    expect(anonymous.status).toBe(401);
    const cookie = await api.signIn("cengong.editor");
    const form = await fetch(url("/api/imports/progress"), {
      method: "POST",
      body: "a=b",
      headers: { ...cookie, "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
  });

  it("streams a dry run's problems, then applies a good file once however often it is retried", async () => {
    const cookie = await api.signIn("cengong.editor");
    const bad = await upload("/api/imports/progress", `项目编码,报告期,形象进度（%）\n${PHASE},2021-01,150\n`, cookie);
    expect(bad.status).toBe(200);
    expect(bad.lines.map((line) => line.type)).toEqual(["problems", "progress", "result"]);
    expect(bad.result).toMatchObject({ committed: false, problemCount: 1 });

    const good = `项目编码,报告期,累计完成投资（元）,备注\n${PHASE},2021-01,4010万,"=1+1"\n`;
    const dry = await upload("/api/imports/progress", good, cookie);
    expect(dry.result).toMatchObject({ apply: false, committed: false, written: 1, problemCount: 0 });
    const headers = { ...cookie, "Idempotency-Key": "upload-2021-01-progress" };
    const applied = await upload("/api/imports/progress?apply=true", good, headers);
    const retried = await upload("/api/imports/progress?apply=true", good, headers);
    expect(applied.result).toMatchObject({ committed: true, written: 1 });
    expect(retried.result).toEqual(applied.result);
    expect(await api.db.prisma.progressReport.count({ where: { project: { code: PHASE }, period: "2021-01" } })).toBe(1);
  });

  it("exports a region's records with formula cells escaped, and the export imports back as the same rows", async () => {
    const cookie = await api.signIn("cengong.editor");
    const exported = await fetch(url(`/api/exports/progress.csv?regionCode=${CENGONG}`), { headers: cookie });
    expect(exported.status).toBe(200);
    const text = await exported.text();
    expect(text).toContain(`${PHASE},2021-01,40100000.00,,,,'=1+1`);
    const cengong = await api.db.prisma.region.findUniqueOrThrow({ where: { code: CENGONG } });
    const reports = await api.db.prisma.progressReport.count({ where: { project: { region: { path: { has: cengong.id } } } } });
    expect(text.trim().split("\r\n").length).toBe(reports + 1);
    // Every row is already there: importing the export again finds each one a duplicate, and nothing else.
    const again = await upload("/api/imports/progress", text, cookie);
    expect(again.result?.problemCount).toBe(reports);
    const lines = again.lines
      .filter((line) => line.type === "problems")
      .flatMap((line) => line.problems as { reason: string; message: string }[]);
    // Said in the asker's language (Chinese by default), from a reason that stays the same.
    expect(lines.every((problem) => problem.reason === "ALREADY_REPORTED_IN_REVITA" && problem.message.includes("已填报"))).toBe(
      true,
    );

    const xlsx = await fetch(url(`/api/exports/progress.xlsx?regionCode=${CENGONG}`), { headers: cookie });
    expect((await readXlsx(await xlsx.arrayBuffer()))[0]?.[0]).toBe("项目编码");
    const elsewhere = await fetch(url("/api/exports/progress.csv?regionCode=421003000000"), { headers: cookie });
    expect(elsewhere.status).toBe(403);
  });
});
