import type { ApolloServerPlugin } from "@apollo/server";
import type { Context } from "../context.js";
import type { Authenticated } from "./accounts.service.js";

/**
 * Sessions with their users and grants, remembered by token hash between requests, so that a
 * request signs in without a statement. Every request used to look its session up first: on
 * PostgreSQL one statement of every request's five or six (bench:peer), on the embedded database
 * a statement queued behind any long import.
 *
 * Only sound while something says when any of that may have changed: the server forgets them all
 * on every change notice from the database (the change_notify migration, whichever process wrote),
 * at once after each of its own mutations (a sign-out or a disabled account must not wait for the
 * notice to come back), and stops remembering while it cannot hear the notices (`listening(false)`:
 * PostgreSQL's listening connection lost). What is checked about a session — revoked, expired, its
 * account disabled — is checked again on every request from what is remembered.
 */
export interface RememberedSessions {
  /**
   * The session of this token hash: remembered, or loaded by `load` and remembered unless
   * anything was forgotten while it loaded (the load may have read what the change replaced).
   */
  lookup(tokenHash: string, load: () => Promise<Authenticated | undefined>): Promise<Authenticated | undefined>;
  /** Forgets every session: data changed, or this process changed some. */
  forget(): void;
  /** Whether changes are heard now; while not, nothing is remembered or returned. */
  listening(heard: boolean): void;
  /** For tests and benchmarks. */
  stats(): { hits: number; misses: number; size: number };
}

export interface RememberedSessionsOptions {
  /** Kept at most this long: bounds a notice lost without the connection saying so. */
  ttlMs?: number;
  maxEntries?: number;
  /** Whether changes are heard from the start (the embedded database: yes). */
  listening?: boolean;
  now?: () => number;
}

export function rememberedSessions({
  ttlMs = 60_000,
  maxEntries = 10_000,
  listening = false,
  now = Date.now,
}: RememberedSessionsOptions = {}): RememberedSessions {
  const entries = new Map<string, { found: Authenticated; at: number }>();
  let heard = listening;
  /** Raised by every forgetting, so that a load begun before it is not remembered after it. */
  let generation = 0;
  const counts = { hits: 0, misses: 0 };
  const forget = () => {
    generation++;
    entries.clear();
  };
  return {
    async lookup(tokenHash, load) {
      const entry = heard ? entries.get(tokenHash) : undefined;
      if (entry && now() - entry.at < ttlMs) {
        counts.hits++;
        return entry.found;
      }
      if (entry) entries.delete(tokenHash);
      counts.misses++;
      const loadedIn = generation;
      const found = await load();
      if (found && heard && loadedIn === generation) {
        if (entries.size >= maxEntries) entries.clear();
        entries.set(tokenHash, { found, at: now() });
      }
      return found;
    },
    forget,
    listening(isHeard) {
      heard = isHeard;
      // What was remembered before a gap may have changed during it.
      forget();
    },
    stats: () => ({ ...counts, size: entries.size }),
  };
}

/**
 * Forgets the remembered sessions once a mutation or a write of this process is done, before its
 * answer leaves: the next request of a user who just signed out (or was disabled, or lost a role)
 * is refused without waiting for the database's notice. Every mutation, not only the accounts':
 * cheaper than knowing which change touches a session, and changes are rare beside reads.
 */
export function forgetSessionsAfterChanges(sessions: RememberedSessions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === "mutation" || contextValue.wrote) sessions.forget();
        },
      };
    },
  };
}
