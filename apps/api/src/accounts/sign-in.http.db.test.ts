import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";
import { DEMO_PASSWORD } from "../seed/demo/users.js";
import { issueSession } from "./accounts.service.js";

const testServer = useTestServer();
const post = testServer.graphql;

const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { username displayName } }`;
const ME = `{ me { username grants { role region { code nameZh } } } }`;

describe("signing in over HTTP", () => {
  it("sets an HTTP-only session cookie that the next request is known by", async () => {
    const signedIn = await post(SIGN_IN, { u: "pingzhuang.clerk", p: DEMO_PASSWORD });
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data.signIn).toEqual({ username: "pingzhuang.clerk", displayName: "平庄镇 填报员" });
    const [cookie] = signedIn.setCookie;
    expect(cookie).toMatch(/^revita_session=rvt_[A-Za-z0-9_-]+; Expires=.+; Path=\/; HttpOnly; SameSite=Lax$/);
    const session = cookie!.split(";")[0]!;

    const me = await post(ME, {}, { cookie: session });
    expect(me.body.data.me.username).toBe("pingzhuang.clerk");
    expect(me.body.data.me.grants).toEqual([
      { role: "VIEWER", region: { code: "522626000000", nameZh: "岑巩县" } },
      { role: "EDITOR", region: { code: "522626107000", nameZh: "平庄镇" } },
    ]);

    const out = await post(`mutation { signOut }`, {}, { cookie: session });
    expect(out.body.data.signOut).toBe(true);
    expect(out.setCookie[0]).toMatch(/^revita_session=; Expires=Thu, 01 Jan 1970/);
    const after = await post(ME, {}, { cookie: session });
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0]).toMatchObject({
      message: "该会话已退出：请重新登录",
      extensions: { code: "UNAUTHENTICATED", reason: "SESSION_SIGNED_OUT" },
    });
  });

  it("answers anonymous requests as before, with me null", async () => {
    const anonymous = await post(ME);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.data.me).toBeNull();
  });

  it("refuses bad credentials, forged and expired tokens with 401 and a reason, and returns no data", async () => {
    const wrong = await post(SIGN_IN, { u: "cengong.viewer", p: "not the password" });
    expect(wrong.body).toMatchObject({
      data: null,
      errors: [
        {
          message: "用户名或密码错误（连续输错 5 次，账号将锁定 15 分钟）",
          extensions: { code: "UNAUTHENTICATED", reason: "WRONG_CREDENTIALS" },
        },
      ],
    });
    expect(wrong.setCookie).toEqual([]);

    const query = `{ region(code: "522626000000") { nameZh } }`;
    const forged = await post(query, {}, { authorization: `Bearer rvt_${"x".repeat(43)}` });
    expect(forged.status).toBe(401);
    expect(forged.body).toEqual({
      errors: [
        {
          message: "令牌无效：请重新登录，或新建令牌",
          extensions: { code: "UNAUTHENTICATED", reason: "TOKEN_INVALID", params: {} },
        },
      ],
    });
    // A script that asks for English is refused in English, with the same reason.
    const english = { "accept-language": "en-US,en;q=0.9" };
    const malformed = await post(query, {}, { authorization: "Basic dXNlcjpwYXNz", ...english });
    expect(malformed.body.errors?.[0]?.message).toBe("the Authorization header must be: Bearer <token>");

    const user = await testServer.db.prisma.user.findUniqueOrThrow({ where: { username: "cengong.analyst" } });
    const expired = await issueSession(testServer.db.prisma, user.id, "COOKIE", { now: new Date("2025-06-01T00:00:00Z") });
    const stale = await post(query, {}, { cookie: `revita_session=${expired.token}`, ...english });
    expect(stale.status).toBe(401);
    expect(stale.body.errors?.[0]?.message).toBe("the session expired at 2025-06-01T12:00:00.000Z: sign in again");
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      reason: "SESSION_EXPIRED",
      params: { at: "2025-06-01T12:00:00.000Z" },
    });
    expect(stale.body.data).toBeUndefined();
    // The dead cookie is cleared, so the dashboard's next request goes through.
    expect(stale.setCookie[0]).toMatch(/^revita_session=; Expires=Thu, 01 Jan 1970/);
  });

  it("lets a script use a bearer token it created, until it is signed out", async () => {
    const signedIn = await post(SIGN_IN, { u: "cengong.analyst", p: DEMO_PASSWORD });
    const cookie = signedIn.setCookie[0]!.split(";")[0]!;
    const created = await post(
      `mutation { createApiToken(label: "月报导出", days: 7) { token label expiresAt } }`,
      {},
      { cookie },
    );
    const { token, label } = created.body.data.createApiToken;
    expect(label).toBe("月报导出");
    const bearer = { authorization: `Bearer ${token}` };
    expect((await post(ME, {}, bearer)).body.data.me.username).toBe("cengong.analyst");
    await post(`mutation { signOut }`, {}, bearer);
    expect((await post(ME, {}, bearer)).status).toBe(401);
    // The dashboard's own session is untouched.
    expect((await post(ME, {}, { cookie })).body.data.me.username).toBe("cengong.analyst");
  });

  it("asks anonymous callers to sign in before reading anything, signing out or making tokens", async () => {
    for (const operation of [
      `mutation { createApiToken(label: "x") { token } }`,
      `mutation { signOut }`,
      `{ provinces { code } }`,
      `{ projects(regionCode: "522626000000") { totalCount } }`,
    ]) {
      const { body } = await post(operation);
      expect(body.errors?.[0]).toMatchObject({
        message: "请先登录",
        extensions: { code: "UNAUTHENTICATED", reason: "SIGN_IN_REQUIRED" },
      });
      expect(body.data ?? null).toBeNull();
    }
  });
});
