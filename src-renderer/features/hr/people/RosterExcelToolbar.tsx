import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { unitPathIds, type OrgUnit } from '../../../../shared/domain';
import { buildRosterExport, buildRosterTemplate } from '../../../../shared/documents/roster-xlsx';
import { auditOutput, listUnits } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { Section } from '../../../components/Section';
import { ImportRosterDialog } from './ImportRosterDialog';
import { importText as t } from './import-strings';

/** 人员名册与Excel: the template, the import, and the export of the roster or of one unit's people. */
export function RosterExcelToolbar() {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const units = useLiveQuery(() => listUnits(db), [db]) ?? [];
  const [scope, setScope] = useState('');
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (file: string, build: () => Promise<Uint8Array>, what: string, count?: number) => {
    setBusy(true);
    try {
      const data = await build();
      const saved = await host.saveFile({ suggestedName: file, data: new Uint8Array(data), filters: [{ name: t.excelFilter, extensions: ['xlsx'] }] });
      if (!saved) {
        notify({ kind: 'info', text: t.cancelled });
        return;
      }
      await auditOutput(db, { kind: 'document', what, file, ...(count !== undefined ? { count } : {}) });
      notify({ kind: 'success', text: count === undefined ? t.templateSaved(file) : t.exported(file, count) });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const template = () => {
    const top = units.find((u) => u.parentId === null);
    void save(t.templateFile, () => buildRosterTemplate(top?.name), '人员名册模板');
  };

  const exportRoster = async () => {
    const [allUnits, everyone] = await Promise.all([db.orgUnits.toArray(), db.people.toArray()]);
    const unit: OrgUnit | undefined = scope ? allUnits.find((u) => u.id === scope) : undefined;
    const order = new Map(units.map((u, i) => [u.id, i]));
    const people = everyone
      .filter((p) => p.active)
      .filter((p) => !unit || (allUnits.find((u) => u.id === p.unitId)?.path ?? '').startsWith(unit.path))
      .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || (a.staffNo ?? '').localeCompare(b.staffNo ?? ''));
    const name = unit?.parentId ? unit.name : null;
    void save(t.exportFile(name), () => buildRosterExport(people, allUnits, everyone), t.exportWhat(name), people.length);
  };

  return (
    <Section id="hr-roster-excel" title={t.toolbar}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" onClick={() => setImporting(true)} disabled={busy}>
          {t.import}
        </Button>
        <Button onClick={template} disabled={busy}>
          {t.template}
        </Button>
        <TextField
          select
          size="small"
          label={t.exportScope}
          value={scope}
          onChange={(e) => setScope(e.target.value)}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">{t.everyone}</MenuItem>
          {units
            .filter((u) => u.parentId !== null)
            .map((u) => (
              <MenuItem key={u.id} value={u.id} sx={{ pl: 2 * unitPathIds(u.path).length }}>
                {u.name}
              </MenuItem>
            ))}
        </TextField>
        <Button onClick={() => void exportRoster()} disabled={busy}>
          {t.export}
        </Button>
      </Stack>
      <ImportRosterDialog open={importing} onClose={() => setImporting(false)} />
    </Section>
  );
}
