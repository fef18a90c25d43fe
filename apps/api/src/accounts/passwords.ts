import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import type { InputChecker } from "../common/validation.js";

/*
 * Passwords are stored as scrypt hashes (Node's crypto, i.e. OpenSSL: maintained, no native
 * add-on to build): a random 16-byte salt per password and a cost that makes each guess take
 * tens of milliseconds, with the parameters in the stored string so they can be raised later
 * without invalidating old hashes. OWASP lists scrypt with N=2^17, r=8, p=1; N=2^15 keeps a
 * login under 100 ms on these 2-core machines while still costing 32 MiB per guess.
 */

const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const MAX_MEMORY = 128 * 1024 * 1024;

export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: MAX_MEMORY };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

/** True when the password matches the stored hash; false for a wrong password or a hash it cannot read. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const key = await derive(password, Buffer.from(salt, "base64"), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Why a new password is refused, or null when it will do. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return { reason: "PASSWORD_TOO_SHORT", params: { min: MIN_PASSWORD_LENGTH } };
  if (password.toLowerCase().includes(username.toLowerCase())) return { reason: "PASSWORD_CONTAINS_USERNAME" };
  if (new Set(password).size < 4) return { reason: "PASSWORD_TOO_REPETITIVE" };
  if (guessability().check(password, [username]).score < MIN_PASSWORD_SCORE) return { reason: "PASSWORD_TOO_COMMON" };
  return null;
}

export type PasswordProblem =
  | { reason: "PASSWORD_TOO_SHORT"; params: { min: number } }
  | { reason: "PASSWORD_CONTAINS_USERNAME" | "PASSWORD_TOO_REPETITIVE" | "PASSWORD_TOO_COMMON"; params?: undefined };

/**
 * How easily a password is guessed, by zxcvbn-ts with its common-password and keyboard-pattern
 * dictionaries (maintained, no network): 1234567890, qwertyuiop and password123 score 0 and are
 * refused; a passphrase such as "tianma clerk 2026" scores 4. Loaded on first use (its
 * dictionaries take a moment to index).
 */
const MIN_PASSWORD_SCORE = 3;
let checker: ZxcvbnFactory | undefined;
function guessability(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return checker;
}

/** Refuses the field for the password's problem, if it has one; true when it had. */
export function failPassword(check: InputChecker, field: string, problem: PasswordProblem | null): boolean {
  if (!problem) return false;
  if (problem.reason === "PASSWORD_TOO_SHORT") check.fail(field, problem.reason, problem.params);
  else if (problem.reason === "PASSWORD_TOO_COMMON") check.fail(field, problem.reason);
  else check.fail(field, problem.reason);
  return true;
}
