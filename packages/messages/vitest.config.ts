import { defineConfig } from "vitest/config";

// CI runs every package's tests at once on two cores; vitest's 5 s default is a timing
// assertion in disguise there. A hung test still fails, just later.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], testTimeout: 60_000 } });
