import { briefingLayout } from "@revita/briefing";
import type { Locale } from "@revita/messages";
import type { Authenticated } from "../accounts/accounts.service.js";
import { AuthenticationError } from "../common/errors.js";
import { inLocale } from "../common/request-locale.js";
import { type Context, createContext } from "../context.js";
import type { BriefingOrigin, PrismaClient } from "../generated/prisma/client.js";
import { type BriefingRequest, loadBriefingFigures } from "./briefing-data.js";
import { briefingPdf } from "./briefing-pdf.js";

/** The steps a briefing goes through, for a progress line while it is made. */
export type BriefingStep = "figures" | "drawing" | "saving";
export const BRIEFING_STEPS: readonly BriefingStep[] = ["figures", "drawing", "saving"];

/** How many briefings a user's list keeps: older ones are dropped as new ones arrive. */
export const KEPT_BRIEFINGS = 50;

export interface MadeBriefing {
  pdf: Buffer;
  pages: number;
  /** Milliseconds from asking to the finished file. */
  millis: number;
  regionId: number;
  regionCode: string;
  regionNameZh: string;
  month: string;
}

export interface MakeOptions {
  locale: Locale;
  onStep?: (step: BriefingStep) => void;
  /** When it is made (tests); now by default. */
  now?: Date;
}

/**
 * Makes a region's briefing for a month as the context's user sees it (their regions, all or
 * approved figures as the context reads): the figures through the API's schema, then the PDF.
 */
export async function makeBriefing(context: Context, request: BriefingRequest, options: MakeOptions): Promise<MadeBriefing> {
  const started = performance.now();
  options.onStep?.("figures");
  // Read in the briefing's language: the alerts' sentences come from the API in it.
  const { data, fundYear, indicatorYear } = await inLocale(options.locale, () => loadBriefingFigures(context, request));
  options.onStep?.("drawing");
  const layout = briefingLayout(data, {
    locale: options.locale,
    month: request.month.trim(),
    approvedOnly: context.figures === "approved",
    madeAt: options.now ?? new Date(),
    fundYear,
    indicatorYear,
  });
  const { pdf, pages } = await briefingPdf(layout, options.locale);
  const region = await context.prisma.region.findUniqueOrThrow({
    where: { code: data.region!.code },
    select: { id: true, code: true, nameZh: true },
  });
  return {
    pdf,
    pages,
    millis: Math.round(performance.now() - started),
    regionId: region.id,
    regionCode: region.code,
    regionNameZh: region.nameZh,
    month: request.month.trim(),
  };
}

/**
 * Keeps a made briefing in its user's list (dropping the oldest past KEPT_BRIEFINGS). A
 * scheduled one names its slot: a second copy of the same slot, made by another process, is
 * not kept (the unique slot), and the answer is then null.
 */
export async function keepBriefing(
  context: Context,
  made: MadeBriefing,
  origin: BriefingOrigin,
  slot?: { subscriptionId: number; scheduledFor: Date },
): Promise<{ id: number } | null> {
  const user = context.auth?.user;
  if (!user) throw new AuthenticationError("SIGN_IN_REQUIRED", {});
  return context.transaction(async (tx) => {
    const data = {
      userId: user.id,
      regionId: made.regionId,
      period: made.month,
      approvedOnly: context.figures === "approved",
      origin,
      subscriptionId: slot?.subscriptionId ?? null,
      scheduledFor: slot?.scheduledFor ?? null,
      pdf: new Uint8Array(made.pdf),
      pages: made.pages,
      millis: made.millis,
    };
    let kept: { id: number } | null;
    if (slot) {
      // ON CONFLICT DO NOTHING on the slot: the process that lost the race keeps nothing.
      const { count } = await tx.briefing.createMany({ data: [data], skipDuplicates: true });
      kept = count
        ? await tx.briefing.findFirstOrThrow({
            where: { subscriptionId: slot.subscriptionId, scheduledFor: slot.scheduledFor },
            select: { id: true },
          })
        : null;
    } else kept = await tx.briefing.create({ data, select: { id: true } });
    const old = await tx.briefing.findMany({
      where: { userId: user.id },
      orderBy: [{ madeAt: "desc" }, { id: "desc" }],
      skip: KEPT_BRIEFINGS,
      select: { id: true },
    });
    if (old.length) await tx.briefing.deleteMany({ where: { id: { in: old.map((b) => b.id) } } });
    return kept;
  });
}

/**
 * The context a scheduled brief is made in: its user's grants as they are now (a user who has
 * lost the region, or been disabled, gets nothing), with no session behind it.
 */
export async function contextForUser(database: PrismaClient, userId: number, approvedOnly: boolean): Promise<Context | null> {
  const user = await database.user.findUnique({
    where: { id: userId },
    include: { grants: { include: { region: { select: { id: true, code: true, path: true } } } } },
  });
  if (!user || user.disabled) return null;
  const auth: Authenticated = {
    user: { ...user, grants: user.grants.map((grant) => ({ role: grant.role, region: grant.region })) },
    // A brief on a schedule is made for the user, not in one of their sessions.
    session: {
      id: 0,
      tokenHash: "",
      userId: user.id,
      kind: "BEARER",
      label: "weekly brief",
      createdAt: new Date(),
      expiresAt: new Date(),
      revokedAt: null,
    },
  };
  return createContext(database, auth, { figures: approvedOnly ? "approved" : "all" });
}
