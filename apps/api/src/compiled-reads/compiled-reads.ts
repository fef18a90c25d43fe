import type { ApolloServerPlugin, GraphQLResponse } from "@apollo/server";
import type { OperationDefinitionNode } from "graphql";
import type { Context } from "../context.js";
import { compileRead } from "./compile-read.js";
import { NotCompiled } from "./read-models.js";

/**
 * Answers the queries that compile (compile-read.ts) with one SQL statement, before graphql-js
 * executes them: no resolver, Prisma object or access-rule promise per row. Everything else — and
 * any compiled answer the API's rules would refuse in part, or a statement that fails — runs the
 * usual way, which then says what is wrong in its own words. Placed after the response cache, so
 * a kept answer is still served first, and kept like any other.
 */
export interface CompiledReads {
  plugin: ApolloServerPlugin<Context>;
  /** Counts since the start, for benchmarks and tests. */
  stats(): CompiledReadStats;
}

export interface CompiledReadStats {
  /** Operations answered by their compiled statement. */
  answered: number;
  /** Operations with something the compiled path does not know: run the usual way. */
  notCompiled: number;
  /** Compiled operations whose answer the rules would refuse in part: run the usual way. */
  handedOn: number;
  /** Compiled statements that failed: run the usual way, which reports the failure. */
  failed: number;
}

export function compiledReads(): CompiledReads {
  const counts: CompiledReadStats = { answered: 0, notCompiled: 0, handedOn: 0, failed: 0 };
  // Operations that never compile, whatever their values (most of the dashboard's documents):
  // Apollo's document store hands back the same parsed document for the same query text, so each
  // is tried once, not on every request.
  const neverCompiles = new WeakSet<OperationDefinitionNode>();
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async responseForOperation(request): Promise<GraphQLResponse | null> {
          const context = request.contextValue;
          // Anonymous requests are refused by the usual path's rules, in its words.
          if (request.operation.operation !== "query" || !context.access.signedIn || !context.apiRules) return null;
          if (neverCompiles.has(request.operation)) {
            counts.notCompiled++;
            return null;
          }
          let read: ReturnType<typeof compileRead>;
          try {
            read = compileRead(request.schema, request.document, request.operation, request.request.variables, context.figures);
          } catch (error) {
            if (!(error instanceof NotCompiled)) throw error;
            if (!error.byValues) neverCompiles.add(request.operation);
            counts.notCompiled++;
            return null;
          }
          let rows: { answer: string }[];
          try {
            rows = (await context.readStatement(read)) as { answer: string }[];
          } catch (error) {
            counts.failed++;
            console.error("compiled read failed; answering the usual way", error);
            return null;
          }
          let data: Record<string, unknown>;
          try {
            data = read.finish(JSON.parse(rows[0]!.answer) as Record<string, unknown>, context.access);
          } catch (error) {
            if (!(error instanceof NotCompiled)) throw error;
            counts.handedOn++;
            return null;
          }
          counts.answered++;
          return { http: request.response.http, body: { kind: "single", singleResult: { data } } };
        },
      };
    },
  };
  return { plugin, stats: () => ({ ...counts }) };
}
