import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index.js";

const DOC = resolve(import.meta.dirname, "../../../../docs/queries.md");
const queries = [...readFileSync(DOC, "utf8").matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

describe("docs/queries.md", () => {
  it("answers ten questions", () => {
    expect(queries).toHaveLength(10);
  });

  it.each(queries.map((query) => [/query (\w+)/.exec(query)?.[1] ?? "?", query]))("%s matches the schema", (_name, query) => {
    expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
  });
});
