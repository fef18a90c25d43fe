import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./browser.js";
import { startRevita } from "./revita-server.js";

/*
 * Pictures of pages as a reader sees them, to look at before calling a screen done: each page
 * at 1920×1080 and on a 390×844 phone, in Chinese and English, signed in as a demo user, on a
 * fresh demo database; each prints how far it is wider than the screen (should be 0).
 *
 *   pnpm --filter @revita/admin screenshots                              the Cengong overview
 *   PAGES="/projects,/funds?region=421003000000" USER_NAME=jingzhou.analyst FULL=1 pnpm ... screenshots
 *
 * Needs a built dashboard (pnpm --filter @revita/admin build); pictures go to e2e/output/screens/.
 */
const pages = (process.env.PAGES ?? "/?region=522626000000").split(",");
const OUT = join(import.meta.dirname, "output", "screens");
mkdirSync(OUT, { recursive: true });
const [server, browser] = await Promise.all([startRevita(), launchChromium()]);
try {
  for (const [w, h, tag] of [
    [1920, 1080, "1920"],
    [390, 844, "phone"],
  ] as const) {
    for (const lang of ["zh", "en"]) {
      const page = await browser.newPage({
        viewport: { width: w, height: h },
        ...(tag === "phone" ? { isMobile: true, hasTouch: true } : {}),
      });
      await page.goto(`${server.url}/`);
      if (lang === "en") await page.evaluate(() => localStorage.setItem("revita.locale", "en"));
      await page.locator("input[name=username]").fill(process.env.USER_NAME ?? "cengong.admin");
      await page.locator("input[name=password]").fill("revita-demo-2026");
      await page.locator(".sign-in-form button[type=submit]").click();
      await page.locator(".account-menu").waitFor({ timeout: 15_000 });
      for (const [i, path] of pages.entries()) {
        await page.goto(`${server.url}${path}`);
        await page.waitForTimeout(3500);
        const overflow = await page.evaluate((width) => document.documentElement.scrollWidth - width, w);
        const file = join(OUT, `p${i}-${lang}-${tag}.png`);
        await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
        console.log(`${file}  ${path}  ${overflow > 0 ? `${overflow} px too wide` : "fits"}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
