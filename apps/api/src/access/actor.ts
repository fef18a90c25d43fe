import type { DbClient } from "../db/database.js";
import type { PrismaClient } from "../generated/prisma/client.js";

/**
 * Names who makes the changes of the current transaction in the audit trail (the triggers read
 * it). Must run inside the transaction that makes them: outside one, it would name nobody.
 */
export async function setActor(tx: DbClient, actor: string): Promise<void> {
  await tx.$executeRaw`SELECT set_config('revita.actor', ${actor}, true)`;
}

/** Runs changes in one transaction whose audit rows name the actor. */
export async function asActor<T>(prisma: PrismaClient, actor: string, change: (tx: DbClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (tx) => {
    await setActor(tx, actor);
    return change(tx);
  });
}

/** The audit's name for a signed-in user. */
export const userActor = (username: string) => `user:${username}`;
