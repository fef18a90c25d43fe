import type { PrismaClient } from "./generated/prisma/client.js";

/** What every resolver receives. Accounts and scopes join it with the access module. */
export interface Context {
  prisma: PrismaClient;
}
