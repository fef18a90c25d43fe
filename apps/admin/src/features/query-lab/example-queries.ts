import { parseExampleQueries } from "@revita/schema/example-queries";
// The ten documented analyst questions; docs/queries.md is where they are written and tested.
import queriesMarkdown from "../../../../../docs/queries.md?raw";

export const EXAMPLE_QUERIES = parseExampleQueries(queriesMarkdown);
