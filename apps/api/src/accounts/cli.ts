import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { asActor } from "../access/actor.js";
import { RevitaError } from "../common/errors.js";
import { databaseConfigFromEnv, openDatabase } from "../db/database.js";
import { applyMigrations } from "../db/migrations.js";
import type { AccessRole } from "../generated/prisma/client.js";
import { ACCESS_ROLES, createUser } from "./accounts.service.js";

/**
 * pnpm user:create --username wang.admin --name "王某 系统管理员" --role ADMIN --region 522626000000
 *
 * Creates a user from the command line: how a county makes its first administrator, before
 * anyone can sign in. The password is read from REVITA_NEW_PASSWORD or typed at the prompt, never
 * given as an argument (arguments end up in shell histories and process lists). --role and
 * --region may be repeated in pairs for several grants.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2).filter((arg) => arg !== "--"),
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      region: { type: "string", multiple: true },
    },
  });
  const roles = values.role ?? [];
  const regions = values.region ?? [];
  if (!values.username || !values.name || roles.length === 0 || roles.length !== regions.length) {
    console.error(
      `Usage: pnpm user:create --username <name> --name <display name> --role <${ACCESS_ROLES.join("|")}> --region <12-digit code> [--role ... --region ...]`,
    );
    return 2;
  }
  const password = process.env.REVITA_NEW_PASSWORD ?? (await ask(`Password for ${values.username} (at least 10 characters): `));
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    await applyMigrations(db.adapterFactory);
    const user = await asActor(db.prisma, "command line", (tx) =>
      createUser(tx, {
        username: values.username!,
        displayName: values.name!,
        password,
        grants: roles.map((role, index) => ({ role: role.toUpperCase() as AccessRole, regionCode: regions[index]! })),
      }),
    );
    console.log(`Created ${user.username} in ${db.location}: ${roles.map((role, i) => `${role} on ${regions[i]}`).join(", ")}.`);
    return 0;
  } catch (error) {
    // Validation names every bad field; anything else is unexpected and shown whole.
    console.error(error instanceof RevitaError ? `Not created: ${error.message}` : error);
    return 1;
  } finally {
    await db.close();
  }
}

async function ask(question: string): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question(question);
  } finally {
    prompt.close();
  }
}

main().then((code) => process.exit(code));
