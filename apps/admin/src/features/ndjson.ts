/**
 * The lines of an NDJSON body as they arrive, however the bytes were split in transit: how the
 * file endpoints (imports, briefings) report progress before their result.
 */
export async function* readNdjson<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  for (;;) {
    const { done, value } = await reader.read();
    // stream: a character split between two chunks is decoded when its last byte arrives.
    buffered += decoder.decode(value, { stream: !done });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line) as T;
      newline = buffered.indexOf("\n");
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as T;
}
