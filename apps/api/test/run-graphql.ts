import { graphql } from "graphql";
import { type Authenticated, authenticate, signIn } from "../src/accounts/accounts.service.js";
import { fromDatabaseError } from "../src/common/errors.js";
import { createContext } from "../src/context.js";
import type { PrismaClient } from "../src/generated/prisma/client.js";
import { schema } from "../src/schema/index.js";
import { DEMO_PASSWORD } from "../src/seed/demo/users.js";

export interface RunOptions {
  /** Who asks; by default a viewer of every province (see provinceViewer). */
  as?: Authenticated | null;
}

/**
 * Executes an operation against the schema directly, as the server would, without HTTP: through
 * the same context, so the API's rules and the database's policies apply.
 */
export async function runGraphql<Data = Record<string, unknown>>(
  prisma: PrismaClient,
  source: string,
  variableValues: Record<string, unknown> = {},
  options: RunOptions = {},
): Promise<Data> {
  const auth = options.as === undefined ? await provinceViewer(prisma) : options.as;
  const result = await graphql({ schema, source, variableValues, contextValue: createContext(prisma, auth) });
  if (result.errors?.length) throw new Error(result.errors.map((error) => error.message).join("; "));
  return result.data as Data;
}

const viewers = new WeakMap<PrismaClient, Promise<Authenticated>>();

/**
 * A signed-in VIEWER of every province: what the tests of reading read as. Not stored as a user
 * (the tests count the audit and the users); the grants are real regions of the database.
 */
export function provinceViewer(prisma: PrismaClient): Promise<Authenticated> {
  let viewer = viewers.get(prisma);
  if (!viewer) {
    viewer = prisma.region
      .findMany({ where: { parentId: null }, select: { id: true, code: true, path: true } })
      .then((provinces) => {
        const now = new Date();
        return {
          user: {
            id: 0,
            username: "test.province-viewer",
            displayName: "Test viewer of every province",
            passwordHash: "",
            passwordChangedAt: now,
            failedLogins: 0,
            lockedUntil: null,
            disabled: false,
            createdAt: now,
            grants: provinces.map((region) => ({ role: "VIEWER" as const, region })),
          },
          session: {
            id: 0,
            tokenHash: "",
            userId: 0,
            kind: "BEARER" as const,
            label: null,
            createdAt: now,
            expiresAt: now,
            revokedAt: null,
          },
        };
      });
    viewers.set(prisma, viewer);
  }
  return viewer;
}

export interface Outcome<Data> {
  data: Data | null;
  /** The error's code as the server would send it (the database's refusals classified too). */
  code: string | undefined;
  message: string | undefined;
  /** The input fields the error names. */
  issues: string[] | undefined;
  /** What a Chinese reader is told: the message and each field's reason, by field. */
  zh: { message: string; issues: Record<string, string> } | undefined;
}

/** Like runGraphql, but returns a refusal instead of throwing it: for tests of what is refused. */
export async function tryGraphql<Data = Record<string, unknown>>(
  prisma: PrismaClient,
  source: string,
  variableValues: Record<string, unknown>,
  /** Who asks; null for someone not signed in. */
  as: Authenticated | null,
): Promise<Outcome<Data>> {
  const result = await graphql({ schema, source, variableValues, contextValue: createContext(prisma, as) });
  const error = result.errors?.[0];
  const cause = error?.originalError;
  const refusal = cause ? fromDatabaseError(cause) : undefined;
  const zh = refusal?.localized("zh-CN");
  return {
    zh: zh && { message: zh.message, issues: Object.fromEntries(zh.issues.map((issue) => [issue.field, issue.message])) },
    data: (result.data ?? null) as Data | null,
    code: cause ? (fromDatabaseError(cause)?.code ?? "INTERNAL_SERVER_ERROR") : undefined,
    message: error ? (fromDatabaseError(cause)?.message ?? error.message) : undefined,
    issues: (fromDatabaseError(cause)?.issues ?? []).map((issue) => issue.field),
  };
}

/** A demo user, signed in (their password is the demo password). */
export async function demoUser(prisma: PrismaClient, username: string): Promise<Authenticated> {
  return authenticate(prisma, (await signIn(prisma, username, DEMO_PASSWORD)).token);
}

/**
 * A region's scorecard values for a period, by indicator code, as the API gives them (null where
 * the indicator has none): what the tests of computed figures compare with their own sums.
 */
export async function scorecardValues(
  prisma: PrismaClient,
  regionCode: string,
  period: string,
  as: Authenticated,
): Promise<(indicatorCode: string) => number | null> {
  const data = await runGraphql<{
    region: { scorecard: { entries: { indicatorCode: string; standing: { value: string | null } }[] }[] };
  }>(
    prisma,
    `query ($code: String!, $period: Period!) { region(code: $code) { scorecard(period: $period) { entries { indicatorCode standing { value } } } } }`,
    { code: regionCode, period },
    { as },
  );
  const entries = data.region.scorecard.flatMap((pillar) => pillar.entries);
  return (indicatorCode) => {
    const value = entries.find((entry) => entry.indicatorCode === indicatorCode)?.standing.value;
    return value === undefined || value === null ? null : Number(value);
  };
}
