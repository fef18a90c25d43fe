import { describe, expect, it } from "vitest";
import type { Authenticated } from "./accounts.service.js";
import { rememberedSessions } from "./remembered-sessions.js";

const alice = { user: { username: "alice" }, session: { id: 1 } } as unknown as Authenticated;
const bob = { user: { username: "bob" }, session: { id: 2 } } as unknown as Authenticated;

/** A load that answers `found` and counts how often it was asked. */
function countedLoad(found: Authenticated | undefined) {
  const counted = {
    loads: 0,
    load: async () => {
      counted.loads++;
      return found;
    },
  };
  return counted;
}

describe("rememberedSessions", () => {
  it("loads once and answers from memory until forgotten", async () => {
    const sessions = rememberedSessions({ listening: true });
    const alices = countedLoad(alice);
    expect(await sessions.lookup("a", alices.load)).toBe(alice);
    expect(await sessions.lookup("a", alices.load)).toBe(alice);
    expect(alices.loads).toBe(1);
    sessions.forget();
    expect(await sessions.lookup("a", alices.load)).toBe(alice);
    expect(alices.loads).toBe(2);
  });

  it("does not remember what was loaded while a change was being forgotten", async () => {
    const sessions = rememberedSessions({ listening: true });
    let finish!: (found: Authenticated) => void;
    const slow = sessions.lookup("a", () => new Promise<Authenticated>((resolve) => (finish = resolve)));
    sessions.forget();
    finish(alice);
    expect(await slow).toBe(alice);
    expect(await sessions.lookup("a", async () => bob)).toBe(bob);
  });

  it("remembers nothing while changes are not heard, and forgets all when hearing again", async () => {
    const sessions = rememberedSessions();
    const alices = countedLoad(alice);
    await sessions.lookup("a", alices.load);
    await sessions.lookup("a", alices.load);
    expect(alices.loads).toBe(2);
    sessions.listening(true);
    await sessions.lookup("a", alices.load);
    await sessions.lookup("a", alices.load);
    expect(alices.loads).toBe(3);
    sessions.listening(false);
    await sessions.lookup("a", alices.load);
    expect(alices.loads).toBe(4);
  });

  it("asks again after its time, and never remembers a token that found nobody", async () => {
    let clock = 0;
    const sessions = rememberedSessions({ listening: true, ttlMs: 1_000, now: () => clock });
    const alices = countedLoad(alice);
    await sessions.lookup("a", alices.load);
    clock = 999;
    await sessions.lookup("a", alices.load);
    expect(alices.loads).toBe(1);
    clock = 1_000;
    await sessions.lookup("a", alices.load);
    expect(alices.loads).toBe(2);
    const nobody = countedLoad(undefined);
    await sessions.lookup("nobody", nobody.load);
    await sessions.lookup("nobody", nobody.load);
    expect(nobody.loads).toBe(2);
  });
});
