import { chromium } from "playwright-core";

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:4100";
for (const lang of ["zh", "en"]) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(base + "/");
  if (lang === "en") {
    await page.evaluate(() => localStorage.setItem("revita.locale", "en"));
    await page.reload();
  }
  await page.locator("input[name=username]").fill("cengong.admin");
  await page.locator("input[name=password]").fill("revita-demo-2026");
  await page.locator("button[type=submit]").click();
  await page.waitForTimeout(2000);
  await page.goto(base + "/projects/CG-FH-CBSTD-3");
  await page.waitForTimeout(3000);
  await page.locator(".project-changes").screenshot({ path: `/tmp/shots/changes-${lang}.png` });
  const outputs = page.locator("section.panel").filter({ hasText: lang === "en" ? "Source" : "数据来源" });
  await outputs.first().screenshot({ path: `/tmp/shots/outputs-${lang}.png` });
  await context.close();
}
await browser.close();
