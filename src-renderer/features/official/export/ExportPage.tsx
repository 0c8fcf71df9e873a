import { useState } from 'react';
import { Alert, Box, Button, LinearProgress, Paper, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { auditOutput } from '../../../../shared/store';
import { buildDocument, buildYearArchive, fileNameFor, toBytes, type FormData } from '../../../../shared/documents';
import { planStateLabels } from '../../../../shared/domain/plan';
import { recordStateLabels } from '../../../../shared/domain/record-book';
import { summaryStateLabels } from '../../../../shared/domain/summary';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { Loading, PageHeader } from '../../../components/page-parts';
import { useOfficial } from '../context';
import { useYearData } from '../data';
import { personHeader, planForm, recordForm, summaryForm } from '../documents';
import { RecordsTable } from '../YearList';

const t = zh.official.export;

type Row = { key: string; label: string; state: string; form: FormData };
type BuiltFile = { name: string; bytes: Uint8Array; filter: { name: string; extensions: string[] } };

/** Word forms one by one, or the whole year as one .zip (with progress; the window stays responsive). */
export function ExportPage() {
  const { db, host } = useServices();
  const { year, profile } = useOfficial();
  const { notify, reportError } = useNotifications();
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const data = useYearData();
  if (!data) return <Loading />;

  const person = personHeader(profile);
  const rows: Row[] = [
    ...(data.plan && data.plan.items.length > 0
      ? [{ key: 'plan', label: t.plan, state: planStateLabels[data.plan.state], form: planForm(data.plan, person) }]
      : []),
    ...data.records.map((r) => ({ key: `m${r.month}`, label: t.record(r.month), state: recordStateLabels[r.state], form: recordForm(r, person) })),
    ...data.summaries.map((s) => ({
      key: `q${s.quarter}`,
      label: t.summary(s.quarter),
      state: summaryStateLabels[s.state],
      form: summaryForm(s, person, data.records),
    })),
  ];

  /** Builds one file, offers to save it and says what became of it. */
  const exportFile = async (what: string, build: () => Promise<BuiltFile>) => {
    setBusy(what);
    try {
      const { name, bytes, filter } = await build();
      const saved = await host.saveFile({ suggestedName: name, data: new Uint8Array(bytes), filters: [filter] });
      if (saved) await auditOutput(db, { kind: 'document', what: name.replace(/\.[a-z]+$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.saved(name) } : { kind: 'info', text: t.cancelled });
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const exportOne = (row: Row) =>
    exportFile(row.key, async () => ({
      name: fileNameFor(row.form),
      bytes: await toBytes(buildDocument(row.form)),
      filter: { name: t.filterName, extensions: ['docx'] },
    }));

  const exportAll = () => {
    setProgress({ done: 0, total: rows.length });
    return exportFile('all', async () => ({
      name: `${year}年平时考核文书-${person.name}.zip`,
      bytes: await buildYearArchive(
        rows.map((r) => r.form),
        { onProgress: (done, total) => setProgress({ done, total }) },
      ),
      filter: { name: t.zipFilterName, extensions: ['zip'] },
    }));
  };

  return (
    <Stack spacing={2}>
      <PageHeader title={t.heading(year)} />
      <Typography variant="body2" color="text.secondary">
        {t.intro}
      </Typography>
      {rows.length === 0 ? (
        <Alert severity="info">{t.nothing}</Alert>
      ) : (
        <RecordsTable label={t.heading(year)} columns={['文书', '状态', '文件名']}>
          {rows.map((row) => (
            <TableRow key={row.key} hover>
              <TableCell>{row.label}</TableCell>
              <TableCell>{row.state}</TableCell>
              <TableCell sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>{fileNameFor(row.form)}</TableCell>
              <TableCell align="right">
                <Button
                  size="small"
                  variant="outlined"
                  disabled={busy !== null}
                  onClick={() => void exportOne(row)}
                  aria-label={`${t.exportWord}:${row.label}`}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {t.exportWord}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </RecordsTable>
      )}
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="export-all">
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography id="export-all" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t.exportAll} · {t.count(rows.length)}
          </Typography>
          <Button variant="contained" disabled={busy !== null || rows.length === 0} onClick={() => void exportAll()}>
            {t.exportAll}
          </Button>
        </Stack>
        {progress ? (
          <Box sx={{ mt: 1.5 }} role="status" aria-live="polite">
            <LinearProgress variant="determinate" value={progress.total ? (progress.done / progress.total) * 100 : 0} aria-label={t.progress(progress.done, progress.total)} />
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {t.progress(progress.done, progress.total)}
            </Typography>
          </Box>
        ) : null}
      </Paper>
    </Stack>
  );
}
