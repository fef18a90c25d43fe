import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());

// waitFor's 1 s default is a timing assertion on a loaded CI machine; 15 s still catches a hang.
configure({ asyncUtilTimeout: 15_000 });

// jsdom has no layout: Recharts asks for a ResizeObserver, which a fixed-width chart never uses.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
