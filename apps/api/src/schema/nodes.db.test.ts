import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provinceViewer } from "../../test/run-graphql.js";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { createContext } from "../context.js";
import { schema } from "./index.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

const run = async (source: string, variableValues: Record<string, unknown>) =>
  graphql({ schema, source, variableValues, contextValue: createContext(db.prisma, await provinceViewer(db.prisma)) });

const globalId = (type: string, id: number | string) => Buffer.from(`${type}:${id}`).toString("base64");

describe("node and nodes by global id", () => {
  it("answers null for each id it cannot return and keeps the others, as Relay expects", async () => {
    const project = await db.prisma.project.findFirstOrThrow({ where: { code: "CG-FH-CBSTD" } });
    const result = await run(
      `query($ids: [ID!]!) { provinces { code } nodes(ids: $ids) { __typename id ... on Project { code } } }`,
      {
        ids: [globalId("Project", project.id), globalId("Project", 99_999_999), "bm90IGFuIGlk", globalId("Project", project.id)],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.provinces).not.toHaveLength(0);
    expect(result.data?.nodes).toEqual([
      { __typename: "Project", id: globalId("Project", project.id), code: "CG-FH-CBSTD" },
      null,
      null,
      { __typename: "Project", id: globalId("Project", project.id), code: "CG-FH-CBSTD" },
    ]);
  });

  it("answers null for a missing record asked for alone, whose loader then throws rather than batching", async () => {
    const result = await run(`query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, {
      ids: [globalId("CommunityNeed", 99_999_999)],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([null]);
  });

  it("answers null for a node that does not exist, with no error about changing a record", async () => {
    const result = await run(`query($id: ID!) { node(id: $id) { id } }`, { id: globalId("Project", 99_999_999) });
    expect(result.data?.node).toBeNull();
    expect(JSON.stringify(result.errors ?? [])).not.toMatch(/to change/);
  });
});
