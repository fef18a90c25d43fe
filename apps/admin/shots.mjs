import { chromium } from "playwright-core";

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--lang=zh-CN"] });
const base = "http://127.0.0.1:4100";
async function session(user, lang, viewport) {
  const context = await browser.newContext({ viewport, locale: lang === "en" ? "en-US" : "zh-CN" });
  const page = await context.newPage();
  await page.goto(base + "/");
  if (lang === "en") await page.evaluate(() => localStorage.setItem("revita.locale", "en"));
  await page.reload();
  await page.locator("input[name=username]").fill(user);
  await page.locator("input[name=password]").fill("revita-demo-2026");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(2500);
  return page;
}
const sizes = { desk: { width: 1920, height: 1080 }, phone: { width: 390, height: 844 } };
for (const lang of ["zh", "en"]) {
  for (const [name, viewport] of Object.entries(sizes)) {
    const page = await session("cengong.admin", lang, viewport);
    await page.goto(base + "/projects/CG-FH-CBSTD-3");
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `/tmp/shots/project-${lang}-${name}.png`, fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    console.log(lang, name, "project scrollWidth", width);
    await page.context().close();
    const clerk = await session("cengong.editor", lang, viewport);
    const pageE = clerk;
    await pageE.goto(base + "/data-entry?region=522626000000");
    await pageE.waitForTimeout(1500);
    await pageE.locator("input[type=file]").setInputFiles({
      name: "p.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "项目编码,报告期,累计完成投资（元）,形象进度（%）\nCG-FH-CBSTD-3,2019-01,99999万,140\nNOPE,2024/13,abc,\n",
      ),
    });
    await pageE.getByRole("button", { name: lang === "en" ? "Check" : "检查" }).click();
    await pageE.waitForTimeout(2500);
    await pageE.screenshot({ path: `/tmp/shots/import-${lang}-${name}.png`, fullPage: true });
    console.log(lang, name, "import scrollWidth", await pageE.evaluate(() => document.documentElement.scrollWidth));
    await pageE.context().close();
  }
}
await browser.close();
