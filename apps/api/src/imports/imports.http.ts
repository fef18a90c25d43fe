import { formatReason } from "@revita/messages";
import express, { type Request, type Response, type Router } from "express";
import { contentDisposition, refusalBody, requestContext, sendRefusal } from "../accounts/request-context.js";
import { fieldIssue, fromDatabaseError, NotFoundError, RevitaError, ValidationError } from "../common/errors.js";
import { localeMiddleware, requestLocale } from "../common/request-locale.js";
import type { Context } from "../context.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { runImport } from "./import.service.js";
import type { ImportProblem } from "./import-kind.js";
import { IMPORT_KINDS, importKind } from "./import-kinds.js";
import { CONTENT_TYPES, type TableFormat, writeTable } from "./table-writer.js";

/** The largest file accepted: a county's 100,000 monthly reports are about 7 MB as CSV. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Files in and out, beside the GraphQL API (files do not fit GraphQL well):
 *
 * - `GET  /api/imports` — the kinds and their columns;
 * - `GET  /api/imports/:kind/template.(csv|xlsx)` — an empty file with the Chinese headers;
 * - `POST /api/imports/:kind[?apply=true]` — the file as the body. Without apply it is a dry run.
 *   The answer streams as NDJSON: `progress` and `problems` lines while it runs, then `result`;
 *   an `Idempotency-Key` header makes a retried upload apply once;
 * - `GET  /api/exports/:kind.(csv|xlsx)?regionCode=…` — the region's records in the same columns.
 *
 * The same credentials as /graphql; uploads must be sent as text/csv, .xlsx or octet-stream,
 * types a browser will not send across sites without asking, so another site cannot post a file
 * with a signed-in clerk's cookie.
 */
export function importsRouter(database: PrismaClient): Router {
  const router = express.Router();

  const contextOf = (request: Request, response: Response) => requestContext(database, request, response);

  router.use(localeMiddleware);

  router.get("/imports", (_request, response) => {
    response.json({
      kinds: IMPORT_KINDS.map((kind) => ({
        name: kind.name,
        titleZh: kind.titleZh,
        columns: kind.columns.map(({ key, header, required, hint, example }) => ({ key, header, required, hint, example })),
      })),
    });
  });

  router.get("/imports/:kind/template.:format", async (request, response) => {
    const kind = importKind(request.params.kind);
    const format = tableFormat(request.params.format);
    if (!kind || !format)
      return sendRefusal(
        response,
        404,
        new NotFoundError("NO_SUCH_TEMPLATE", { name: `${request.params.kind}/template.${request.params.format}` }),
      );
    response.setHeader("Content-Type", CONTENT_TYPES[format]);
    response.setHeader("Content-Disposition", contentDisposition(`${kind.titleZh}导入模板.${format}`));
    await writeTable(kind, format, (async function* () {})(), response, { template: true });
  });

  router.post(
    "/imports/:kind",
    // Who is asking is settled before the body is read: nobody uploads 50 MB to be told to sign in.
    async (request, response, next) => {
      const context = await contextOf(request, response);
      if (context) {
        response.locals.context = context;
        next();
      }
    },
    express.raw({
      type: ["text/csv", CONTENT_TYPES.xlsx, "application/octet-stream", "application/vnd.ms-excel"],
      limit: MAX_IMPORT_BYTES,
    }),
    async (request, response) => {
      const kind = importKind(String(request.params.kind));
      if (!kind) return sendRefusal(response, 404, new NotFoundError("NO_SUCH_IMPORT", { kind: String(request.params.kind) }));
      if (!Buffer.isBuffer(request.body)) {
        return sendRefusal(
          response,
          415,
          new RevitaError("BAD_USER_INPUT", "UPLOAD_TYPE", { type: request.header("content-type") ?? "—" }),
        );
      }
      const context = response.locals.context as Context;
      const apply = request.query.apply === "true";
      response.status(200).setHeader("Content-Type", "application/x-ndjson; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
      const locale = requestLocale();
      const said = (problems: ImportProblem[]) =>
        problems.map((problem) => ({
          ...problem,
          message: formatReason(locale, problem.reason, problem.params, problem.message),
        }));
      try {
        const result = await runImport(context, kind, request.body, {
          apply,
          idempotencyKey: request.header("idempotency-key") ?? null,
          onProgress: (progress) => line({ type: "progress", ...progress }),
          onProblems: (problems) => line({ type: "problems", problems: said(problems) }),
        });
        line({ type: "result", result: { ...result, problems: said(result.problems), notices: said(result.notices) } });
      } catch (error) {
        const known = fromDatabaseError(error);
        if (!known) console.error("import failed", error);
        line({ type: "error", error: refusalBody(known ?? new RevitaError("INTERNAL_SERVER_ERROR", "IMPORT_FAILED", {})) });
      }
      response.end();
    },
  );

  router.get("/exports/:file", async (request, response) => {
    const [name, extension] = splitFile(request.params.file);
    const kind = importKind(name);
    const format = tableFormat(extension);
    if (!kind || !format) return sendRefusal(response, 404, new NotFoundError("NO_SUCH_EXPORT", { name: request.params.file }));
    const context = await contextOf(request, response);
    if (!context) return;
    const regionCode = String(request.query.regionCode ?? "");
    if (!/^\d{12}(\d{3}){0,2}$/.test(regionCode)) {
      return sendRefusal(
        response,
        400,
        new ValidationError([fieldIssue("regionCode", "REGION_CODE_SHAPE", { code: regionCode.slice(0, 40), digits: 12 })]),
      );
    }
    const region = await context.prisma.region.findUnique({
      where: { code: regionCode },
      select: { id: true, path: true, nameZh: true },
    });
    if (!region)
      return sendRefusal(response, 400, new ValidationError([fieldIssue("regionCode", "NO_SUCH_REGION", { code: regionCode })]));
    if (!context.access.covers("read", region.path)) {
      return sendRefusal(response, 403, new RevitaError("FORBIDDEN", "REGION_OUTSIDE_READ", { region: region.nameZh }));
    }
    response.setHeader("Content-Type", CONTENT_TYPES[format]);
    response.setHeader("Content-Disposition", contentDisposition(`${region.nameZh}${kind.titleZh}.${format}`));
    // One transaction for the whole file, so its pages are one consistent picture of the data.
    await context.transaction((tx) => writeTable(kind, format, kind.exportRows(tx, region.id, context.access), response), {
      timeoutMs: 10 * 60_000,
    });
  });

  router.use((error: { type?: string }, _request: Request, response: Response, next: (error: unknown) => void) => {
    if (error?.type === "entity.too.large") {
      return sendRefusal(
        response,
        413,
        new RevitaError("BAD_USER_INPUT", "UPLOAD_TOO_LARGE", { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` }),
      );
    }
    next(error);
  });

  return router;
}

function tableFormat(extension: string | undefined): TableFormat | null {
  return extension === "csv" || extension === "xlsx" ? extension : null;
}

function splitFile(file: string): [string, string | undefined] {
  const dot = file.lastIndexOf(".");
  return dot < 0 ? [file, undefined] : [file.slice(0, dot), file.slice(dot + 1)];
}
