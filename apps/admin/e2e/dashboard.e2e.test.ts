import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatMoney } from "@revita/ui/format/money";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "./browser.js";
import { type RevitaServer, startRevita } from "./revita-server.js";

/*
 * A county leader's walk through the dashboard, in Debian's Chromium against the real API with
 * the demo data: the Cengong County overview and its embankment figures, a town, a project,
 * English, a phone. Screenshots go to e2e/output/ (the README's image is one of them).
 */

const OUTPUT = join(import.meta.dirname, "output");
const CENGONG = "522626000000";
const PINGZHUANG = "522626107000";
/** 三湾路社区 (荆州开发区), whose secretary is a demo user, and its zone. */
const SANWANLU = "421071001001";
const DEVELOPMENT_ZONE = "421071000000";
/** 马山镇 (荆州区) and its village 双垱村. */
const MASHAN = "421003102000";
const JINGZHOU_DISTRICT = "421003000000";
const FENGMING = "421003100001";
const WANGXIN = "421003104200";
const PROJECTOR = { width: 1920, height: 1080 };

/** The published figures (domain.md), as every page shows them: the one money rule (亿元 / 万元 / 元, two places). */
const money = (yuan: string) => formatMoney(yuan);
/**
 * ... and as a table's money column says them: every amount of the column in the unit its
 * smallest needs (columnUnitAmount) — 万元 in the demo's tables, which all hold amounts below 1亿.
 */
const inWan = (yuan: string) => formatMoney(yuan, { unit: "wan" });
/** ... and as the hover over each amount says them, to the fen. */
const exactYuan = (yuan: string) => formatMoney(yuan, { unit: "yuan" });
const CJK = /[\u3400-\u9fff]/;
/** The demo users' password (README). */
const DEMO_PASSWORD = "revita-demo-2026";
/** How long a check may wait for the page to catch up (data arriving, a chunk loading). */
const SETTLE = { timeout: 15_000, interval: 100 };

let server: RevitaServer;
let browser: Browser;
let page: Page;
const failedRequests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  [server, browser] = await Promise.all([startRevita(), launchChromium()]);
  page = await browser.newPage({ viewport: PROJECTOR });
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.on("response", (response) => {
    if (response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const shot = (name: string) => page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
const rowOf = (table: string, name: string | RegExp) => page.getByRole("table", { name: table }).getByRole("row", { name });

describe("the dashboard in Chromium", () => {
  it("asks who is there first, and says plainly when the password is wrong", async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("登录 Revita");
    // Nothing of the county's data is on the page, or was asked for, before signing in.
    expect(await page.locator("table, svg.recharts-surface").count()).toBe(0);
    await page.getByLabel("用户名").fill("cengong.admin");
    await page.getByLabel("密码").fill("not the password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent(), SETTLE)
      .toBe("用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟；如需提前解锁，请联系管理员。");
    await shot("sign-in-zh-1920");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    // Signed in, the county's admin lands on the county they administer.
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
    expect(new URL(page.url()).searchParams.get("region")).toBe(CENGONG);
    await page.locator(".account-menu summary").click();
    await expect.poll(() => page.locator(".account-panel").textContent(), SETTLE).toContain("管理岑巩县");
    await page.locator(".account-menu summary").click();
  });

  it("opens the Cengong County overview in Chinese and draws its charts", async () => {
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelectorAll(".chart-grid svg.recharts-surface").length >= 4, null, {
      timeout: 30_000,
    });
    const chartsDrawnMs = await page.evaluate(() => performance.now());
    console.log(
      `Overview charts drawn ${chartsDrawnMs.toFixed(0)} ms after navigation (1920×1080, demo data, signed in, empty Apollo cache)`,
    );
    writeFileSync(join(OUTPUT, "timings.json"), JSON.stringify({ overviewChartsDrawnMs: Math.round(chartsDrawnMs) }, null, 2));

    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    // The query editor's Monaco is not part of the landing page.
    expect(requested.filter((url) => /monaco|query-lab/.test(url))).toEqual([]);
  });

  it("puts what needs a decision first: the embankment's late phases above the fold", async () => {
    const behind = page.getByRole("article", { name: "红色预警 进度滞后" });
    // 城北新区防洪堤: 21.6% built against 61.33% of its schedule.
    await expect
      .poll(() => behind.textContent(), SETTLE)
      .toContain("城北新区防洪堤形象进度 21.60%，时间进度 61.33%，落后 39.73 个百分点");
    // The ecological embankment is ahead on its weighted average; two of its phases are not.
    const ecological = behind.locator(".attention__item", { hasText: "城北新区生态防洪堤工程" });
    await expect.poll(() => ecological.textContent(), SETTLE).toContain("3 期中有 2 期进度滞后");
    const phases = ecological.locator(".attention__phase");
    await expect
      .poll(() => phases.allTextContents(), SETTLE)
      .toEqual([expect.stringContaining("二期"), expect.stringContaining("一期")]);
    const lastPhase = await phases.last().boundingBox();
    expect(lastPhase!.y + lastPhase!.height).toBeLessThan(PROJECTOR.height);
    // Allocated above its total: 3.89亿元 against 2.60亿元, by the money rule.
    await expect
      .poll(() => page.getByRole("article", { name: "红色预警 资金安排超总投资" }).textContent(), SETTLE)
      .toContain(`已安排资金 ${money("389000000")}，超过总投资 ${money("260000000")} 的 49.62%`);
  });

  it("shows the embankments' published figures by the one money rule", async () => {
    // 城北新区生态防洪堤工程: 260,000,000 planned; its phases 1–3 have done 63,010,000.
    const ecological = rowOf("重点项目（按总投资）", "城北新区生态防洪堤工程");
    await expect.poll(() => ecological.textContent(), SETTLE).toContain(inWan("260000000"));
    await expect.poll(() => ecological.textContent(), SETTLE).toContain(inWan("63010000"));
    expect(await ecological.getByText(inWan("260000000")).getAttribute("title")).toBe(exactYuan("260000000"));
    // One unit down each money column: no 亿元 beside 万元.
    const totals = await page.getByRole("table", { name: "重点项目（按总投资）" }).locator("td .revita-money").allTextContents();
    expect(totals.length).toBeGreaterThan(4);
    expect(totals.every((amount) => amount.endsWith("万元"))).toBe(true);
    await page.waitForTimeout(1600); // let the charts' entry animation finish before the picture
    await shot("overview-zh-1920");
  });

  it("drills into a town and comes back up by the breadcrumb", async () => {
    await page.getByRole("combobox", { name: "下级地区" }).selectOption({ label: "平庄镇" });
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("平庄镇总览");
    expect(new URL(page.url()).searchParams.get("region")).toBe(PINGZHUANG);
    const breadcrumb = page.getByRole("navigation", { name: "地区层级" });
    await expect.poll(() => breadcrumb.textContent(), SETTLE).toContain("贵州省");
    await expect.poll(() => breadcrumb.locator("[aria-current=page]").textContent(), SETTLE).toBe("平庄镇");
    // A town without projects: its charts say so in words rather than drawing empty axes.
    await expect
      .poll(() => page.getByRole("figure", { name: "按项目类别" }).textContent(), SETTLE)
      .toContain("所选范围内暂无数据");
    await shot("town-zh-1920");

    await page.goBack();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
    await page.goForward();
    await breadcrumb.getByRole("link", { name: "岑巩县" }).click();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
    expect(new URL(page.url()).searchParams.get("region")).toBe(CENGONG);
  });

  it("opens the ecological embankment's page with its three phases and history", async () => {
    await rowOf("重点项目（按总投资）", "城北新区生态防洪堤工程").getByRole("link").click();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("城北新区生态防洪堤工程");
    expect(new URL(page.url()).pathname).toBe("/projects/CG-FH-CBSTD");
    const phases = page.getByRole("table", { name: "分期" });
    await expect.poll(() => phases.getByRole("row").count(), SETTLE).toBe(4);
    await expect.poll(() => phases.getByRole("row", { name: /三期/ }).textContent(), SETTLE).toContain(money("51075400"));
    await expect.poll(() => phases.getByRole("row", { name: /三期/ }).textContent(), SETTLE).toContain(money("39800000"));
    // Phases 1–3 by the water bureau: 129,512,500 in all, 63,010,000 done; to the yuan on hover.
    const totals = page.locator(".phase-totals");
    await expect.poll(() => totals.textContent(), SETTLE).toContain(money("129512500"));
    await expect.poll(() => totals.textContent(), SETTLE).toContain(money("63010000"));
    expect(await totals.getByText(money("129512500")).getAttribute("title")).toBe(exactYuan("129512500"));
    await page.getByRole("figure", { name: "进度历程" }).locator("svg.recharts-surface").first().waitFor({ state: "visible" });
    await expect.poll(() => page.getByRole("table", { name: "资金安排" }).getByRole("row").count(), SETTLE).toBe(4);
    // Its admin also sees every recorded change: here, the demo data as it was loaded.
    const changes = page.getByRole("table", { name: "修改记录" });
    await expect.poll(() => changes.getByRole("row").count(), SETTLE).toBeGreaterThan(1);
    await expect.poll(() => changes.textContent(), SETTLE).toContain("演示数据");
    await page.waitForTimeout(1600);
    await shot("project-zh-1920");
  });

  it("switches every label to English, and remembers the choice", async () => {
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("Chengbei ecological flood embankment");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect.poll(() => page.locator(".phase-totals").textContent(), SETTLE).toContain("129.51 million yuan");
    await expectNoChineseLabels();
    await shot("project-en-1920");

    await page.goto(`${server.url}/?region=${CENGONG}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("Cengong County overview");
    await page.waitForFunction(() => document.querySelectorAll(".chart-grid svg.recharts-surface").length >= 4);
    await expect
      .poll(() => page.getByRole("article", { name: "Red Behind schedule" }).textContent(), SETTLE)
      .toContain("2 of 3 phases behind schedule");
    await expectNoChineseLabels();
    await page.waitForTimeout(1600);
    // The English category names do not overlap on their axis (they did under upright bars).
    expect(await overlappingTicks(page.getByRole("figure", { name: "By project category" }))).toEqual([]);
    await shot("overview-en-1920");
    await page.getByRole("button", { name: "中文" }).click();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
  });

  it("keeps the project list's filters in the URL and names a bad amount", async () => {
    await page.goto(`${server.url}/projects?region=${CENGONG}&q=fanghongdi`);
    const table = page.getByRole("table", { name: "项目" });
    await expect.poll(() => table.getByRole("row").count(), SETTLE).toBe(3);
    await expect.poll(() => table.textContent(), SETTLE).toContain("城北新区防洪堤");
    await page.getByLabel("总投资 最小").fill("100000000");
    await expect.poll(() => table.getByRole("row").count(), SETTLE).toBe(2);
    expect(new URL(page.url()).searchParams.get("min")).toBe("100000000");
    await page.reload();
    await expect.poll(() => table.getByRole("row").count(), SETTLE).toBe(2);
    await page.getByLabel("总投资 最小").fill("一亿");
    await expect.poll(() => page.getByRole("alert").textContent(), SETTLE).toContain("“一亿”不是金额");
    await page.getByLabel("总投资 最小").fill("");

    // Typing a search asks the server once it pauses, not once per key.
    const listQueries: string[] = [];
    const countListQueries = (request: import("playwright-core").Request) => {
      if (request.url().endsWith("/graphql") && request.postData()?.includes("ProjectList")) listQueries.push(request.url());
    };
    page.on("request", countListQueries);
    await page.getByLabel("搜索").fill("");
    await page.getByLabel("搜索").pressSequentially("shuiku", { delay: 40 });
    await expect.poll(() => table.getByRole("row").count(), SETTLE).toBe(3);
    page.off("request", countListQueries);
    expect(listQueries.length).toBeLessThanOrEqual(2);
    await page.getByLabel("总投资 最小").fill("一亿");
    await expect.poll(() => page.getByRole("alert").textContent(), SETTLE).toContain("“一亿”不是金额");
  });

  it("shows published figures only on request, saying so, and makes no briefing of them", async () => {
    await page.goto(`${server.url}/projects?region=${CENGONG}`);
    const table = page.getByRole("table", { name: "项目" });
    // 下溪中型水库's figures are derived from the article's; the ecological embankment's are published.
    await expect.poll(() => table.textContent(), SETTLE).toContain("下溪中型水库");
    await page.getByLabel("数据口径").selectOption("published");
    await expect.poll(() => page.getByRole("note").textContent(), SETTLE).toContain("仅显示有公开报道出处的记录");
    await expect.poll(() => table.textContent(), SETTLE).not.toContain("下溪中型水库");
    expect(await table.textContent()).toContain("城北新区生态防洪堤工程");
    expect(new URL(page.url()).searchParams.get("figures")).toBe("published");
    await shot("projects-published");
    await page.goto(`${server.url}/briefing?region=${CENGONG}&figures=published`);
    await expect.poll(() => page.locator(".briefing-page").textContent(), SETTLE).toContain("不按“仅公开报道数”口径制作");
    await page.getByRole("button", { name: "改用全部填报数" }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get("figures"), SETTLE).toBeNull();
    await expect.poll(() => page.getByRole("note").count(), SETTLE).toBe(0);
  });

  it("keeps Jingzhou District from Cengong's admin, and opens it to Jingzhou's analyst", async () => {
    // Cengong's funds end in 2019: the page opens there, not on the empty latest year, and its
    // charts show the year the table shows.
    await page.goto(`${server.url}/funds?region=${CENGONG}`);
    await expect.poll(() => page.getByRole("heading", { name: /资金明细/ }).textContent(), SETTLE).toContain("2019");
    await expect.poll(() => page.getByRole("figure", { name: "2019年按来源：下达与拨付" }).count(), SETTLE).toBe(1);
    await page.goto(`${server.url}/funds?region=421003000000`);
    await expect.poll(() => page.getByRole("alert").textContent(), SETTLE).toContain("荆州区不在您的权限范围内");
    expect(await page.locator("table").count()).toBe(0);
    await signOut(page);
    await signIn(page, "jingzhou.analyst");
    await page.goto(`${server.url}/funds?region=421003000000`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("荆州区资金");
    // The district's bridging funds, 497,000,000 over five years, graded A.
    await expect.poll(() => rowOf("资金明细", /衔接资金/).textContent(), SETTLE).toContain(inWan("497000000"));
    await expect.poll(() => rowOf("资金明细", /衔接资金/).textContent(), SETTLE).toContain("A");
    await shot("funds-zh-1920");
    await page.goto(`${server.url}/indicators?region=421003000000&indicator=RURAL_SEWAGE_COVERAGE`);
    await expect
      .poll(() => page.getByRole("region", { name: "农村生活污水治理覆盖率 · 2023年" }).textContent(), SETTLE)
      .toContain("93.0%");
    await shot("indicators-zh-1920");
  });

  it("loads the query editor only on its own page", async () => {
    await page.goto(`${server.url}/query-lab`);
    await page.locator(".graphiql-container").waitFor({ state: "visible", timeout: 30_000 });
  });

  it("fits a phone: no sideways scrolling on any page, in either language", async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(phone, "cengong.viewer");
    await phone.goto(`${server.url}/?region=${CENGONG}`);
    await phone.waitForFunction(() => document.querySelectorAll(".chart-grid svg.recharts-surface").length >= 4);
    await phone.waitForTimeout(1600);
    await phone.screenshot({ path: join(OUTPUT, "overview-zh-phone.png"), fullPage: true });
    // The attention list comes first on a phone too: its first card starts on the first screen.
    const firstCard = await phone.locator(".attention__card").first().boundingBox();
    expect(firstCard!.y).toBeLessThan(844);
    const overflows: string[] = [];
    for (const language of ["中文", "English"]) {
      if (language === "English") await phone.getByRole("button", { name: "English" }).click();
      for (const path of [
        `/?region=${CENGONG}`,
        `/projects?region=${CENGONG}`,
        "/projects/CG-FH-CBSTD",
        `/funds?region=${CENGONG}`,
        `/indicators?region=${CENGONG}`,
        `/data-entry?region=${CENGONG}`,
        `/community?region=${CENGONG}`,
        `/mediation?region=${CENGONG}`,
        `/consultation?region=${CENGONG}`,
        `/cleaning?region=${CENGONG}`,
        `/dispatch?region=${CENGONG}`,
        `/briefing?region=${CENGONG}`,
        `/?region=${PINGZHUANG}`,
      ]) {
        await phone.goto(`${server.url}${path}`);
        await phone.locator("h1").waitFor();
        await phone.waitForTimeout(800);
        // Against the phone's 390 px, not innerWidth: a mobile browser zooms out to fit a page
        // that is too wide, and innerWidth grows with it (671 px once, and this test passed).
        const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - 390);
        if (overflow > 0) overflows.push(`${language} ${path}: ${overflow} px too wide`);
      }
    }
    await phone.close();
    expect(overflows).toEqual([]);
  });

  it("shows a viewer neither the query lab nor a project's changes", async () => {
    await signOut(page);
    await signIn(page, "cengong.viewer");
    await page.goto(`${server.url}/projects/CG-FH-CBSTD`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("城北新区生态防洪堤工程");
    await expect.poll(() => page.getByRole("table", { name: "分期" }).getByRole("row").count(), SETTLE).toBe(4);
    expect(await page.getByRole("table", { name: "修改记录" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "数据查询" }).count()).toBe(0);
    await page.goto(`${server.url}/query-lab`);
    await expect.poll(() => page.getByRole("alert").textContent(), SETTLE).toContain("仅向分析员和管理员开放");
    await page.goto(`${server.url}/projects/CG-FH-CBSTD-3`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toContain("三期");
    await page
      .getByRole("heading", { name: "进度历程" })
      .or(page.getByRole("figure", { name: "进度历程" }))
      .first()
      .waitFor();
    expect(await page.getByRole("heading", { name: "填报进度" }).count()).toBe(0);
  });

  it("says so when the URL names no region", async () => {
    await page.goto(`${server.url}/?region=999999999999`);
    await expect.poll(() => page.getByRole("alert").textContent(), SETTLE).toContain("999999999999");
    await page.getByRole("link", { name: "返回岑巩县总览" }).click();
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县总览");
  });

  it("lets an editor report a month's progress, naming a wrong figure beside its field", async () => {
    await signOut(page);
    await signIn(page, "cengong.editor");
    // Phase 3 of the ecological embankment: last reported 2020-12 at 39,800,000 yuan and 98%.
    await page.goto(`${server.url}/projects/CG-FH-CBSTD-3`);
    const form = page.getByRole("region", { name: "填报进度" });
    await form.getByLabel("填报期（月）").fill("2021-01");
    await form.getByLabel("累计完成投资（元）").fill("30000000");
    await form.getByRole("button", { name: "提交" }).click();
    await expect
      .poll(() => form.locator("#report-progress-completedInvestment-problem").textContent(), SETTLE)
      .toBe("30000000.00 元低于 2020-12 的累计完成投资 39800000.00 元；如之前填报有误，请填写更正原因");
    await shot("report-progress-zh-1920");
    await form.getByLabel("累计完成投资（元）").fill("40500000");
    await form.getByLabel("形象进度（%）").fill("99");
    await form.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => form.getByRole("status").textContent(), SETTLE).toBe("已保存 2021-01 的进度。");
    // The page shows the new month: the history now ends in January 2021.
    await expect.poll(() => page.locator("main").textContent(), SETTLE).toContain("2021年1月");
    // January again is a correction: it needs a reason, and becomes the report's second version.
    await form.getByLabel("填报期（月）").fill("2021-01");
    await expect.poll(() => form.textContent(), SETTLE).toContain("2021-01 已填报（第 1 版）");
    await form.getByLabel("累计完成投资（元）").fill("40600000");
    await form.getByRole("button", { name: "提交" }).click();
    await expect
      .poll(() => form.locator("#report-progress-correctionReason-problem").textContent(), SETTLE)
      .toBe("请说明原填报数据错在哪里");
    await form.getByLabel("更正原因").fill("监理复核后调整");
    await form.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => form.getByRole("status").textContent(), SETTLE).toBe("已更正 2021-01 的进度（第 2 版）。");
  });

  it("lets an editor check and import a progress file, then submit the month for approval", async () => {
    await page.goto(`${server.url}/data-entry?region=${CENGONG}`);
    const importer = page.getByRole("region", { name: "批量导入" });
    await importer.getByLabel("数据类型").selectOption("progress");
    const file = (line: string) => ({
      name: "进度.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`项目编码,报告期,累计完成投资（元）,形象进度（%）\n${line}\n`),
    });
    // Below January's corrected 40,600,000 without a correction reason: named by row and column.
    await importer.getByLabel("文件").setInputFiles(file("CG-FH-CBSTD-3,2021-02,3000万,99"));
    await importer.getByRole("button", { name: "检查" }).click();
    const problems = importer.getByRole("table", { name: "问题" });
    await expect.poll(() => problems.textContent(), SETTLE).toContain("累计完成投资（元）");
    await expect.poll(() => problems.textContent(), SETTLE).toContain("低于 2021-01 的累计完成投资 40600000.00 元");
    expect(await importer.getByRole("button", { name: "导入" }).isDisabled()).toBe(true);
    await shot("import-problems-zh-1920");
    await importer.getByLabel("文件").setInputFiles(file("CG-FH-CBSTD-3,2021-02,4060万,99.5"));
    await importer.getByRole("button", { name: "检查" }).click();
    await expect.poll(() => importer.getByRole("status").textContent(), SETTLE).toBe("检查通过：1 行可以导入。");
    await importer.getByRole("button", { name: "导入" }).click();
    await expect.poll(() => importer.getByRole("status").textContent(), SETTLE).toBe("已导入 1 行。");

    const approval = page.getByRole("region", { name: "上报与审核" });
    await approval.getByLabel("数据类型").selectOption("PROGRESS");
    await approval.getByLabel("报告期").fill("2021-02");
    await approval.getByRole("button", { name: "上报" }).click();
    const row = approval.getByRole("table", { name: "上报与审核" }).getByRole("row", { name: /2021-02/ });
    await expect.poll(() => row.textContent(), SETTLE).toContain("已上报");
    // Submitted data is locked: the same file cannot go in again, nor a correction of it.
    await importer.getByLabel("文件").setInputFiles(file("CG-FH-CBSTD-3,2021-02,4070万,99.6"));
    await importer.getByRole("button", { name: "检查" }).click();
    await expect.poll(() => problems.textContent(), SETTLE).toContain("已锁定");
  });

  it("lets an editor change a project, pay against an allocation and enter an indicator value", async () => {
    await page.goto(`${server.url}/projects/CG-FH-CBSTD?region=${CENGONG}`);
    const edit = page.getByRole("region", { name: "修改项目信息" });
    await edit.getByLabel("计划完工日期").fill("2026-12-31");
    await edit.getByRole("button", { name: "保存修改" }).click();
    await expect.poll(() => edit.getByRole("status").textContent(), SETTLE).toMatch(/^已保存（第 \d+ 版）。$/);
    // A payment above its allocation is refused beside the amount, naming the figures.
    const payment = page.getByRole("region", { name: "登记拨付" });
    await payment.getByLabel("金额（元）").fill("999999999");
    await payment.getByLabel("拨付日期").fill("2026-05-01");
    await payment.getByRole("button", { name: "登记" }).click();
    await expect.poll(() => payment.locator(".field-problem").first().textContent(), SETTLE).toContain("超过安排的");
    await shot("project-entry-zh-1920");

    await page.goto(`${server.url}/indicators?region=${CENGONG}&indicator=MAJOR_PROJECTS_STARTED`);
    const entry = page.locator("#enter-indicator-value-title").locator("xpath=..");
    await entry.getByLabel("报告期").fill("2026");
    await entry.getByLabel("数值").fill("3");
    await entry.getByRole("button", { name: "提交" }).click();
    await expect.poll(() => entry.getByRole("status").textContent(), SETTLE).toBe("已保存 2026 的数值。");
  });

  it("lets an editor create a project in a town, naming an amount written with 万 beside its field", async () => {
    await page.goto(`${server.url}/projects?region=${CENGONG}`);
    const count = page.locator(".list-count");
    await expect.poll(() => count.textContent(), SETTLE).toMatch(/共 \d+ 个项目/);
    const before = Number(/共 (\d+)/.exec((await count.textContent()) ?? "")?.[1]);
    const form = page.getByRole("region", { name: "新建项目" });
    await form.getByLabel("项目编码", { exact: true }).fill("CG-2026-E2E-01");
    await form.getByLabel("项目名称").fill("平庄镇茶园产业路");
    await form.getByLabel("所属地区").selectOption({ label: "平庄镇" });
    await form.getByLabel("总投资（元）").fill("350万");
    const requestsBefore = failedRequests.length;
    await form.getByRole("button", { name: "新建" }).click();
    await expect.poll(() => form.locator("#create-project-totalInvestment-problem").textContent(), SETTLE).toContain("350万");
    // A value of the wrong type is refused before any rule runs, with HTTP 400: expected here.
    expect(failedRequests.slice(requestsBefore).every((request) => request.startsWith("400 "))).toBe(true);
    failedRequests.splice(requestsBefore);
    await form.getByLabel("总投资（元）").fill("3500000");
    await form.getByRole("button", { name: "新建" }).click();
    await expect.poll(() => form.getByRole("status").textContent(), SETTLE).toBe("已新建项目 CG-2026-E2E-01。");
    // The form waited for the list: it already counts the new project.
    expect(await count.textContent()).toContain(`共 ${before + 1} 个项目`);
    await page.getByLabel("搜索").fill("茶园产业路");
    const table = page.getByRole("table", { name: "项目" });
    await expect.poll(() => table.getByRole("row").count(), SETTLE).toBe(2);
    expect(await table.textContent()).toContain("平庄镇茶园产业路");
    await shot("create-project-zh-1920");
  });

  it("lets an editor register a multi-year fund, naming a split that does not add up beside its field", async () => {
    await page.goto(`${server.url}/funds?region=${CENGONG}&year=2026`);
    const form = page.getByRole("region", { name: "登记资金" });
    await form.getByLabel("资金编码").fill("CG-F-2025-2027-E2E");
    await form.getByLabel("资金名称").fill("2025—2027年县级衔接资金（浏览器测试）");
    await form.getByLabel("起始年度").fill("2025");
    await form.getByLabel(/资金年度/).fill("2027");
    await form.getByLabel("资金规模（元）").fill("3000000");
    await form.getByLabel("分年度金额（元）").fill("1000000；1000000；900000");
    await form.getByRole("button", { name: "登记" }).click();
    await expect
      .poll(() => form.locator("#create-fund-yearAmounts-problem").textContent(), SETTLE)
      .toBe("分年度金额合计 2900000.00 元，与资金总额 3000000.00 元不符");
    await form.getByLabel("分年度金额（元）").fill("1000000；1000000；1000000");
    await form.getByRole("button", { name: "登记" }).click();
    await expect.poll(() => form.getByRole("status").textContent(), SETTLE).toBe("已登记资金 CG-F-2025-2027-E2E。");
    const row = rowOf("资金明细", /2025—2027年县级衔接资金（浏览器测试）/);
    await expect.poll(() => row.textContent(), SETTLE).toContain("2025–2027");
    expect(await row.textContent()).toContain("2025：100.00万元；2026：100.00万元；2027：100.00万元");
    await shot("register-fund-zh-1920");
  });

  it("lets a community secretary claim a need for a member's unit, and the zone's ranking counts it", async () => {
    await signOut(page);
    await signIn(page, "sanwanlu.secretary");
    const inHand = async () => {
      await page.goto(`${server.url}/community?region=${DEVELOPMENT_ZONE}`);
      const row = page
        .locator("table")
        .filter({ hasText: "所在社区" })
        .getByRole("row", { name: /三湾路社区/ });
      await row.waitFor(SETTLE);
      // The "in hand now" column: claimed and not yet done.
      return Number(await row.locator("td").nth(2).textContent());
    };
    const before = await inHand();

    await page.goto(`${server.url}/community?region=${SANWANLU}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("三湾路社区社区服务");
    const needs = page.getByRole("table", { name: "需求清单与微心愿" });
    // The three lists are there: needs (the project list among them), members, their cards.
    await needs.getByRole("row", { name: /暑期孩子无人看管/ }).waitFor(SETTLE);
    expect(await page.getByRole("table", { name: "资源清单：报到党员" }).getByRole("row", { name: /刘洋/ }).count()).toBe(1);
    await needs.getByRole("row", { name: /小区健身器材损坏/ }).click();
    const form = page.getByRole("region", { name: "认领" });
    await form.getByLabel("认领方类型").selectOption("UNIT");
    await form.getByLabel("认领单位").fill("荆州开发区应急服务中心");
    await form.getByRole("button", { name: "认领" }).click();
    // Without the day it will be done by, the API refuses, and says so beside the field.
    await expect.poll(() => form.locator("[id$='-dueOn-problem']").textContent(), SETTLE).toBe("必填");
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel("应办结").fill(due);
    await form.getByRole("button", { name: "认领" }).click();
    await expect
      .poll(() => needs.getByRole("row", { name: /小区健身器材损坏/ }).textContent(), SETTLE)
      .toContain("荆州开发区应急服务中心");
    expect(await needs.getByRole("row", { name: /小区健身器材损坏/ }).textContent()).toContain("已认领");
    await shot("community-zh-1920");

    expect(await inHand()).toBe(before + 1);
    await shot("community-zone-zh-1920");
  });

  it("lets a town's mediator file a dispute in a village and take its first step", async () => {
    await signOut(page);
    await signIn(page, "mashan.mediator");
    await page.goto(`${server.url}/mediation?region=${MASHAN}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("马山镇矛盾纠纷调解");
    const cases = page.getByRole("table", { name: "案件" });
    await cases.getByRole("row", { name: /梨园地界争议/ }).waitFor(SETTLE);
    const form = page.getByRole("region", { name: "受理新案件" });
    await form.getByLabel("发生地（村、社区）").selectOption({ label: "双垱村" });
    await form.getByLabel("申请人姓名", { exact: true }).fill("钱某");
    await form.getByLabel("申请人身份证号", { exact: true }).fill("12345");
    await form.getByLabel("被申请人姓名").fill("冯某");
    await form.getByRole("button", { name: "受理" }).click();
    // Every bad field at once, beside each, in Chinese: the dispute unsaid, the ID number malformed.
    await expect.poll(() => form.locator("[id$='-summary-problem']").textContent(), SETTLE).toBe("必填");
    expect(await form.locator("[id$='-parties.0.idNumber-problem']").textContent()).toContain("不是身份证号");
    await form.getByLabel("纠纷事由").fill("鱼塘排水淹了邻家菜地");
    // The field's name now carries its refusal too: found by its input's name instead.
    await form.locator("input[name='parties.0.idNumber']").fill("");
    await form.getByRole("button", { name: "受理" }).click();
    await cases.getByRole("row", { name: /鱼塘排水淹了邻家菜地/ }).waitFor(SETTLE);
    const file = page.locator(".mediation__file");
    await expect.poll(() => file.textContent(), SETTLE).toContain("双垱村人民调解委员会");
    // The town's mediator is not the village committee: the parties' names are masked.
    expect(await file.textContent()).toContain("钱*");
    await page.getByRole("region", { name: "下一步：预防摸排" }).getByRole("button", { name: "记录" }).click();
    await expect.poll(() => file.locator("ol").textContent(), SETTLE).toContain("预防摸排");
    await page.getByRole("region", { name: "下一步：调查疏导" }).waitFor(SETTLE);
    await shot("mediation-zh-1920");
  });

  it("opens a village-cleaning campaign's ranking and its printable notice, and a community's topics", async () => {
    await signOut(page);
    await signIn(page, "jingzhou.analyst");
    await page.goto(`${server.url}/cleaning?region=${JINGZHOU_DISTRICT}&month=2026-11`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("荆州区村庄清洁行动");
    const ranking = page.getByRole("table", { name: "2026年11月村庄排名" });
    await ranking.getByRole("row", { name: /张新场村/ }).waitFor(SETTLE);
    // Best first, on the red list; the chart beside it draws every village.
    expect(await ranking.getByRole("row").nth(1).textContent()).toContain("红榜");
    await page.locator(".chart-grid svg.recharts-surface").first().waitFor(SETTLE);
    await shot("cleaning-zh-1920");
    await page.getByRole("link", { name: "打开可打印的通报" }).click();
    await expect
      .poll(() => page.locator(".cleaning-notice__title").textContent(), SETTLE)
      .toBe("荆州区2026年村庄清洁行动2026年11月暗访检查情况通报");
    expect(await page.locator(".cleaning-notice").textContent()).toContain("黑榜");
    await page.emulateMedia({ media: "print" });
    await shot("cleaning-notice-print");
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${server.url}/consultation?region=${FENGMING}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("凤鸣社区协商议事");
    // The topic past its deadline heads the list, marked overdue.
    const topics = page.getByRole("table", { name: "议题" });
    await expect.poll(() => topics.getByRole("row").nth(1).textContent(), SETTLE).toContain("老旧小区加装电梯分摊费用");
    expect(await topics.getByRole("row").nth(1).textContent()).toMatch(/逾期 \d+ 天/);
    await shot("consultation-zh-1920");
  });

  it("lets a village's clerk open a monitored household and read its ID numbers in full, the view logged", async () => {
    await signOut(page);
    await signIn(page, "wangxin.clerk");
    await page.goto(`${server.url}/households?region=${WANGXIN}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("网新村防返贫动态监测");
    const list = page.getByRole("table", { name: "监测户" });
    // The lead past its 15 days heads the list.
    await expect.poll(() => list.getByRole("row").nth(1).textContent(), SETTLE).toContain("吴某甲");
    await list.getByRole("row").nth(1).click();
    const file = page.locator(".mediation__file");
    await expect.poll(() => file.textContent(), SETTLE).toContain("429900********");
    await page.getByRole("button", { name: "查看完整个人信息（将记录查看日志）" }).click();
    await expect.poll(() => file.textContent(), SETTLE).toContain("以下为完整信息，本次查看已记录。");
    expect(await file.textContent()).toMatch(/429900\d{11}[\dX]/);
    await page.getByRole("region", { name: "下一步：村级评议" }).waitFor(SETTLE);
    await shot("households-zh-1920");
  });

  it("prints the dispatch meeting's briefing, makes its PDF and follows the meeting's tasks to their file", async () => {
    await signOut(page);
    await signIn(page, "jingzhou.supervisor");
    await page.goto(`${server.url}/briefing?region=${JINGZHOU_DISTRICT}&month=2026-11`);
    await expect.poll(() => page.locator(".briefing__title").textContent(), SETTLE).toBe("荆州区2026年11月调度会简报");
    const briefing = page.locator(".briefing");
    expect(await briefing.textContent()).toContain("解决谢古垸农业灌溉用水问题");
    expect(await briefing.textContent()).toContain("金额单位：元");
    // Printed, the page is the briefing alone: no navigation, no buttons, no lists of one's own.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".revita-layout__nav").isVisible()).toBe(false);
    expect(await page.locator(".briefing-page__actions").isVisible()).toBe(false);
    await shot("briefing-print");
    const printed = await page.pdf({ format: "A4", printBackground: true });
    expect(printed.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });
    // The server's PDF: made with progress, then a link to the file.
    await page.getByRole("button", { name: "生成 PDF" }).click();
    const open = page.getByRole("link", { name: "打开 PDF" });
    await open.waitFor({ timeout: 30_000 });
    expect(await page.locator(".briefing-page__pdf").textContent()).toMatch(/已生成：\d+ 页/);
    const file = await page.request.get(`${server.url}${await open.getAttribute("href")}`);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // Kept in the leader's own list.
    await page.getByRole("table", { name: "我的简报" }).getByRole("row").nth(1).waitFor(SETTLE);
    await shot("briefing-zh-1920");

    await page.goto(`${server.url}/dispatch?region=${JINGZHOU_DISTRICT}`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("荆州区调度督办");
    const tasks = page.getByRole("table", { name: "交办事项清单" });
    await tasks.getByRole("row", { name: /加强渠道巡查/ }).click();
    const taskFile = page.locator(".mediation__file");
    await expect.poll(() => taskFile.textContent(), SETTLE).toContain("逾期");
    expect(await taskFile.textContent()).toContain("已安排网新村、天鹅村干部巡渠");
    // The agenda lists the alerts; the overdue task is among them, red or amber.
    await page
      .getByRole("table", { name: "议程：当前预警" })
      .getByRole("row", { name: /交办事项逾期/ })
      .waitFor(SETTLE);
    await shot("dispatch-zh-1920");
  });

  it("lets a county's admin merge a township on a day, refusing a merger into itself beside its field", async () => {
    await signOut(page);
    await signIn(page, "cengong.admin");
    await page.goto(`${server.url}/regions?region=${CENGONG}&year=2026`);
    await expect.poll(() => page.locator("h1").textContent(), SETTLE).toBe("岑巩县区划沿革");
    const form = page.getByRole("region", { name: "下级地区撤并" });
    await form.getByLabel("地区").selectOption("522626201000");
    await form.getByLabel("并入").selectOption("522626201000");
    await form.getByLabel("生效日期").fill("2026-01-01");
    await form.getByLabel("批复文号或依据").fill("黔府函〔2026〕浏览器测试号");
    await form.getByRole("button", { name: "撤并" }).click();
    await expect.poll(() => form.locator("#merge-region-intoCode-problem").textContent(), SETTLE).toBe("不能并入自身");
    await form.getByLabel("并入").selectOption("522626200000");
    await form.getByRole("button", { name: "撤并" }).click();
    await expect.poll(() => form.getByRole("status").textContent(), SETTLE).toBe("天星乡已并入羊桥土家族乡");
    // The successor's row tells the merger; the merged township is no longer a region below.
    const history = page.getByRole("table", { name: "下级地区与沿革" });
    await expect
      .poll(() => history.getByRole("row", { name: /羊桥土家族乡/ }).textContent(), SETTLE)
      .toContain("2026-01-01 撤并：天星乡并入羊桥土家族乡（依据：黔府函〔2026〕浏览器测试号）");
    expect(await history.getByRole("row", { name: /^天星乡/ }).count()).toBe(0);
    await page.getByRole("combobox", { name: "区划口径" }).selectOption("THEN");
    await page.getByText("各月数据按当月末的区划归属").waitFor(SETTLE);
    await shot("regions-merged-zh-1920");
  });

  it("shows the sign-in page again when the session ends elsewhere", async () => {
    const session = (await page.context().cookies()).find((cookie) => cookie.name === "revita_session");
    expect(session).toBeDefined();
    // Signed out from somewhere else (another tab, an admin disabling the account).
    await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `revita_session=${session!.value}` },
      body: JSON.stringify({ query: "mutation { signOut }" }),
    });
    const before = failedRequests.length;
    await page.getByRole("link", { name: "资金" }).click();
    await page.locator(".sign-in-form").waitFor({ timeout: 15_000 });
    expect(await page.locator("table").count()).toBe(0);
    // The API's 401 for the dead session is what brought the sign-in page back: expected, not a failure.
    expect(failedRequests.slice(before).every((request) => request.startsWith("401 "))).toBe(true);
    failedRequests.splice(before);
  });

  it("met no script error and no failed request on the way", () => {
    expect(pageErrors).toEqual([]);
    expect(failedRequests).toEqual([]);
  });
});

/** Signs a demo user in through the sign-in page, which a page without a session shows at any address. */
async function signIn(on: Page, username: string) {
  await on.goto(`${server.url}/`);
  await on.locator("input[name=username]").fill(username);
  await on.locator("input[name=password]").fill(DEMO_PASSWORD);
  await on.locator(".sign-in-form button[type=submit]").click();
  await on.locator(".account-menu").waitFor({ timeout: 15_000 });
}

async function signOut(on: Page) {
  // Signing out clears the cache, which rejects the queries still in flight (a refetch after the
  // last test's change): let them land first, as a reader's pause would.
  await on.waitForLoadState("networkidle");
  await on.locator(".account-menu summary").click();
  await on.locator(".account-panel button").click();
  await on.locator(".sign-in-form").waitFor({ timeout: 15_000 });
}

/** Headings, navigation, buttons, table headers and field labels: the words the dashboard owns. */
async function expectNoChineseLabels() {
  const labels = await page
    .locator("h1, h2, h3, nav a, button, th, dt, label > span, legend, summary, option")
    .evaluateAll((elements) => elements.map((element) => (element.textContent ?? "").trim()));
  // The switch back to Chinese is the one label that must stay Chinese.
  expect(labels.filter((text) => CJK.test(text) && text !== "中文")).toEqual([]);
}

/** Pairs of axis labels in a chart whose boxes overlap: what a reader cannot read. */
async function overlappingTicks(chart: import("playwright-core").Locator): Promise<string[]> {
  return chart.locator(".recharts-cartesian-axis-tick text").evaluateAll((texts) => {
    const boxes = texts.map((text) => ({ label: text.textContent ?? "", box: text.getBoundingClientRect() }));
    const overlaps: string[] = [];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
        if (!apart) overlaps.push(`${a.label} / ${b.label}`);
      }
    }
    return overlaps;
  });
}
