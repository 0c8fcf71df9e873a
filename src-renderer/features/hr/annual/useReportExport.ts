import { useState } from 'react';
import { useServices } from '../../../state/services';
import { auditOutput } from '../../../../shared/store';
import { useNotifications } from '../../../state/notifications';
import { reportsText as t } from './strings';

export type ExportKind = 'docx' | 'xlsx';

/** Asks the host where to save a Word or Excel file HR built, and says what became of it. */
export function useReportExport() {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [busy, setBusy] = useState(false);
  const save = async (kind: ExportKind, name: string, build: () => Promise<Uint8Array> | Uint8Array) => {
    setBusy(true);
    try {
      const bytes = await build();
      const saved = await host.saveFile({
        suggestedName: name,
        data: new Uint8Array(bytes),
        filters: [
          kind === 'docx'
            ? { name: t.wordFilter, extensions: ['docx'] }
            : { name: t.excelFilter, extensions: ['xlsx'] },
        ],
      });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.(docx|xlsx)$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.exported(name) } : { kind: 'info', text: t.exportCancelled });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}
