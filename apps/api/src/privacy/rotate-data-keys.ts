import type { DbClient } from "../db/database.js";
import { type DataKey, dataKeys, decryptPersonal, encryptPersonal, keyIdOf } from "./personal-data-cipher.js";

/**
 * Key rotation: every encrypted value not under the first key of REVITA_DATA_KEYS is decrypted
 * with the key it names and encrypted again with the first, in one transaction per run. After a
 * run, the old key can be dropped from REVITA_DATA_KEYS.
 */

/** The encrypted columns, by table. */
const ENCRYPTED: readonly { table: string; column: string }[] = [
  { table: "household", column: "phone_encrypted" },
  { table: "household", column: "bank_account_encrypted" },
  { table: "household_member", column: "id_number_encrypted" },
];

export async function rotateDataKeys(db: DbClient, keys: DataKey[] = dataKeys()): Promise<number> {
  const current = keys[0]!.id;
  let rotated = 0;
  for (const { table, column } of ENCRYPTED) {
    const rows = await db.$queryRawUnsafe<{ id: number; value: string }[]>(
      `SELECT id, ${column} AS value FROM ${table} WHERE ${column} IS NOT NULL AND split_part(${column}, ':', 1) <> $1`,
      current,
    );
    for (const row of rows) {
      if (keyIdOf(row.value) === current) continue;
      const again = encryptPersonal(decryptPersonal(row.value, keys), keys);
      await db.$executeRawUnsafe(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, again, row.id);
      rotated += 1;
    }
  }
  return rotated;
}
