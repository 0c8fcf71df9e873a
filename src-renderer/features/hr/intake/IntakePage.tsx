/**
 * 接收数据包: a whole folder of bundles (or a few files) at once. Each file is verified and imported in
 * its own transaction (shared/sync/intake.ts); the page shows which file is being worked on and
 * what has gone in so far, yields to the window between files, can stop, and ends with one report —
 * per file what became of it — that HR can copy or save as text or CSV.
 */
import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  LinearProgress,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { getCurrentRoster, getPinnedHr, getProfile, auditOutput } from '../../../../shared/store';
import {
  importBatch,
  outcomeText,
  reportCsv,
  reportText,
  totalsText,
  type IntakeEntry,
  type IntakeFile,
  type IntakeReport,
} from '../../../../shared/sync/intake';
import { useServices } from '../../../state/services';
import { VirtualRows } from '../../../components/VirtualRows';
import { useNotifications } from '../../../state/notifications';
import { BUNDLE_FILTER, stamp } from '../../../bundles/files';
import { dateTime } from '../../../components/dates';
import { ensureIdentity } from '../../../bundles/identity';
import { isCancelled } from '../../../key-store/keyStore';
import { useSyncUi } from '../../../bundles/syncState';
import { intakeText as t } from './strings';
import { backupBeforeImport } from '../../../backup/service';

type Progress = { index: number; total: number; name: string; facts: number; imported: number };

const TONES = {
  imported: 'success',
  already: 'default',
  skipped: 'default',
  refused: 'error',
  cancelled: 'warning',
} as const;

export function IntakePage() {
  const services = useServices();
  const { db, host } = services;
  const { notify, reportError } = useNotifications();
  const seeHrKey = useSyncUi((s) => s.seeHrKey);
  const status = useLiveQuery(
    async () => ({
      profile: (await getProfile(db)) ?? null,
      pinned: (await getPinnedHr(db)) !== undefined,
      roster: (await getCurrentRoster(db)) !== undefined,
    }),
    [db],
  );
  const [progress, setProgress] = useState<Progress | null>(null);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<(IntakeReport & { at: string }) | null>(null);
  const [stopped, setStopped] = useState(false);
  const [trustSeen, setTrustSeen] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const busy = reading || progress !== null;

  const run = async (directory: boolean) => {
    if (!status?.profile) return;
    try {
      setReading(true);
      // The chooser first, while the click still counts as the user's gesture.
      const chosen = await host.openFiles(
        directory
          ? { multiple: true, kind: 'bundle', directory: true }
          : { multiple: true, kind: 'bundle', filters: [BUNDLE_FILTER] },
      );
      if (chosen.length === 0) {
        setReading(false);
        if (directory) notify({ kind: 'info', text: t.nothingChosen });
        return;
      }
      const id = await ensureIdentity(services, status.profile);
      setReading(false);
      setReport(null);
      setStopped(false);
      setTrustSeen(false);
      const files: IntakeFile[] = chosen.map((f) => ({ name: f.name, data: f.data, skipped: f.skipped }));
      const abort = new AbortController();
      abortRef.current = abort;
      setProgress({ index: 0, total: files.length, name: files[0]!.name, facts: 0, imported: 0 });
      // One backup of the database before the whole batch (src-renderer/backup); a failed one only warns.
      const result = await backupBeforeImport(services, () => importBatch(db, files, {
        suite: id.suite,
        keys: id.keys,
        signal: abort.signal,
        onProgress: (p) => setProgress(p.index < p.total ? p : null),
        onEntry: (entry: IntakeEntry) => {
          const o = entry.outcome;
          if (o.kind === 'refused' && o.trustNeeded) {
            setTrustSeen(true);
            seeHrKey({ ...o.trustNeeded, from: o.from ?? '' });
          }
        },
      }));
      setStopped(abort.signal.aborted);
      setReport({ ...result, at: new Date().toISOString() });
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      abortRef.current = null;
      setReading(false);
      setProgress(null);
    }
  };

  const heading = report ? t.reportOf(dateTime(report.at)) : t.report;

  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(reportText(report, heading));
      notify({ kind: 'success', text: t.copied });
    } catch {
      notify({ kind: 'info', text: t.copyFailed });
    }
  };

  const save = async (kind: 'txt' | 'csv') => {
    if (!report) return;
    const name = t.reportFile(stamp(new Date(report.at)), kind);
    const text = kind === 'csv' ? reportCsv(report) : reportText(report, heading);
    try {
      const saved = await host.saveFile({
        suggestedName: name,
        data: new TextEncoder().encode(text),
        filters: [
          kind === 'csv'
            ? { name: t.csvFilter, extensions: ['csv'] }
            : { name: t.textFilter, extensions: ['txt'] },
        ],
      });
      if (saved) await auditOutput(services.db, { kind: 'document', what: name.replace(/\.(txt|csv)$/, ''), file: name });
      notify(saved ? { kind: 'success', text: t.saved(name) } : { kind: 'info', text: t.cancelled });
    } catch (e) {
      reportError(e);
    }
  };

  if (status === undefined) return null;
  const shown = report
    ? report.entries.filter(
        (e) => !onlyProblems || (e.outcome.kind !== 'imported' && e.outcome.kind !== 'already'),
      )
    : [];

  return (
    <Stack spacing={2} component="section" aria-labelledby="intake-title">
      <Typography id="intake-title" variant="h6" component="h2" sx={{ fontWeight: 600 }}>
        {t.title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t.help}
      </Typography>
      {!status.profile ? <Alert severity="warning">{t.noProfile}</Alert> : null}
      {!status.roster ? <Alert severity="info">{t.noRoster}</Alert> : null}
      {!status.pinned ? (
        <Alert
          severity="warning"
          data-testid="intake-no-pin"
          action={
            <Button color="inherit" size="small" href="#/sync">
              {t.goSync}
            </Button>
          }
        >
          {t.noPin}
        </Alert>
      ) : null}
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void run(true)} disabled={busy || !status.profile}>
          {t.chooseFolder}
        </Button>
        <Button variant="outlined" onClick={() => void run(false)} disabled={busy || !status.profile}>
          {t.chooseFiles}
        </Button>
        {progress ? (
          <Button color="warning" onClick={() => abortRef.current?.abort()}>
            {t.stop}
          </Button>
        ) : null}
      </Stack>
      {reading && !progress ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{t.reading}</Typography>
          <LinearProgress aria-label={t.reading} />
        </Box>
      ) : null}
      {progress ? (
        <Box role="status" aria-live="polite" data-testid="intake-progress">
          <Typography variant="body2" sx={{ wordBreak: 'break-all' }}>
            {t.progress(progress.index + 1, progress.total, progress.name)}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={(progress.index / Math.max(1, progress.total)) * 100}
            aria-label={t.progressLabel}
          />
          <Typography variant="caption" color="text.secondary">
            {t.progressFacts(progress.imported, progress.facts)}
          </Typography>
        </Box>
      ) : null}
      {trustSeen ? <Alert severity="warning">{t.trustSeen}</Alert> : null}
      {report ? (
        <Paper
          variant="outlined"
          sx={{ p: 2 }}
          component="section"
          aria-label={t.report}
          data-testid="intake-report"
        >
          <Stack spacing={1.5}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {heading}
              </Typography>
              <Box sx={{ flexGrow: 1 }} />
              <Button size="small" onClick={() => void copy()}>
                {t.copy}
              </Button>
              <Button size="small" onClick={() => void save('txt')}>
                {t.saveText}
              </Button>
              <Button size="small" onClick={() => void save('csv')}>
                {t.saveCsv}
              </Button>
            </Stack>
            {stopped ? <Alert severity="warning">{t.stopped}</Alert> : null}
            <Typography variant="body2" data-testid="intake-totals">
              {totalsText(report.totals)}
            </Typography>
            <FormControlLabel
              control={<Switch checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />}
              label={t.onlyProblems}
            />
            {shown.length === 0 && onlyProblems ? (
              <Typography variant="body2">{t.noProblems}</Typography>
            ) : (
              <TableContainer sx={{ maxHeight: 480 }}>
                <Table size="small" stickyHeader aria-label={t.report}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{t.colFile}</TableCell>
                      <TableCell>{t.colOutcome}</TableCell>
                      <TableCell>{t.colFrom}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    <VirtualRows
                      count={shown.length}
                      colSpan={3}
                      renderRow={(i) => {
                        const e = shown[i]!;
                        return (
                          <TableRow key={`${e.name}-${i}`} data-testid="intake-row">
                            <TableCell sx={{ wordBreak: 'break-all' }}>{e.name}</TableCell>
                            <TableCell>
                              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                                <Chip
                                  size="small"
                                  color={TONES[e.outcome.kind]}
                                  label={t.kinds[e.outcome.kind]}
                                />
                                <Typography variant="body2">{outcomeText(e.outcome)}</Typography>
                              </Stack>
                            </TableCell>
                            <TableCell>{'from' in e.outcome ? (e.outcome.from ?? '') : ''}</TableCell>
                          </TableRow>
                        );
                      }}
                    />
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
