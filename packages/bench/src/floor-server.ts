import { createServer } from "node:http";
import pg from "pg";
import { PEER_QUERIES } from "./queries.js";

/**
 * The floor of bench:peer: node:http and pg running each question's one SQL statement in a
 * transaction under the same role and transaction-local settings as Revita's scoped client
 * (PEER_SETTINGS), with nothing else in between. GET /q1?subject=<code> answers the statement's
 * JSON as it comes.
 */
const settings = Object.entries(JSON.parse(process.env.PEER_SETTINGS ?? "{}") as Record<string, string>);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const enter = `SELECT ${settings.map((_, index) => `set_config($${2 * index + 1}, $${2 * index + 2}, true)`).join(", ")}`;
const enterValues = settings.flat();
const queries = new Map(PEER_QUERIES.map((query) => [`/${query.name}`, query.floor.sql]));

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? "/", "http://floor");
  const sql = queries.get(url.pathname);
  if (!sql) {
    response.writeHead(404).end();
    return;
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (settings.length) await client.query(enter, enterValues);
    const { rows } = await client.query<{ answer: unknown }>(sql, [url.searchParams.get("subject")]);
    await client.query("COMMIT");
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: rows[0]?.answer ?? null }));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    response.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: String(error) }] }));
  } finally {
    client.release();
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
process.on("SIGTERM", () => server.close(() => pool.end().then(() => process.exit(0))));
