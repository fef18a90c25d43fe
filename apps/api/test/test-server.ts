import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "../src/seed/demo/users.js";
import { type RunningServer, type ServerOptions, startServer } from "../src/server.js";
import { openTestDatabase, type TestDatabase } from "./test-database.js";

export interface GraphqlResponse {
  status: number;
  /** The Set-Cookie headers of the response. */
  setCookie: string[];
  // biome-ignore lint/suspicious/noExplicitAny: each test reads what its own query asked for, checked by its assertions.
  body: { data?: any; errors?: { message: string; path?: unknown; extensions?: { code?: string; [key: string]: unknown } }[] };
}

export interface TestServer {
  db: TestDatabase;
  server: RunningServer;
  /** POSTs one operation to /graphql, with any extra headers (cookie, authorization). */
  graphql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphqlResponse>;
  /** Signs a demo user in and returns the headers that send their session cookie. */
  signIn(username: string): Promise<Record<string, string>>;
}

/**
 * The real HTTP server on a free port over a copy of the demo database, for the test file that
 * calls it (at its top level): opened before its tests, closed after them.
 */
export function useTestServer(options: Omit<ServerOptions, "port"> = {}): TestServer {
  const handle = {} as TestServer;
  beforeAll(async () => {
    handle.db = await openTestDatabase("demo");
    handle.server = await startServer(handle.db, { ...options, port: 0 });
  });
  afterAll(async () => {
    await handle.server?.stop();
    await handle.db?.close();
  });
  handle.graphql = async (query, variables = {}, headers = {}) => {
    const response = await fetch(`${handle.server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      setCookie: response.headers.getSetCookie(),
      body: (await response.json()) as GraphqlResponse["body"],
    };
  };
  handle.signIn = async (username) => {
    const response = await handle.graphql(
      `mutation($username: String!, $password: String!) { signIn(username: $username, password: $password) { username } }`,
      { username, password: DEMO_PASSWORD },
    );
    const cookie = response.setCookie[0]?.split(";")[0];
    if (!cookie) throw new Error(`could not sign ${username} in: ${JSON.stringify(response.body.errors)}`);
    return { cookie };
  };
  return handle;
}
