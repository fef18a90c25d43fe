import { connect, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { frontendMessageReader, startStatementCounter } from "./statement-counter.js";

const message = (type: string, body: string) => {
  const payload = Buffer.from(body);
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(4 + payload.length, 1);
  return Buffer.concat([header, payload]);
};
const startup = () => {
  const body = Buffer.from("user\0bench\0\0");
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + body.length, 0);
  header.writeInt32BE(196608, 4);
  return Buffer.concat([header, body]);
};
const sslRequest = () => {
  const request = Buffer.alloc(8);
  request.writeInt32BE(8, 0);
  request.writeInt32BE(80877103, 4);
  return request;
};

describe("the frontend message reader", () => {
  it("reads the startup without a type byte, then each message's type, however the stream is cut", () => {
    const stream = Buffer.concat([
      sslRequest(),
      startup(),
      message("p", "secret\0"),
      message("Q", "BEGIN\0"),
      message("P", "\0SELECT 1\0\0\0"),
      message("B", "\0\0\0\0\0\0\0\0"),
      message("E", "\0\0\0\0\0"),
      message("S", ""),
    ]);
    for (const cut of [1, 3, 7, stream.length]) {
      const types: string[] = [];
      const read = frontendMessageReader((type) => types.push(String.fromCharCode(type)));
      for (let at = 0; at < stream.length; at += cut) read(stream.subarray(at, at + cut));
      expect(types).toEqual(["p", "Q", "P", "B", "E", "S"]);
    }
  });

  it("waits for a message's last byte before counting it", () => {
    const types: number[] = [];
    const read = frontendMessageReader((type) => types.push(type));
    const query = message("Q", "SELECT 1\0");
    read(startup());
    read(query.subarray(0, query.length - 1));
    expect(types).toEqual([]);
    read(query.subarray(query.length - 1));
    expect(types).toEqual([0x51]);
  });
});

describe("the statement counter", () => {
  it("counts each Query and Execute as a statement, and each Query and Sync as a round trip", async () => {
    // A stand-in for PostgreSQL that keeps what reaches it.
    let received = 0;
    const target = createServer((socket) => socket.on("data", (chunk: Buffer) => (received += chunk.length)));
    await new Promise<void>((listening) => target.listen(0, "127.0.0.1", listening));
    const { port } = target.address() as { port: number };
    const counter = await startStatementCounter({ host: "127.0.0.1", port });
    // One statement on its own, then a pipeline: BEGIN, a read and COMMIT, one Sync.
    const execute = () => [message("B", "\0\0\0\0\0\0\0\0"), message("E", "\0\0\0\0\0")];
    const stream = Buffer.concat([
      startup(),
      message("Q", "SELECT 1\0"),
      ...execute(),
      message("D", "P\0"),
      ...execute(),
      ...execute(),
      message("S", ""),
    ]);
    const client = connect(counter.port, "127.0.0.1");
    await new Promise<void>((connected) => client.once("connect", connected));
    client.write(stream);
    await expect.poll(() => received).toBe(stream.length);
    expect({ statements: counter.statements(), roundTrips: counter.roundTrips() }).toEqual({ statements: 4, roundTrips: 2 });
    client.destroy();
    await counter.close();
    await new Promise((closed) => target.close(closed));
  });
});
