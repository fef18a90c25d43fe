import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
// Monaco's editor, JSON and GraphQL workers, bundled by Vite: nothing is fetched from a CDN.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { EXAMPLE_QUERIES } from "./example-queries.js";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });

/** One tab for each documented analyst question, its title as a comment above the query. */
const exampleTabs = EXAMPLE_QUERIES.map((example) => ({ query: `# ${example.title}\n${example.query}\n` }));

/**
 * The analysts' query editor: GraphiQL on the API's own endpoint, with schema docs, history
 * and the examples from docs/queries.md. Heavy (Monaco), so pages load it lazily.
 */
export function QueryLab() {
  return <GraphiQL fetcher={fetcher} defaultTabs={exampleTabs} defaultEditorToolsVisibility={false} />;
}
