import { launchChromium } from "./e2e/browser.js";
import { startRevita } from "./e2e/revita-server.js";

const pages = (process.env.PAGES ?? "/?region=522626000000").split(",");
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
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const file = `/tmp/shots/p${i}-${lang}-${tag}.png`;
        await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
        console.log(file, path, "overflow", overflow);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
