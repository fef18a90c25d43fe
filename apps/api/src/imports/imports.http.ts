import express, { type Request, type Response, type Router } from "express";
import { GraphQLError } from "graphql";
import { credentialsOf, sessionCookie } from "../accounts/request-credentials.js";
import { fromDatabaseError, type RevitaError } from "../common/errors.js";
import { type Context, createContext } from "../context.js";
import type { DbClient } from "../db/database.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { runImport } from "./import.service.js";
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
export function importsRouter(database: PrismaClient, anonymous: DbClient): Router {
  const router = express.Router();

  const contextOf = async (request: Request, response: Response): Promise<Context | null> => {
    try {
      const auth = await credentialsOf(anonymous, request, sessionCookie(request, response));
      if (auth) return createContext(database, auth);
      fail(response, 401, "UNAUTHENTICATED", "sign in to use Revita");
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      fail(response, 401, "UNAUTHENTICATED", error.message);
    }
    return null;
  };

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
      return fail(response, 404, "NOT_FOUND", `no template ${request.params.kind}/template.${request.params.format}`);
    response.setHeader("Content-Type", CONTENT_TYPES[format]);
    response.setHeader("Content-Disposition", attachment(`${kind.titleZh}导入模板.${format}`));
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
      if (!kind) return fail(response, 404, "NOT_FOUND", `nothing called ${request.params.kind} can be imported`);
      if (!Buffer.isBuffer(request.body)) {
        return fail(
          response,
          415,
          "BAD_USER_INPUT",
          "send the file itself as the body, with Content-Type text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      }
      const context = response.locals.context as Context;
      const apply = request.query.apply === "true";
      response.status(200).setHeader("Content-Type", "application/x-ndjson; charset=utf-8");
      response.setHeader("Cache-Control", "no-store");
      const line = (value: unknown) => response.write(`${JSON.stringify(value)}\n`);
      try {
        const result = await runImport(context, kind, request.body, {
          apply,
          idempotencyKey: request.header("idempotency-key") ?? null,
          onProgress: (progress) => line({ type: "progress", ...progress }),
          onProblems: (problems) => line({ type: "problems", problems }),
        });
        line({ type: "result", result });
      } catch (error) {
        const known = fromDatabaseError(error);
        if (!known) console.error("import failed", error);
        line({
          type: "error",
          error: known
            ? { code: known.code, message: known.message }
            : { code: "INTERNAL_SERVER_ERROR", message: "the import failed; nothing was written" },
        });
      }
      response.end();
    },
  );

  router.get("/exports/:file", async (request, response) => {
    const [name, extension] = splitFile(request.params.file);
    const kind = importKind(name);
    const format = tableFormat(extension);
    if (!kind || !format) return fail(response, 404, "NOT_FOUND", `nothing called ${request.params.file} can be exported`);
    const context = await contextOf(request, response);
    if (!context) return;
    const regionCode = String(request.query.regionCode ?? "");
    const region = await context.prisma.region.findUnique({
      where: { code: regionCode },
      select: { id: true, path: true, nameZh: true },
    });
    if (!region) return fail(response, 400, "BAD_USER_INPUT", `regionCode: no region has the code "${regionCode}"`);
    if (!context.access.covers("read", region.path)) {
      return fail(response, 403, "FORBIDDEN", `${region.nameZh} is outside the regions you may read`);
    }
    response.setHeader("Content-Type", CONTENT_TYPES[format]);
    response.setHeader("Content-Disposition", attachment(`${region.nameZh}${kind.titleZh}.${format}`));
    // One transaction for the whole file, so its pages are one consistent picture of the data.
    await context.transaction((tx) => writeTable(kind, format, kind.exportRows(tx, region.id), response), {
      timeoutMs: 10 * 60_000,
    });
  });

  router.use((error: { type?: string }, _request: Request, response: Response, next: (error: unknown) => void) => {
    if (error?.type === "entity.too.large") {
      return fail(
        response,
        413,
        "BAD_USER_INPUT",
        `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into several files`,
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

/** A download's file name, in Chinese too (RFC 6266's filename*). */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function fail(response: Response, status: number, code: RevitaError["code"], message: string): void {
  response.status(status).json({ error: { code, message } });
}
