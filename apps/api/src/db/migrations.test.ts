import { describe, expect, it } from "vitest";
import { pendingSchemaChanges } from "./migrations.js";

describe("the committed migrations", () => {
  it("build exactly the database the Prisma schema describes (run `pnpm db:migration:create <name>` if not)", async () => {
    expect(await pendingSchemaChanges()).toBe("");
  });
});
