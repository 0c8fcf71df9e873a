/**
 * A module Web Worker that deflates the tails of bundles' content with the platform's zlib while
 * the exports go on (deflate.ts says why and how the parts join). Each stream has an id; its chunks
 * arrive in order, `end` closes it and its raw DEFLATE output goes back, transferred; `abort` drops
 * it. The page keeps one such worker.
 */
import type { DeflateWorkerReply, DeflateWorkerRequest } from './deflate';
import { platformDeflate, type PlatformDeflate } from './platform-deflate';

// The project compiles against the DOM library; a worker's global scope posts without a target origin.
const scope = self as unknown as {
  postMessage(message: DeflateWorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<DeflateWorkerRequest>) => void) | null;
};

const streams = new Map<number, PlatformDeflate>();

/** This worker exists because the page has CompressionStream (deflate.ts checks before starting it). */
const open = (): PlatformDeflate => platformDeflate()!;

scope.onmessage = (event) => {
  const message = event.data;
  const { id } = message;
  if ('chunk' in message) {
    let stream = streams.get(id);
    if (!stream) streams.set(id, (stream = open()));
    stream.write(message.chunk);
    return;
  }
  const stream = streams.get(id) ?? open();
  streams.delete(id);
  if ('abort' in message) {
    stream.abort();
    return;
  }
  stream.close().then(
    (out) => scope.postMessage({ id, out }, [out.buffer]),
    (e: unknown) => scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) }),
  );
};
