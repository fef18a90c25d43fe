import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import { chinaToday } from "./common/china-day.js";
import { requestLocale } from "./common/request-locale.js";
import type { Context } from "./context.js";

/**
 * Answers to queries kept in memory until any data changes, for the embedded database.
 *
 * The embedded database runs inside the API's own thread and answers one statement at a time, so
 * twenty people opening the same county's overview queue behind each other's identical reads
 * (bench:load: about 60 % of the busy time is PGlite itself). An answer is kept for the session
 * that asked, its language, its figures (all or approved) and China's day, and dropped the moment
 * anything is committed to any table (the change_notify migration's notices, which PGlite hands
 * over with the commit itself), after `ttlMs`, or when the cache is full. Each request is still
 * signed in as usual before its answer is looked up, so a signed-out or disabled session gets no
 * kept answer. The sessions themselves are remembered (remembered-sessions.ts), so an answer kept in memory
 * needs no statement at all — it is served even while a long import holds the one connection.
 *
 * Not kept: mutations; answers with errors; and any answer during which data changed or the
 * request wrote (a full view of personal data is itself recorded, and must be recorded every time).
 * At most 500 answers and 64 million characters in all, the least recently used dropped first.
 */
export interface ResponseCacheOptions {
  maxEntries: number;
  /** Kept at most this long even when nothing changes: bounds what only time changes. */
  ttlMs: number;
  /** Answers longer than this (JSON characters) are not kept. */
  maxAnswerLength: number;
  /** All kept answers together at most this long (JSON characters): the least recently used go first. */
  maxTotalLength: number;
}

export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = {
  maxEntries: 500,
  ttlMs: 60_000,
  maxAnswerLength: 2_000_000,
  // So that one session asking large answers again and again holds at most this much memory.
  maxTotalLength: 64_000_000,
};

interface Entry {
  result: Record<string, unknown>;
  keptAt: number;
  length: number;
}

export interface ResponseCache {
  plugin: ApolloServerPlugin<Context>;
  /** Counts since the start, for benchmarks and tests. */
  stats(): { hits: number; misses: number; kept: number; dropped: number };
  /** Called on every committed change. */
  invalidate(): void;
}

export function responseCache(options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE): ResponseCache {
  // Map keeps insertion order: a hit is moved to the end, so the first key is the least recently used.
  const entries = new Map<string, Entry>();
  let totalLength = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    totalLength -= entry.length;
    counts.dropped++;
  };
  let version = 0;
  const counts = { hits: 0, misses: 0, kept: 0, dropped: 0 };

  const keyOf = (context: Context, query: string, operationName: string | undefined, variables: unknown) =>
    createHash("sha256")
      .update(
        JSON.stringify([
          context.auth?.session.id ?? null,
          context.figures,
          requestLocale(),
          chinaToday().toISOString().slice(0, 10),
          operationName ?? null,
          variables ?? {},
          query,
        ]),
      )
      .digest("base64url");

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const startedAt = version;
      let key: string | undefined;
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          if (request.operation.operation !== "query" || request.request.query === undefined) return null;
          key = keyOf(request.contextValue, request.request.query, request.request.operationName, request.request.variables);
          const entry = entries.get(key);
          if (entry && Date.now() - entry.keptAt < options.ttlMs) {
            counts.hits++;
            entries.delete(key);
            entries.set(key, entry);
            request.contextValue.cached = true;
            return { http: request.response.http, body: { kind: "single", singleResult: entry.result } };
          }
          if (entry) drop(key);
          counts.misses++;
          return null;
        },
        async willSendResponse(request) {
          const context = request.contextValue;
          if (!key || context.cached || context.wrote || version !== startedAt) return;
          const { body } = request.response;
          if (body.kind !== "single" || body.singleResult.errors?.length || !body.singleResult.data) return;
          if ((request.response.http.status ?? 200) !== 200) return;
          const result = { data: body.singleResult.data } as Record<string, unknown>;
          const length = JSON.stringify(result).length;
          if (length > options.maxAnswerLength) return;
          drop(key);
          entries.set(key, { result, keptAt: Date.now(), length });
          totalLength += length;
          counts.kept++;
          while (entries.size > options.maxEntries || totalLength > options.maxTotalLength) {
            drop(entries.keys().next().value!);
          }
        },
      };
    },
  };

  return {
    plugin,
    stats: () => ({ ...counts }),
    invalidate() {
      version++;
      counts.dropped += entries.size;
      entries.clear();
      totalLength = 0;
    },
  };
}
