import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs separately on :4000; in production it serves this build itself.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/graphql": "http://127.0.0.1:4000" } },
  build: { outDir: "dist", sourcemap: true },
});
