import { execFile, execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase, testEngine } from "../../test/test-database.js";
import { nextSlot, runDueBriefings, type ScheduleRun } from "./briefing-schedule.js";

const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const run = promisify(execFile);

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const USERS = ["cengong.viewer", "cengong.analyst", "cengong.admin", "jingzhou.analyst", "jingzhou.supervisor", "zone.viewer"];

/** Every demo user above orders their region's brief for Mondays 08:00, with a slot already due. */
async function dueSubscriptions(): Promise<{ id: number; slot: Date }[]> {
  const slot = new Date(Date.now() - 60_000);
  const made = [];
  for (const username of USERS) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username }, include: { grants: true } });
    const subscription = await db.prisma.briefingSubscription.upsert({
      where: { userId_regionId: { userId: user.id, regionId: user.grants[0]!.regionId } },
      create: { userId: user.id, regionId: user.grants[0]!.regionId, weekday: 1, minuteOfDay: 480, nextRunAt: slot },
      update: { nextRunAt: slot, leaseUntil: null },
    });
    made.push({ id: subscription.id, slot });
  }
  return made;
}

/** Two makers at once: two API processes on PostgreSQL; on the embedded database (one process), two runs in it. */
async function twoMakersAtOnce(): Promise<ScheduleRun[]> {
  if (testEngine() === "embedded") return Promise.all([runDueBriefings(db.prisma), runDueBriefings(db.prisma)]);
  const cli = join(apiRoot, "src/briefings/cli.ts");
  const env = { ...process.env, DATABASE_URL: db.url! };
  const outputs = await Promise.all(
    [1, 2].map(() => run(process.execPath, ["--import", "tsx", cli], { cwd: apiRoot, env, timeout: 240_000 })),
  );
  return outputs.map(({ stdout }) => JSON.parse(stdout.trim().split("\n").at(-1)!) as ScheduleRun);
}

describe("weekly briefs", () => {
  it("are made once per slot with two makers at once, and the schedule moves to the next Monday", async () => {
    const subscriptions = await dueSubscriptions();
    const runs = await twoMakersAtOnce();
    console.log(`weekly briefs (${testEngine()}): ${JSON.stringify(runs)}`);
    expect(runs.reduce((sum, r) => sum + r.made, 0)).toBe(USERS.length);
    expect(runs.reduce((sum, r) => sum + r.failed, 0)).toBe(0);
    for (const { id, slot } of subscriptions) {
      const briefs = await db.prisma.briefing.findMany({ where: { subscriptionId: id } });
      expect(briefs).toHaveLength(1);
      expect(briefs[0]).toMatchObject({ origin: "SCHEDULE", scheduledFor: slot });
      const after = await db.prisma.briefingSubscription.findUniqueOrThrow({ where: { id } });
      expect(after.leaseUntil).toBeNull();
      expect(after.nextRunAt.getTime()).toBe(nextSlot(new Date(), 1, 480).getTime());
    }
    // Nothing is due now: a third run makes nothing.
    expect(await runDueBriefings(db.prisma)).toEqual({ made: 0, skipped: 0, failed: 0 });
  }, 300_000);

  it("pass over a disabled user's slot, and leave a slot another process holds alone until its lease runs out", async () => {
    const [first, second] = await dueSubscriptions();
    const subscription = await db.prisma.briefingSubscription.findUniqueOrThrow({ where: { id: first!.id } });
    await db.prisma.user.update({ where: { id: subscription.userId }, data: { disabled: true } });
    // Another process holds the second one.
    await db.prisma.briefingSubscription.update({
      where: { id: second!.id },
      data: { leaseUntil: new Date(Date.now() + 5 * 60_000) },
    });
    const result = await runDueBriefings(db.prisma);
    expect(result.skipped).toBe(1);
    expect(await db.prisma.briefing.count({ where: { subscriptionId: first!.id, scheduledFor: first!.slot } })).toBe(0);
    expect(await db.prisma.briefing.count({ where: { subscriptionId: second!.id, scheduledFor: second!.slot } })).toBe(0);
    expect(result.made).toBe(USERS.length - 2);
    await db.prisma.user.update({ where: { id: subscription.userId }, data: { disabled: false } });
  }, 300_000);

  it("are made in the language their subscriber ordered them in", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "cengong.analyst" }, include: { grants: true } });
    const subscription = await db.prisma.briefingSubscription.update({
      where: { userId_regionId: { userId: user.id, regionId: user.grants[0]!.regionId } },
      data: { nextRunAt: new Date(Date.now() - 60_000), leaseUntil: null, locale: "en" },
    });
    expect((await runDueBriefings(db.prisma)).made).toBeGreaterThanOrEqual(1);
    const [brief] = await db.prisma.briefing.findMany({
      where: { subscriptionId: subscription.id },
      orderBy: { id: "desc" },
      take: 1,
    });
    const text = execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", "-", "-"], { input: Buffer.from(brief!.pdf) }).toString(
      "utf8",
    );
    expect(text).toContain("Cengong County: dispatch meeting briefing");
  }, 300_000);
});
