import { databaseConfigFromEnv, openDatabase } from "../db/database.js";
import { rotateDataKeys } from "./rotate-data-keys.js";

/** `pnpm --filter @revita/api data-keys:rotate`: re-encrypts personal data under REVITA_DATA_KEYS's first key. */
const db = await openDatabase(databaseConfigFromEnv());
try {
  const rotated = await db.prisma.$transaction((tx) => rotateDataKeys(tx), { timeout: 30 * 60_000 });
  console.log(`Re-encrypted ${rotated} value(s) under the first key of REVITA_DATA_KEYS.`);
} finally {
  await db.close();
}
