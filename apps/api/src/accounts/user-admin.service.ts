import type { AccessScope } from "../access/access-scope.js";
import { NotFoundError, RevitaError, ValidationError } from "../common/errors.js";
import type { DbClient } from "../db/database.js";
import type { AccessRole, User } from "../generated/prisma/client.js";
import { ACCESS_ROLES, type CreateUserInput, createUser } from "./accounts.service.js";

/*
 * What an admin does to accounts: each change is allowed only within the regions the admin
 * administers (their ADMIN grants and everything below). Account tables are guarded here and in
 * the API's rules, not by row-level security (sign-in must read them before anyone is known).
 */

async function regionPath(db: DbClient, code: string, field: string): Promise<number[]> {
  const region = await db.region.findUnique({ where: { code }, select: { path: true } });
  if (!region) throw new ValidationError([{ field, message: `no region has the code ${code}` }]);
  return region.path;
}

/** A user some of whose grants lie in the admin's regions; anyone else is not the admin's to manage. */
async function administeredUser(db: DbClient, access: AccessScope, username: string): Promise<User> {
  const user = await db.user.findUnique({
    where: { username: username.trim().toLowerCase() },
    include: { grants: { include: { region: { select: { path: true } } } } },
  });
  if (!user) throw new NotFoundError(`The user ${username}`, "username");
  if (!user.grants.some((grant) => access.covers("admin", grant.region.path))) {
    throw new RevitaError("FORBIDDEN", `${user.username} holds no role in the regions you administer`);
  }
  return user;
}

/** Creates a user whose every grant lies in the regions the admin administers. */
export async function createUserAsAdmin(db: DbClient, access: AccessScope, input: CreateUserInput): Promise<User> {
  const grants = input.grants ?? [];
  if (grants.length === 0) {
    throw new ValidationError([{ field: "grants", message: "give at least one role: a user without one can do nothing" }]);
  }
  const outside: { field: string; message: string }[] = [];
  for (const [index, grant] of grants.entries()) {
    const region = await db.region.findUnique({ where: { code: grant.regionCode }, select: { path: true } });
    if (region && !access.covers("admin", region.path)) {
      outside.push({ field: `grants.${index}.regionCode`, message: `${grant.regionCode} is outside the regions you administer` });
    }
  }
  if (outside.length)
    throw new RevitaError("FORBIDDEN", outside.map((issue) => `${issue.field}: ${issue.message}`).join("; "), outside);
  return createUser(db, input);
}

async function checkedGrant(db: DbClient, access: AccessScope, role: AccessRole, regionCode: string) {
  if (!ACCESS_ROLES.includes(role))
    throw new ValidationError([{ field: "role", message: `must be one of ${ACCESS_ROLES.join(", ")}` }]);
  const path = await regionPath(db, regionCode, "regionCode");
  if (!access.covers("admin", path)) {
    throw new RevitaError("FORBIDDEN", `${regionCode} is outside the regions you administer`, [
      { field: "regionCode", message: "outside the regions you administer" },
    ]);
  }
  return (await db.region.findUniqueOrThrow({ where: { code: regionCode }, select: { id: true } })).id;
}

/** Gives a user a role in a region the admin administers; giving it again changes nothing. */
export async function grantRole(db: DbClient, access: AccessScope, username: string, role: AccessRole, regionCode: string) {
  const regionId = await checkedGrant(db, access, role, regionCode);
  const user = await db.user.findUnique({ where: { username: username.trim().toLowerCase() } });
  if (!user) throw new NotFoundError(`The user ${username}`, "username");
  await db.roleGrant.upsert({
    where: { userId_role_regionId: { userId: user.id, role, regionId } },
    create: { userId: user.id, role, regionId },
    update: {},
  });
  return user;
}

/** Takes a role away; its sessions keep going, but every request reads the grants afresh. */
export async function revokeRole(db: DbClient, access: AccessScope, username: string, role: AccessRole, regionCode: string) {
  const regionId = await checkedGrant(db, access, role, regionCode);
  const user = await administeredUser(db, access, username);
  const { count } = await db.roleGrant.deleteMany({ where: { userId: user.id, role, regionId } });
  if (count === 0) throw new NotFoundError(`${user.username}'s ${role} role in ${regionCode}`, "role");
  return user;
}

/** Disables an account (and ends its sessions and tokens at once) or enables it again. */
export async function setUserDisabled(db: DbClient, access: AccessScope, username: string, disabled: boolean, now = new Date()) {
  const user = await administeredUser(db, access, username);
  if (disabled) await db.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
  return db.user.update({ where: { id: user.id }, data: { disabled } });
}

/** Lifts a lockout after too many wrong passwords, before its 15 minutes are up. */
export async function unlockUser(db: DbClient, access: AccessScope, username: string) {
  const user = await administeredUser(db, access, username);
  return db.user.update({ where: { id: user.id }, data: { lockedUntil: null, failedLogins: 0 } });
}
