/**
 * Previews a roster file off the window: the bytes go to roster-import.worker.ts, the preview comes
 * back. Where no Worker exists (a component test in happy-dom) the same handler runs in the page.
 */
import type { OrgUnit, Person, RosterPreview } from '../../shared/domain';
import { handleRosterImport, type RosterImportRequest, type RosterImportResponse } from './roster-import-protocol';

export type RosterPreviewResult = { preview: RosterPreview; ms: number };

export function previewRosterFile(
  bytes: Uint8Array,
  fileName: string,
  roster: { units: OrgUnit[]; people: Person[] },
): Promise<RosterPreviewResult> {
  const request: RosterImportRequest = { type: 'preview', bytes, fileName, ...roster };
  if (typeof Worker === 'undefined') return handleRosterImport(request);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./roster-import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'dutybook-roster-import',
    });
    worker.onmessage = (event: MessageEvent<RosterImportResponse>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`读取人员名册的后台进程出错:${event.message || '未知错误'}`));
    };
    worker.postMessage(request, [bytes.buffer]);
  });
}
