import type { CodegenConfig } from "@graphql-codegen/cli";
import { SCALAR_TYPES } from "./src/scalars.js";

/**
 * The TypeScript types of every type in schema.graphql, for the apps to share; and the operations
 * both apps run (operations/*.graphql: the briefing, which the API prints and the dashboard
 * shows), as typed documents.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  generates: {
    "src/generated/types.ts": {
      plugins: ["typescript"],
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: false },
        scalars: { ID: "string", ...SCALAR_TYPES },
      },
    },
    "src/generated/operations.ts": {
      documents: "operations/*.graphql",
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        useTypeImports: true,
        enumType: "string-literal",
        avoidOptionals: { field: true },
        scalars: SCALAR_TYPES,
      },
    },
  },
  silent: true,
};

export default config;
