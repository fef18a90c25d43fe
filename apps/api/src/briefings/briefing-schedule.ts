import { isoDay } from "../common/china-day.js";
import { RevitaError } from "../common/errors.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { contextForUser, keepBriefing, makeBriefing } from "./briefings.service.js";

/**
 * Weekly briefs (每周简报): a user's standing order for their region's briefing, made on schedule
 * and kept in their list. The schedule lives in the database (briefing_subscription.next_run_at),
 * so it survives restarts, and each slot is made once however many API processes share the
 * database:
 *
 * 1. a process claims one due subscription with `FOR UPDATE SKIP LOCKED` and a lease (another
 *    process skips the row while it is locked, and the leased row until the lease runs out);
 * 2. it makes the brief outside any transaction (seconds, not to be held in one);
 * 3. it keeps the brief under the slot's unique key (subscription, scheduled_for) — a second copy
 *    of a slot, were a lease to run out under a slow machine, is not kept — and moves the
 *    subscription on to its next slot.
 *
 * A process that dies between 1 and 3 leaves the lease to run out; the slot is then made by
 * whoever claims it next. Slots missed while no process ran are made once, not once each.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** China's offset from UTC (no daylight saving): the schedule's clock. */
const CHINA_OFFSET = 8 * 60 * MINUTE;

/** How long a claimed subscription is held by the process making its brief. */
export const LEASE_MINUTES = 10;

/**
 * The first slot strictly after `after`: the weekday (1 = Monday … 7 = Sunday) at the minute of
 * the day, China time.
 */
export function nextSlot(after: Date, weekday: number, minuteOfDay: number): Date {
  const local = after.getTime() + CHINA_OFFSET;
  const midnight = Math.floor(local / DAY) * DAY;
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const todayWeekday = ((Math.floor(local / DAY) + 3) % 7) + 1;
  let days = (weekday - todayWeekday + 7) % 7;
  let slot = midnight + days * DAY + minuteOfDay * MINUTE;
  if (slot <= local) {
    days += 7;
    slot = midnight + days * DAY + minuteOfDay * MINUTE;
  }
  return new Date(slot - CHINA_OFFSET);
}

/** The month a weekly brief covers: the one its slot falls in (China's calendar). */
export function slotMonth(slot: Date): string {
  return isoDay(new Date(slot.getTime() + CHINA_OFFSET)).slice(0, 7);
}

export interface ScheduleRun {
  /** Briefs made and kept. */
  made: number;
  /** Slots passed over: the user disabled or no longer reading the region, or the slot made elsewhere. */
  skipped: number;
  /** Slots that failed; their lease runs out and they are tried again. */
  failed: number;
}

/** Claims one due subscription for this process, or none. */
async function claimDue(database: PrismaClient): Promise<number | null> {
  // Timestamps are stored in UTC without a zone (Prisma's DateTime): compare with UTC's now.
  const [row] = await database.$queryRaw<{ id: number }[]>`
    UPDATE briefing_subscription
       SET lease_until = (now() AT TIME ZONE 'UTC') + make_interval(mins => ${LEASE_MINUTES}::int)
     WHERE id = (SELECT id FROM briefing_subscription
                  WHERE next_run_at <= (now() AT TIME ZONE 'UTC')
                    AND (lease_until IS NULL OR lease_until < (now() AT TIME ZONE 'UTC'))
                  ORDER BY next_run_at, id
                  LIMIT 1
                    FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  return row?.id ?? null;
}

/** Makes every due weekly brief, one subscription at a time, until none is due. */
export async function runDueBriefings(database: PrismaClient, { limit = 100 } = {}): Promise<ScheduleRun> {
  const run: ScheduleRun = { made: 0, skipped: 0, failed: 0 };
  for (let n = 0; n < limit; n++) {
    const id = await claimDue(database);
    if (id === null) break;
    const subscription = await database.briefingSubscription.findUniqueOrThrow({
      where: { id },
      include: { region: { select: { code: true } } },
    });
    const slot = subscription.nextRunAt;
    const advance = () =>
      database.briefingSubscription.updateMany({
        where: { id, nextRunAt: slot },
        data: {
          nextRunAt: nextSlot(new Date(Math.max(Date.now(), slot.getTime())), subscription.weekday, subscription.minuteOfDay),
          leaseUntil: null,
        },
      });
    try {
      const context = await contextForUser(database, subscription.userId, subscription.approvedOnly);
      if (!context) {
        run.skipped++;
        await advance();
        continue;
      }
      const made = await makeBriefing(
        context,
        { regionCode: subscription.region.code, month: slotMonth(slot) },
        { locale: subscription.locale === "en" ? "en" : "zh-CN" },
      );
      const kept = await keepBriefing(context, made, "SCHEDULE", { subscriptionId: id, scheduledFor: slot });
      if (kept) run.made++;
      else run.skipped++;
      await advance();
    } catch (error) {
      // A user who may no longer read the region gets nothing; the schedule goes on.
      if (error instanceof RevitaError && error.code === "FORBIDDEN") {
        run.skipped++;
        await advance();
      } else {
        run.failed++;
        console.error(`weekly brief ${id} (slot ${slot.toISOString()}) failed`, error);
      }
    }
  }
  return run;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/**
 * Looks for due weekly briefs every `intervalMs` in this process (first shortly after start).
 * With PostgreSQL several processes may run one each; see runDueBriefings.
 */
export function startBriefingScheduler(database: PrismaClient, { intervalMs = 60_000 } = {}): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = runDueBriefings(database)
      .then((run) => {
        if (run.made || run.failed) console.log(`weekly briefs: ${run.made} made, ${run.skipped} skipped, ${run.failed} failed`);
      })
      .catch((error: unknown) => console.error("weekly briefs: the schedule could not be read", error))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 5_000));
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
