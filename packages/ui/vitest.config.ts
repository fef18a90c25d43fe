import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // Components render into a DOM; formatting tests do not need one but lose nothing by it.
    environment: "jsdom",
    setupFiles: ["./test/setup.ts"],
  },
});
