import { isReasonCode, type Params } from "@revita/messages";
import type { Request, Response } from "express";
import { GraphQLError } from "graphql";
import type { Figures } from "../access/scoped-client.js";
import { AuthenticationError, type RevitaError } from "../common/errors.js";
import { requestLocale } from "../common/request-locale.js";
import { type Context, createContext } from "../context.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { credentialsOf, sessionCookie } from "./request-credentials.js";

/**
 * What the file endpoints beside GraphQL (imports, exports, briefings) share: who is asking, and
 * how a refusal is answered — a code, a reason, its parameters and the message in the asker's
 * language, never an internal.
 */

/** A refusal as the file endpoints answer it. */
export function refusalBody(error: RevitaError): Record<string, unknown> {
  const { message, issues } = error.localized(requestLocale());
  return { code: error.code, reason: error.reason, params: error.params, message, ...(issues.length ? { issues } : {}) };
}

export function sendRefusal(response: Response, status: number, error: RevitaError): void {
  response.status(status).json({ error: refusalBody(error) });
}

/** A file's name for the browser, in Chinese too (RFC 6266's filename*). */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  return `${disposition}; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * The signed-in asker's context, with the same credentials as /graphql; or null, having answered
 * 401 with the reason (no credentials, or bad ones).
 */
export async function requestContext(
  database: PrismaClient,
  request: Request,
  response: Response,
  { figures = "all" }: { figures?: Figures } = {},
): Promise<Context | null> {
  try {
    const auth = await credentialsOf(database, request, sessionCookie(request, response));
    if (auth) return createContext(database, auth, { figures });
    sendRefusal(response, 401, new AuthenticationError("SIGN_IN_REQUIRED", {}));
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    // credentialsOf speaks GraphQL; its reason is said here like every other refusal.
    const { reason, params } = error.extensions as { reason?: string; params?: Params };
    sendRefusal(response, 401, new AuthenticationError(isReasonCode(reason) ? reason : "TOKEN_INVALID", (params ?? {}) as never));
  }
  return null;
}
