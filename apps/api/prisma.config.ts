import { defineConfig } from "prisma/config";

// Used by `prisma generate` here and by the standard CLI (`prisma migrate deploy`) on machines
// that can fetch Prisma's native schema engine. On Revita's own machines migrations run through
// the WASM engine instead: see src/db/migrations.ts.
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/revita" },
});
