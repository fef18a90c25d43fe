import { describe, expect, it } from "vitest";
import { useTestServer } from "../../test/test-server.js";

/**
 * Approved or published figures are for reading: a change asked with X-Revita-Figures: approved or
 * published is refused before it runs, in Chinese, rather than made and answered with an error
 * (its new record hidden from the figures the request reads).
 */
const api = useTestServer();
const REPORT = `mutation ($amount: Decimal!) {
  reportProgress(input: { projectCode: "CG-FH-CBFHD", period: "2026-11", completedInvestment: $amount }) { period completedInvestment }
}`;
const reports = () => api.db.prisma.progressReport.count({ where: { project: { code: "CG-FH-CBFHD" } } });

describe("changes while reading approved or published figures only", () => {
  it("are refused by what to switch, nothing written; with all figures the same change is made", async () => {
    const editor = await api.signIn("cengong.editor");
    const before = await reports();
    for (const figures of ["published", "approved"]) {
      const refused = await api.graphql(REPORT, { amount: "13000000" }, { ...editor, "x-revita-figures": figures });
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "FIGURES_READ_ONLY" });
      expect(refused.body.errors?.[0]?.message).toContain("请切换到“全部填报数”后再录入或修改");
      expect(refused.body.errors?.[0]?.extensions?.params).toMatchObject({ figures, operation: "reportProgress" });
      expect(await reports()).toBe(before);
    }
    const made = await api.graphql(REPORT, { amount: "13000000" }, editor);
    expect(made.body.errors).toBeUndefined();
    expect(made.body.data.reportProgress.period).toBe("2026-11");
    expect(Number(made.body.data.reportProgress.completedInvestment)).toBe(13_000_000);
    expect(await reports()).toBe(before + 1);
  });

  it("refuses a change hidden behind an allowed one or a fragment, and lets one sign in and read", async () => {
    const headers = { "x-revita-figures": "published" };
    const signedIn = await api.graphql(
      `mutation { signIn(username: "cengong.viewer", password: "revita-demo-2026") { username } }`,
      {},
      headers,
    );
    expect(signedIn.body.data?.signIn.username).toBe("cengong.viewer");
    const session = { ...headers, cookie: signedIn.setCookie[0]!.split(";")[0]! };
    const read = await api.graphql(`{ projects(regionCode: "522626000000", first: 1) { totalCount } }`, {}, session);
    expect(read.body.errors).toBeUndefined();
    const mixed = await api.graphql(
      `mutation { signOut setUserDisabled(username: "cengong.editor", disabled: true) { username } }`,
      {},
      session,
    );
    expect(mixed.body.errors?.[0]?.extensions?.reason).toBe("FIGURES_READ_ONLY");
    const fragment = await api.graphql(`mutation { ...M } fragment M on Mutation { signOut }`, {}, session);
    expect(fragment.body.errors?.[0]?.extensions?.reason).toBe("FIGURES_READ_ONLY");
    // Not signed out by either.
    expect((await api.graphql(`{ me { username } }`, {}, session)).body.data?.me?.username).toBe("cengong.viewer");
  });
});
