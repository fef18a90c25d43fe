import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database.js";
import { acquireEmbeddedLock, EmbeddedDatabaseInUseError, lockPathFor } from "./embedded-lock.js";
import { applyMigrations } from "./migrations.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "revita-embedded-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database's lock", () => {
  it("keeps a second opener out while another process holds the directory, naming that process", async () => {
    const other = spawn("sleep", ["30"]);
    try {
      const dataDir = join(dir, "pglite");
      writeFileSync(lockPathFor(dataDir), String(other.pid));
      expect(() => acquireEmbeddedLock(dataDir)).toThrow(EmbeddedDatabaseInUseError);
      expect(() => acquireEmbeddedLock(dataDir)).toThrow(new RegExp(`already open in process ${other.pid}`));
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that has died", async () => {
    const dataDir = join(dir, "pglite");
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    writeFileSync(lockPathFor(dataDir), String(dead.pid));
    const lock = acquireEmbeddedLock(dataDir);
    expect(readFileSync(lock.path, "utf8")).toMatch(new RegExp(`^${process.pid} `));
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it("takes over a lock whose pid is reused: by itself after a restart (process 1 in a container), or by another program", async () => {
    const dataDir = join(dir, "pglite");
    // The server crashed as pid N and came back as pid N: same pid, another start.
    writeFileSync(lockPathFor(dataDir), `${process.pid} 00000000-0000-0000-0000-000000000000/1`);
    const lock = acquireEmbeddedLock(dataDir);
    lock.release();
    const other = spawn("sleep", ["30"]);
    try {
      // A live process, but not the one that wrote the lock.
      writeFileSync(lockPathFor(dataDir), `${other.pid} 00000000-0000-0000-0000-000000000000/1`);
      acquireEmbeddedLock(dataDir).release();
      // The lock it wrote itself, with its own start time, still keeps others out.
      const held = acquireEmbeddedLock(dataDir);
      expect(() => acquireEmbeddedLock(dataDir)).toThrow(EmbeddedDatabaseInUseError);
      held.release();
    } finally {
      other.kill();
    }
  });

  it("leaves exactly one of two processes started at once on a stale lock running", async () => {
    const script = fileURLToPath(new URL("../../test/take-embedded-lock.ts", import.meta.url));
    const dead = spawn("true");
    await new Promise((resolve) => dead.on("exit", resolve));
    for (let round = 0; round < 5; round++) {
      const dataDir = join(dir, `race-${round}`);
      writeFileSync(lockPathFor(dataDir), String(dead.pid));
      const startAt = Date.now() + 1500;
      const run = () =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, ["--import", "tsx", script, dataDir, String(startAt)], {
            stdio: ["ignore", "pipe", "inherit"],
          });
          let out = "";
          child.stdout.on("data", (chunk) => {
            out += chunk;
          });
          child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
        });
      const outcomes = await Promise.all([run(), run()]);
      expect(outcomes.sort()).toEqual(["held", "refused"]);
      expect(existsSync(lockPathFor(dataDir))).toBe(false);
    }
  }, 60_000);
});

describe("an embedded database on disk", () => {
  it("refuses a second open, keeps its data across a close and reopen, and frees its lock", async () => {
    const dataDir = join(dir, "nested", "pglite");
    const first = await openDatabase({ engine: "embedded", dataDir });
    await applyMigrations(first.adapterFactory);
    await first.prisma.region.create({
      data: { code: "520000000000", level: "PROVINCE", kind: "PROVINCE", nameZh: "贵州省", nameEn: "Guizhou" },
    });
    await expect(openDatabase({ engine: "embedded", dataDir })).rejects.toThrow(EmbeddedDatabaseInUseError);
    await first.close();
    expect(existsSync(lockPathFor(dataDir))).toBe(false);

    const second = await openDatabase({ engine: "embedded", dataDir });
    try {
      expect(await applyMigrations(second.adapterFactory)).toEqual([]);
      expect(await second.prisma.region.count()).toBe(1);
    } finally {
      await second.close();
    }
  });
});
