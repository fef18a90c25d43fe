import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./passwords.js";

describe("passwords", () => {
  it("are stored salted: the same password hashes differently each time, and both verify", async () => {
    const [first, second] = await Promise.all([hashPassword("岑巩县水务局2026"), hashPassword("岑巩县水务局2026")]);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword("岑巩县水务局2026", first)).toBe(true);
    expect(await verifyPassword("岑巩县水务局2026", second)).toBe(true);
  });

  it("refuse a wrong password and a stored value that is not a hash", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("correct horse battery", "plain-text")).toBe(false);
    expect(await verifyPassword("correct horse battery", stored.replace(/\$[^$]+$/, "$AAAA"))).toBe(false);
  });

  it("must be long, free of the username and not repetitive", () => {
    expect(passwordProblem("short", "lily")).toBe("must be at least 10 characters");
    expect(passwordProblem("lily-2026-spring", "lily")).toBe("must not contain the username");
    expect(passwordProblem("aaaaaaaaaaaa", "lily")).toBe("is too repetitive");
    expect(passwordProblem("钟楼 river 2026", "lily")).toBeNull();
  });
});
