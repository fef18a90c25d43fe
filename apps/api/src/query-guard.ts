import type { ApolloServerPlugin } from "@apollo/server";
import { formatReason, type Params, type ReasonCode } from "@revita/messages";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  visit,
} from "graphql";
import type { Context } from "./context.js";

/**
 * Limits that keep one request from occupying the server: how deep a query may nest, how many
 * aliases it may use, how large a page it may ask for, and how many objects it may touch at
 * most (each field counts once, multiplied by the page sizes of the connections it sits in).
 */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxPageSize: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 40, maxPageSize: 100, maxCost: 25_000 };

/** The larger budget of those who may query freely (ANALYST, ADMIN): their questions are their own. */
export const FREE_FORM_LIMITS: QueryLimits = { maxDepth: 16, maxAliases: 100, maxPageSize: 100, maxCost: 250_000 };

/** Pages asked for without first or last are this large (Pothos's default). */
const DEFAULT_PAGE_SIZE = 20;

/**
 * The most field selections a document may hold once every fragment spread is replaced by its
 * fragment. A fragment spreading the previous one twice doubles the count at each level: 27
 * levels in 1 KB held the event loop 12 s in validation. The dashboard's largest operation
 * expands to a few hundred, GraphiQL's introspection query to about 150.
 */
export const MAX_EXPANDED_SELECTIONS = 10_000;

/**
 * Counts a document's field selections as expanded, in time linear in the document's size (each
 * fragment is counted once, then reused), and refuses one over the limit. Meant to run on the
 * parsed document before validation, whose rules compare fields pairwise across the expansion.
 */
export function checkDocumentSize(document: DocumentNode, max = MAX_EXPANDED_SELECTIONS): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const sizes = new Map<string, number>();
  const counting = new Set<string>();
  const sizeOf = (selectionSet: SelectionSetNode | undefined): number => {
    let size = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) size += 1 + sizeOf(selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) size += sizeOf(selection.selectionSet);
      else size += fragmentSize(selection.name.value);
      // Past the limit the exact figure does not matter; stop adding (and overflowing).
      if (size > max) return size;
    }
    return size;
  };
  const fragmentSize = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // An unknown fragment or a cycle is validation's to refuse (KnownFragmentNames, NoFragmentCycles).
    if (!fragment || counting.has(name)) return 0;
    counting.add(name);
    const size = sizeOf(fragment.selectionSet);
    counting.delete(name);
    sizes.set(name, size);
    return size;
  };
  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) total += sizeOf(definition.selectionSet);
    if (total > max) return refusal("QUERY_TOO_COSTLY", "QUERY_TOO_LARGE", { max });
  }
  return undefined;
}

export function checkOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
  limits: QueryLimits = DEFAULT_LIMITS,
): GraphQLError | undefined {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION && (!operationName || definition.name?.value === operationName)) {
      operation ??= definition;
    }
  }
  if (!operation) return undefined;

  let aliases = 0;
  const problems: GraphQLError[] = [];
  const refuse = (code: string, reason: ReasonCode, params: Params) => problems.push(refusal(code, reason, params));

  // A variable left out takes its default, which the page-size rule must see as well as a literal.
  const defaults = new Map(
    (operation.variableDefinitions ?? []).flatMap((definition) =>
      definition.defaultValue ? [[definition.variable.name.value, literalValue(definition.defaultValue)] as const] : [],
    ),
  );
  const argumentValue = (value: ValueNode): unknown => {
    if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      return Object.hasOwn(variables, name) ? variables[name] : defaults.get(name);
    }
    return literalValue(value);
  };

  // Returns the cost of a selection set at a given depth, under a page-size multiplier.
  // Introspection's `ofType` chains (NON_NULL of LIST of NON_NULL of ...) are linear and answered
  // from memory; GraphiQL and code generators nest them nine deep, so they are counted apart
  // from the depth, against the same limit.
  const walk = (selectionSet: SelectionSetNode, depth: number, multiplier: number, path: string, ofTypeRun = 0): number => {
    if (depth > limits.maxDepth || ofTypeRun > limits.maxDepth) {
      refuse("QUERY_TOO_DEEP", "QUERY_TOO_DEEP", { max: limits.maxDepth, path });
      return 0;
    }
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (problems.length > 0) return cost;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) cost += walk(fragment.selectionSet, depth, multiplier, path, ofTypeRun);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet, depth, multiplier, path, ofTypeRun);
        continue;
      }
      if (selection.alias) aliases++;
      const name = selection.name.value;
      const here = path ? `${path}.${selection.alias?.value ?? name}` : (selection.alias?.value ?? name);
      cost += multiplier;
      if (!selection.selectionSet) continue;
      let pageSize: number | undefined;
      // A list argument asks for the field once per item (nodes(ids:) with 2,000 ids asks 2,000
      // objects): its length multiplies what the field's selection may touch.
      let listLength = 1;
      for (const argument of selection.arguments ?? []) {
        const listed = argumentValue(argument.value);
        if (Array.isArray(listed)) listLength = Math.max(listLength, listed.length);
      }
      for (const argument of selection.arguments ?? []) {
        if (argument.name.value !== "first" && argument.name.value !== "last") continue;
        const value = argumentValue(argument.value);
        if (typeof value === "number") {
          if (value > limits.maxPageSize || value < 0) {
            refuse("PAGE_TOO_LARGE", "PAGE_TOO_LARGE", {
              field: here,
              argument: argument.name.value,
              value,
              max: limits.maxPageSize,
            });
          }
          pageSize = Math.max(pageSize ?? 0, value);
        }
      }
      const isConnection = selection.selectionSet.selections.some(
        (child) => child.kind === Kind.FIELD && (child.name.value === "edges" || child.name.value === "nodes"),
      );
      const childMultiplier = (isConnection ? multiplier * (pageSize ?? DEFAULT_PAGE_SIZE) : multiplier) * listLength;
      cost +=
        name === "ofType"
          ? walk(selection.selectionSet, depth, childMultiplier, here, ofTypeRun + 1)
          : walk(selection.selectionSet, depth + 1, childMultiplier, here);
    }
    return cost;
  };

  const cost = walk(operation.selectionSet, 1, 1, "");
  if (problems.length > 0) return problems[0];
  if (aliases > limits.maxAliases) {
    return refusal("TOO_MANY_ALIASES", "TOO_MANY_ALIASES", { count: aliases, max: limits.maxAliases });
  }
  if (cost > limits.maxCost) {
    return refusal("QUERY_TOO_COSTLY", "QUERY_TOO_COSTLY", { cost, max: limits.maxCost });
  }
  return undefined;
}

/** A literal argument's value, as far as the limits need it: numbers and lists. */
function literalValue(value: ValueNode): unknown {
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values.map(literalValue);
  return undefined;
}

/** A refusal is the client's to fix: HTTP 400, before any resolver runs. */
function refusal(code: string, reason: ReasonCode, params: Params): GraphQLError {
  return new GraphQLError(formatReason("en", reason, params), { extensions: { code, reason, params, http: { status: 400 } } });
}

/** True when an operation asks for the schema itself (introspection), not just __typename. */
export function asksForSchema(document: DocumentNode): boolean {
  let asks = false;
  visit(document, {
    Field(node) {
      if (node.name.value === "__schema" || node.name.value === "__type") asks = true;
    },
  });
  return asks;
}

export interface GuardOptions {
  limits?: QueryLimits;
  freeFormLimits?: QueryLimits;
  /** In production only analysts and admins may introspect (what GraphiQL and codegen do). */
  production?: boolean;
}

/**
 * Runs checkOperation on every request, once variables are known and before execution, with the
 * budget of the asker's role; in production, refuses introspection to everyone but analysts and admins.
 */
export function queryGuardPlugin({
  limits = DEFAULT_LIMITS,
  freeFormLimits = FREE_FORM_LIMITS,
  production = process.env.NODE_ENV === "production",
}: GuardOptions = {}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, contextValue }) {
          const queriesFreely = contextValue.access.has("query");
          if (production && !queriesFreely && asksForSchema(document)) {
            const reason = contextValue.access.signedIn ? "INTROSPECTION_REFUSED" : "SIGN_IN_REQUIRED";
            throw new GraphQLError(formatReason("en", reason, {}), {
              extensions: contextValue.access.signedIn
                ? { code: "FORBIDDEN", reason, http: { status: 403 } }
                : { code: "UNAUTHENTICATED", reason, http: { status: 401 } },
            });
          }
          const problem = checkOperation(
            document,
            request.operationName,
            request.variables ?? {},
            queriesFreely ? freeFormLimits : limits,
          );
          if (problem) throw problem;
        },
      };
    },
  };
}
