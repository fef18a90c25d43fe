import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGraphql } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { DEMO_PASSWORD } from "../seed/demo/users.js";
import { type Authenticated, authenticate, signIn } from "./accounts.service.js";

let db: TestDatabase;
let admin: Authenticated;
let editor: Authenticated;
beforeAll(async () => {
  db = await openTestDatabase("demo");
  const as = async (username: string) => authenticate(db.prisma, (await signIn(db.prisma, username, DEMO_PASSWORD)).token);
  admin = await as("cengong.admin");
  editor = await as("cengong.editor");
});
afterAll(async () => {
  await db?.close();
});

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { username grants { role region { code } } } }`;
const newClerk = (regionCode: string) => ({
  input: {
    username: "tianma.clerk",
    displayName: "天马镇 填报员",
    password: "tianma clerk 2026",
    grants: [{ role: "EDITOR", regionCode }],
  },
});

describe("an admin managing accounts", () => {
  it("creates users only with roles in the regions they administer, and says which grant is outside", async () => {
    await expect(runGraphql(db.prisma, CREATE, newClerk("421003000000"), { as: admin })).rejects.toThrow(
      "421003000000 is outside the regions you administer",
    );
    await expect(runGraphql(db.prisma, CREATE, newClerk("522626000000"), { as: editor })).rejects.toThrow(
      "outside the regions you administer",
    );
    expect(await db.prisma.user.count({ where: { username: "tianma.clerk" } })).toBe(0);
    const created = await runGraphql<{ createUser: unknown }>(db.prisma, CREATE, newClerk("522626107000"), { as: admin });
    expect(created.createUser).toEqual({
      username: "tianma.clerk",
      grants: [{ role: "EDITOR", region: { code: "522626107000" } }],
    });
    const audited = await db.prisma.auditEntry.findFirst({
      where: { tableName: "app_user", action: "INSERT" },
      orderBy: { id: "desc" },
    });
    expect(audited?.actor).toBe("user:cengong.admin");
  });

  it("grants and revokes roles within their regions only", async () => {
    const grant = `mutation($region: String!) { grantRole(username: "tianma.clerk", role: VIEWER, regionCode: $region) { grants { role region { code } } } }`;
    await expect(runGraphql(db.prisma, grant, { region: "421003000000" }, { as: admin })).rejects.toThrow(
      "outside the regions you administer",
    );
    const granted = await runGraphql<{ grantRole: { grants: unknown[] } }>(
      db.prisma,
      grant,
      { region: "522626000000" },
      { as: admin },
    );
    expect(granted.grantRole.grants).toContainEqual({ role: "VIEWER", region: { code: "522626000000" } });
    await runGraphql(
      db.prisma,
      `mutation { revokeRole(username: "tianma.clerk", role: VIEWER, regionCode: "522626000000") { username } }`,
      {},
      { as: admin },
    );
    const users = await runGraphql<{ users: { username: string }[] }>(
      db.prisma,
      `{ users(regionCode: "522626107000") { username } }`,
      {},
      {
        as: admin,
      },
    );
    expect(users.users.map((user) => user.username)).toEqual(["pingzhuang.clerk", "tianma.clerk"]);
    // Jingzhou's analyst is not Cengong's admin's to manage.
    await expect(
      runGraphql(
        db.prisma,
        `mutation { setUserDisabled(username: "jingzhou.analyst", disabled: true) { username } }`,
        {},
        { as: admin },
      ),
    ).rejects.toThrow("jingzhou.analyst holds roles outside the regions you administer");
  });

  it("cannot reach a user who works elsewhere by first granting them a role here", async () => {
    const grantToJingzhouAnalyst = `mutation { grantRole(username: "jingzhou.analyst", role: VIEWER, regionCode: "522626000000") { username } }`;
    await expect(runGraphql(db.prisma, grantToJingzhouAnalyst, {}, { as: admin })).rejects.toThrow(
      "jingzhou.analyst holds roles outside the regions you administer",
    );
    const analyst = await db.prisma.user.findUniqueOrThrow({
      where: { username: "jingzhou.analyst" },
      include: { grants: true },
    });
    expect(analyst.grants).toHaveLength(1);
    for (const mutation of [
      `mutation { setUserDisabled(username: "jingzhou.analyst", disabled: true) { username } }`,
      `mutation { unlockUser(username: "jingzhou.analyst") { username } }`,
      `mutation { revokeRole(username: "jingzhou.analyst", role: ANALYST, regionCode: "522626000000") { username } }`,
    ]) {
      await expect(runGraphql(db.prisma, mutation, {}, { as: admin })).rejects.toThrow();
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "jingzhou.analyst" } })).disabled).toBe(false);
  });

  it("unlocks a locked account, and disables one at once, sessions included", async () => {
    for (let attempt = 0; attempt < 5; attempt++) await signIn(db.prisma, "tianma.clerk", "wrong password!").catch(() => {});
    await expect(signIn(db.prisma, "tianma.clerk", "tianma clerk 2026")).rejects.toThrow("wrong username or password");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { username: "tianma.clerk" } })).lockedUntil).not.toBeNull();
    const unlocked = await runGraphql<{ unlockUser: { locked: boolean } }>(
      db.prisma,
      `mutation { unlockUser(username: "tianma.clerk") { locked } }`,
      {},
      { as: admin },
    );
    expect(unlocked.unlockUser.locked).toBe(false);
    const { token } = await signIn(db.prisma, "tianma.clerk", "tianma clerk 2026");

    await runGraphql(
      db.prisma,
      `mutation { setUserDisabled(username: "tianma.clerk", disabled: true) { disabled } }`,
      {},
      { as: admin },
    );
    await expect(authenticate(db.prisma, token)).rejects.toThrow("signed out");
    await expect(signIn(db.prisma, "tianma.clerk", "tianma clerk 2026")).rejects.toThrow("wrong username or password");
  });

  it("applies a retried account change once, and refuses its key for another change", async () => {
    const create = `mutation($input: CreateUserInput!, $key: String) { createUser(input: $input, idempotencyKey: $key) { username displayName } }`;
    const clerk = {
      username: "kelou.clerk",
      displayName: "客楼镇 填报员",
      password: "kelou clerk 2026",
      grants: [{ role: "EDITOR", regionCode: "522626107000" }],
    };
    const key = "create-kelou-clerk-1";
    const first = await runGraphql<{ createUser: { username: string } }>(db.prisma, create, { input: clerk, key }, { as: admin });
    // The answer was lost on the line; the dashboard sends the same request again.
    const retry = await runGraphql<{ createUser: { username: string } }>(db.prisma, create, { input: clerk, key }, { as: admin });
    expect(retry).toEqual(first);
    expect(await db.prisma.user.count({ where: { username: "kelou.clerk" } })).toBe(1);
    await expect(
      runGraphql(db.prisma, create, { input: { ...clerk, username: "kelou.clerk2" }, key }, { as: admin }),
    ).rejects.toThrow("already used for a different request");
    // What is kept of the request to recognise a retry holds no password.
    const kept = await db.prisma.idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(JSON.stringify(kept)).not.toContain(clerk.password);

    const grant = `mutation($key: String) { grantRole(username: "kelou.clerk", role: VIEWER, regionCode: "522626000000", idempotencyKey: $key) { grants { role } } }`;
    await runGraphql(db.prisma, grant, { key: "grant-kelou-viewer-1" }, { as: admin });
    await runGraphql(db.prisma, grant, { key: "grant-kelou-viewer-1" }, { as: admin });
    expect(await db.prisma.roleGrant.count({ where: { user: { username: "kelou.clerk" } } })).toBe(2);
  });
});
