import type { CodegenConfig } from "@graphql-codegen/cli";
import { SCALAR_TYPES } from "./src/scalars.js";

/**
 * The TypeScript types of every type in schema.graphql, for the apps to share.
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
  },
  silent: true,
};

export default config;
