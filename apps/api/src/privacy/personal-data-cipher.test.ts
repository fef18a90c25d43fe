import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptPersonal, encryptPersonal, keyIdOf, parseDataKeys } from "./personal-data-cipher.js";

const key = (id: string) => `${id}:${randomBytes(32).toString("base64")}`;

describe("personal data at rest", () => {
  it("is encrypted afresh each time and decrypted with the key it names", () => {
    const keys = parseDataKeys(key("k1"));
    const once = encryptPersonal("42990019800101001X", keys);
    expect(once).not.toContain("42990019800101001X");
    expect(encryptPersonal("42990019800101001X", keys)).not.toBe(once);
    expect(decryptPersonal(once, keys)).toBe("42990019800101001X");
  });

  it("rotates: a new first key encrypts, the old still decrypts until it is dropped", () => {
    const [old] = parseDataKeys(key("k1"));
    const stored = encryptPersonal("13812345678", [old!]);
    const rotated = parseDataKeys(`${key("k2")},k1:${old!.key.toString("base64")}`);
    expect(decryptPersonal(stored, rotated)).toBe("13812345678");
    const again = encryptPersonal(decryptPersonal(stored, rotated), rotated);
    expect(keyIdOf(again)).toBe("k2");
    expect(decryptPersonal(again, [rotated[0]!])).toBe("13812345678");
    expect(() => decryptPersonal(stored, [rotated[0]!])).toThrow(/k1/);
  });

  it("refuses a tampered value and a malformed key list", () => {
    const keys = parseDataKeys(key("k1"));
    const [id, iv, tag, data] = encryptPersonal("6217000012345678", keys).split(":");
    const flipped = Buffer.from(data!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptPersonal([id, iv, tag, flipped.toString("base64")].join(":"), keys)).toThrow();
    expect(() => parseDataKeys("k1:c2hvcnQ=")).toThrow(/32-byte/);
  });
});
