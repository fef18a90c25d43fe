import { buildSchema, graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selected-fields.js";

const schema = buildSchema(`
  type Pillar { name: String entries: [String] count: Int }
  type Query { pillars: [Pillar] }
`);

/** What selectsField said when the query ran: executed, so the info is graphql's own. */
async function asked(query: string): Promise<boolean> {
  let answer: boolean | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      pillars: (_args: unknown, _context: unknown, info: Parameters<typeof selectsField>[0]) => {
        answer = selectsField(info, "entries");
        return [{ name: "a", entries: [], count: 0 }];
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return answer!;
}

describe("selectsField", () => {
  it("finds a field asked directly, through an inline fragment and through a named one", async () => {
    expect(await asked("{ pillars { name entries } }")).toBe(true);
    expect(await asked("{ pillars { name ... on Pillar { entries } } }")).toBe(true);
    expect(await asked("{ pillars { ...P } } fragment P on Pillar { count entries }")).toBe(true);
  });

  it("says no when only other fields are asked, however they are written", async () => {
    expect(await asked("{ pillars { name count } }")).toBe(false);
    expect(await asked("{ pillars { ...P ... on Pillar { name } } } fragment P on Pillar { count }")).toBe(false);
  });

  it("reads every occurrence of the field in the query, not only the first", async () => {
    expect(await asked("{ pillars { count } pillars { entries } }")).toBe(true);
  });
});
