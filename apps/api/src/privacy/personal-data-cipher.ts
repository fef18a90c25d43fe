import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * Personal data at rest — monitored households' ID numbers, phones and bank accounts — is
 * encrypted by the API with AES-256-GCM (node:crypto) before it reaches the database, so that the
 * database (its dumps, its replicas, its owner) never holds it in clear; the key lives in the
 * configuration, never in the database. A value is kept as `keyId:iv:tag:ciphertext` (base64), so
 * that a key can be rotated: REVITA_DATA_KEYS lists `id:base64key` pairs, the first encrypts, all
 * decrypt; `pnpm --filter @revita/api data-keys:rotate` re-encrypts every value with the first,
 * after which the old key can be dropped from the list.
 *
 * Without REVITA_DATA_KEYS (a fresh clone, the tests) a key is made once and kept in
 * `.revita-data/data-keys` beside the embedded database — fine for a laptop, not for a county's
 * server, where the key belongs in its secrets store.
 */

export interface DataKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Reads `id:base64key,id:base64key`: the first encrypts. */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, encoded] = entry.split(":");
      const key = Buffer.from(encoded ?? "", "base64");
      if (!id || !KEY_ID.test(id) || key.length !== 32) {
        throw new Error(`REVITA_DATA_KEYS: "${id ?? ""}" needs an id of letters, digits, _ or - and a 32-byte key in base64`);
      }
      return { id, key };
    });
  if (keys.length === 0) throw new Error("REVITA_DATA_KEYS names no key");
  return keys;
}

export const DEFAULT_KEY_FILE = ".revita-data/data-keys";

/** The key file of a development setup: made once, with a random key, read ever after. */
function developmentKeys(file: string): DataKey[] {
  try {
    return parseDataKeys(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  try {
    // wx: of two processes starting at once, one writes and both read what it wrote.
    writeFileSync(file, `dev1:${randomBytes(32).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseDataKeys(readFileSync(file, "utf8"));
}

let configured: DataKey[] | undefined;

/** The keys in force: REVITA_DATA_KEYS, else the development key file. */
export function dataKeys(env: NodeJS.ProcessEnv = process.env): DataKey[] {
  if (!configured) {
    configured = env.REVITA_DATA_KEYS?.trim()
      ? parseDataKeys(env.REVITA_DATA_KEYS)
      : developmentKeys(resolve(env.REVITA_DATA_KEY_FILE ?? DEFAULT_KEY_FILE));
  }
  return configured;
}

/** For tests of rotation: the keys to use from now on. */
export function useDataKeys(keys: DataKey[] | undefined): void {
  configured = keys;
}

export function encryptPersonal(clear: string, keys: DataKey[] = dataKeys()): string {
  const { id, key } = keys[0]!;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(clear, "utf8"), cipher.final()]);
  return [id, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptPersonal(stored: string, keys: DataKey[] = dataKeys()): string {
  const [id, iv, tag, data] = stored.split(":");
  const found = keys.find((key) => key.id === id);
  if (!found || !iv || !tag || data === undefined) throw new Error(`personal data under key "${id}", which is not configured`);
  const decipher = createDecipheriv("aes-256-gcm", found.key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** The key a stored value was encrypted with. */
export function keyIdOf(stored: string): string {
  return stored.split(":")[0] ?? "";
}
