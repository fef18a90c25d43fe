import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../../test/test-database.js";
import { signIn } from "../../accounts/accounts.service.js";
import { addMissingDemoUsers } from "./load-demo.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./users.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

describe("a demo database made before there were accounts", () => {
  it("gets the demo users on start, once, so that someone can sign in", async () => {
    await db.prisma.roleGrant.deleteMany();
    await db.prisma.session.deleteMany();
    await db.prisma.user.deleteMany();
    expect(await addMissingDemoUsers(db.prisma)).toBe(true);
    expect(await db.prisma.user.count()).toBe(DEMO_USERS.length);
    await expect(signIn(db.prisma, "cengong.admin", DEMO_PASSWORD)).resolves.toBeTruthy();
    // Users exist now: a second start leaves them as they are.
    expect(await addMissingDemoUsers(db.prisma)).toBe(false);
    expect(await db.prisma.user.count()).toBe(DEMO_USERS.length);
  });

  it("are not added to a database without the demo regions", async () => {
    const blank = await openTestDatabase("empty");
    try {
      expect(await addMissingDemoUsers(blank.prisma)).toBe(false);
      expect(await blank.prisma.user.count()).toBe(0);
    } finally {
      await blank.close();
    }
  });
});
