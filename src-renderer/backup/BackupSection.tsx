/**
 * 设置 → 备份与恢复: the automatic backups kept on this device (time, reason, size, contents), 立即备份,
 * 备份到文件 (under a passphrase, to restore on another PC), 从文件恢复 and 从自动备份恢复. A restore
 * shows the verified summary and what it replaces, backs up the current data first, then replaces
 * everything at once and reloads the app. Errors are said in the dialog; nothing is lost on the way.
 * Over 400 lines on purpose: the section and its two dialogs (to a file, restore) are one flow that
 * shares the chosen source and its verified summary; the work itself is in shared/backup.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { describeError } from '../../shared/errors/messages.zh';
import { getProfile, auditOutput } from '../../shared/store';
import {
  BackupError,
  CURRENT_SCHEMA_VERSION,
  createBackup,
  inspectBackup,
  listAutomaticBackups,
  loadBackupKey,
  restoreBackup,
  takeAutomaticBackup,
  type AutomaticBackupEntry,
  type BackupKey,
  type BackupSummary,
} from '../../shared/backup';
import { useServices } from '../state/services';
import { Section } from '../components/Section';
import { zh } from '../i18n/zh';
import { useNotifications } from '../state/notifications';
import { ensureUnlocked, isCancelled } from '../key-store/keyStore';
import { backupStrings as t, REASON_WORDS, size } from './strings';
import { formatChineseDateTime as dateTime } from '../../shared/domain/calendar';
import { visuallyHidden } from '../components/visuallyHidden';

const FILTER = { name: '履责记实数据库备份', extensions: ['dbbak'] };

/** 0 too short, 1 weak, 2 fair, 3 strong: length and the kinds of characters used. */
export function passphraseStrength(p: string): 0 | 1 | 2 | 3 {
  if ([...p].length < 8) return 0;
  let score = 0;
  if (/[a-z]/.test(p)) score++;
  if (/[A-Z]/.test(p)) score++;
  if (/[0-9]/.test(p)) score++;
  if (/[^A-Za-z0-9]/.test(p)) score++;
  if ([...p].length >= 12) score++;
  if ([...p].length >= 16) score++;
  return score <= 2 ? 1 : score <= 3 ? 2 : 3;
}

function counts(s: BackupSummary): string {
  return t.counts(s.tables.people ?? 0, s.tables.facts ?? 0, s.rows);
}

type RestoreSource = { kind: 'file'; name: string; bytes: Uint8Array } | { kind: 'auto'; entry: AutomaticBackupEntry };

export function BackupSection({ onRestored = () => window.location.reload() }: { onRestored?: () => void }) {
  const { db, host } = useServices();
  const { reportError, notify } = useNotifications();
  const [list, setList] = useState<AutomaticBackupEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [toFile, setToFile] = useState(false);
  const [restoring, setRestoring] = useState<RestoreSource | null>(null);

  const refresh = useCallback(async () => {
    try {
      setList(await listAutomaticBackups(host));
    } catch (e) {
      setList([]);
      reportError(e);
    }
  }, [host, reportError]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const backupNow = async () => {
    setBusy(true);
    try {
      await ensureUnlocked(host);
      await takeAutomaticBackup(db, host, 'manual');
      notify({ kind: 'success', text: t.backedUp(dateTime(new Date())) });
      await refresh();
    } catch (e) {
      if (!isCancelled(e)) reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const fromFile = async () => {
    try {
      const [file] = await host.openFiles({ multiple: false, kind: 'db-backup', filters: [FILTER] });
      if (file) setRestoring({ kind: 'file', name: file.name, bytes: file.data });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Section id="settings-backup" title={t.title} help={t.help}>
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => void backupNow()} disabled={busy}>
          {t.backupNow}
        </Button>
        <Button variant="outlined" onClick={() => setToFile(true)} disabled={busy}>
          {t.toFile}
        </Button>
        <Button variant="outlined" onClick={() => void fromFile()} disabled={busy}>
          {t.fromFile}
        </Button>
      </Stack>
      {busy ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{t.working}</Typography>
          <LinearProgress />
        </Box>
      ) : null}
      <Typography variant="subtitle1" component="h3" id="settings-backup-list">
        {t.listTitle}
      </Typography>
      {list === null ? (
        <Typography variant="body2">{t.listLoading}</Typography>
      ) : list.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t.listEmpty}
        </Typography>
      ) : (
        <Table size="small" aria-labelledby="settings-backup-list" data-testid="backup-list">
          <TableHead>
            <TableRow>
              <TableCell>{t.colTime}</TableCell>
              <TableCell>{t.colReason}</TableCell>
              <TableCell>{t.colSize}</TableCell>
              <TableCell>{t.colContent}</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  {t.colAction}
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {list.map((b) => (
              <TableRow key={b.name}>
                <TableCell>{dateTime(b.at)}</TableCell>
                <TableCell>{REASON_WORDS[b.reason]}</TableCell>
                <TableCell>{size(b.bytes)}</TableCell>
                <TableCell>{b.summary ? counts(b.summary) : t.unreadableHeader}</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    onClick={() => setRestoring({ kind: 'auto', entry: b })}
                    aria-label={t.restoreThisLabel(dateTime(b.at))}
                    disabled={busy}
                  >
                    {t.restoreThis}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {toFile ? <ToFileDialog onClose={() => setToFile(false)} /> : null}
      {restoring ? (
        <RestoreDialog
          source={restoring}
          onClose={() => {
            setRestoring(null);
            void refresh();
          }}
          onRestored={onRestored}
        />
      ) : null}
    </Section>
  );
}

function ToFileDialog({ onClose }: { onClose: () => void }) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(passphrase);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ([...passphrase].length < 8) return setError(t.tooShort);
    if (passphrase !== again) return setError(t.mismatch);
    setBusy(true);
    setError(null);
    try {
      const data = await createBackup(db, { reason: 'manual', passphrase });
      const profile = await getProfile(db);
      const now = new Date();
      const day = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
      const name = (profile?.name ?? '').replace(/[\\/:*?"<>|\s]/g, '');
      const saved = await host.saveFile({ suggestedName: t.fileName(name, day), data: new Uint8Array(data), filters: [FILTER] });
      if (saved) await auditOutput(db, { kind: 'document', what: '数据库备份', file: t.fileName(name, day) });
      if (saved) notify({ kind: 'success', text: t.saved(saved.path) });
      onClose();
    } catch (err) {
      setBusy(false);
      setError(describeError(err).title);
      reportError(err);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="backup-file-title" maxWidth="sm" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="backup-file-title">{t.fileTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{t.fileHelp}</Typography>
            <TextField
              label={t.passphrase}
              type="password"
              autoFocus
              autoComplete="new-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              helperText={passphrase ? t.strength(strength) : ' '}
              slotProps={{ formHelperText: { 'aria-live': 'polite' } as never }}
            />
            <TextField label={t.again} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />
            {error ? <Alert severity="error">{error}</Alert> : null}
            {busy ? (
              <Box role="status">
                <Typography variant="body2">{t.working}</Typography>
                <LinearProgress />
              </Box>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {zh.common.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {t.toFile}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

type Step =
  | { kind: 'passphrase' }
  | { kind: 'verifying' }
  | { kind: 'confirm'; summary: BackupSummary; key: BackupKey; bytes: Uint8Array; current: number }
  | { kind: 'restoring' }
  | { kind: 'failed' }
  | { kind: 'done' };

function RestoreDialog({ source, onClose, onRestored }: { source: RestoreSource; onClose: () => void; onRestored: () => void }) {
  const { db, host } = useServices();
  const [step, setStep] = useState<Step>(source.kind === 'file' ? { kind: 'passphrase' } : { kind: 'verifying' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);

  const say = (e: unknown) => {
    const d = describeError(e);
    setError(e instanceof BackupError ? `${d.title}。${d.detail}` : `${d.title}:${d.detail}`);
  };

  const currentRows = async () => {
    let n = 0;
    for (const table of db.tables) n += await table.count();
    return n;
  };

  const verify = async (key: BackupKey, bytes: Uint8Array) => {
    setStep({ kind: 'verifying' });
    setError(null);
    try {
      const summary = await inspectBackup(bytes, key);
      setStep({ kind: 'confirm', summary, key, bytes, current: await currentRows() });
    } catch (e) {
      say(e);
      setStep(source.kind === 'file' ? { kind: 'passphrase' } : { kind: 'failed' });
    }
  };

  // An automatic backup: read it and verify it under the device key straight away.
  useEffect(() => {
    if (source.kind !== 'auto') return;
    let live = true;
    void (async () => {
      try {
        await ensureUnlocked(host);
        const bytes = await host.readBackup({ name: source.entry.name });
        const key = await loadBackupKey(host, false);
        if (!bytes || !key) throw new BackupError('backup-wrong-key', 'no key or file');
        if (live) await verify({ key }, bytes);
      } catch (e) {
        if (!live) return;
        if (isCancelled(e)) return onClose();
        say(e);
        setStep({ kind: 'failed' });
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per dialog
  }, []);

  const submitPassphrase = (e: FormEvent) => {
    e.preventDefault();
    if (source.kind !== 'file') return;
    if (!passphrase) return setError(t.tooShort);
    void verify({ passphrase }, source.bytes);
  };

  const restore = async () => {
    if (step.kind !== 'confirm') return;
    const { key, bytes } = step;
    setStep({ kind: 'restoring' });
    setError(null);
    // The current data first, so that nothing is lost if this was the wrong backup.
    try {
      await ensureUnlocked(host);
      await takeAutomaticBackup(db, host, 'manual');
    } catch (e) {
      setError(t.safetyFailed(describeError(e).title));
      setStep(step);
      return;
    }
    try {
      await restoreBackup(db, bytes, key);
      setStep({ kind: 'done' });
      onRestored();
    } catch (e) {
      say(e);
      setStep(step);
    }
  };

  const working = step.kind === 'verifying' || step.kind === 'restoring';
  return (
    <Dialog open onClose={working ? undefined : onClose} aria-labelledby="backup-restore-title" maxWidth="sm" fullWidth>
      <form onSubmit={step.kind === 'passphrase' ? submitPassphrase : (e) => e.preventDefault()} noValidate>
        <DialogTitle id="backup-restore-title">{step.kind === 'confirm' ? t.confirmTitle : t.chooseTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {source.kind === 'file' ? <Typography variant="body2">{source.name}</Typography> : null}
            {step.kind === 'passphrase' ? (
              <>
                <Typography variant="body2">{t.passphraseFor}</Typography>
                <TextField
                  label={t.passphrase}
                  type="password"
                  autoFocus
                  autoComplete="off"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.target.value)}
                />
              </>
            ) : null}
            {step.kind === 'confirm' ? (
              <Box data-testid="backup-summary">
                <Alert severity="success" sx={{ mb: 1.5 }}>
                  {t.verified}
                </Alert>
                {t.summaryLines(
                  t.summaryWho(step.summary.who.name, step.summary.who.unitName),
                  dateTime(step.summary.createdAt),
                  REASON_WORDS[step.summary.reason],
                ).map((line) => (
                  <Typography key={line} variant="body2">
                    {line}
                  </Typography>
                ))}
                <Typography variant="body2">{counts(step.summary)}</Typography>
                {step.summary.schemaVersion < CURRENT_SCHEMA_VERSION ? (
                  <Typography variant="body2">{t.olderSchema}</Typography>
                ) : null}
                <Alert severity="warning" sx={{ mt: 1.5 }}>
                  {t.replaceWarning(step.current)}
                </Alert>
              </Box>
            ) : null}
            {working ? (
              <Box role="status" aria-live="polite">
                <Typography variant="body2">{step.kind === 'verifying' ? t.verifying : t.restoring}</Typography>
                <LinearProgress />
              </Box>
            ) : null}
            {step.kind === 'done' ? <Alert severity="success">{t.restored}</Alert> : null}
            {error ? (
              <Alert severity="error" role="alert" data-testid="backup-error">
                {error}
              </Alert>
            ) : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={working || step.kind === 'done'}>
            {zh.common.cancel}
          </Button>
          {step.kind === 'passphrase' ? (
            <Button type="submit" variant="contained">
              {t.verify}
            </Button>
          ) : null}
          {step.kind === 'confirm' ? (
            <Button variant="contained" color="warning" onClick={() => void restore()} autoFocus>
              {t.confirmRestore}
            </Button>
          ) : null}
        </DialogActions>
      </form>
    </Dialog>
  );
}
