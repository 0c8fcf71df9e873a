/**
 * A module Web Worker that reads a roster .xlsx/.csv and checks every row (roster-import-protocol.ts),
 * so a file of thousands of people leaves the window responsive. One request per worker.
 */
import { handleRosterImport, type RosterImportRequest } from './roster-import-protocol';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<RosterImportRequest>) => void) | null;
};

scope.onmessage = (event) => {
  void handleRosterImport(event.data).then((m) => scope.postMessage(m));
};
