/**
 * The platform's own raw DEFLATE (`CompressionStream('deflate-raw')`, zlib's default level), fed in
 * order and drained from the start — a readable nobody drains holds the writes back until the end,
 * so nothing would be compressed while the chunks arrive. One place for the page's one-shot
 * compression (content.ts), its streamed tail (deflate.ts) and the deflate worker. No imports: the
 * worker's bundle stays this small.
 */
export type PlatformDeflate = {
  write(chunk: Uint8Array): void;
  /** Ends the stream: every byte written, deflated. */
  close(): Promise<Uint8Array>;
  abort(): void;
};

/** Null where the platform has no such stream (no CompressionStream, or no 'deflate-raw' in it). */
export function platformDeflate(): PlatformDeflate | null {
  let stream: CompressionStream;
  try {
    stream = new CompressionStream('deflate-raw');
  } catch {
    return null;
  }
  const writer = stream.writable.getWriter();
  const output = new Response(stream.readable).arrayBuffer();
  output.catch(() => {}); // an aborted stream's output is never read
  const writes: Promise<void>[] = [];
  return {
    write: (chunk) => {
      const written = writer.write(chunk as Uint8Array<ArrayBuffer>);
      written.catch(() => {}); // seen by the Promise.all in close
      writes.push(written);
    },
    close: async () => {
      await Promise.all([...writes, writer.close()]);
      return new Uint8Array(await output);
    },
    abort: () => void writer.abort().catch(() => {}),
  };
}
