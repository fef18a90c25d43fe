import { createServer } from "node:http";
import * as aggregates from "@graphile/pg-aggregates";
import * as simplifyInflector from "@graphile-contrib/pg-simplify-inflector";
import postgraphileModule, { type Plugin } from "postgraphile";

/**
 * PostGraphile 4 over Revita's tables, the peer of bench:peer. Started as a child process by
 * peer.ts with DATABASE_URL (through the statement counter), PORT and PEER_SETTINGS: a JSON
 * object of the transaction-local settings each request gets, e.g. the role revita_api and the
 * reader's regions, exactly those the scoped client sets; `{}` reads as the tables' owner, with
 * no row-level security at all.
 */
const settings = JSON.parse(process.env.PEER_SETTINGS ?? "{}") as Record<string, string>;

// PostGraphile re-exports graphile-utils in a way Node's named imports of CommonJS cannot see.
const { makeJSONPgSmartTagsPlugin, postgraphile } = postgraphileModule;

// Both are CommonJS: Node's import gives module.exports, whose `default` is the plugin when
// it was compiled from ES modules.
const pluginOf = (module: unknown): Plugin => {
  const exported = module as { default?: unknown };
  return (
    typeof exported === "function" ? exported : ((exported.default as { default?: unknown }).default ?? exported.default)
  ) as Plugin;
};

// Prisma makes unique indexes, not constraints: PostGraphile offers lookups by code when told.
const UniqueCodes = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      project: { tags: { unique: "code" } },
      region: { tags: { unique: "code" } },
      project_category: { tags: { unique: "code" } },
    },
    procedure: { region_subtree_projects: { tags: { sortable: true } } },
  },
});

const middleware = postgraphile(process.env.DATABASE_URL, "public", {
  appendPlugins: [pluginOf(simplifyInflector), pluginOf(aggregates), UniqueCodes],
  disableDefaultMutations: true,
  ignoreRBAC: true,
  setofFunctionsContainNulls: false,
  legacyRelations: "omit",
  disableQueryLog: true,
  retryOnInitFail: false,
  pgSettings: () => settings,
});

const server = createServer(middleware);
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
