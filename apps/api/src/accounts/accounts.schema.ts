import { AccessScope, type Capability } from "../access/access-scope.js";
import { builder } from "../builder.js";
import { AuthenticationError } from "../common/errors.js";
import type { Context } from "../context.js";
import { ACCESS_ROLES, changePassword, createApiToken, MAX_TOKEN_DAYS, signIn, signOut } from "./accounts.service.js";

const AccessRoleEnum = builder.enumType("AccessRole", {
  description:
    "VIEWER reads; ANALYST also runs free-form queries with a larger budget; EDITOR enters and changes data; APPROVER approves submitted reports; ADMIN manages users within the region.",
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
  if (!context.auth) throw new AuthenticationError("sign in first");
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
