import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    // Components render into a DOM; formatting tests do not need one but lose nothing by it.
    environment: "jsdom",
    setupFiles: ["./test/setup.ts"],
    // CI runs every package's tests at once on two cores, where rendering 10,000 chart points
    // in jsdom once took over vitest's 5 s default. These tests count what is drawn; they do
    // not time it, so a hung test still fails, just later.
    testTimeout: 60_000,
  },
});
