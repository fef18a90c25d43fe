import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { createContext } from "../context.js";
import { DEMO_PASSWORD, DEMO_USERS } from "../seed/demo/users.js";
import {
  authenticate,
  changePassword,
  createApiToken,
  createUser,
  issueSession,
  LOCKOUT_MINUTES,
  MAX_FAILED_LOGINS,
  signIn,
  signOut,
} from "./accounts.service.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

describe("accounts", () => {
  it("seeds a demo account for every role, each granted on a real region", async () => {
    const users = await db.prisma.user.findMany({ include: { grants: { include: { region: true } } } });
    expect(users.map((user) => user.username).sort()).toEqual(DEMO_USERS.map((user) => user.username).sort());
    const roles = new Set(users.flatMap((user) => user.grants.map((grant) => grant.role)));
    expect([...roles].sort()).toEqual(["ADMIN", "ANALYST", "APPROVER", "EDITOR", "PERSONAL_DATA", "VIEWER"]);
    const clerk = users.find((user) => user.username === "pingzhuang.clerk")!;
    expect(clerk.grants.map((grant) => [grant.role, grant.region.nameZh]).sort()).toEqual([
      ["EDITOR", "平庄镇"],
      ["VIEWER", "岑巩县"],
    ]);
    expect(users.every((user) => user.passwordHash.startsWith("scrypt$"))).toBe(true);
  });

  it("refuse a bad username, weak password, taken name and unknown region, naming each field", async () => {
    await expect(
      createUser(db.prisma, {
        username: "Cengong.Viewer",
        displayName: "",
        password: "short",
        grants: [{ role: "VIEWER", regionCode: "999999999999" }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      issues: expect.arrayContaining([
        expect.objectContaining({ field: "username", message: "cengong.viewer is taken" }),
        expect.objectContaining({ field: "displayName" }),
        expect.objectContaining({ field: "password", message: "must be at least 10 characters" }),
        expect.objectContaining({ field: "grants.0.regionCode", message: "no region has the code 999999999999" }),
      ]),
    });
    await expect(createUser(db.prisma, { username: "a b", displayName: "x", password: "long enough pass" })).rejects.toThrow(
      /username: use 2–64 letters/,
    );
  });
});

describe("signing in", () => {
  it("opens a 12-hour session for the right password, case-insensitive on the username", async () => {
    const now = new Date("2026-11-22T08:00:00Z");
    const { token, session, user } = await signIn(db.prisma, " Cengong.Editor ", DEMO_PASSWORD, { now });
    expect(user.username).toBe("cengong.editor");
    expect(token).toMatch(/^rvt_[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt.toISOString()).toBe("2026-11-22T20:00:00.000Z");
    // Only the token's hash is stored.
    expect(await db.prisma.session.count({ where: { tokenHash: token } })).toBe(0);
    const auth = await authenticate(db.prisma, token, { now });
    expect(auth.user.grants.map((grant) => [grant.role, grant.region.code])).toEqual([["EDITOR", "522626000000"]]);
  });

  it("gives the same answer for an unknown user, a wrong password and a locked account", async () => {
    const refusal = { code: "UNAUTHENTICATED", reason: "WRONG_CREDENTIALS", params: {} };
    await expect(signIn(db.prisma, "nobody", DEMO_PASSWORD)).rejects.toMatchObject(refusal);
    await expect(signIn(db.prisma, "cengong.viewer", "wrong password!")).rejects.toMatchObject(refusal);
    await createUser(db.prisma, { username: "locked.out", displayName: "锁定", password: "open sesame 2026" });
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) await signIn(db.prisma, "locked.out", "x").catch(() => {});
    await expect(signIn(db.prisma, "locked.out", "open sesame 2026")).rejects.toMatchObject(refusal);
  });

  it("counts every one of a burst of parallel guesses, and keeps a right password inside the burst out", async () => {
    const user = await createUser(db.prisma, { username: "burst", displayName: "并发测试", password: "open sesame 2026" });
    const guesses = Array.from({ length: 12 }, (_, i) => (i === 8 ? "open sesame 2026" : `guess number ${i}`));
    const outcomes = await Promise.allSettled(guesses.map((guess) => signIn(db.prisma, "burst", guess)));
    // The lock engages at the fifth wrong guess; the right password comes ninth, after it.
    expect(outcomes.map((outcome) => outcome.status)).toEqual(guesses.map(() => "rejected"));
    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil).not.toBeNull();
  });

  it(`locks an account for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords, even against the right one`, async () => {
    const user = await createUser(db.prisma, { username: "lockme", displayName: "锁定测试", password: "open sesame 2026" });
    const now = new Date("2026-11-22T09:00:00Z");
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) {
      await expect(signIn(db.prisma, "lockme", "guess number x", { now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    await expect(signIn(db.prisma, "lockme", "open sesame 2026", { now })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).toEqual(
      new Date("2026-11-22T09:15:00.000Z"),
    );
    const later = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000 + 1000);
    await expect(signIn(db.prisma, "lockme", "open sesame 2026", { now: later })).resolves.toMatchObject({
      user: { id: user.id },
    });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedLogins).toBe(0);
  });
});

describe("tokens and sessions", () => {
  it("refuse a forged, a signed-out and an expired token, each with its own reason", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "cengong.analyst" } });
    await expect(authenticate(db.prisma, "Bearer abc")).rejects.toThrow("the token is not a Revita token (they start with rvt_)");
    await expect(authenticate(db.prisma, `rvt_${"A".repeat(43)}`)).rejects.toThrow(
      "the token is not valid: sign in again, or create a new token",
    );
    const { token, session } = await issueSession(db.prisma, user.id, "COOKIE");
    await signOut(db.prisma, session.id);
    await expect(authenticate(db.prisma, token)).rejects.toThrow("the session was signed out: sign in again");
    const old = await issueSession(db.prisma, user.id, "BEARER", { now: new Date("2025-01-01T00:00:00Z"), days: 30 });
    await expect(authenticate(db.prisma, old.token)).rejects.toThrow(
      "the session expired at 2025-01-31T00:00:00.000Z: sign in again",
    );
  });

  it("issue scripts' tokens for 1 to 366 days, labelled", async () => {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: "cengong.analyst" } });
    const now = new Date("2026-11-22T00:00:00Z");
    const { token, session } = await createApiToken(db.prisma, user.id, "月报导出脚本", 30, { now });
    expect(session).toMatchObject({ kind: "BEARER", label: "月报导出脚本", expiresAt: new Date("2026-12-22T00:00:00Z") });
    expect((await authenticate(db.prisma, token, { now })).user.id).toBe(user.id);
    await expect(createApiToken(db.prisma, user.id, "", 0)).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ field: "label" }),
        expect.objectContaining({ field: "days", message: "must be a whole number of days from 1 to 366 (got 0)" }),
      ],
    });
  });

  it("change a password only with the current one, and sign out every other session", async () => {
    await createUser(db.prisma, { username: "changer", displayName: "改密测试", password: "first password 1" });
    const here = await signIn(db.prisma, "changer", "first password 1");
    const elsewhere = await signIn(db.prisma, "changer", "first password 1");
    const asChanger = createContext(db.prisma, await authenticate(db.prisma, here.token));
    await expect(
      changePassword(asChanger, here.user.id, here.session.id, "not it at all", "changer again"),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ field: "currentPassword", message: "is not your password" }),
        expect.objectContaining({ field: "newPassword", message: "must not contain the username" }),
      ],
    });
    await changePassword(asChanger, here.user.id, here.session.id, "first password 1", "second password 2");
    await expect(authenticate(db.prisma, here.token)).resolves.toBeTruthy();
    await expect(authenticate(db.prisma, elsewhere.token)).rejects.toThrow("signed out");
    await expect(signIn(db.prisma, "changer", "first password 1")).rejects.toThrow("wrong username or password");
    await expect(signIn(db.prisma, "changer", "second password 2")).resolves.toBeTruthy();
  });
});
