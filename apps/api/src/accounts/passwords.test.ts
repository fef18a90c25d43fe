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
    expect(passwordProblem("short", "lily")).toEqual({ reason: "PASSWORD_TOO_SHORT", params: { min: 10 } });
    expect(passwordProblem("lily-2026-spring", "lily")).toEqual({ reason: "PASSWORD_CONTAINS_USERNAME" });
    expect(passwordProblem("aaaaaaaaaaaa", "lily")).toEqual({ reason: "PASSWORD_TOO_REPETITIVE" });
    for (const common of ["1234567890", "password123", "qwertyuiop", "iloveyou12"]) {
      expect(passwordProblem(common, "lily"), common).toEqual({ reason: "PASSWORD_TOO_COMMON" });
    }
    expect(passwordProblem("钟楼 river 2026", "lily")).toBeNull();
  });
});
