import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { AccessScope } from "../access/access-scope.js";
import type { Figures } from "../access/scoped-client.js";
import { type ArgValues, type FieldModel, NotCompiled, type ObjectModel, PATH_KEY, READ_MODELS } from "./read-models.js";

/**
 * Compiles a query to one SQL statement that builds its whole answer as JSON, the way PostGraphile
 * answers: one statement per operation whatever its depth or page sizes, only the columns asked
 * for, no Prisma object or resolver per row. Only operations made entirely of the fields in
 * read-models.ts compile; anything else — a field not listed, a directive, an argument not
 * understood, a fragment on an interface — throws NotCompiled and the operation runs the usual
 * way. `finish` checks the API's rules on the answer and throws NotCompiled too when the usual path
 * would refuse part of it, so that the refusal is said the usual way.
 */
export interface CompiledRead {
  sql: string;
  params: unknown[];
  /** The operation's data from the statement's JSON (parsed), checked against `access`. */
  finish(answer: Record<string, unknown>, access: AccessScope): Record<string, unknown>;
}

/** json_build_object takes at most 100 arguments: 50 keys. */
const MAX_KEYS = 50;
/** Pothos's limits for a connection's page (builder.ts: defaultConnectionSize, maxConnectionSize). */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

/** What `finish` does to one object of the answer. */
interface ObjectPlan {
  /** Whether the object's PATH_KEY must be readable (a Project; a Region whose data fields are asked). */
  checksPath: boolean;
  /** Whether the object carries PATH_KEY, to be removed. */
  carriesPath: boolean;
  children: ChildPlan[];
}

type ChildPlan =
  | { key: string; kind: "object"; nullable: boolean; plan: ObjectPlan }
  | { key: string; kind: "list"; plan: ObjectPlan }
  | { key: string; kind: "connection"; edges: { key: string; nodes: { key: string; plan: ObjectPlan }[] }[]; rooted: boolean }
  | { key: string; kind: "access"; fields: [string, string][] };

/** The key under which a rooted connection (Query.projects) sits inside its region's wrapper. */
const ROOTED_KEY = "~connection";

export function compileRead(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown> | undefined,
  figures: Figures = "all",
): CompiledRead {
  if (operation.operation !== "query") throw new NotCompiled("not a query");
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 1 });
  if (coerced.errors) throw new NotCompiled("variables", true);
  const compiler = new Compiler(document, coerced.coerced, figures);
  const queryType = schema.getQueryType()!;
  const { sql, plan } = compiler.object(READ_MODELS.Query, queryType, "q", operation.selectionSet);
  return {
    sql: `SELECT (${sql})::text AS answer`,
    params: compiler.params,
    finish: (answer, access) => {
      finishObject(answer, plan, access);
      return answer;
    },
  };
}

class Compiler {
  readonly params: unknown[] = [];
  private aliases = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
    private readonly figures: Figures,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  param = (value: unknown, type: "text" | "int") => {
    this.params.push(value);
    return `$${this.params.length}::${type}`;
  };

  private alias() {
    return `t${++this.aliases}`;
  }

  /** json_build_object(...) of the selection on the row aliased `a` of `model`. */
  object(model: ObjectModel, type: GraphQLObjectType, a: string, selection: SelectionSetNode): { sql: string; plan: ObjectPlan } {
    const fields = this.collect(selection, type.name, new Map());
    const pairs: string[] = [];
    const plan: ObjectPlan = { checksPath: false, carriesPath: false, children: [] };
    const needsPath = () => {
      if (plan.carriesPath) return;
      const path = model.readPath ?? model.ownPath;
      if (!path) throw new NotCompiled(`${model.typename} has no path`);
      plan.carriesPath = true;
      pairs.unshift(`'${PATH_KEY}', ${path(a)}`);
    };
    if (model.readPath) {
      needsPath();
      plan.checksPath = true;
    }
    for (const [key, nodes] of fields) {
      const node = nodes[0]!;
      const name = node.name.value;
      if (name === "__typename") {
        pairs.push(`'${key}', '${type.name}'`);
        continue;
      }
      // Own keys only: a field named like an Object property (constructor) is not a model entry.
      const field = Object.hasOwn(model.fields, name) ? model.fields[name] : undefined;
      const definition = type.getFields()[name];
      if (!field || !definition) throw new NotCompiled(`${type.name}.${name}`);
      const args = this.argumentsOf(model, definition, nodes);
      if (model.dataFields?.includes(name)) {
        needsPath();
        plan.checksPath = true;
      }
      const sub = () => mergedSelection(nodes);
      switch (field.kind) {
        case "scalar":
          pairs.push(`'${key}', ${field.sql(a)}`);
          break;
        case "access": {
          needsPath();
          const accessType = namedObject(definition);
          const wanted = [...this.collect(sub(), accessType.name, new Map())].map(
            ([subKey, subNodes]) => [subKey, subNodes[0]!.name.value] as [string, string],
          );
          // A placeholder keeps the key's place; finish fills it in from the path.
          pairs.push(`'${key}', NULL`);
          plan.children.push({ key, kind: "access", fields: wanted });
          break;
        }
        case "one": {
          const b = this.alias();
          const target = READ_MODELS[field.type];
          const inner = this.object(target, namedObject(definition), b, sub());
          pairs.push(`'${key}', (SELECT ${inner.sql} FROM ${target.table} ${b} WHERE ${field.where(a, b, args, this.param)})`);
          plan.children.push({ key, kind: "object", nullable: field.nullable, plan: inner.plan });
          break;
        }
        case "list": {
          const b = this.alias();
          const inner = this.object(READ_MODELS[field.type], namedObject(definition), b, sub());
          const source = field.from(a, b, args, this.param, this.figures);
          pairs.push(
            `'${key}', (SELECT coalesce(json_agg(${inner.sql} ORDER BY ${source.orderBy}), '[]'::json) ${source.fromWhere})`,
          );
          plan.children.push({ key, kind: "list", plan: inner.plan });
          break;
        }
        case "connection": {
          if (model.typename === "Query") {
            // Query.projects names its region by code: the region must exist (else NOT_FOUND the
            // usual way) and be readable (readsCode), so its path rides beside the connection.
            const r = this.alias();
            const regionWhere = `${r}.code = ${this.param(args.regionCode, "text")}`;
            const connection = this.connection(field, definition, r, args, sub());
            pairs.push(
              `'${key}', (SELECT json_build_object('${PATH_KEY}', ${r}.path, '${ROOTED_KEY}', ${connection.sql}) FROM region ${r} WHERE ${regionWhere})`,
            );
            plan.children.push({ key, kind: "connection", edges: connection.edges, rooted: true });
          } else {
            const connection = this.connection(field, definition, a, args, sub());
            pairs.push(`'${key}', ${connection.sql}`);
            plan.children.push({ key, kind: "connection", edges: connection.edges, rooted: false });
          }
          break;
        }
      }
    }
    if (pairs.length > MAX_KEYS) throw new NotCompiled("too many keys");
    return { sql: `json_build_object(${pairs.join(", ")})`, plan };
  }

  /**
   * A Relay connection's first page as Pothos's prisma connections answer it: `first` rows of the
   * source in its order (one more is read to know whether a next page exists), cursors of the
   * prisma plugin's form (base64 of "GPC:N:<id>"), and totalCount over the whole source.
   */
  private connection(
    field: Extract<FieldModel, { kind: "connection" }>,
    definition: GraphQLField<unknown, unknown>,
    a: string,
    args: ArgValues,
    selection: SelectionSetNode,
  ): { sql: string; edges: { key: string; nodes: { key: string; plan: ObjectPlan }[] }[] } {
    for (const backward of ["after", "before", "last"]) {
      if (args[backward] !== undefined && args[backward] !== null) throw new NotCompiled(backward, true);
    }
    const first = args.first ?? DEFAULT_PAGE;
    if (typeof first !== "number" || !Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw new NotCompiled("first", true);
    const connectionType = namedObject(definition);
    const edgeType = namedObject(connectionType.getFields().edges!);
    const target = READ_MODELS[field.type];
    const x = this.alias();
    const source = field.from(a, x, args, this.param);
    // Inlined, not a parameter: a checked integer, and a parameter no statement refers to (a
    // connection asked only for totalCount) has no type PostgreSQL can determine.
    const pageSize = String(first);
    const onPage = `FILTER (WHERE ${x}."~n" <= ${pageSize})`;
    const cursor = `encode(convert_to('GPC:N:' || ${x}.id, 'UTF8'), 'base64')`;
    const pairs: string[] = [];
    const edges: { key: string; nodes: { key: string; plan: ObjectPlan }[] }[] = [];
    let readsPage = false;
    for (const [key, nodes] of this.collect(selection, connectionType.name, new Map())) {
      const name = nodes[0]!.name.value;
      if (name === "__typename") pairs.push(`'${key}', '${connectionType.name}'`);
      else if (name === "totalCount") {
        const counted = field.from(a, this.alias(), args, this.param);
        pairs.push(`'${key}', (SELECT count(*)::int ${counted.fromWhere})`);
      } else if (name === "edges") {
        readsPage = true;
        const edgePairs: string[] = [];
        const nodePlans: { key: string; plan: ObjectPlan }[] = [];
        for (const [edgeKey, edgeNodes] of this.collect(mergedSelection(nodes), edgeType.name, new Map())) {
          const edgeField = edgeNodes[0]!.name.value;
          if (edgeField === "__typename") edgePairs.push(`'${edgeKey}', '${edgeType.name}'`);
          else if (edgeField === "cursor") edgePairs.push(`'${edgeKey}', ${cursor}`);
          else if (edgeField === "node") {
            const inner = this.object(target, namedObject(edgeType.getFields().node!), x, mergedSelection(edgeNodes));
            edgePairs.push(`'${edgeKey}', ${inner.sql}`);
            nodePlans.push({ key: edgeKey, plan: inner.plan });
          } else throw new NotCompiled(`${edgeType.name}.${edgeField}`);
        }
        pairs.push(
          `'${key}', coalesce(json_agg(json_build_object(${edgePairs.join(", ")}) ORDER BY ${x}."~n") ${onPage}, '[]'::json)`,
        );
        edges.push({ key, nodes: nodePlans });
      } else if (name === "pageInfo") {
        readsPage = true;
        const infoPairs: string[] = [];
        for (const [infoKey, infoNodes] of this.collect(mergedSelection(nodes), "PageInfo", new Map())) {
          const infoField = infoNodes[0]!.name.value;
          const sql = {
            __typename: `'PageInfo'`,
            hasNextPage: `coalesce(bool_or(${x}."~n" > ${pageSize}), false)`,
            hasPreviousPage: "false",
            startCursor: `(array_agg(${cursor} ORDER BY ${x}."~n") ${onPage})[1]`,
            endCursor: `(array_agg(${cursor} ORDER BY ${x}."~n" DESC) ${onPage})[1]`,
          }[infoField];
          if (!sql) throw new NotCompiled(`PageInfo.${infoField}`);
          infoPairs.push(`'${infoKey}', ${sql}`);
        }
        pairs.push(`'${key}', json_build_object(${infoPairs.join(", ")})`);
      } else throw new NotCompiled(`${connectionType.name}.${name}`);
    }
    if (pairs.length > MAX_KEYS) throw new NotCompiled("too many keys");
    const built = `json_build_object(${pairs.join(", ")})`;
    if (!readsPage) return { sql: `(SELECT ${built})`, edges };
    const page = `SELECT ${x}.*, row_number() OVER (ORDER BY ${source.orderBy}) AS "~n" ${source.fromWhere}
      ORDER BY ${source.orderBy} LIMIT ${pageSize} + 1`;
    return { sql: `(SELECT ${built} FROM (${page}) ${x})`, edges };
  }

  /** The arguments a field was given, coerced as graphql-js would; any the model does not take refuses. */
  private argumentsOf(model: ObjectModel, definition: GraphQLField<unknown, unknown>, nodes: readonly FieldNode[]): ArgValues {
    const accepted = model.args?.[definition.name] ?? [];
    for (const argument of nodes[0]!.arguments ?? []) {
      if (!accepted.includes(argument.name.value)) throw new NotCompiled(`argument ${argument.name.value}`);
    }
    for (const arg of definition.args) {
      // A default the compiled SQL would not apply (none today): refuse rather than differ.
      if (!accepted.includes(arg.name) && arg.defaultValue !== undefined) throw new NotCompiled(`default of ${arg.name}`);
    }
    try {
      return getArgumentValues(definition, nodes[0]!, this.variables) as ArgValues;
    } catch {
      throw new NotCompiled("arguments", true);
    }
  }

  /**
   * The fields of a selection by response key, fragments spread in, in the order graphql-js
   * answers them. Fragments on another type (an interface) and directives are not compiled.
   */
  private collect(selection: SelectionSetNode, typename: string, into: Map<string, FieldNode[]>): Map<string, FieldNode[]> {
    for (const item of selection.selections) {
      if (item.directives?.length) throw new NotCompiled("directive");
      if (item.kind === Kind.FIELD) {
        const key = item.alias?.value ?? item.name.value;
        into.set(key, [...(into.get(key) ?? []), item]);
      } else if (item.kind === Kind.INLINE_FRAGMENT) {
        if (item.typeCondition && item.typeCondition.name.value !== typename) throw new NotCompiled("fragment type");
        this.collect(item.selectionSet, typename, into);
      } else {
        const fragment = this.fragments.get(item.name.value);
        if (!fragment || fragment.directives?.length || fragment.typeCondition.name.value !== typename) {
          throw new NotCompiled("fragment");
        }
        this.collect(fragment.selectionSet, typename, into);
      }
    }
    return into;
  }
}

/** The sub-selections of every node of one response key, as one. */
function mergedSelection(nodes: readonly FieldNode[]): SelectionSetNode {
  return { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) };
}

function namedObject(definition: GraphQLField<unknown, unknown>): GraphQLObjectType {
  const type = getNamedType(definition.type);
  if (!isObjectType(type)) throw new NotCompiled(`${definition.name} is not an object`);
  return type;
}

function finishObject(value: Record<string, unknown>, plan: ObjectPlan, access: AccessScope): void {
  const path = value[PATH_KEY] as number[] | null | undefined;
  if (plan.checksPath && (!Array.isArray(path) || !access.covers("read", path))) throw new NotCompiled("refused");
  for (const child of plan.children) {
    const item = value[child.key];
    switch (child.kind) {
      case "object":
        if (item === null) {
          if (!child.nullable) throw new NotCompiled("missing");
        } else finishObject(item as Record<string, unknown>, child.plan, access);
        break;
      case "list":
        for (const element of item as Record<string, unknown>[]) finishObject(element, child.plan, access);
        break;
      case "connection": {
        let connection = item as Record<string, unknown> | null;
        if (child.rooted) {
          const rootPath = connection?.[PATH_KEY] as number[] | undefined;
          if (!connection || !rootPath || !access.covers("read", rootPath)) throw new NotCompiled("region");
          connection = connection[ROOTED_KEY] as Record<string, unknown>;
          value[child.key] = connection;
        }
        for (const edges of child.edges) {
          for (const edge of connection![edges.key] as Record<string, Record<string, unknown>>[]) {
            for (const node of edges.nodes) finishObject(edge[node.key]!, node.plan, access);
          }
        }
        break;
      }
      case "access": {
        const regionPath = path ?? [];
        const answers: Record<string, unknown> = {
          __typename: "RegionAccess",
          read: access.covers("read", regionPath),
          edit: access.covers("edit", regionPath),
          approve: access.covers("approve", regionPath),
          administer: access.covers("admin", regionPath),
        };
        value[child.key] = Object.fromEntries(child.fields.map(([key, name]) => [key, answers[name]]));
        break;
      }
    }
  }
  if (plan.carriesPath) delete value[PATH_KEY];
}
