import { createHash, randomBytes } from "node:crypto";
import { AuthenticationError } from "../common/errors.js";
import { InputChecker } from "../common/validation.js";
import type { DbClient } from "../db/database.js";
import type { AccessRole, Session, SessionKind, User } from "../generated/prisma/client.js";
import { failPassword, hashPassword, passwordProblem, verifyPassword } from "./passwords.js";
import type { RememberedSessions } from "./remembered-sessions.js";

export const ACCESS_ROLES: readonly AccessRole[] = ["VIEWER", "ANALYST", "EDITOR", "APPROVER", "ADMIN", "PERSONAL_DATA"];

/** Failed sign-ins in a row before the account is locked, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
/** A dashboard session ends after 12 hours (a working day); a script's token lasts what its owner asked, at most a year. */
export const COOKIE_SESSION_HOURS = 12;
export const MAX_TOKEN_DAYS = 366;

/** Every token starts with this, so a leaked one is easy to recognise and search for. */
const TOKEN_PREFIX = "rvt_";

export interface GrantInput {
  role: AccessRole;
  regionCode: string;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  password: string;
  grants?: GrantInput[];
}

export async function createUser(db: DbClient, input: CreateUserInput): Promise<User> {
  const check = new InputChecker();
  const username = check.text("username", input.username?.trim().toLowerCase(), { max: 64 });
  if (username && !/^[a-z0-9][a-z0-9._-]{1,63}$/.test(username)) {
    check.fail("username", "BAD_USERNAME");
  }
  const displayName = check.text("displayName", input.displayName, { max: 100 });
  failPassword(check, "password", passwordProblem(input.password ?? "", username || input.username || ""));
  const grants = input.grants ?? [];
  const regions = await db.region.findMany({
    where: { code: { in: grants.map((grant) => grant.regionCode) } },
    select: { id: true, code: true },
  });
  grants.forEach((grant, index) => {
    if (!ACCESS_ROLES.includes(grant.role)) {
      check.fail(`grants.${index}.role`, "NOT_ONE_OF", { allowed: ACCESS_ROLES.join(", "), value: String(grant.role) });
    }
    if (!regions.some((region) => region.code === grant.regionCode)) {
      check.fail(`grants.${index}.regionCode`, "NO_SUCH_REGION", { code: grant.regionCode });
    }
  });
  if (username && (await db.user.findUnique({ where: { username }, select: { id: true } }))) {
    check.fail("username", "USERNAME_TAKEN", { username });
  }
  check.done();
  return db.user.create({
    data: {
      username,
      displayName,
      passwordHash: await hashPassword(input.password),
      grants: {
        create: grants.map((grant) => ({
          role: grant.role,
          regionId: regions.find((region) => region.code === grant.regionCode)!.id,
        })),
      },
    },
  });
}

/** A fresh random token and the hash stored for it. */
function newToken(): { token: string; tokenHash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token) };
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface IssuedSession {
  /** Shown once: only its hash is stored. */
  token: string;
  session: Session;
}

export async function issueSession(
  db: DbClient,
  userId: number,
  kind: SessionKind,
  { now = new Date(), days, label }: { now?: Date; days?: number; label?: string | null } = {},
): Promise<IssuedSession> {
  const { token, tokenHash } = newToken();
  const lifetimeMs = kind === "COOKIE" ? COOKIE_SESSION_HOURS * 3_600_000 : (days ?? 90) * 86_400_000;
  const session = await db.session.create({
    data: { tokenHash, userId, kind, label: label ?? null, createdAt: now, expiresAt: new Date(now.getTime() + lifetimeMs) },
  });
  return { token, session };
}

/**
 * Checks a username and password and opens a session. Every refusal takes a password hash's
 * time and says the same words, whether the user does not exist, the password is wrong or the
 * account is locked, so neither timing nor answer tells which usernames are real. After
 * MAX_FAILED_LOGINS wrong passwords in a row the account refuses sign-ins, right or wrong, for
 * LOCKOUT_MINUTES. Attempts on one account are checked one after another (and counted with an
 * atomic increment), so a burst of parallel guesses counts every guess and a right password
 * inside the burst does not slip past the lock.
 */
export function signIn(
  db: DbClient,
  username: string,
  password: string,
  options: { now?: Date } = {},
): Promise<IssuedSession & { user: User }> {
  const key = (username ?? "").trim().toLowerCase();
  const previous = attempts.get(key) ?? Promise.resolve();
  const attempt = previous.catch(() => {}).then(() => checkSignIn(db, key, password, options));
  const settled = attempt.catch(() => {});
  attempts.set(key, settled);
  void settled.then(() => {
    if (attempts.get(key) === settled) attempts.delete(key);
  });
  return attempt;
}

/** The last sign-in attempt of each username still being checked, in this process. */
const attempts = new Map<string, Promise<unknown>>();

async function checkSignIn(
  db: DbClient,
  username: string,
  password: string,
  { now = new Date() }: { now?: Date },
): Promise<IssuedSession & { user: User }> {
  const user = await db.user.findUnique({ where: { username } });
  const matches = await verifyPassword(password ?? "", user?.passwordHash ?? (await dummyHash()));
  if (!user || user.disabled) throw new AuthenticationError("WRONG_CREDENTIALS", {});
  if (user.lockedUntil && user.lockedUntil > now) throw new AuthenticationError("WRONG_CREDENTIALS", {});
  if (!matches) {
    const { failedLogins } = await db.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } } });
    if (failedLogins >= MAX_FAILED_LOGINS) {
      await db.user.update({
        where: { id: user.id },
        data: { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) },
      });
    }
    throw new AuthenticationError("WRONG_CREDENTIALS", {});
  }
  await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
  return { ...(await issueSession(db, user.id, "COOKIE", { now })), user };
}

/** A hash of a random password, checked when the username does not exist, to take the same time. */
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString("hex")));

export interface Authenticated {
  user: User & { grants: { role: AccessRole; region: { id: number; code: string; path: number[] } }[] };
  session: Session;
}

/**
 * The user behind a token, or a clear refusal: a token that was never issued (or was forged),
 * one that was revoked by signing out, and one that expired each get their own message.
 */
export async function authenticate(
  db: DbClient,
  token: string,
  { now = new Date(), remembered }: { now?: Date; remembered?: RememberedSessions } = {},
): Promise<Authenticated> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AuthenticationError("NOT_A_REVITA_TOKEN", {});
  const hash = hashToken(token);
  // `remembered` (the server's, forgotten on every change: remembered-sessions.ts) spares the
  // lookup; what follows is checked each time, so an expiry passes as it would.
  const found = remembered ? await remembered.lookup(hash, () => findSession(db, hash)) : await findSession(db, hash);
  if (!found) throw new AuthenticationError("TOKEN_INVALID", {});
  const { session, user } = found;
  if (session.revokedAt) throw new AuthenticationError("SESSION_SIGNED_OUT", {});
  if (session.expiresAt <= now) {
    throw new AuthenticationError("SESSION_EXPIRED", { at: session.expiresAt.toISOString() });
  }
  if (user.disabled) throw new AuthenticationError("ACCOUNT_DISABLED", {});
  return { user, session };
}

/**
 * A session with its user and the user's grants, in one statement: every request asks this
 * first, and Prisma's nested include took four. The server asks it through the database's own
 * client, outside any transaction: sessions, users and grants have no row policies (the API's
 * role may read them whole), so asking as that role protected nothing and cost a BEGIN, the
 * scope's settings and a COMMIT around every request's sign-in.
 */
async function findSession(db: DbClient, tokenHash: string): Promise<Authenticated | undefined> {
  const [row] = await db.$queryRaw<
    {
      id: number;
      user_id: number;
      kind: SessionKind;
      label: string | null;
      created_at: Date;
      expires_at: Date;
      revoked_at: Date | null;
      username: string;
      display_name: string;
      password_hash: string;
      password_changed_at: Date;
      failed_logins: number;
      locked_until: Date | null;
      disabled: boolean;
      user_created_at: Date;
      grants: { role: AccessRole; region: { id: number; code: string; path: number[] } }[];
    }[]
  >`
    SELECT s.id, s.user_id, s.kind::text AS kind, s.label, s.created_at, s.expires_at, s.revoked_at,
           u.username, u.display_name, u.password_hash, u.password_changed_at, u.failed_logins, u.locked_until,
           u.disabled, u.created_at AS user_created_at,
           coalesce((SELECT json_agg(json_build_object('role', g.role, 'region',
                                     json_build_object('id', r.id, 'code', r.code, 'path', r.path)) ORDER BY g.id)
                       FROM role_grant g JOIN region r ON r.id = g.region_id WHERE g.user_id = u.id), '[]') AS grants
      FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = ${tokenHash}`;
  if (!row) return undefined;
  return {
    session: {
      id: row.id,
      tokenHash,
      userId: row.user_id,
      kind: row.kind,
      label: row.label,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    },
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      passwordHash: row.password_hash,
      passwordChangedAt: row.password_changed_at,
      failedLogins: row.failed_logins,
      lockedUntil: row.locked_until,
      disabled: row.disabled,
      createdAt: row.user_created_at,
      grants: row.grants,
    },
  };
}

export async function signOut(db: DbClient, sessionId: number, { now = new Date() } = {}): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Changes a password after checking the current one, and signs out every other session of the
 * user (a changed password is often a suspected leak).
 */
export async function changePassword(
  db: { prisma: DbClient; transaction<T>(change: (tx: DbClient) => Promise<T>): Promise<T> },
  userId: number,
  currentSessionId: number,
  currentPassword: string,
  newPassword: string,
  { now = new Date() } = {},
): Promise<void> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const check = new InputChecker();
  if (!(await verifyPassword(currentPassword ?? "", user.passwordHash))) check.fail("currentPassword", "NOT_YOUR_PASSWORD");
  const problem = failPassword(check, "newPassword", passwordProblem(newPassword ?? "", user.username));
  if (!problem && newPassword === currentPassword) check.fail("newPassword", "PASSWORD_UNCHANGED");
  check.done();
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, passwordChangedAt: now } });
    await tx.session.updateMany({ where: { userId, revokedAt: null, NOT: { id: currentSessionId } }, data: { revokedAt: now } });
  });
}

/** A bearer token for an analyst's script; the token is shown once. */
export async function createApiToken(
  db: DbClient,
  userId: number,
  label: string,
  days: number,
  { now = new Date() } = {},
): Promise<IssuedSession> {
  const check = new InputChecker();
  const name = check.text("label", label, { max: 100 });
  if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
    check.fail("days", "TOKEN_DAYS_RANGE", { max: MAX_TOKEN_DAYS, value: String(days) });
  }
  check.done();
  return issueSession(db, userId, "BEARER", { now, days, label: name });
}
