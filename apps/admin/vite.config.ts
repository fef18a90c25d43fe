import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs separately on :4000; in production it serves this build itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/graphql": "http://127.0.0.1:4000", "/api": "http://127.0.0.1:4000" } },
  build: {
    outDir: "dist",
    // Maps for debugging, referenced by no file the browser loads (and the API does not serve them).
    sourcemap: "hidden",
    // dist/.vite/manifest.json: which chunks each page loads, read by scripts/bundle-size.ts.
    manifest: true,
    // Monaco, under the query editor alone, is a 2.8 MB chunk no page loads up front.
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      // Two pages: the dashboard, and the standalone query editor the API serves at /graphiql.
      // GraphiQL's React-compiler directives ("use no memo") mean nothing to a bundle; Rolldown
      // would warn about every one of them.
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
      input: { main: resolve(import.meta.dirname, "index.html"), graphiql: resolve(import.meta.dirname, "graphiql.html") },
    },
  },
});
