import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The catalogue is how developers find what the kit has: nothing ships without a story.
describe("the component catalogue", () => {
  it.each(["components", "charts"])("has a story beside every %s file", (folder) => {
    const files = readdirSync(join(import.meta.dirname, folder));
    const components = files.filter((file) => file.endsWith(".tsx") && !/\.(test|stories)\.tsx$/.test(file));
    const withoutStory = components.filter((file) => !files.includes(file.replace(/\.tsx$/, ".stories.tsx")));
    // The tooltip box is drawn only inside charts, and is seen in their stories.
    expect(withoutStory.filter((file) => file !== "chart-tooltip.tsx")).toEqual([]);
  });
});
