import { databaseConfigFromEnv, openDatabase } from "./database.js";
import { applyMigrations, createMigration, migrationStatus } from "./migrations.js";

/**
 * pnpm db:migrate                    apply pending migrations to the configured database
 * pnpm db:status                     list pending, failed and edited migrations
 * pnpm db:migration:create <name>    write a migration from the Prisma schema's changes
 */
const [command, ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case "create-migration": {
      const name = args[0];
      if (!name) {
        console.error("Usage: pnpm db:migration:create <name>   (lower-case, e.g. add_fund_notes)");
        return 2;
      }
      const folder = await createMigration(name);
      console.log(folder ? `Wrote ${folder}/migration.sql` : "The schema and the migrations agree: nothing to write.");
      return 0;
    }
    case "migrate":
    case "status": {
      const db = await openDatabase(databaseConfigFromEnv());
      try {
        if (command === "migrate") {
          const applied = await applyMigrations(db.adapterFactory);
          console.log(
            applied.length
              ? `Applied ${applied.length} migration(s) to ${db.location}: ${applied.join(", ")}`
              : `${db.location} is up to date.`,
          );
          return 0;
        }
        const status = await migrationStatus(db.adapterFactory);
        console.log(JSON.stringify({ database: db.location, ...status }, null, 2));
        return status.pending.length || status.failed.length || status.edited.length ? 1 : 0;
      } finally {
        await db.close();
      }
    }
    default:
      console.error("Usage: tsx src/db/cli.ts migrate | status | create-migration <name>");
      return 2;
  }
}

// The schema engine leaves a timer running for ~10 s after its work: exit explicitly.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
