/** One analyst question from docs/queries.md with the query that answers it. */
export interface ExampleQuery {
  /** The question, as the heading words it ("Which of Cengong County's projects are behind schedule?"). */
  title: string;
  /** The operation's name, e.g. BehindSchedule. */
  name: string;
  query: string;
}

/**
 * Reads the examples out of docs/queries.md: each `## n. Question` heading followed by a
 * graphql code block. The document is the one place they are written; the API's tests run them
 * and the query lab offers them as tabs.
 */
export function parseExampleQueries(markdown: string): ExampleQuery[] {
  const examples: ExampleQuery[] = [];
  const pattern = /^## (?:\d+\.\s*)?(.+)\n[\s\S]*?```graphql\n([\s\S]*?)```/gm;
  for (const match of markdown.matchAll(pattern)) {
    const title = (match[1] ?? "").trim();
    const query = (match[2] ?? "").trimEnd();
    const name = /^\s*(?:query|mutation)\s+(\w+)/m.exec(query)?.[1];
    if (!name) throw new Error(`docs/queries.md: the query under "${title}" has no operation name`);
    examples.push({ title, name, query });
  }
  return examples;
}
