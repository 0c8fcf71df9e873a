import { useState } from 'react';
import type { SupervisorFormData } from '../../../../shared/documents';
import { auditOutput } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { evalText as t } from './strings';

/** Builds a supervisor's Word form, asks the host where to save it, and says what became of it. */
export function useExportWord() {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [busy, setBusy] = useState(false);
  const exportWord = async (form: SupervisorFormData) => {
    setBusy(true);
    try {
      // The docx library loads with the first export, not with the workspace.
      const { buildDocument, fileNameFor, toBytes } = await import('../../../../shared/documents');
      const name = fileNameFor(form);
      const bytes = await toBytes(buildDocument(form));
      const saved = await host.saveFile({
        suggestedName: name,
        data: new Uint8Array(bytes),
        filters: [{ name: t.wordFilter, extensions: ['docx'] }],
      });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.docx$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.exported(name) } : { kind: 'info', text: t.exportCancelled });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, exportWord };
}
