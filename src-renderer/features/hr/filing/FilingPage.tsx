/**
 * 备案: approved plans and signed register versions still without a 备案回执, filed one by one or all at
 * once (after a confirmation, with progress); what is already filed, with the date and 经办人. Each
 * filing signs a receipt that travels back with the next bundle; refusals are said in Chinese.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Link,
  Menu,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { filedKindLabels } from '../../../../shared/domain';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  fileRecord,
  filingYear,
  listRefusalsOfYear,
  readTrackingYear,
  refuseFiling,
  type FilingInput,
} from '../../../../shared/store';
import { materialHref, type MaterialRef } from '../../../records/materials';
import { Link as RouterLink, useLocation } from 'react-router';
import { useServices } from '../../../state/services';
import { VirtualRows } from '../../../components/VirtualRows';
import { useNotifications } from '../../../state/notifications';
import { Loading } from '../../../components/page-parts';
import { YearSelect } from '../tracking/TrackingPage';
import { filingText as t } from './strings';
import { batchExportText as bt, exportQuarterEvaluations } from './batchExport';

type Job = { input: FilingInput; label: string };

/** A link that opens the material read-only beside the page (Back closes it). */
function MaterialLink({ to, children, onClick }: { to: MaterialRef; children: ReactNode; onClick?: () => void }) {
  const { search } = useLocation();
  return (
    <Link
      component={RouterLink}
      to={{ search: materialHref(to, search) }}
      state={{ materialOpened: true }}
      {...(onClick ? { onClick } : {})}
    >
      {children}
    </Link>
  );
}

/** The material a filing job is about, for the read-only panel. */
const refOf = (input: FilingInput): MaterialRef =>
  input.what === 'plan'
    ? { personId: input.personId, kind: 'plan', year: input.year }
    : { personId: input.personId, kind: 'register', year: input.year, quarter: input.quarter };

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

export function FilingPage({ now: fixedNow }: { now?: Date } = {}) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow]);
  const [year, setYear] = useState(now.getFullYear());
  const [confirm, setConfirm] = useState<Job[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [refusals, setRefusals] = useState<{ label: string; reason: string }[]>([]);
  const data = useLiveQuery(
    async () => ({ year, value: await readTrackingYear(db, year, { registers: true }) }),
    [db, year],
  );
  const refusedRows = useLiveQuery(
    async () =>
      (await Promise.all([listRefusalsOfYear(db, 'plan', year), listRefusalsOfYear(db, 'register', year)]))
        .flat()
        .sort((a, b) => b.refusedAt.localeCompare(a.refusedAt)),
    [db, year],
  );
  const [refusing, setRefusing] = useState<Job | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [refusingBusy, setRefusingBusy] = useState(false);
  const openRefuse = (job: Job) => {
    setRefusing(job);
    setReason('');
    setReasonError(null);
  };
  const refuse = async () => {
    if (!refusing) return;
    if (reason.trim() === '') {
      setReasonError(t.reasonRequired);
      return;
    }
    setRefusingBusy(true);
    try {
      await refuseFiling(db, { ...refusing.input, reason });
      notify({ kind: 'success', text: t.refusedDone(refusing.label) });
      setRefusing(null);
    } catch (e) {
      const d = describeError(e);
      setReasonError(d.fields[0]?.message ?? (d.detail || d.title));
    } finally {
      setRefusingBusy(false);
    }
  };
  const lists = useMemo(() => (data?.value ? filingYear(data.value) : null), [data]);
  // 批量导出领导评鉴表: the quarter menu, the worker's progress, and its cancel.
  const [batchMenu, setBatchMenu] = useState<HTMLElement | null>(null);
  const [batch, setBatch] = useState<{ done: number; total: number } | null>(null);
  const batchAbort = useRef<AbortController | null>(null);
  useEffect(() => () => batchAbort.current?.abort(), []); // leaving the page stops the worker
  const exportBatch = async (quarter: 1 | 2 | 3 | 4) => {
    setBatchMenu(null);
    const abort = new AbortController();
    batchAbort.current = abort;
    setBatch({ done: 0, total: 0 });
    try {
      const out = await exportQuarterEvaluations({
        db,
        host,
        year,
        quarter,
        onProgress: setBatch,
        signal: abort.signal,
      });
      if (out.kind === 'none') notify({ kind: 'info', text: bt.none(year, quarter) });
      else if (out.kind === 'cancelled') notify({ kind: 'info', text: bt.cancelled });
      else notify({ kind: 'success', text: bt.saved(out.count, out.name) });
    } catch (e) {
      reportError(e);
    } finally {
      batchAbort.current = null;
      setBatch(null);
    }
  };

  if (data === undefined || data.year !== year) return <Loading />;

  const planJobs: Job[] = (lists?.pendingPlans ?? []).map((p) => ({
    input: { what: 'plan', personId: p.plan.personId, year, version: p.plan.version },
    label: t.planLabel(p.name, p.plan.version),
  }));
  const registerJobs: Job[] = (lists?.pendingRegisters ?? []).map((r) => ({
    input: {
      what: 'register',
      personId: r.register.supervisorId,
      year,
      quarter: r.register.quarter,
      version: r.register.version,
    },
    label: t.registerLabel(r.name, r.register.quarter, r.register.version),
  }));

  const run = async (jobs: Job[]) => {
    setConfirm(null);
    setRefusals([]);
    const failed: { label: string; reason: string }[] = [];
    setProgress({ done: 0, total: jobs.length });
    let filed = 0;
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      try {
        await fileRecord(db, job.input);
        filed += 1;
      } catch (e) {
        const d = describeError(e);
        failed.push({ label: job.label, reason: d.detail || d.title });
      }
      setProgress({ done: i + 1, total: jobs.length });
      // A turn for the window between signatures.
      await new Promise((r) => setTimeout(r, 0));
    }
    setProgress(null);
    setRefusals(failed);
    if (filed > 0) notify({ kind: 'success', text: t.done(filed) });
  };

  const busy = progress !== null;

  return (
    <Stack spacing={2} component="section" aria-labelledby="filing-title">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="filing-title" variant="h6" component="h2" sx={{ fontWeight: 600 }}>
          {t.title}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <YearSelect year={year} onChange={setYear} now={now} />
        <Button
          variant="contained"
          disabled={busy || planJobs.length + registerJobs.length === 0}
          onClick={() => setConfirm([...planJobs, ...registerJobs])}
        >
          {t.fileAll(planJobs.length + registerJobs.length)}
        </Button>
        <Button
          variant="outlined"
          disabled={batch !== null || !data.value}
          aria-haspopup="menu"
          onClick={(e) => setBatchMenu(e.currentTarget)}
        >
          {bt.button}
        </Button>
        <Menu anchorEl={batchMenu} open={batchMenu !== null} onClose={() => setBatchMenu(null)}>
          {([1, 2, 3, 4] as const).map((q) => (
            <MenuItem key={q} onClick={() => void exportBatch(q)}>
              {year}年{bt.quarter(q)}
            </MenuItem>
          ))}
        </Menu>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {t.help}
      </Typography>
      {!data.value ? <Alert severity="info">{t.noRoster}</Alert> : null}
      {progress ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{t.progress(progress.done, progress.total)}</Typography>
          <LinearProgress
            variant="determinate"
            value={(progress.done / Math.max(1, progress.total)) * 100}
            aria-label={t.progressLabel}
          />
        </Box>
      ) : null}
      {batch ? (
        <Box role="status" aria-live="polite" data-testid="batch-export-progress">
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" sx={{ flexGrow: 1 }}>
              {batch.total === 0 ? bt.reading : bt.progress(batch.done, batch.total)}
            </Typography>
            <Button size="small" onClick={() => batchAbort.current?.abort()}>
              {bt.cancel}
            </Button>
          </Stack>
          <LinearProgress
            variant={batch.total === 0 ? 'indeterminate' : 'determinate'}
            value={(batch.done / Math.max(1, batch.total)) * 100}
            aria-label={bt.progressLabel}
          />
        </Box>
      ) : null}
      {refusals.length > 0 ? (
        <Alert severity="error" data-testid="filing-refusals">
          <strong>{t.refused(refusals.length)}</strong>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {refusals.map((r) => (
              <li key={r.label}>
                {r.label}:{r.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="filing-plans">
        <Typography id="filing-plans" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.plans(planJobs.length)}
        </Typography>
        {planJobs.length === 0 ? (
          <Typography variant="body2">{t.noPlans}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: '60vh' }}>
            <Table size="small" stickyHeader aria-label={t.plansTable}>
              <TableHead>
                <TableRow>
                  {t.planCols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <VirtualRows
                  count={lists!.pendingPlans.length}
                  colSpan={5}
                  renderRow={(i) => {
                    const p = lists!.pendingPlans[i]!;
                    return (
                      <TableRow key={p.plan.id} data-testid={`pending-plan-${p.plan.personId}`}>
                        <TableCell>
                          <MaterialLink to={refOf(planJobs[i]!.input)}>{p.name}</MaterialLink>
                        </TableCell>
                        <TableCell>{p.unitName}</TableCell>
                        <TableCell>{t.version(p.plan.version)}</TableCell>
                        <TableCell>{day(p.plan.approvedAt)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={busy}
                            onClick={() => setConfirm([planJobs[i]!])}
                            aria-label={`${t.file}:${planJobs[i]!.label}`}
                          >
                            {t.file}
                          </Button>{' '}
                          <Button
                            size="small"
                            color="warning"
                            disabled={busy}
                            onClick={() => openRefuse(planJobs[i]!)}
                            aria-label={`${t.refuse}:${planJobs[i]!.label}`}
                          >
                            {t.refuse}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  }}
                />
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="filing-registers">
        <Typography id="filing-registers" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.registers(registerJobs.length)}
        </Typography>
        {registerJobs.length === 0 ? (
          <Typography variant="body2">{t.noRegisters}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: '60vh' }}>
            <Table size="small" stickyHeader aria-label={t.registersTable}>
              <TableHead>
                <TableRow>
                  {t.registerCols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <VirtualRows
                  count={lists!.pendingRegisters.length}
                  colSpan={7}
                  renderRow={(i) => {
                    const r = lists!.pendingRegisters[i]!;
                    return (
                      <TableRow
                        key={r.register.id}
                        data-testid={`pending-register-${r.register.supervisorId}-${r.register.quarter}-${r.register.version}`}
                      >
                        <TableCell>
                          <MaterialLink to={refOf(registerJobs[i]!.input)}>{r.name}</MaterialLink>
                        </TableCell>
                        <TableCell>{r.register.unitName || r.unitName}</TableCell>
                        <TableCell>{t.quarter(r.register.quarter)}</TableCell>
                        <TableCell>
                          {t.version(r.register.version)}
                          {r.register.correctionOf ? t.correction(r.register.correctionOf.version) : ''}
                        </TableCell>
                        <TableCell>{t.people(r.register.entries.length)}</TableCell>
                        <TableCell>{day(r.register.signedAt)}</TableCell>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          <Button
                            size="small"
                            variant="outlined"
                            disabled={busy}
                            onClick={() => setConfirm([registerJobs[i]!])}
                            aria-label={`${t.file}:${registerJobs[i]!.label}`}
                          >
                            {t.file}
                          </Button>{' '}
                          <Button
                            size="small"
                            color="warning"
                            disabled={busy}
                            onClick={() => openRefuse(registerJobs[i]!)}
                            aria-label={`${t.refuse}:${registerJobs[i]!.label}`}
                          >
                            {t.refuse}
                          </Button>
                        </TableCell>
                      </TableRow>
                    );
                  }}
                />
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="filing-refused">
        <Typography id="filing-refused" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.refusedTitle(refusedRows?.length ?? 0)}
        </Typography>
        {!refusedRows || refusedRows.length === 0 ? (
          <Typography variant="body2">{t.noRefused}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: '40vh' }}>
            <Table size="small" stickyHeader aria-label={t.refusedTable}>
              <TableHead>
                <TableRow>
                  {t.refusedCols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {refusedRows.map((r) => {
                  const name = data.value?.names.get(r.personId) ?? '';
                  return (
                    <TableRow key={r.id} data-testid="refused-row">
                      <TableCell>
                        <MaterialLink
                          to={
                            r.what === 'plan'
                              ? { personId: r.personId, kind: 'plan', year: r.year }
                              : { personId: r.personId, kind: 'register', year: r.year, quarter: r.quarter ?? 1 }
                          }
                        >
                          {name}
                        </MaterialLink>
                      </TableCell>
                      <TableCell>
                        {filedKindLabels[r.what]}
                        {r.quarter ? `(${t.quarter(r.quarter)})` : ''}
                      </TableCell>
                      <TableCell>{t.version(r.version)}</TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>{r.reason}</TableCell>
                      <TableCell>{day(r.refusedAt)}</TableCell>
                      <TableCell>{r.clerk}</TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>

      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="filing-done">
        <Typography id="filing-done" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.filed(lists?.filed.length ?? 0)}
        </Typography>
        {!lists || lists.filed.length === 0 ? (
          <Typography variant="body2">{t.noFiled}</Typography>
        ) : (
          <TableContainer sx={{ maxHeight: '60vh' }}>
            <Table size="small" stickyHeader aria-label={t.filedTable}>
              <TableHead>
                <TableRow>
                  {t.filedCols.map((c) => (
                    <TableCell key={c}>{c}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                <VirtualRows
                  count={lists.filed.length}
                  colSpan={6}
                  renderRow={(i) => {
                    const f = lists.filed[i]!;
                    return (
                      <TableRow key={f.id} data-testid="filed-row">
                        <TableCell>{f.name}</TableCell>
                        <TableCell>{f.unitName}</TableCell>
                        <TableCell>
                          {filedKindLabels[f.what]}
                          {f.quarter ? `(${t.quarter(f.quarter)})` : ''}
                        </TableCell>
                        <TableCell>{t.version(f.version)}</TableCell>
                        <TableCell>{day(f.filedAt)}</TableCell>
                        <TableCell>{f.clerk}</TableCell>
                      </TableRow>
                    );
                  }}
                />
              </TableBody>
            </Table>
          </TableContainer>
        )}
      </Paper>

      <Dialog open={confirm !== null} onClose={() => setConfirm(null)} aria-labelledby="filing-confirm-title">
        <DialogTitle id="filing-confirm-title">{t.confirmTitle(confirm?.length ?? 0)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{t.confirmText}</DialogContentText>
          <Box component="ul" sx={{ maxHeight: 240, overflow: 'auto', pl: 3 }} tabIndex={0}>
            {(confirm ?? []).slice(0, 50).map((j) => (
              <li key={j.label}>
                <Typography variant="body2">
                  <MaterialLink to={refOf(j.input)} onClick={() => setConfirm(null)}>
                    {j.label}
                  </MaterialLink>
                </Typography>
              </li>
            ))}
            {(confirm?.length ?? 0) > 50 ? <li>{t.more((confirm?.length ?? 0) - 50)}</li> : null}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(null)}>{t.cancel}</Button>
          <Button variant="contained" onClick={() => confirm && void run(confirm)} autoFocus>
            {t.confirm}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog
        open={refusing !== null}
        onClose={() => (refusingBusy ? undefined : setRefusing(null))}
        aria-labelledby="filing-refuse-title"
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle id="filing-refuse-title">{t.refuseTitle}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>
            {refusing ? (
              <strong>{refusing.label}</strong>
            ) : null}
          </DialogContentText>
          <DialogContentText sx={{ mb: 2 }}>
            {refusing ? t.refuseText(refusing.input.what) : ''}
          </DialogContentText>
          <TextField
            label={t.reasonLabel}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonError(null);
            }}
            multiline
            minRows={3}
            fullWidth
            required
            autoFocus
            error={reasonError !== null}
            helperText={reasonError ?? t.reasonHelp}
            slotProps={{ htmlInput: { maxLength: 500 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRefusing(null)} disabled={refusingBusy}>
            {t.cancel}
          </Button>
          <Button variant="contained" color="warning" onClick={() => void refuse()} disabled={refusingBusy}>
            {t.refuseConfirm}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
