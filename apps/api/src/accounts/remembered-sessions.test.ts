import { describe, expect, it } from "vitest";
import type { Authenticated } from "./accounts.service.js";
import { rememberedSessions } from "./remembered-sessions.js";

const alice = { user: { username: "alice" }, session: { id: 1 } } as unknown as Authenticated;
const bob = { user: { username: "bob" }, session: { id: 2 } } as unknown as Authenticated;

describe("rememberedSessions", () => {
  it("loads once and answers from memory until forgotten", async () => {
    const sessions = rememberedSessions({ listening: true });
    let loads = 0;
    const load = async () => {
      loads++;
      return alice;
    };
    expect(await sessions.lookup("a", load)).toBe(alice);
    expect(await sessions.lookup("a", load)).toBe(alice);
    expect(loads).toBe(1);
    sessions.forget();
    expect(await sessions.lookup("a", load)).toBe(alice);
    expect(loads).toBe(2);
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
    let loads = 0;
    const load = async () => {
      loads++;
      return alice;
    };
    await sessions.lookup("a", load);
    await sessions.lookup("a", load);
    expect(loads).toBe(2);
    sessions.listening(true);
    await sessions.lookup("a", load);
    await sessions.lookup("a", load);
    expect(loads).toBe(3);
    sessions.listening(false);
    await sessions.lookup("a", load);
    expect(loads).toBe(4);
  });

  it("asks again after its time, and never remembers a token that found nobody", async () => {
    let clock = 0;
    const sessions = rememberedSessions({ listening: true, ttlMs: 1_000, now: () => clock });
    let loads = 0;
    const load = async () => {
      loads++;
      return alice;
    };
    await sessions.lookup("a", load);
    clock = 999;
    await sessions.lookup("a", load);
    expect(loads).toBe(1);
    clock = 1_000;
    await sessions.lookup("a", load);
    expect(loads).toBe(2);
    let misses = 0;
    const nobody = async () => {
      misses++;
      return undefined;
    };
    await sessions.lookup("nobody", nobody);
    await sessions.lookup("nobody", nobody);
    expect(misses).toBe(2);
  });
});
