import type { Authenticated } from "./accounts/accounts.service.js";
import type { PrismaClient } from "./generated/prisma/client.js";

/** How a resolver sets or clears the dashboard's session cookie without knowing about HTTP. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** What every resolver receives. */
export interface Context {
  prisma: PrismaClient;
  /** The signed-in user and session; null for an anonymous request. */
  auth?: Authenticated | null;
  /** Absent outside HTTP (tests calling the schema directly). */
  sessionCookie?: SessionCookie;
}
