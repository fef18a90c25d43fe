/**
 * Prints how much JavaScript the landing page loads before it can draw, gzip-compressed as a
 * browser receives it, and fails when that passes the budget. Reads Vite's manifest of the
 * production build (`pnpm build` first): the entry of index.html and its static imports, which
 * the page fetches up front; lazily loaded pages and charts are listed apart.
 *
 *   pnpm --filter @revita/admin size
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = 250;

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const dist = join(import.meta.dirname, "..", "dist");
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, Chunk>;
const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file))).length / 1000;

function staticClosure(key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(imported, seen);
  return seen;
}

const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry && key.endsWith("index.html"));
if (!entryKey) throw new Error("no index.html entry in dist/.vite/manifest.json: run the production build first");
const initial = staticClosure(entryKey);
const initialKb = [...initial].reduce((sum, key) => sum + gzipKb(manifest[key]!.file), 0);

console.log("Landing page (overview), initial JavaScript, gzip:");
for (const key of initial) console.log(`  ${manifest[key]!.file.padEnd(48)} ${gzipKb(manifest[key]!.file).toFixed(1)} kB`);
console.log(`  ${"total".padEnd(48)} ${initialKb.toFixed(1)} kB (budget ${BUDGET_KB} kB)`);

console.log("The dashboard's lazily loaded parts, each with what it needs beyond the initial load, gzip:");
for (const key of Object.keys(manifest)) {
  const chunk = manifest[key]!;
  if (!chunk.src?.startsWith("src/") || !Object.values(manifest).some((c) => c.dynamicImports?.includes(key))) continue;
  const extra = [...staticClosure(key)].filter((k) => !initial.has(k));
  const kb = extra.reduce((sum, k) => sum + gzipKb(manifest[k]!.file), 0);
  console.log(`  ${chunk.src.padEnd(48)} ${kb.toFixed(1)} kB`);
}

if (initialKb > BUDGET_KB) {
  console.error(`The landing page's initial JavaScript is ${initialKb.toFixed(1)} kB gzip, over the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
