import { execFileSync } from "node:child_process";
import { briefingAsOf, briefingLayout, groupedYuan } from "@revita/briefing";
import { BriefingDocument, type BriefingQuery, BriefingYearsDocument } from "@revita/schema/operations";
import { print } from "graphql";
import { describe, expect, it } from "vitest";
import { demoUser, runGraphql } from "../../test/run-graphql.js";
import { useTestServer } from "../../test/test-server.js";
import { inLocale } from "../common/request-locale.js";
import { createContext } from "../context.js";
import { demoRegionCode } from "../seed/demo/regions.js";
import { makeBriefing } from "./briefings.service.js";

const api = useTestServer();
const CENGONG = "522626000000";
const JINGZHOU = demoRegionCode("荆州区");
const MONTH = "2026-11";

/** The PDF's text as pdftotext reads it (content order, so a wrapped cell stays together), without spaces. */
function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8").replace(/\s+/g, "");
}
const squeezed = (text: string) => text.replace(/\s+/g, "");

/** What the API returns for the same region and month, asked as the same user over its GraphQL schema. */
async function apiFigures(username: string, code: string) {
  const as = await demoUser(api.db.prisma, username);
  const years = await runGraphql<{ region: { fundYears: number[]; indicatorYears: number[] } }>(
    api.db.prisma,
    print(BriefingYearsDocument),
    { code },
    { as },
  );
  const fundYear = years.region.fundYears.filter((y) => y <= 2026).pop() ?? 2026;
  const indicatorYear = years.region.indicatorYears.filter((y) => y <= 2026).pop() ?? 2026;
  const data = await runGraphql<BriefingQuery>(
    api.db.prisma,
    print(BriefingDocument),
    { code, month: MONTH, fundYear, indicatorYear: String(indicatorYear), asOf: briefingAsOf(MONTH) },
    { as },
  );
  return { data, fundYear, indicatorYear };
}

async function briefingAs(username: string, code: string, approved = false) {
  const context = createContext(api.db.prisma, await demoUser(api.db.prisma, username), {
    figures: approved ? "approved" : "all",
  });
  return makeBriefing(context, { regionCode: code, month: MONTH }, { locale: "zh-CN" });
}

describe("the dispatch meeting's briefing", () => {
  it("prints Cengong's figures as the API returns them: the embankment phases, the areas, the alerts' subjects", async () => {
    const made = await briefingAs("cengong.viewer", CENGONG);
    const text = pdfText(made.pdf);
    expect(made.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(made.pages).toBeGreaterThanOrEqual(2);
    console.log(`Cengong's briefing: ${made.pages} pages, ${made.pdf.length} bytes, made in ${made.millis} ms`);
    expect(text).toContain(squeezed("岑巩县2026年11月调度会简报"));
    expect(text).toContain("口径：全部已报数据（含未审核）");
    expect(text).toContain("金额单位：元");
    // The three phases of the embankment, added up, as the demo's published figures say.
    expect(text).toContain("129,512,500.00");
    expect(text).toContain("63,010,000.00");
    const { data, fundYear, indicatorYear } = await apiFigures("cengong.viewer", CENGONG);
    const region = data.region!;
    // The yearly sections show the latest year with data (the demo's funds and values are of earlier years).
    expect(text).toContain(`资金年度：${fundYear}年`);
    expect(text).toContain(`指标年度：${indicatorYear}年`);
    for (const group of region.fundsBySource.filter((g) => Number(g.allocated) > 0))
      expect(text).toContain(groupedYuan(group.allocated));
    for (const pillar of region.scorecard) for (const entry of pillar.entries) expect(text).toContain(squeezed(entry.nameZh));
    for (const group of region.byChild.filter((g) => g.projectCount > 0)) {
      expect(text).toContain(groupedYuan(group.plannedInvestment));
      expect(text).toContain(groupedYuan(group.completedInvestment));
    }
    expect(region.alerts.items.length).toBeGreaterThan(0);
    for (const alert of region.alerts.items) expect(text).toContain(squeezed(alert.subject.nameZh));
    // Page numbers on every page.
    expect(text).toContain(`第1页，共${made.pages}页`);
    expect(text).toContain(`第${made.pages}页，共${made.pages}页`);
  });

  it("prints Jingzhou's tasks of the third dispatch meeting, the overdue one among the alerts", async () => {
    const made = await briefingAs("jingzhou.analyst", JINGZHOU);
    const text = pdfText(made.pdf);
    expect(text).toContain(squeezed("上次调度会：全区党员干部下基层、察民情、解民忧、暖民心实践活动第三次调度会（2026-11-05）"));
    expect(text).toContain(squeezed("解决谢古垸农业灌溉用水问题"));
    expect(text).toContain(squeezed("召开方案论证会，推荐渠道疏挖方案"));
    // The verified task is no longer open; the overdue one is red among the alerts too.
    expect(text).not.toContain(squeezed("逐项复核第一、二阶段"));
    expect(text).toContain("交办事项逾期");
    expect(text).toContain(squeezed("加强渠道巡查"));
    const { data } = await apiFigures("jingzhou.analyst", JINGZHOU);
    for (const alert of data.region!.alerts.items) expect(text).toContain(squeezed(alert.subject.nameZh));
  });

  it("says when it counts approved figures only", async () => {
    const made = await briefingAs("cengong.viewer", CENGONG, true);
    expect(pdfText(made.pdf)).toContain("口径：仅已审核数据");
  });

  it("is refused for a region the asker may not read, before anything is read", async () => {
    await expect(briefingAs("cengong.viewer", JINGZHOU)).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "REGION_OUTSIDE_READ",
    });
  });

  it("lays out the same figures in English for an English reader", async () => {
    const { data, fundYear, indicatorYear } = await inLocale("en", () => apiFigures("cengong.viewer", CENGONG));
    const layout = briefingLayout(data, {
      locale: "en",
      month: MONTH,
      approvedOnly: false,
      madeAt: new Date(),
      fundYear,
      indicatorYear,
    });
    expect(layout.title).toBe("Cengong County: dispatch meeting briefing, 2026-11");
    const everything = JSON.stringify(layout);
    // Chinese only in names that have no English yet (funds, units: issue 23) and in indicator
    // units as published (亩, 盏).
    const chinese = [...everything.matchAll(/[\u4e00-\u9fff（）：，]+/g)].map((m) => m[0]);
    expect(chinese.filter((text) => !/资金|局$/.test(text) && text.length > 1)).toEqual([]);
    expect(everything).toContain("129,512,500.00");
  });

  it("streams its progress over HTTP, keeps it in the asker's list and serves it to them alone", async () => {
    const headers = await api.signIn("cengong.viewer");
    const response = await fetch(`${api.server.url}/api/briefings`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ regionCode: CENGONG, month: MONTH }),
    });
    const lines: { type: string; step?: string; briefing?: { number: number; url: string } }[] = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.filter((line) => line.type === "progress").map((line) => line.step)).toEqual(["figures", "drawing", "saving"]);
    const result = lines.at(-1)!;
    expect(result.type).toBe("result");
    const file = await fetch(`${api.server.url}${result.briefing!.url}`, { headers });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const listed = await api.graphql("{ myBriefings { number month url scheduled } }", {}, headers);
    expect(listed.body.data.myBriefings[0]).toMatchObject({ number: result.briefing!.number, month: MONTH, scheduled: false });
    // Another user, even of the same county, does not get it.
    const other = await fetch(`${api.server.url}${result.briefing!.url}`, { headers: await api.signIn("cengong.admin") });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { error: { reason: string } }).error.reason).toBe("NO_SUCH_BRIEFING");
  });

  it("never makes two briefings at once for one session: a second request meanwhile is told to wait", async () => {
    const headers = { ...(await api.signIn("jingzhou.analyst")), "content-type": "application/json" };
    /** When the answer's first progress line and its end arrived, or a refusal. */
    const ask = async () => {
      const response = await fetch(`${api.server.url}/api/briefings`, {
        method: "POST",
        headers,
        body: JSON.stringify({ regionCode: JINGZHOU, month: MONTH }),
      });
      if (response.status !== 200)
        return { status: response.status, body: (await response.json()) as { error: { message: string } } };
      const reader = response.body!.getReader();
      let started = 0;
      for (;;) {
        const { done } = await reader.read();
        started ||= performance.now();
        if (done) return { status: 200, started, ended: performance.now() };
      }
    };
    const answers = await Promise.all([ask(), ask(), ask()]);
    const refused = answers.filter((answer) => answer.status === 429);
    for (const answer of refused) {
      expect((answer as { body: { error: { message: string } } }).body.error.message).toBe("您的上一份简报正在生成，请稍候再试");
    }
    // Those made were made one after another (the embedded database may serve them in turn).
    const made = answers.filter((answer) => answer.status === 200) as { started: number; ended: number }[];
    made.sort((a, b) => a.started - b.started);
    for (let i = 1; i < made.length; i++) expect(made[i]!.started).toBeGreaterThanOrEqual(made[i - 1]!.ended - 50);
    expect(refused.length + made.length).toBe(3);
  });

  it("refuses a weekly schedule's bad day or time by field, in Chinese, and a region the user may not read", async () => {
    const headers = await api.signIn("cengong.viewer");
    const SUBSCRIBE = `mutation ($code: String!, $weekday: Int!, $time: String!) {
      subscribeToBriefing(regionCode: $code, weekday: $weekday, time: $time) { number weekday time nextRunAt } }`;
    const bad = await api.graphql(SUBSCRIBE, { code: CENGONG, weekday: 8, time: "25:00" }, headers);
    const issues = (bad.body.errors?.[0]?.extensions?.issues ?? []) as { field: string; message: string }[];
    expect(issues.map((issue) => issue.field)).toEqual(["weekday", "time"]);
    expect(issues[1]?.message).toContain("不是时间");
    const outside = await api.graphql(SUBSCRIBE, { code: JINGZHOU, weekday: 1, time: "08:00" }, headers);
    expect(outside.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const made = await api.graphql(SUBSCRIBE, { code: CENGONG, weekday: 1, time: "8:00" }, headers);
    expect(made.body.data.subscribeToBriefing).toMatchObject({ weekday: 1, time: "08:00" });
    // Mondays 08:00 China time is Monday 00:00 UTC.
    expect(made.body.data.subscribeToBriefing.nextRunAt).toMatch(/T00:00:00\.000Z$/);
    expect(new Date(made.body.data.subscribeToBriefing.nextRunAt).getUTCDay()).toBe(1);
    // Ten regions at most: each costs a briefing every week.
    const below = await api.db.prisma.region.findMany({
      where: { parent: { code: CENGONG } },
      orderBy: { code: "asc" },
      take: 10,
    });
    const outcomes = [];
    for (const region of below)
      outcomes.push(await api.graphql(SUBSCRIBE, { code: region.code, weekday: 1, time: "08:00" }, headers));
    expect(outcomes.slice(0, 9).every((outcome) => !outcome.body.errors)).toBe(true);
    const eleventh = outcomes[9]!.body.errors?.[0]?.extensions as { issues?: { field: string; reason: string }[] } | undefined;
    expect(eleventh?.issues?.[0]).toMatchObject({ field: "regionCode", reason: "TOO_MANY_ITEMS" });
  });

  it("refuses a month after this one or of the wrong shape by field, in Chinese", async () => {
    const headers = await api.signIn("cengong.viewer");
    for (const month of ["2099-01", "2026-13", "11/2026"]) {
      const response = await fetch(
        `${api.server.url}/api/briefings/briefing.pdf?regionCode=${CENGONG}&month=${encodeURIComponent(month)}`,
        {
          headers,
        },
      );
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { issues: { field: string; reason: string; message: string }[] } };
      expect(error.issues[0]).toMatchObject({ field: "month", reason: "BRIEFING_MONTH" });
      expect(error.issues[0]?.message).toContain("不是简报的月份");
    }
  });

  it("refuses published-only or misspelt figures rather than printing all figures under their name", async () => {
    const headers = await api.signIn("cengong.viewer");
    for (const figures of ["published", "aproved"]) {
      const response = await fetch(
        `${api.server.url}/api/briefings/briefing.pdf?regionCode=${CENGONG}&month=${MONTH}&figures=${figures}`,
        { headers },
      );
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { issues: { field: string; reason: string; message: string }[] } };
      expect(error.issues[0]).toMatchObject({ field: "figures", reason: "BRIEFING_FIGURES" });
      expect(error.issues[0]?.message).toContain(`不能按“${figures}”生成`);
    }
    // Refused before anything is made or kept.
    const kept = async () => (await api.graphql("{ myBriefings { number } }", {}, headers)).body.data.myBriefings.length;
    const before = await kept();
    const posted = await fetch(`${api.server.url}/api/briefings`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ regionCode: CENGONG, month: MONTH, figures: "published" }),
    });
    expect(posted.status).toBe(400);
    expect(await kept()).toBe(before);
    // The approved one is still made.
    const approved = await fetch(
      `${api.server.url}/api/briefings/briefing.pdf?regionCode=${CENGONG}&month=${MONTH}&figures=approved`,
      { headers },
    );
    expect(approved.status).toBe(200);
  });
});
