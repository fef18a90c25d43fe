import type { IncomingMessage, ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import { AuthenticationError } from "../common/errors.js";
import type { SessionCookie } from "../context.js";
import type { DbClient } from "../db/database.js";
import { type Authenticated, authenticate } from "./accounts.service.js";
import type { RememberedSessions } from "./remembered-sessions.js";

export const SESSION_COOKIE = "revita_session";

/** The value of one cookie from a request's Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      // A mangled cookie is not a session: it is refused like a wrong token, and cleared.
      return "rvt_mangled";
    }
  }
  return undefined;
}

/**
 * The dashboard's session cookie: HTTP-only (scripts in the page cannot read it), SameSite=Lax
 * (other sites cannot send it with a POST), Secure whenever the request came over HTTPS (directly
 * or through a proxy that says so).
 */
export function sessionCookie(request: IncomingMessage, response: ServerResponse): SessionCookie {
  const secure =
    (request.socket as { encrypted?: boolean }).encrypted === true || request.headers["x-forwarded-proto"] === "https";
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  return {
    set: (token, expiresAt) =>
      response.appendHeader(
        "Set-Cookie",
        [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, `Expires=${expiresAt.toUTCString()}`, ...attributes].join("; "),
      ),
    clear: () =>
      response.appendHeader(
        "Set-Cookie",
        [`${SESSION_COOKIE}=`, "Expires=Thu, 01 Jan 1970 00:00:00 GMT", ...attributes].join("; "),
      ),
  };
}

/**
 * Who is asking: a bearer token (analysts' scripts) or the session cookie (the dashboard), or
 * nobody. Credentials that are present but wrong are refused with HTTP 401 and a message saying
 * what is wrong, never silently treated as anonymous; a bad cookie is also cleared, so the
 * dashboard's next request goes through and it can offer to sign in again.
 */
export async function credentialsOf(
  db: DbClient,
  request: IncomingMessage,
  cookie: SessionCookie,
  remembered?: RememberedSessions,
): Promise<Authenticated | null> {
  const authorization = request.headers.authorization;
  const fromCookie = readCookie(request.headers.cookie, SESSION_COOKIE);
  try {
    if (authorization) {
      const [scheme, token] = authorization.split(" ");
      if (scheme?.toLowerCase() !== "bearer" || !token) {
        throw new AuthenticationError("BAD_AUTHORIZATION_HEADER", {});
      }
      return await authenticate(db, token, { remembered });
    }
    return fromCookie ? await authenticate(db, fromCookie, { remembered }) : null;
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    if (!authorization && fromCookie) cookie.clear();
    throw new GraphQLError(error.message, {
      extensions: { code: "UNAUTHENTICATED", reason: error.reason, params: error.params, http: { status: 401 } },
    });
  }
}
