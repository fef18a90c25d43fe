import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import { isReasonCode, type Locale, type Params } from "@revita/messages";
import express from "express";
import { type GraphQLFormattedError, parse } from "graphql";
import { figuresReadOnlyPlugin } from "./access/figures-read-only.js";
import type { Figures } from "./access/scoped-client.js";
import { forgetSessionsAfterChanges, type RememberedSessions, rememberedSessions } from "./accounts/remembered-sessions.js";
import { credentialsOf, sessionCookie } from "./accounts/request-credentials.js";
import { briefingsRouter } from "./briefings/briefings.http.js";
import { type ErrorCode, fromDatabaseError, RevitaError, ValidationError, variableIssue } from "./common/errors.js";
import { localeMiddleware, requestLocale } from "./common/request-locale.js";
import { type CompiledReads, compiledReads } from "./compiled-reads/compiled-reads.js";
import { type Context, createContext } from "./context.js";
import type { Database } from "./db/database.js";
import { importsRouter } from "./imports/imports.http.js";
import { checkDocumentSize, queryGuardPlugin } from "./query-guard.js";
import { type ResponseCache, responseCache } from "./response-cache.js";
import { schema } from "./schema/index.js";

/** The built dashboard, served from the same origin as the API when present. */
const ADMIN_DIST = resolve(dirname(fileURLToPath(import.meta.url)), "../../admin/dist");

/**
 * Errors reach clients with a stable code and a message meant for them; anything unexpected
 * becomes INTERNAL_SERVER_ERROR without its stack trace or SQL, and is logged here instead.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  return formatErrorIn(requestLocale(), formatted, error);
}

/**
 * Every error as a client reads it: a code, a reason from the shared catalogue with its
 * parameters, and the message (and each issue's) said in `locale`.
 */
export function formatErrorIn(locale: Locale, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  const path = formatted.path ? { path: formatted.path } : {};
  const said = (code: string, refusal: RevitaError) => {
    const { message, issues } = refusal.localized(locale);
    return {
      message,
      ...path,
      extensions: { code, reason: refusal.reason, params: refusal.params, ...(issues.length ? { issues } : {}) },
    };
  };
  const known = fromDatabaseError(original);
  if (known) return said(known.code, known);
  // Pothos refuses bad connection arguments (before with first, ...) with this error.
  if ((original as Error)?.name === "PothosValidationError") {
    return said("BAD_USER_INPUT", new RevitaError("BAD_USER_INPUT", "QUERY_INVALID", { detail: (original as Error).message }));
  }
  const extensions = (original as { extensions?: { code?: unknown; reason?: unknown; params?: Params } })?.extensions;
  const code = typeof extensions?.code === "string" ? extensions.code : formatted.extensions?.code;
  if (typeof code === "string" && EXPECTED_CODES.has(code)) {
    // Refusals made before any resolver (the query guard, credentials) carry their reason.
    if (isReasonCode(extensions?.reason)) {
      return said(code, new RevitaError(code as ErrorCode, extensions.reason, (extensions.params ?? {}) as never));
    }
    // A variable's refusal says where only in the outer message; its cause says just what.
    const issue = code === "BAD_USER_INPUT" ? variableIssue(formatted.message) : undefined;
    if (issue) return said(code, new ValidationError([issue]));
    // graphql-js's own words about the query's text (a field that does not exist, a syntax
    // error): technical, for analysts writing queries, so kept as the detail.
    const detail = (original as Error)?.message ?? formatted.message;
    return said(code, new RevitaError(code as ErrorCode, "QUERY_INVALID", { detail }));
  }
  // graphql-js refuses a subscription only when executing it, without a code.
  if (/not configured to execute subscription/.test((original as Error)?.message ?? "")) {
    return said("BAD_REQUEST", new RevitaError("BAD_REQUEST", "SUBSCRIPTIONS_UNSUPPORTED", {}));
  }
  console.error(original);
  // Prisma refuses a value of the wrong shape for a column (an id that is no number: Region:abc)
  // before sending it: the asker's mistake, said without Prisma's words.
  if ((original as Error)?.name === "PrismaClientValidationError") {
    return said("BAD_USER_INPUT", new RevitaError("BAD_USER_INPUT", "INVALID_VALUE", {}));
  }
  return said("INTERNAL_SERVER_ERROR", new RevitaError("INTERNAL_SERVER_ERROR", "INTERNAL_ERROR", {}));
}

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_ATTEMPTS: 429,
  DATABASE_BUSY: 503,
};

/**
 * The last word on any request that failed outside GraphQL: a body that is not JSON or is too
 * large or in another charset is the client's mistake (4xx, coded, in the asker's language);
 * anything else is logged and answered without a stack trace, a path or a line of source.
 */
function answerFailedRequest(error: unknown, _request: express.Request, response: express.Response, next: express.NextFunction) {
  if (response.headersSent) return next(error);
  const { type, charset } = (error ?? {}) as { type?: string; charset?: string };
  const known = fromDatabaseError(error);
  const refusal: [number, RevitaError] | undefined = known
    ? [HTTP_STATUS[known.code] ?? 400, known]
    : type === "entity.parse.failed"
      ? [400, new RevitaError("BAD_REQUEST", "BAD_JSON", {})]
      : type === "entity.too.large"
        ? [413, new RevitaError("BAD_REQUEST", "REQUEST_TOO_LARGE", { max: "1 MB" })]
        : type === "charset.unsupported" || type === "encoding.unsupported"
          ? [415, new RevitaError("BAD_REQUEST", "UNSUPPORTED_ENCODING", { charset: String(charset ?? "?") })]
          : undefined;
  if (!refusal) console.error(error);
  const [status, said] = refusal ?? [500, new RevitaError("INTERNAL_SERVER_ERROR", "INTERNAL_ERROR", {})];
  const { message } = said.localized(requestLocale());
  response
    .status(status)
    .json({ errors: [{ message, extensions: { code: said.code, reason: said.reason, params: said.params } }] });
}

/**
 * Headers on every page, file and answer: the dashboard runs only its own scripts and styles,
 * talks only to its own origin, cannot be framed by another site (clickjacking), and neither
 * the browser's MIME sniffing nor the Referer leaks anything.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Recharts and the kit draw with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The query editor's Monaco runs its language services in workers.
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

function securityHeaders(_request: express.Request, response: express.Response, next: express.NextFunction): void {
  response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("X-Content-Type-Options", "nosniff");
  response.setHeader("Referrer-Policy", "no-referrer");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  next();
}

/**
 * Refuses, before Apollo validates it, a query whose fragments expand past the limit: validation
 * compares fields pairwise across the expansion, so such a query would hold the event loop for
 * seconds per level of doubling. Parsing is linear and the count is too; a query that does not
 * parse is left for Apollo to refuse with its own error.
 */
function refuseExpandingDocuments(request: express.Request, response: express.Response, next: express.NextFunction): void {
  const problem = expansionProblem(request.body);
  if (problem) response.status(400).json({ errors: [formatErrorIn(requestLocale(), problem.toJSON(), problem)] });
  else next();
}

function expansionProblem(body: unknown): ReturnType<typeof checkDocumentSize> {
  const query = typeof body === "object" && body !== null ? (body as { query?: unknown }).query : undefined;
  if (typeof query !== "string") return undefined;
  // The dashboard sends the same few documents again and again: each is parsed and counted once.
  const hash = createHash("sha256").update(query).digest("base64");
  if (SIZED_DOCUMENTS.has(hash)) return undefined;
  let problem: ReturnType<typeof checkDocumentSize>;
  try {
    problem = checkDocumentSize(parse(query));
  } catch {
    return undefined; // Apollo refuses what does not parse, with its own error
  }
  if (!problem) {
    if (SIZED_DOCUMENTS.size >= 1000) SIZED_DOCUMENTS.clear();
    SIZED_DOCUMENTS.add(hash);
  }
  return problem;
}

/** Hashes of documents already counted and found within the limit. */
const SIZED_DOCUMENTS = new Set<string>();

/** Codes whose messages are written for the client and pass through as they are. */
const EXPECTED_CODES = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "OPERATION_RESOLUTION_FAILURE",
  "GRAPHQL_VALIDATION_FAILED",
  "GRAPHQL_PARSE_FAILED",
  "QUERY_TOO_DEEP",
  "TOO_MANY_ALIASES",
  "PAGE_TOO_LARGE",
  "QUERY_TOO_COSTLY",
  "UNAUTHENTICATED",
  "FORBIDDEN",
]);

/**
 * The error a resolver or plugin threw, beneath the GraphQLErrors that graphql and Apollo wrap
 * around it. Followed structurally rather than with instanceof, which fails whenever two copies
 * of graphql are loaded (its ES and CommonJS builds, as test runners can do).
 */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current && typeof current === "object" && "originalError" in current && current.originalError) {
    current = current.originalError;
  }
  return current;
}

export interface RunningServer {
  url: string;
  server: Server;
  /** The embedded database's kept answers; absent on PostgreSQL or when switched off. */
  responseCache?: ResponseCache;
  /** Sessions remembered between requests (remembered-sessions.ts). */
  sessions: RememberedSessions;
  /** Queries answered by one compiled statement (compiled-reads/); absent when switched off. */
  compiledReads?: CompiledReads;
  stop(): Promise<void>;
}

export interface ServerOptions {
  port?: number;
  host?: string;
  /** Production rules (introspection for analysts and admins only); NODE_ENV=production by default. */
  production?: boolean;
  /**
   * Keep answers to queries until data changes (response-cache.ts): on by default where the
   * database can say when it changed (the embedded one); REVITA_RESPONSE_CACHE=0 switches it off.
   */
  responseCache?: boolean;
  /**
   * Answer the queries that compile with one SQL statement (compiled-reads/): on by default;
   * REVITA_COMPILED_READS=0 switches it off, to compare the two paths.
   */
  compiledReads?: boolean;
}

/**
 * Which figures a request asks for: `X-Revita-Figures: approved` reads only progress and
 * indicator values inside approved periods, `published` only the records an article published;
 * anything else, or nothing, reads all of them.
 */
export function figuresOf(headers: IncomingHttpHeaders): Figures {
  const asked = headers["x-revita-figures"];
  return asked === "approved" || asked === "published" ? asked : "all";
}

export async function startServer(
  db: Database,
  {
    port = 4000,
    host = "127.0.0.1",
    production = process.env.NODE_ENV === "production",
    responseCache: keepAnswers = process.env.REVITA_RESPONSE_CACHE !== "0",
    compiledReads: compileReads = process.env.REVITA_COMPILED_READS !== "0",
  }: ServerOptions = {},
): Promise<RunningServer> {
  const cache = keepAnswers && db.changesArrive === "with-commit" ? responseCache() : undefined;
  const compiled = compileReads ? compiledReads() : undefined;
  const sessions = rememberedSessions();
  const stopListening = await db.listenForChanges(
    () => {
      sessions.forget();
      cache?.invalidate();
    },
    (heard) => sessions.listening(heard),
  );
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // "Did you mean …?" would describe the schema to anyone who guesses at field names.
    hideSchemaDetailsFromClientErrors: production,
    // main.ts owns the signals: Apollo's own handlers re-raise the signal after stopping,
    // which would kill the process before the embedded database is closed and unlocked.
    stopOnTerminationSignals: false,
    // One operation per request: a batch would multiply every limit below.
    allowBatchedHttpRequests: false,
    // Apollo's own landing page loads Apollo Sandbox from a CDN, which these offline machines
    // cannot reach; browsers are sent to the bundled GraphiQL at /graphiql instead.
    // Cache-control hints are not used (answers are private to their asker): Apollo's default plugin
    // for them ran a hook on every resolved field.
    plugins: [
      queryGuardPlugin({ production }),
      figuresReadOnlyPlugin(),
      forgetSessionsAfterChanges(sessions),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...(cache ? [cache.plugin] : []),
      // After the cache: a kept answer is served before anything is compiled.
      ...(compiled ? [compiled.plugin] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable("x-powered-by");
  app.use(securityHeaders);
  app.get("/healthz", (_request, response) => {
    response.json({ status: "ok", database: db.engine });
  });
  app.get("/graphql", (request, response, next) => {
    if (request.accepts(["application/json", "text/html"]) === "text/html" && !request.query.query) {
      response.redirect("/graphiql");
    } else next();
  });
  app.use(localeMiddleware);
  app.use(
    "/graphql",
    express.json({ limit: "1mb" }),
    refuseExpandingDocuments,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const cookie = sessionCookie(req, res);
        return createContext(db.prisma, await credentialsOf(db.prisma, req, cookie, sessions), {
          sessionCookie: cookie,
          figures: figuresOf(req.headers),
          driver: db,
        });
      },
    }),
  );
  app.use("/api", briefingsRouter(db.prisma));
  app.use("/api", importsRouter(db.prisma));
  if (existsSync(ADMIN_DIST)) {
    // The build keeps its source maps for whoever debugs it, not for the public.
    app.get(/\.map$/, (_request, response) => {
      response.status(404).json({ errors: [{ message: "Not found", extensions: { code: "NOT_FOUND" } }] });
    });
    app.use(
      express.static(ADMIN_DIST, {
        index: "index.html",
        // Built assets carry a content hash in their names, so they never change; the pages
        // that name them must be asked for again, or a browser would keep last version's.
        setHeaders: (response, path) =>
          response.setHeader("Cache-Control", path.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable"),
      }),
    );
    // The analysts' query editor: GraphiQL with every asset bundled, so it works offline.
    app.get("/graphiql", (_request, response) =>
      response.sendFile(join(ADMIN_DIST, "graphiql.html"), { headers: { "Cache-Control": "no-cache" } }),
    );
    // Client-side routes: every other GET gets the dashboard's page; a missing asset stays a 404
    // rather than HTML where the browser expected a script.
    app.get(/^(?!\/graphql|\/assets\/|\/api\/).*/, (_request, response) =>
      response.sendFile(join(ADMIN_DIST, "index.html"), { headers: { "Cache-Control": "no-cache" } }),
    );
  }

  app.use(answerFailedRequest);

  const server = createServer(app);
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => done());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://${host}:${actualPort}`,
    server,
    ...(cache ? { responseCache: cache } : {}),
    ...(compiled ? { compiledReads: compiled } : {}),
    sessions,
    async stop() {
      await new Promise<void>((done) => server.close(() => done()));
      await apollo.stop();
      await stopListening();
    },
  };
}
