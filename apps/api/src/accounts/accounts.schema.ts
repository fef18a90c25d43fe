import { AccessScope, type Capability } from "../access/access-scope.js";
import { builder } from "../builder.js";
import { applyChange } from "../changes/apply-change.js";
import { idempotencyKeyArg } from "../changes/idempotency-key.schema.js";
import { AuthenticationError, NotFoundError } from "../common/errors.js";
import type { Context } from "../context.js";
import { ACCESS_ROLES, changePassword, createApiToken, MAX_TOKEN_DAYS, signIn, signOut } from "./accounts.service.js";
import { createUserAsAdmin, grantRole, revokeRole, setUserDisabled, unlockUser } from "./user-admin.service.js";

const AccessRoleEnum = builder.enumType("AccessRole", {
  description:
    "VIEWER reads; ANALYST also runs free-form queries with a larger budget; EDITOR enters and changes data; APPROVER approves submitted reports; ADMIN manages users within the region; PERSONAL_DATA reads like a viewer and, in the village or town it names, monitored households' ID numbers, phones and bank accounts in full.",
  values: ACCESS_ROLES,
});

/** The outermost regions where a user's grants give each capability. */
interface UserScope {
  scope: AccessScope;
}

const UserScopeRef = builder.objectRef<UserScope>("UserScope").implement({
  description:
    "What a user may do where, from all their grants together: each list holds the outermost regions, each standing for its whole subtree.",
  fields: (t) => {
    const regions = (capability: Capability, description: string) =>
      t.prismaField({
        type: ["Region"],
        description,
        resolve: (query, { scope }, _args, context) =>
          context.prisma.region.findMany({
            ...query,
            where: { id: { in: [...scope.rootsFor(capability)] } },
            orderBy: { code: "asc" },
          }),
      });
    return {
      read: regions("read", "Regions whose data they may read."),
      edit: regions("edit", "Regions whose data they may enter and change (EDITOR)."),
      approve: regions("approve", "Regions whose submitted reports they may approve (APPROVER)."),
      administer: regions("admin", "Regions whose users and audit trail they manage (ADMIN)."),
      queriesFreely: t.boolean({
        description: "True when they may run free-form queries: the query editor and introspection (ANALYST or ADMIN).",
        resolve: ({ scope }) => scope.has("query"),
      }),
    };
  },
});

// Only what a user may know of an account: never the password hash, counters or sessions.
builder.prismaObject("User", {
  description: "Someone who signs in to Revita.",
  fields: (t) => ({
    scope: t.field({
      type: UserScopeRef,
      description: "What the user may do where: the dashboard shows it and hides what they cannot do.",
      select: { grants: { select: { role: true, region: { select: { id: true, path: true } } } } },
      resolve: (user) => ({ scope: AccessScope.of(user.grants) }),
    }),
    username: t.exposeString("username", { description: "Sign-in name, lower-case." }),
    displayName: t.exposeString("displayName", { description: "Name shown in the dashboard." }),
    disabled: t.exposeBoolean("disabled", { description: "True when an admin has disabled the account: it cannot sign in." }),
    locked: t.boolean({
      description: "True while sign-in is locked after too many wrong passwords (an admin can unlock it).",
      resolve: (user) => user.lockedUntil !== null && user.lockedUntil > new Date(),
    }),
    grants: t.relation("grants", {
      description: "What the user may do where: each role holds in its region and everything below it.",
      query: { orderBy: [{ regionId: "asc" }, { role: "asc" }] },
    }),
  }),
});

builder.prismaObject("RoleGrant", {
  description: "A role held in a region and its whole subtree.",
  fields: (t) => ({
    role: t.expose("role", { type: AccessRoleEnum, description: "The role." }),
    region: t.relation("region", { description: "Where it holds, with every region below." }),
  }),
});

const ApiTokenRef = builder.objectRef<{ token: string; label: string | null; expiresAt: Date }>("ApiToken").implement({
  description: "A bearer token for scripts: send it as `Authorization: Bearer <token>`. Shown once; only its hash is kept.",
  fields: (t) => ({
    token: t.exposeString("token", { description: "The token itself, starting with rvt_." }),
    label: t.exposeString("label", { nullable: true, description: "What it is for." }),
    expiresAt: t.expose("expiresAt", { type: "Date", description: "The last day it works." }),
  }),
});

function requireSignedIn(context: Context) {
  if (!context.auth) throw new AuthenticationError("SIGN_IN_REQUIRED", {});
  return context.auth;
}

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    nullable: true,
    description: "The signed-in user; null for an anonymous request.",
    skipTypeScopes: true,
    // An anonymous request looks up id 0, which no user has: null through the same query path.
    resolve: (query, _root, _args, context) =>
      context.prisma.user.findUnique({ ...query, where: { id: context.auth?.user.id ?? 0 } }),
  }),
);

builder.mutationFields((t) => ({
  signIn: t.prismaField({
    type: "User",
    description:
      "Signs in with a username and password and sets the dashboard's session cookie (HTTP-only, 12 hours). Five wrong passwords in a row lock the account for 15 minutes.",
    skipTypeScopes: true,
    args: {
      username: t.arg.string({ required: true, description: "Sign-in name." }),
      password: t.arg.string({ required: true, description: "Password." }),
    },
    resolve: async (query, _root, args, context) => {
      const { token, session, user } = await signIn(context.prisma, args.username, args.password);
      context.sessionCookie?.set(token, session.expiresAt);
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: user.id } });
    },
  }),
  signOut: t.boolean({
    description: "Ends the current session (cookie or bearer token); true when one was ended.",
    resolve: async (_root, _args, context) => {
      const auth = requireSignedIn(context);
      await signOut(context.prisma, auth.session.id);
      context.sessionCookie?.clear();
      return true;
    },
  }),
  changePassword: t.boolean({
    description: "Changes the signed-in user's password and signs out their other sessions and tokens.",
    args: {
      currentPassword: t.arg.string({ required: true, description: "The password now." }),
      newPassword: t.arg.string({ required: true, description: "At least 10 characters, without the username." }),
    },
    resolve: async (_root, args, context) => {
      const auth = requireSignedIn(context);
      await changePassword(context, auth.user.id, auth.session.id, args.currentPassword, args.newPassword);
      return true;
    },
  }),
  createApiToken: t.field({
    type: ApiTokenRef,
    description: "A bearer token for the signed-in user's scripts, with the same rights as the user.",
    args: {
      label: t.arg.string({ required: true, description: "What it is for, e.g. 月报导出脚本." }),
      days: t.arg.int({ defaultValue: 90, description: `How long it works, 1–${MAX_TOKEN_DAYS} days (default 90).` }),
    },
    resolve: async (_root, args, context) => {
      const auth = requireSignedIn(context);
      const { token, session } = await createApiToken(context.prisma, auth.user.id, args.label, args.days ?? 90);
      return { token, label: session.label, expiresAt: session.expiresAt };
    },
  }),
}));

// Managing accounts: for admins, within the regions they administer (user-admin.service.ts).

const GrantInputRef = builder.inputType("GrantInput", {
  description: "A role in a region (and everything below it).",
  fields: (t) => ({
    role: t.field({ type: AccessRoleEnum, required: true, description: "The role." }),
    regionCode: t.string({ required: true, description: "The region's 12-digit division code." }),
  }),
});

const CreateUserInputRef = builder.inputType("CreateUserInput", {
  description: "A new account. Every grant must lie in a region you administer.",
  fields: (t) => ({
    username: t.string({ required: true, description: "Sign-in name: 2–64 letters, digits, dots, dashes or underscores." }),
    displayName: t.string({ required: true, description: "Name shown in the dashboard, e.g. 平庄镇 填报员." }),
    password: t.string({ required: true, description: "First password: at least 10 characters, without the username." }),
    grants: t.field({ type: [GrantInputRef], required: true, description: "At least one role." }),
  }),
});

builder.queryField("users", (t) =>
  t.prismaField({
    type: ["User"],
    description: "Everyone holding a role in a region or below it, by username. For its admins (ADMIN role).",
    authScopes: (_root, args) => ({ administersCode: args.regionCode }),
    args: { regionCode: t.arg.string({ required: true, description: "The region's 12-digit division code." }) },
    resolve: async (query, _root, args, context) => {
      const region = await context.prisma.region.findUnique({ where: { code: args.regionCode }, select: { id: true } });
      if (!region) throw new NotFoundError("NO_SUCH_REGION", { code: args.regionCode }, "regionCode");
      return context.prisma.user.findMany({
        ...query,
        where: { grants: { some: { region: { path: { has: region.id } } } } },
        orderBy: { username: "asc" },
      });
    },
  }),
);

builder.mutationFields((t) => ({
  createUser: t.prismaField({
    type: "User",
    description: "Creates an account with its roles; every role must lie in a region you administer (ADMIN).",
    args: {
      input: t.arg({ type: CreateUserInputRef, required: true, description: "The account." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { input, idempotencyKey }, context) => {
      // The password stays out of the request's fingerprint, which is stored unsalted.
      const { userId } = await applyChange(
        context,
        "createUser",
        { input: { ...input, password: undefined }, idempotencyKey },
        async (tx) => ({ userId: (await createUserAsAdmin(tx, context.access, input)).id }),
      );
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  grantRole: t.prismaField({
    type: "User",
    description: "Gives a user a role in a region you administer (ADMIN); giving it again changes nothing.",
    authScopes: (_root, args) => ({ administersCode: args.regionCode }),
    args: {
      username: t.arg.string({ required: true, description: "Whose role." }),
      role: t.arg({ type: AccessRoleEnum, required: true, description: "The role." }),
      regionCode: t.arg.string({ required: true, description: "Where it holds (with everything below)." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { idempotencyKey, ...args }, context) => {
      const { userId } = await applyChange(context, "grantRole", { input: args, idempotencyKey }, async (tx) => ({
        userId: (await grantRole(tx, context.access, args.username, args.role, args.regionCode)).id,
      }));
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  revokeRole: t.prismaField({
    type: "User",
    description: "Takes a role in a region you administer (ADMIN) away from a user; it stops working at their next request.",
    authScopes: (_root, args) => ({ administersCode: args.regionCode }),
    args: {
      username: t.arg.string({ required: true, description: "Whose role." }),
      role: t.arg({ type: AccessRoleEnum, required: true, description: "The role." }),
      regionCode: t.arg.string({ required: true, description: "Where it held." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { idempotencyKey, ...args }, context) => {
      const { userId } = await applyChange(context, "revokeRole", { input: args, idempotencyKey }, async (tx) => ({
        userId: (await revokeRole(tx, context.access, args.username, args.role, args.regionCode)).id,
      }));
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  setUserDisabled: t.prismaField({
    type: "User",
    description:
      "Disables an account holding a role in your regions (ADMIN), ending its sessions and tokens at once, or enables it again.",
    args: {
      username: t.arg.string({ required: true, description: "Whose account." }),
      disabled: t.arg.boolean({ required: true, description: "True to disable, false to enable." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { idempotencyKey, ...args }, context) => {
      const { userId } = await applyChange(context, "setUserDisabled", { input: args, idempotencyKey }, async (tx) => ({
        userId: (await setUserDisabled(tx, context.access, args.username, args.disabled)).id,
      }));
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
  unlockUser: t.prismaField({
    type: "User",
    description: "Lifts the lockout after too many wrong passwords of an account holding a role in your regions (ADMIN).",
    args: {
      username: t.arg.string({ required: true, description: "Whose account." }),
      ...idempotencyKeyArg,
    },
    resolve: async (query, _root, { idempotencyKey, ...args }, context) => {
      const { userId } = await applyChange(context, "unlockUser", { input: args, idempotencyKey }, async (tx) => ({
        userId: (await unlockUser(tx, context.access, args.username)).id,
      }));
      return context.prisma.user.findUniqueOrThrow({ ...query, where: { id: userId } });
    },
  }),
}));
