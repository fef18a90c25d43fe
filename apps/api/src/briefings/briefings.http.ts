import { createHash } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { contentDisposition, refusalBody, requestContext, sendRefusal } from "../accounts/request-context.js";
import { fieldIssue, fromDatabaseError, NotFoundError, RevitaError, ValidationError } from "../common/errors.js";
import { localeMiddleware, requestLocale } from "../common/request-locale.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { BRIEFING_STEPS, keepBriefing, makeBriefing } from "./briefings.service.js";

/**
 * Briefings as files, beside the GraphQL API:
 *
 * - `POST /api/briefings` with `{ "regionCode", "month", "figures": "approved" | "all" }` as JSON —
 *   makes the briefing and keeps it in the asker's list; the answer streams as NDJSON: a `progress`
 *   line per step (reading the figures, laying out, saving), then `result` with its number and URL
 *   (a JSON body: a browser will not send one across sites without asking, so another site cannot
 *   have a signed-in leader's browser make briefings);
 * - `GET /api/briefings/:number.pdf` — one of the asker's kept briefings;
 * - `GET /api/briefings/briefing.pdf?regionCode=…&month=…[&figures=approved]` — made and sent
 *   at once, not kept (for scripts and links).
 */
export function briefingsRouter(database: PrismaClient): Router {
  const router = express.Router();
  router.use(localeMiddleware);

  const contextOf = (request: Request, response: Response, figures: BriefingFigures) =>
    requestContext(database, request, response, { figures });

  // One briefing at a time per session: a second click while the first is being made is told to
  // wait, rather than queueing seconds of work behind it. Checked on arrival, before anything is
  // read, by the credentials the request carries (hashed), so a burst costs nothing.
  const making = new Set<string>();

  router.post("/briefings", express.json({ limit: "1mb" }), async (request, response) => {
    const credentials = request.header("authorization") ?? request.header("cookie") ?? "";
    const key = createHash("sha256").update(credentials).digest("base64");
    if (credentials && making.has(key)) {
      return sendRefusal(response, 429, new RevitaError("TOO_MANY_ATTEMPTS", "BRIEFING_IN_PROGRESS", {}));
    }
    if (credentials) making.add(key);
    response.on("close", () => making.delete(key));
    const body = (typeof request.body === "object" && request.body ? request.body : {}) as Record<string, unknown>;
    const figures = briefingFigures(body.figures);
    if (figures instanceof RevitaError) return sendRefusal(response, 400, figures);
    const context = await contextOf(request, response, figures);
    if (!context) return;
    response.status(200).setHeader("Content-Type", "application/x-ndjson; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
    try {
      const made = await makeBriefing(
        context,
        { regionCode: String(body.regionCode ?? ""), month: String(body.month ?? "") },
        {
          locale: requestLocale(),
          onStep: (step) => line({ type: "progress", step, done: BRIEFING_STEPS.indexOf(step), of: BRIEFING_STEPS.length }),
        },
      );
      line({ type: "progress", step: "saving", done: 2, of: BRIEFING_STEPS.length });
      const kept = await keepBriefing(context, made, "REQUEST");
      line({
        type: "result",
        briefing: {
          number: kept!.id,
          url: `/api/briefings/${kept!.id}.pdf`,
          pages: made.pages,
          millis: made.millis,
          bytes: made.pdf.length,
        },
      });
    } catch (error) {
      line({ type: "error", error: refusalBody(refusalOf(error)) });
    }
    response.end();
  });

  router.get("/briefings/briefing.pdf", async (request, response) => {
    const figures = briefingFigures(request.query.figures);
    if (figures instanceof RevitaError) return sendRefusal(response, 400, figures);
    const context = await contextOf(request, response, figures);
    if (!context) return;
    try {
      const made = await makeBriefing(
        context,
        { regionCode: String(request.query.regionCode ?? ""), month: String(request.query.month ?? "") },
        { locale: requestLocale() },
      );
      sendPdf(response, made.pdf, `${made.regionNameZh}${made.month}调度会简报.pdf`, made.millis);
    } catch (error) {
      const refusal = refusalOf(error);
      sendRefusal(response, statusOf(refusal), refusal);
    }
  });

  router.get("/briefings/:file", async (request, response) => {
    const match = /^(\d{1,9})\.pdf$/.exec(request.params.file);
    if (!match)
      return sendRefusal(response, 404, new NotFoundError("NO_SUCH_BRIEFING", { id: request.params.file.slice(0, 20) }));
    const context = await contextOf(request, response, "all");
    if (!context) return;
    // The policies show a user their own briefings only; the where says so too.
    const briefing = await context.prisma.briefing.findFirst({
      where: { id: Number(match[1]), userId: context.auth!.user.id },
      include: { region: { select: { nameZh: true } } },
    });
    if (!briefing) return sendRefusal(response, 404, new NotFoundError("NO_SUCH_BRIEFING", { id: match[1]! }));
    sendPdf(response, Buffer.from(briefing.pdf), `${briefing.region.nameZh}${briefing.period}调度会简报.pdf`, briefing.millis);
  });

  return router;
}

function sendPdf(response: Response, pdf: Buffer, fileName: string, millis: number): void {
  response.status(200);
  response.setHeader("Content-Type", "application/pdf");
  response.setHeader("Content-Length", String(pdf.length));
  response.setHeader("Cache-Control", "private, no-store");
  response.setHeader("Server-Timing", `briefing;dur=${millis}`);
  response.setHeader("Content-Disposition", contentDisposition(fileName, "inline"));
  response.end(pdf);
}

type BriefingFigures = "all" | "approved";

/**
 * The figures a briefing counts: all (the default) or approved only. A briefing records which of
 * the two it printed; published-only figures are refused rather than printed under the wrong
 * label, and so is any other word (a typo must not quietly print all figures).
 */
function briefingFigures(value: unknown): BriefingFigures | RevitaError {
  if (value === undefined || value === "" || value === "all") return "all";
  if (value === "approved") return "approved";
  return new ValidationError([fieldIssue("figures", "BRIEFING_FIGURES", { value: String(value).slice(0, 40) })]);
}

function refusalOf(error: unknown): RevitaError {
  if (error instanceof RevitaError) return error;
  const known = fromDatabaseError(error);
  if (known) return known;
  console.error("briefing failed", error);
  return new RevitaError("INTERNAL_SERVER_ERROR", "BRIEFING_FAILED", {});
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };
const statusOf = (error: RevitaError) => STATUS[error.code] ?? 500;
