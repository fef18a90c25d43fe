import { builder } from "../builder.js";
import { applyChange, requireCapability } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { AuthenticationError } from "../common/errors.js";
import { requestLocale } from "../common/request-locale.js";
import { InputChecker } from "../common/validation.js";
import type { Context } from "../context.js";
import { nextSlot } from "./briefing-schedule.js";

/**
 * A user's briefings (made on request or on their weekly schedule) and their schedules. Both are
 * the user's own: the API asks for the signed-in user's, and the policies allow no other.
 */

const signedInUser = (context: Context) => {
  const user = context.auth?.user;
  if (!user) throw new AuthenticationError("SIGN_IN_REQUIRED", {});
  return user;
};

builder.prismaObject("Briefing", {
  description: "A briefing made for you, kept to download (the latest 50).",
  authScopes: { signedIn: true },
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number." }),
    region: t.relation("region", { description: "The region it covers." }),
    month: t.exposeString("period", { description: "The month it covers (YYYY-MM)." }),
    approvedOnly: t.exposeBoolean("approvedOnly", { description: "True when it counts approved figures only." }),
    scheduled: t.boolean({
      description: "True when your weekly schedule made it; false when you asked for it.",
      select: { origin: true },
      resolve: (briefing) => briefing.origin === "SCHEDULE",
    }),
    madeAt: t.string({
      description: "When it was made (ISO 8601, UTC).",
      select: { madeAt: true },
      resolve: (briefing) => briefing.madeAt.toISOString(),
    }),
    pages: t.exposeInt("pages", { description: "Its pages." }),
    millis: t.exposeInt("millis", { description: "How long making it took, in milliseconds." }),
    url: t.string({
      description: "Where to download it (the same sign-in).",
      select: { id: true },
      resolve: (briefing) => `/api/briefings/${briefing.id}.pdf`,
    }),
  }),
});

builder.prismaObject("BriefingSubscription", {
  description: "Your weekly brief: a region's briefing made every week on a day and hour (China time).",
  authScopes: { signedIn: true },
  fields: (t) => ({
    number: t.exposeInt("id", { description: "Its number." }),
    region: t.relation("region", { description: "The region." }),
    weekday: t.exposeInt("weekday", { description: "1 = Monday … 7 = Sunday." }),
    time: t.string({
      description: "The hour and minute, China time (08:00).",
      select: { minuteOfDay: true },
      resolve: (s) => `${String(Math.floor(s.minuteOfDay / 60)).padStart(2, "0")}:${String(s.minuteOfDay % 60).padStart(2, "0")}`,
    }),
    approvedOnly: t.exposeBoolean("approvedOnly", { description: "Approved figures only." }),
    locale: t.exposeString("locale", {
      description: "The language the briefs are made in (zh-CN or en): the one it was ordered in.",
    }),
    nextRunAt: t.string({
      description: "When the next one is due (ISO 8601, UTC).",
      select: { nextRunAt: true },
      resolve: (s) => s.nextRunAt.toISOString(),
    }),
  }),
});

builder.queryFields((t) => ({
  myBriefings: t.prismaField({
    type: ["Briefing"],
    authScopes: { signedIn: true },
    description: "The briefings made for you, newest first (the latest 50).",
    resolve: (query, _root, _args, context) =>
      context.prisma.briefing.findMany({
        ...query,
        where: { userId: signedInUser(context).id },
        orderBy: [{ madeAt: "desc" }, { id: "desc" }],
        take: 50,
      }),
  }),
  myBriefingSubscriptions: t.prismaField({
    type: ["BriefingSubscription"],
    authScopes: { signedIn: true },
    description: "Your weekly briefs.",
    resolve: (query, _root, _args, context) =>
      context.prisma.briefingSubscription.findMany({
        ...query,
        where: { userId: signedInUser(context).id },
        orderBy: { id: "asc" },
      }),
  }),
}));

/** How many regions' weekly briefs one user may order. */
export const MAX_SUBSCRIPTIONS = 10;

/** "08:00" → 480. */
function minuteOfDay(check: InputChecker, value: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!match) {
    check.fail("time", "TIME_OF_DAY_SHAPE", { value: value.slice(0, 20) });
    return null;
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

builder.mutationFields((t) => ({
  subscribeToBriefing: t.prismaField({
    type: "BriefingSubscription",
    description:
      "Orders a region's briefing every week (e.g. Mondays 08:00 China time), kept in your list of briefings; one schedule per region, a second order for the region replaces its day and hour.",
    args: {
      regionCode: t.arg.string({ required: true, description: "A region you may read." }),
      weekday: t.arg.int({ required: true, description: "1 = Monday … 7 = Sunday." }),
      time: t.arg.string({ required: true, description: "Hour and minute, China time: 08:00." }),
      approvedOnly: t.arg.boolean({ description: "Count approved figures only." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, args, context) => {
      const user = signedInUser(context);
      const { id } = await applyChange(
        context,
        "subscribeToBriefing",
        { input: args, idempotencyKey: args.idempotencyKey },
        async (tx) => {
          const check = new InputChecker();
          const region = await tx.region.findUnique({ where: { code: args.regionCode.trim() } });
          if (!region) check.fail("regionCode", "NO_SUCH_REGION", { code: args.regionCode.trim().slice(0, 40) });
          if (!Number.isInteger(args.weekday) || args.weekday < 1 || args.weekday > 7) {
            check.fail("weekday", "WEEKDAY_RANGE", { value: args.weekday });
          }
          const minute = minuteOfDay(check, args.time);
          // A weekly brief costs a briefing's work every week: a handful per user, not every village.
          if (region) {
            const others = await tx.briefingSubscription.count({ where: { userId: user.id, regionId: { not: region.id } } });
            if (others >= MAX_SUBSCRIPTIONS)
              check.fail("regionCode", "TOO_MANY_ITEMS", { count: others + 1, max: MAX_SUBSCRIPTIONS });
          }
          check.done();
          requireCapability(context, "read", region!.path, { field: "regionCode", what: region!.nameZh });
          const data = {
            weekday: args.weekday,
            minuteOfDay: minute!,
            approvedOnly: args.approvedOnly ?? false,
            // Made in the language the order was placed in.
            locale: requestLocale(),
            nextRunAt: nextSlot(new Date(), args.weekday, minute!),
            leaseUntil: null,
          };
          const saved = await tx.briefingSubscription.upsert({
            where: { userId_regionId: { userId: user.id, regionId: region!.id } },
            create: { userId: user.id, regionId: region!.id, ...data },
            update: data,
          });
          return { id: saved.id };
        },
      );
      return context.prisma.briefingSubscription.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
  cancelBriefingSubscription: t.boolean({
    description: "Stops one of your weekly briefs; true when there was one to stop. The briefs it made stay in your list.",
    args: { number: t.arg.int({ required: true, description: "The schedule's number." }), ...idempotencyKeyArg },
    resolve: async (_root, args, context) => {
      const user = signedInUser(context);
      const { count } = await applyChange(
        context,
        "cancelBriefingSubscription",
        { input: args, idempotencyKey: args.idempotencyKey },
        (tx) => tx.briefingSubscription.deleteMany({ where: { id: args.number, userId: user.id } }),
      );
      return count > 0;
    },
  }),
}));
