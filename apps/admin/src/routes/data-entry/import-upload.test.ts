import { describe, expect, it } from "vitest";
import { type ImportEvent, readImportEvents } from "./import-upload.js";

/** The text's bytes, cut at the given byte offsets. */
function streamOf(text: string, ...cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const edges = [0, ...cuts, bytes.length];
  return new ReadableStream({
    start(controller) {
      for (let i = 1; i < edges.length; i++) controller.enqueue(bytes.slice(edges[i - 1], edges[i]));
      controller.close();
    },
  });
}

describe("reading an import's answer", () => {
  it("yields each line once whole, however the bytes were split", async () => {
    const lines = [
      { type: "progress", rowsRead: 2000, problemCount: 1, written: 1999 },
      { type: "problems", problems: [{ row: 7, column: "报告期", message: "已上报" }] },
      { type: "result", result: { committed: false } },
    ].map((event) => JSON.stringify(event));
    const text = `${lines.join("\n")}\n`;
    // Cut inside a line, and between the bytes of 报.
    const insideCharacter = new TextEncoder().encode(text.slice(0, text.indexOf("报"))).length + 1;
    const events: ImportEvent[] = [];
    for await (const event of readImportEvents(streamOf(text, 10, insideCharacter))) events.push(event);
    expect(events.map((event) => event.type)).toEqual(["progress", "problems", "result"]);
    expect(events[1]).toEqual({ type: "problems", problems: [{ row: 7, column: "报告期", message: "已上报" }] });
  });

  it("reads a last line without its newline", async () => {
    const events: ImportEvent[] = [];
    for await (const event of readImportEvents(streamOf('{"type":"error","error":{"code":"CONFLICT","message":"x"}}'))) {
      events.push(event);
    }
    expect(events).toEqual([{ type: "error", error: { code: "CONFLICT", message: "x" } }]);
  });
});
