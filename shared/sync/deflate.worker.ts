/**
 * A module Web Worker that deflates the tails of bundles' content with the platform's zlib while
 * the exports go on (deflate.ts says why and how the parts join). Each stream has an id; its chunks
 * arrive in order, `end` closes it and its raw DEFLATE output goes back, transferred; `abort` drops
 * it. The page keeps one such worker.
 */
import type { DeflateWorkerReply, DeflateWorkerRequest } from './deflate';

// The project compiles against the DOM library; a worker's global scope posts without a target origin.
const scope = self as unknown as {
  postMessage(message: DeflateWorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<DeflateWorkerRequest>) => void) | null;
};

type Stream = { writer: WritableStreamDefaultWriter<BufferSource>; writes: Promise<void>[]; output: Promise<ArrayBuffer> };
const streams = new Map<number, Stream>();

function open(): Stream {
  const stream = new CompressionStream('deflate-raw');
  // Drain from the start, so each chunk is compressed as it arrives rather than at the end.
  const output = new Response(stream.readable).arrayBuffer();
  output.catch(() => {}); // an aborted stream's output is never read
  return { writer: stream.writable.getWriter(), writes: [], output };
}

scope.onmessage = (event) => {
  const message = event.data;
  const { id } = message;
  if ('chunk' in message) {
    let stream = streams.get(id);
    if (!stream) streams.set(id, (stream = open()));
    const written = stream.writer.write(message.chunk as Uint8Array<ArrayBuffer>);
    written.catch(() => {}); // seen by the Promise.all at the end
    stream.writes.push(written);
    return;
  }
  const stream = streams.get(id) ?? open();
  streams.delete(id);
  if ('abort' in message) {
    stream.writer.abort().catch(() => {});
    return;
  }
  Promise.all([...stream.writes, stream.writer.close()])
    .then(() => stream.output)
    .then(
      (buffer) => scope.postMessage({ id, out: new Uint8Array(buffer) }, [buffer]),
      (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
    );
};
