import type { GraphQLRequestListener } from "@apollo/server";
import { describe, expect, it } from "vitest";
import type { Context } from "./context.js";
import { responseCache } from "./response-cache.js";

/** One query through the plugin's hooks as Apollo calls them: looked up, then (when not found) answered and kept. */
async function ask(cache: ReturnType<typeof responseCache>, query: string, answer: unknown, session = 1) {
  const contextValue = { auth: { session: { id: session } }, figures: "all" } as unknown as Context;
  const listener = (await cache.plugin.requestDidStart!({} as never)) as GraphQLRequestListener<Context>;
  const request = {
    contextValue,
    operation: { operation: "query" },
    request: { query, variables: {} },
    response: { http: { status: 200, headers: new Map() }, body: { kind: "single", singleResult: { data: answer } } },
  };
  const found = await listener.responseForOperation!(request as never);
  if (found) return (found.body as { singleResult: { data: unknown } }).singleResult.data;
  await listener.willSendResponse!(request as never);
  return answer;
}

describe("the response cache's bounds", () => {
  it("keeps at most its total length, dropping the least recently used first", async () => {
    const cache = responseCache({ maxEntries: 100, ttlMs: 60_000, maxAnswerLength: 1_000, maxTotalLength: 2_500 });
    const big = (n: number) => ({ text: String(n).repeat(900) });
    await ask(cache, "{ a }", big(1));
    await ask(cache, "{ b }", big(2));
    expect(await ask(cache, "{ a }", "fresh")).toEqual(big(1)); // kept, and now the most recent
    await ask(cache, "{ c }", big(3)); // over 2,500: { b } goes
    expect(await ask(cache, "{ b }", "fresh b")).toBe("fresh b");
    expect(cache.stats().dropped).toBeGreaterThanOrEqual(1);
    // An answer longer than one may be is never kept.
    await ask(cache, "{ d }", { text: "x".repeat(2_000) });
    expect(await ask(cache, "{ d }", "fresh d")).toBe("fresh d");
  });

  it("keeps answers apart by session, and forgets them all on a change", async () => {
    const cache = responseCache();
    await ask(cache, "{ me }", "one", 1);
    expect(await ask(cache, "{ me }", "two", 2)).toBe("two");
    expect(await ask(cache, "{ me }", "x", 1)).toBe("one");
    cache.invalidate();
    expect(await ask(cache, "{ me }", "after", 1)).toBe("after");
  });
});
