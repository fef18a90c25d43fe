import type { Duplex } from "node:stream";
import pg from "pg";
import type { SqlStatement } from "./database.js";

/**
 * Database.readInTransaction on PostgreSQL: BEGIN READ ONLY, the statements and COMMIT written
 * to the connection at once in the extended protocol, ended by one Sync (a pipeline, as libpq
 * calls it). The server runs them one after another and answers once: a read costs one round
 * trip, where sending each statement and waiting for its answer cost one per statement
 * (bench:peer: three for a compiled read, four for PostGraphile's). Each statement still runs
 * after the one before it has finished — the scope's SET ROLE before the read is planned, so
 * its row-level security is the right role's.
 *
 * The statements are prepared once per connection, so that each connection parses and plans a
 * statement once and then runs its plan, as PostGraphile's statements do (planning a county's
 * tree of towns and projects cost as much as running it).
 *
 * On failure the server skips the rest up to the Sync and leaves the transaction aborted: it is
 * rolled back, and the connection asked which of the statements this read was preparing it now
 * has (those parsed before the failure).
 */
export function pipelinedReads(pool: pg.Pool): (statements: readonly SqlStatement[]) => Promise<Record<string, unknown>[]> {
  const nameOf = preparedStatementNames();
  return (statements) => readOnPool(pool, statements, nameOf);
}

/** How many distinct statement texts are prepared, on each connection that runs them. */
const PREPARED_STATEMENTS = 500;

/**
 * Names for the statements sent, one per distinct text. Only the first PREPARED_STATEMENTS texts
 * get a name — a prepared statement lives as long as its connection, and a caller inventing new
 * query shapes must not fill the server's memory; the rest run as the unnamed statement, parsed
 * and planned each time.
 */
function preparedStatementNames(): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    let name = names.get(sql);
    if (name === undefined && names.size < PREPARED_STATEMENTS) {
      name = `revita_read_${names.size + 1}`;
      names.set(sql, name);
    }
    return name;
  };
}

async function readOnPool(
  pool: pg.Pool,
  statements: readonly SqlStatement[],
  nameOf: (sql: string) => string | undefined,
): Promise<Record<string, unknown>[]> {
  if (statements.length === 0) return [];
  // Values are checked before anything is written: a value that cannot be sent must not leave
  // half a pipeline on the connection.
  const wanted = [BEGIN, ...statements, COMMIT].map(({ sql, params }) => ({
    sql,
    values: params.map(parameterText),
    name: nameOf(sql),
  }));
  const client = await pool.connect();
  const prepared = preparedOn(client);
  const steps: PipelineStep[] = wanted.map(({ sql, values, name }) => ({
    sql,
    values,
    name: name ?? "",
    prepared: name !== undefined && prepared.has(name),
  }));
  // A connection whose ROLLBACK failed is in an unknown state: the pool closes it instead of lending it again.
  let broken: Error | undefined;
  try {
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      client.query(new PipelinedRead(steps, steps.length - 2, (error, rows) => (error ? reject(error) : resolve(rows ?? []))));
    });
    for (const { name } of steps) if (name) prepared.add(name);
    return rows;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
      // The statements parsed before the failure exist on the connection, the rest do not.
      const parsing = steps.filter((step) => step.name && !step.prepared).map((step) => step.name);
      if (parsing.length) {
        const parsed = await client.query<{ name: string }>("SELECT name FROM pg_prepared_statements WHERE name = ANY($1)", [
          parsing,
        ]);
        for (const { name } of parsed.rows) prepared.add(name);
      }
    } catch (failure) {
      broken = failure as Error;
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

const BEGIN: SqlStatement = { sql: "BEGIN READ ONLY", params: [] };
const COMMIT: SqlStatement = { sql: "COMMIT", params: [] };

/** The names of the statements prepared on each of the pool's connections. */
const preparedStatements = new WeakMap<pg.PoolClient, Set<string>>();

function preparedOn(client: pg.PoolClient): Set<string> {
  const names = preparedStatements.get(client) ?? new Set<string>();
  preparedStatements.set(client, names);
  return names;
}

/**
 * A parameter as the protocol's text format carries it: text, a number or a boolean, or null.
 * Anything else is refused (on both databases), since it has no one obvious text.
 */
export function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  throw new Error(`a compiled read's parameter is a ${typeof value}, not text or a number`);
}

interface PipelineStep {
  sql: string;
  values: (string | null)[];
  /** The prepared statement's name; "" for the unnamed statement. */
  name: string;
  /** Whether the connection has already parsed it. */
  prepared: boolean;
}

/**
 * The pipeline as a node-postgres Submittable (the driver's extension point for queries it does
 * not write itself, as pg-cursor is): the client lends it the connection until the Sync's
 * ReadyForQuery and hands it every message the server answers with.
 */
class PipelinedRead implements pg.Submittable {
  /** The answering statement's columns, once its RowDescription has come. */
  private columns: { name: string; parse: (text: string) => unknown }[] | undefined;
  private readonly rows: Record<string, unknown>[] = [];
  private rowFailure: Error | undefined;
  private settled = false;

  constructor(
    private readonly steps: readonly PipelineStep[],
    /** Which step's rows are the answer: only it is described, so only its rows are read. */
    private readonly answering: number,
    private readonly done: (error: Error | undefined, rows?: Record<string, unknown>[]) => void,
  ) {}

  submit(connection: pg.Connection): void {
    // Corked, the messages leave in one write.
    const stream = connection.stream as Duplex;
    stream.cork();
    try {
      this.steps.forEach((step, index) => {
        if (!step.prepared) connection.parse({ name: step.name, text: step.sql, types: [] }, true);
        connection.bind({ statement: step.name, portal: "", values: step.values }, true);
        if (index === this.answering) connection.describe({ type: "P", name: "" }, true);
        connection.execute({ portal: "" }, true); // every row
      });
      connection.sync();
    } finally {
      stream.uncork();
    }
  }

  handleRowDescription(message: { fields: { name: string; dataTypeID: number; format: string }[] }): void {
    this.columns = message.fields.map(({ name, dataTypeID, format }) => ({
      name,
      parse: pg.types.getTypeParser(dataTypeID, format === "binary" ? "binary" : "text") as (text: string) => unknown,
    }));
  }

  handleDataRow(message: { fields: (string | null)[] }): void {
    // Rows of the statements before the answering one (the scope's set_config) are not read.
    if (!this.columns || this.rowFailure) return;
    try {
      const row: Record<string, unknown> = {};
      this.columns.forEach(({ name, parse }, index) => {
        const text = message.fields[index];
        row[name] = text === null || text === undefined ? null : parse(text);
      });
      this.rows.push(row);
    } catch (error) {
      this.rowFailure = error as Error;
    }
  }

  handleCommandComplete(): void {
    // COMMIT's completion comes after the answer's: no later rows belong to it.
    this.columns = undefined;
  }

  handleEmptyQuery(): void {}

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: pg.Connection & { sendCopyFail(message: string): void }): void {
    connection.sendCopyFail("a read takes no COPY");
  }

  handleCopyData(): void {}

  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(this.rowFailure, this.rows);
  }

  private settle(error: Error | undefined, rows?: Record<string, unknown>[]) {
    if (this.settled) return;
    this.settled = true;
    this.done(error, rows);
  }
}
