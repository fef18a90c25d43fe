import { connect, createServer, type Server } from "node:net";

/**
 * A TCP relay between one server under test and PostgreSQL that counts what it sends: statements
 * (every simple Query 'Q' and every Execute 'E' of the extended protocol, BEGIN and COMMIT and
 * set_config included) and round trips (every Query and every Sync 'S': the messages after which
 * the client waits for the server's ReadyForQuery). Statements sent one by one cost a round trip
 * each; a pipeline of several Executes ended by one Sync costs one. It reads only the frontend's
 * message headers (type byte and length), so it works for pg, Prisma's adapter and PostGraphile
 * alike, and costs every system the same relay.
 */
export interface StatementCounter {
  port: number;
  /** Statements sent since the relay started. */
  statements(): number;
  /** Round trips since the relay started. */
  roundTrips(): number;
  close(): Promise<void>;
}

const QUERY = 0x51;
const EXECUTE = 0x45;
const SYNC = 0x53;

export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  let roundTrips = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const reader = frontendMessageReader((type) => {
      if (type === QUERY || type === EXECUTE) statements++;
      if (type === QUERY || type === SYNC) roundTrips++;
    });
    client.on("data", (chunk: Buffer) => {
      reader(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("close", end);
    upstream.on("close", end);
    client.on("error", end);
    upstream.on("error", end);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("the statement counter has no port");
  return {
    port: address.port,
    statements: () => statements,
    roundTrips: () => roundTrips,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}

/**
 * Splits a frontend byte stream into messages and calls `onMessage` with each one's type. The
 * first message (startup, or an SSL/GSS request followed by startup) has no type byte: only a
 * length; every later one is a type byte and a length that counts itself but not the type.
 */
export function frontendMessageReader(onMessage: (type: number) => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        // 80877103 asks for SSL, 80877104 for GSS encryption: the real startup follows.
        if (code !== 80877103 && code !== 80877104) started = true;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      onMessage(pending[0]!);
      pending = pending.subarray(1 + length);
    }
  };
}
