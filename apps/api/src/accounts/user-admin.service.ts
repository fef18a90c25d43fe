import type { AccessScope } from "../access/access-scope.js";
import { type FieldIssue, fieldIssue, NotFoundError, RevitaError, ValidationError } from "../common/errors.js";
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
  if (!region) throw new ValidationError([fieldIssue(field, "NO_SUCH_REGION", { code })]);
  return region.path;
}

/**
 * A user every one of whose grants lies in the admin's regions. A user who also works elsewhere
 * (a role in another county) is not this admin's to change: granting them a role here must not
 * let Cengong's admin then disable Jingzhou's analyst. An admin of a region above both manages them.
 */
async function administeredUser(db: DbClient, access: AccessScope, username: string): Promise<User> {
  const user = await db.user.findUnique({
    where: { username: username.trim().toLowerCase() },
    include: { grants: { include: { region: { select: { path: true } } } } },
  });
  if (!user) throw new NotFoundError("NO_SUCH_USER", { username }, "username");
  if (user.grants.length === 0 || !user.grants.every((grant) => access.covers("admin", grant.region.path))) {
    throw new RevitaError("FORBIDDEN", "USER_OUTSIDE_YOUR_REGIONS", { username: user.username }, [
      fieldIssue("username", "USER_OUTSIDE_YOUR_REGIONS", { username: user.username }),
    ]);
  }
  return user;
}

/** Creates a user whose every grant lies in the regions the admin administers. */
export async function createUserAsAdmin(db: DbClient, access: AccessScope, input: CreateUserInput): Promise<User> {
  const grants = input.grants ?? [];
  if (grants.length === 0) {
    throw new ValidationError([fieldIssue("grants", "NO_ROLE_GIVEN")]);
  }
  const outside: FieldIssue[] = [];
  for (const [index, grant] of grants.entries()) {
    const region = await db.region.findUnique({ where: { code: grant.regionCode }, select: { path: true } });
    if (region && !access.covers("admin", region.path)) {
      outside.push(fieldIssue(`grants.${index}.regionCode`, "REGION_OUTSIDE_ADMINISTERED", { code: grant.regionCode }));
    }
  }
  if (outside.length)
    throw new RevitaError(
      "FORBIDDEN",
      "REGION_OUTSIDE_ADMINISTERED",
      { code: grants.map((g) => g.regionCode).join(", ") },
      outside,
    );
  return createUser(db, input);
}

async function checkedGrant(db: DbClient, access: AccessScope, role: AccessRole, regionCode: string) {
  if (!ACCESS_ROLES.includes(role))
    throw new ValidationError([fieldIssue("role", "NOT_ONE_OF", { allowed: ACCESS_ROLES.join(", "), value: String(role) })]);
  const path = await regionPath(db, regionCode, "regionCode");
  if (!access.covers("admin", path)) {
    throw new RevitaError("FORBIDDEN", "REGION_OUTSIDE_ADMINISTERED", { code: regionCode }, [
      fieldIssue("regionCode", "FIELD_OUTSIDE_ADMINISTERED"),
    ]);
  }
  return (await db.region.findUniqueOrThrow({ where: { code: regionCode }, select: { id: true } })).id;
}

/** Gives a user a role in a region the admin administers; giving it again changes nothing. */
export async function grantRole(db: DbClient, access: AccessScope, username: string, role: AccessRole, regionCode: string) {
  const regionId = await checkedGrant(db, access, role, regionCode);
  const user = await administeredUser(db, access, username);
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
  if (count === 0) throw new NotFoundError("NO_SUCH_GRANT", { username: user.username, role, region: regionCode }, "role");
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
