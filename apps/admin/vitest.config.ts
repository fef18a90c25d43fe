import { defineConfig } from "vitest/config";

// Unit tests beside the code; browser tests in e2e/ drive Chromium against the real API.
export default defineConfig({
  test: {
    projects: [
      {
        // CI runs every package's tests at once on two cores: vitest's 5 s default would time
        // the machine, not the code. A hung test still fails, just later.
        test: { name: "unit", include: ["src/**/*.test.{ts,tsx}"], testTimeout: 60_000 },
      },
      {
        test: {
          name: "browser",
          include: ["e2e/**/*.e2e.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // One server and one browser for the whole file: steps run in order, like a reader would.
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
