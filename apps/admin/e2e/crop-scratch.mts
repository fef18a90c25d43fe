import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [file, out, top = "0", height = "1400", width = "1920", scale = "0.6"] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({
  viewport: { width: Math.round(Number(width) * Number(scale)), height: Math.round(Number(height) * Number(scale)) },
});
const data = readFileSync(file!).toString("base64");
await page.setContent(
  `<body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${data}" style="width:${Number(width) * Number(scale)}px;position:absolute;top:-${Number(top) * Number(scale)}px"></body>`,
);
await page.waitForTimeout(300);
await page.screenshot({ path: out! });
await browser.close();
