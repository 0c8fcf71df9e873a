/**
 * The messages between the page and roster-import.worker.ts, and the worker's side as a plain
 * function (a test drives it without a browser; rosterImport.ts runs it in the page where no Worker
 * exists).
 *
 *   page → worker  { type: 'preview', bytes, fileName, units, people }   bytes are transferred
 *   worker → page  { type: 'done', preview, ms }                           ms: read + check, in the worker
 *                  { type: 'error', message }                              the file is not a roster sheet
 */
import { fileErrorPreview, previewRosterImport, type OrgUnit, type Person, type RosterPreview } from '../../shared/domain';
import { readRosterFile, RosterFileError } from '../../shared/documents/roster-xlsx';

export type RosterImportRequest = {
  type: 'preview';
  bytes: Uint8Array;
  fileName: string;
  units: OrgUnit[];
  people: Person[];
};

export type RosterImportResponse = { type: 'done'; preview: RosterPreview; ms: number };

/** Reads the file and previews it; a file that is not a roster comes back as the preview's fileError. */
export async function handleRosterImport(request: RosterImportRequest): Promise<RosterImportResponse> {
  const start = performance.now();
  try {
    const sheet = await readRosterFile(request.bytes, request.fileName);
    const preview = previewRosterImport(sheet, { units: request.units, people: request.people });
    return { type: 'done', preview, ms: performance.now() - start };
  } catch (e) {
    const message =
      e instanceof RosterFileError ? e.message : `无法读取“${request.fileName}”:${e instanceof Error ? e.message : String(e)}。请确认它是人员名册的Excel或CSV文件。`;
    return { type: 'done', preview: fileErrorPreview(message), ms: performance.now() - start };
  }
}
