import { describe, expect, it } from "vitest";
import { testEngine } from "../test/test-database.js";
import { useTestServer } from "../test/test-server.js";

const api = useTestServer();
const DESCRIPTION = `{ project(code: "CG-FH-CBFHD") { description } }`;
const describeOf = async (headers: Record<string, string>) =>
  (await api.graphql(DESCRIPTION, {}, headers)).body.data.project.description as string;
const setDescription = (text: string) =>
  api.db.prisma.$executeRaw`UPDATE project SET description = ${text} WHERE code = 'CG-FH-CBFHD'`;

/** Answers the embedded database kept so far; on PostgreSQL none are kept, and every answer must be as fresh. */
const hits = () => api.server.responseCache?.stats().hits ?? 0;
const expectHits = (count: number) => expect(hits()).toBe(testEngine() === "embedded" ? count : 0);

describe("answers kept in memory (the embedded database; PostgreSQL keeps none)", () => {
  it("is kept where the database says when data changes", () => {
    expect(api.server.responseCache !== undefined).toBe(testEngine() === "embedded");
  });

  it("answers a repeated query from memory, and from the database again after any committed change", async () => {
    const viewer = await api.signIn("cengong.viewer");
    await setDescription("第一次");
    expect(await describeOf(viewer)).toBe("第一次");
    const before = hits();
    expect(await describeOf(viewer)).toBe("第一次");
    expectHits(before + 1);

    // A change made outside the API (psql, a script) drops the kept answers with its commit.
    await setDescription("第二次");
    expect(await describeOf(viewer)).toBe("第二次");
    // So does a change through the API, and a change that was rolled back does not.
    const editor = await api.signIn("cengong.editor");
    const version = (await api.graphql(`{ project(code: "CG-FH-CBFHD") { version } }`, {}, editor)).body.data.project.version;
    const saved = await api.graphql(
      `mutation ($i: UpdateProjectInput!) { updateProject(input: $i) { description } }`,
      { i: { code: "CG-FH-CBFHD", expectedVersion: version, description: "第三次" } },
      editor,
    );
    expect(saved.body.errors).toBeUndefined();
    expect(await describeOf(viewer)).toBe("第三次");
    const kept = hits();
    await api.db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE project SET description = 'rolled back' WHERE code = 'CG-FH-CBFHD'`;
        throw new Error("undo");
      })
      .catch(() => undefined);
    expect(await describeOf(viewer)).toBe("第三次");
    expectHits(kept + 1);
  });

  it("keeps an answer for the session that asked it, and not past its sign-out", async () => {
    const me = `{ me { username } }`;
    const cengong = await api.signIn("cengong.viewer");
    const jingzhou = await api.signIn("jingzhou.supervisor");
    expect((await api.graphql(me, {}, cengong)).body.data.me.username).toBe("cengong.viewer");
    expect((await api.graphql(me, {}, jingzhou)).body.data.me.username).toBe("jingzhou.supervisor");
    expect((await api.graphql(me, {}, cengong)).body.data.me.username).toBe("cengong.viewer");
    await api.graphql(`mutation { signOut }`, {}, cengong);
    const after = await api.graphql(me, {}, cengong);
    expect(after.body.data?.me ?? null).toBeNull();
  });

  it("answers every full view of personal data from the database, so each one is recorded", async () => {
    const clerk = await api.signIn("wangxin.clerk");
    const list = await api.graphql(
      `{ region(code: "421003104200") { households(first: 1) { edges { node { id } } } } }`,
      {},
      clerk,
    );
    const id = list.body.data.region.households.edges[0].node.id as string;
    const read = `query ($id: ID!) { node(id: $id) { ... on Household { personalData { shownInFull } } } }`;
    const views = () => api.db.prisma.personalDataView.count();
    const before = await views();
    for (let i = 0; i < 3; i++) {
      expect((await api.graphql(read, { id }, clerk)).body.data.node.personalData.shownInFull).toBe(true);
    }
    expect(await views()).toBe(before + 3);
  });
});
