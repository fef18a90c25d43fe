import type { ApolloServerPlugin } from "@apollo/server";
import { formatReason } from "@revita/messages";
import { type DocumentNode, GraphQLError, Kind, type OperationDefinitionNode } from "graphql";
import type { Context } from "../context.js";

/**
 * Changes that read no figures back: signing in and out, one's password and tokens, one's
 * briefing schedule. Allowed whichever figures the request reads.
 */
const CHANGES_WITHOUT_FIGURES = new Set([
  "signIn",
  "signOut",
  "changePassword",
  "createApiToken",
  "subscribeToBriefing",
  "cancelBriefingSubscription",
]);

/**
 * A change asked while reading approved or published figures only, refused before it runs.
 * A change is made as the API's own role, but its answer is read back in the request's figures,
 * where the new record (not yet approved, not published) is hidden: the change would be made
 * and answered with an error. The reader is told to switch to all figures instead.
 */
export function figuresReadOnlyRefusal(
  document: DocumentNode,
  operationName: string | null | undefined,
  figures: Context["figures"],
): GraphQLError | undefined {
  if (figures === "all") return undefined;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (operation?.operation !== "mutation") return undefined;
  // A fragment at the top of a mutation could hide any change: it is refused as a whole.
  const changes = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : "mutation"));
  const refused = changes.find((name) => name !== "__typename" && !CHANGES_WITHOUT_FIGURES.has(name));
  if (!refused) return undefined;
  const params = { figures, operation: refused };
  return new GraphQLError(formatReason("en", "FIGURES_READ_ONLY", params), {
    extensions: { code: "BAD_USER_INPUT", reason: "FIGURES_READ_ONLY", params, http: { status: 400 } },
  });
}

/** The refusal above, as the Apollo Server plugin the HTTP API runs. */
export function figuresReadOnlyPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const refusal = figuresReadOnlyRefusal(document, request.operationName, contextValue.figures);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
