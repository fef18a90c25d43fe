import { describe, expect, it } from "vitest";
import { testEngine } from "../../test/test-database.js";
import { useTestServer } from "../../test/test-server.js";

/**
 * Sessions are remembered between requests (no statement to sign a request in), and forgotten
 * whenever anything changes: at once after a mutation of this server, and on the database's
 * notice for a change made elsewhere (psql, a script, another API process) — on PostgreSQL through
 * a listening connection of the server's own, which is opened again when lost.
 */
const api = useTestServer();
const ME = `{ me { username } }`;

async function until(check: () => Promise<boolean>, what: string, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("remembered sessions", () => {
  it("sign a request in from memory, and refuse a session signed out through this server at once", async () => {
    const viewer = await api.signIn("cengong.viewer");
    expect((await api.graphql(ME, {}, viewer)).body.data.me.username).toBe("cengong.viewer");
    const before = api.server.sessions.stats();
    expect((await api.graphql(ME, {}, viewer)).body.data.me.username).toBe("cengong.viewer");
    expect(api.server.sessions.stats().hits).toBe(before.hits + 1);

    expect((await api.graphql(`mutation { signOut }`, {}, viewer)).body.errors).toBeUndefined();
    const refused = await api.graphql(ME, {}, viewer);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.extensions?.reason).toBe("SESSION_SIGNED_OUT");
  });

  it("refuse a session revoked in the database directly, also after the listening connection was lost", async () => {
    const user = await api.db.prisma.user.findUniqueOrThrow({ where: { username: "cengong.viewer" } });
    const revokeDirectly = () =>
      api.db.prisma.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    const rememberedFor = async (session: Record<string, string>) => {
      await api.graphql(ME, {}, session);
      const hits = api.server.sessions.stats().hits;
      expect((await api.graphql(ME, {}, session)).body.data.me.username).toBe("cengong.viewer");
      return api.server.sessions.stats().hits > hits;
    };
    const refusedSoon = (session: Record<string, string>) =>
      until(async () => (await api.graphql(ME, {}, session)).status === 401, "the revoked session refused");

    // Another process's change: heard through the database's notice.
    const first = await api.signIn("cengong.viewer");
    expect(await rememberedFor(first)).toBe(true);
    await revokeDirectly();
    await refusedSoon(first);
    expect((await api.graphql(ME, {}, first)).body.errors?.[0]?.extensions?.reason).toBe("SESSION_SIGNED_OUT");

    // The same after the listening connection ended, as a restarted server or a network ends it.
    const second = await api.signIn("cengong.viewer");
    expect(await rememberedFor(second)).toBe(true);
    if (testEngine() === "postgres") {
      const ended = await api.db.prisma.$queryRaw<{ ended: boolean }[]>`
        SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
         WHERE datname = current_database() AND query ILIKE 'LISTEN revita_change%'`;
      expect(ended.length).toBe(1);
    }
    await revokeDirectly();
    await refusedSoon(second);

    // Remembered again once changes are heard again (on PostgreSQL: the connection reopened).
    const third = await api.signIn("cengong.viewer");
    await until(() => rememberedFor(third), "the session remembered again");
  });
});
