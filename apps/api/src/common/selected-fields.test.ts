import { buildSchema, graphql } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selected-fields.js";

const schema = buildSchema(`
  type Pillar { name: String entries: [Entry] count: Int }
  type Entry { code: String standing: String }
  type Query { pillars: [Pillar] }
`);

/** What selectsField said when the query ran: executed, so the info is graphql's own. */
async function asked(query: string, path: string[] = ["entries"]): Promise<boolean> {
  let answer: boolean | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      pillars: (_args: unknown, _context: unknown, info: Parameters<typeof selectsField>[0]) => {
        answer = selectsField(info, path);
        return [{ name: "a", entries: [{ code: "x", standing: "y" }], count: 0 }];
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return answer!;
}

describe("selectsField", () => {
  it("finds a field asked directly, through an inline fragment and through a named one", async () => {
    expect(await asked("{ pillars { name entries { code } } }")).toBe(true);
    expect(await asked("{ pillars { name ... on Pillar { entries { code } } } }")).toBe(true);
    expect(await asked("{ pillars { ...P } } fragment P on Pillar { count entries { code } }")).toBe(true);
  });

  it("says no when only other fields are asked, however they are written", async () => {
    expect(await asked("{ pillars { name count } }")).toBe(false);
    expect(await asked("{ pillars { ...P ... on Pillar { name } } } fragment P on Pillar { count }")).toBe(false);
  });

  it("follows a path into the objects below, through fragments at each level", async () => {
    const standing = ["entries", "standing"];
    expect(await asked("{ pillars { entries { code standing } } }", standing)).toBe(true);
    expect(
      await asked("{ pillars { ...P } } fragment P on Pillar { entries { ...E } } fragment E on Entry { standing }", standing),
    ).toBe(true);
    expect(await asked("{ pillars { entries { code } } }", standing)).toBe(false);
    // A field of the same name at another level is not the one asked about.
    expect(await asked("{ pillars { name } }", ["name", "standing"])).toBe(false);
  });

  it("reads every occurrence of the field in the query, not only the first", async () => {
    expect(await asked("{ pillars { count } pillars { entries { code } } }")).toBe(true);
  });
});
