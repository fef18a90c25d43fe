import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { dataKeys, decryptPersonal, keyIdOf, parseDataKeys } from "./personal-data-cipher.js";
import { rotateDataKeys } from "./rotate-data-keys.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase("demo");
});
afterAll(async () => {
  await db?.close();
});

describe("rotating the personal-data key", () => {
  it("re-encrypts every value under the new first key, after which the old key is no longer needed", async () => {
    const old = dataKeys();
    const fresh = parseDataKeys(`rotated:${randomBytes(32).toString("base64")}`);
    const before = await db.prisma.householdMember.findMany({ where: { idNumberEncrypted: { not: null } } });
    expect(before.length).toBeGreaterThan(250);
    const clear = new Map(before.map((m) => [m.id, decryptPersonal(m.idNumberEncrypted!, old)]));
    const rotated = await db.prisma.$transaction((tx) => rotateDataKeys(tx, [...fresh, ...old]), { timeout: 120_000 });
    expect(rotated).toBe(before.length);
    const after = await db.prisma.householdMember.findMany({ where: { idNumberEncrypted: { not: null } } });
    for (const member of after) {
      expect(keyIdOf(member.idNumberEncrypted!)).toBe("rotated");
      expect(decryptPersonal(member.idNumberEncrypted!, fresh)).toBe(clear.get(member.id));
    }
    // A second run has nothing left to do.
    expect(await db.prisma.$transaction((tx) => rotateDataKeys(tx, [...fresh, ...old]))).toBe(0);
  });
});
