import { chromium } from "playwright-core";

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const base = "http://127.0.0.1:4100";
const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
const page = await context.newPage();
const problems = [];
page.on("console", (m) => {
  if (m.type() === "error" || /Content Security/i.test(m.text())) problems.push(m.text().slice(0, 200));
});
page.on("pageerror", (e) => problems.push("pageerror " + e.message.slice(0, 200)));
await page.goto(base + "/");
await page.locator("input[name=username]").fill("cengong.analyst");
await page.locator("input[name=password]").fill("revita-demo-2026");
await page.locator("button[type=submit]").click();
await page.waitForTimeout(3000);
for (const path of [
  "/?region=522626000000",
  "/projects?region=522626000000",
  "/funds?region=522626000000",
  "/indicators?region=522626000000",
  "/query-lab",
  "/graphiql",
]) {
  await page.goto(base + path);
  await page.waitForTimeout(4000);
  console.log(path, "ok");
}
await page.screenshot({ path: "/tmp/shots/graphiql.png" });
await page.goto(base + "/query-lab");
await page.waitForTimeout(4000);
await page.screenshot({ path: "/tmp/shots/querylab.png" });
console.log(problems.join("\n") || "no console errors");
await browser.close();
