/**
 * A module Web Worker that builds many Word forms into one .zip off the UI thread (protocol.ts says the
 * messages). Created by batchDocuments.ts; one request per worker, which the page then terminates.
 */
import { handleBatchRequest, type BatchRequest, type Post } from './protocol';

// The project compiles against the DOM library; a worker's global scope posts without a target origin.
const scope = self as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<BatchRequest>) => void) | null;
};

const post: Post = (message, transfer) => scope.postMessage(message, transfer ?? []);

scope.onmessage = (event) => {
  void handleBatchRequest(event.data, post);
};
