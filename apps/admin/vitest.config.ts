import { defineConfig } from "vitest/config";

// Unit tests beside the code; browser tests in e2e/ drive Chromium against the real API.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.{ts,tsx}"] } },
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
