import { describe, expect, it } from "vitest";
import { createContext } from "./context.js";
import type { PrismaClient } from "./generated/prisma/client.js";

/**
 * Apollo gives resolvers and plugins a copy of the context: Object.assign onto a new object of the
 * same prototype (@apollo/server's cloneObject). The copy must not build the scoped client (a
 * compiled read never needs it), must share it once built, and must share `wrote` both ways —
 * the response cache reads it on the copy, while `transaction` sets it on the original.
 */
const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context)), context);

/** The database's client, counting how often a scoped client is made from it. */
function countingDatabase() {
  const made = { extensions: 0, transactions: 0 };
  const database = {
    $extends: () => {
      made.extensions++;
      return { region: {} };
    },
    $transaction: async () => {
      made.transactions++;
    },
  } as unknown as PrismaClient;
  return { database, made };
}

describe("createContext", () => {
  it("builds the scoped client only when it is first asked for, once for the context and its copies", () => {
    const { database, made } = countingDatabase();
    const context = createContext(database, null);
    const copy = apolloCopy(context);
    expect(made.extensions).toBe(0);
    const client = copy.prisma;
    expect(made.extensions).toBe(1);
    expect(context.prisma).toBe(client);
    expect(copy.regions).toBe(context.regions);
    expect(made.extensions).toBe(1);
  });

  it("shares `wrote` between the context and Apollo's copy of it", async () => {
    const { database, made } = countingDatabase();
    const context = createContext(database, null);
    const copy = apolloCopy(context);
    expect(copy.wrote).toBe(false);
    await context.transaction(async () => undefined);
    expect(made.transactions).toBe(1);
    expect(copy.wrote).toBe(true);
    const other = apolloCopy(createContext(database, null));
    other.wrote = true;
    expect(Object.getPrototypeOf(other).wrote).toBe(true);
  });
});
