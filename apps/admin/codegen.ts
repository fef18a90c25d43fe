import type { CodegenConfig } from "@graphql-codegen/cli";
import { SCALAR_TYPES } from "@revita/schema/scalars";

/**
 * Each `*.graphql` operation beside the feature that runs it becomes a typed document
 * (`RegionProjectsDocument`) whose result and variable types Apollo Client infers. The
 * schema's full set of types, for code that is not an operation, is @revita/schema/types.
 */
const config: CodegenConfig = {
  schema: "../../packages/schema/schema.graphql",
  documents: "src/**/*.graphql",
  generates: {
    "src/generated/operations.ts": {
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
