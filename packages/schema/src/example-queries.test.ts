import { describe, expect, it } from "vitest";
import { parseExampleQueries } from "./example-queries.js";

const doc = `# Questions

Intro text.

## 1. Which projects are late?

Some words first.

\`\`\`graphql
query Late {
  projects { totalCount }
}
\`\`\`

## 2. How much money?

\`\`\`graphql
query Money { funds { totalCount } }
\`\`\`
`;

describe("parseExampleQueries", () => {
  it("pairs each heading with the query under it", () => {
    expect(parseExampleQueries(doc)).toEqual([
      { title: "Which projects are late?", name: "Late", query: "query Late {\n  projects { totalCount }\n}" },
      { title: "How much money?", name: "Money", query: "query Money { funds { totalCount } }" },
    ]);
  });

  it("refuses an anonymous query, naming the question", () => {
    expect(() => parseExampleQueries("## 1. Anything?\n```graphql\n{ regions { totalCount } }\n```\n")).toThrow(
      'the query under "Anything?" has no operation name',
    );
  });
});
