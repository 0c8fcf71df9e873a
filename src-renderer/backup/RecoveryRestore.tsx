/**
 * The restore choices of the recovery screen (src-renderer/features/recovery): the automatic
 * backups kept by the host, and a backup file under its passphrase. Works without the app's
 * database: each file is verified completely before the database `dbName` is opened (or, when it is
 * damaged beyond opening, made anew) and replaced in one transaction. Then `onRestored` (reload).
 *
 *   <RecoveryRestore dbName={DEFAULT_DB_NAME} host={host} onRestored={() => window.location.reload()} />
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { describeError } from '../../shared/errors/messages.zh';
import type { HostApi } from '../../shared/host/contract';
import { listAutomaticBackups, readAutomaticBackup, type AutomaticBackupEntry } from '../../shared/backup';
import { restoreIntoDatabase } from './service';
import { backupStrings as t, REASON_WORDS, size } from './strings';
import { formatChineseDateTime as dateTime } from '../../shared/domain/calendar';

export function RecoveryRestore({ dbName, host, onRestored }: { dbName: string; host: HostApi; onRestored: () => void }) {
  const [list, setList] = useState<AutomaticBackupEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<{ name: string; data: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');

  useEffect(() => {
    listAutomaticBackups(host).then(setList, () => setList([]));
  }, [host]);

  const run = async (restore: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await restore();
      onRestored();
    } catch (e) {
      const d = describeError(e);
      setError(`${d.title}。${d.detail}`);
    } finally {
      setBusy(false);
    }
  };

  const fromAutomatic = (b: AutomaticBackupEntry) =>
    run(async () => {
      const { bytes, key } = await readAutomaticBackup(host, b.name);
      await restoreIntoDatabase(dbName, bytes, { key });
    });

  const chooseFile = async () => {
    try {
      const [f] = await host.openFiles({ multiple: false, kind: 'db-backup', filters: [{ name: '履责记实数据库备份', extensions: ['dbbak'] }] });
      if (f) setFile({ name: f.name, data: f.data });
    } catch (e) {
      setError(describeError(e).title);
    }
  };

  const submitFile = (e: FormEvent) => {
    e.preventDefault();
    if (file) void run(() => restoreIntoDatabase(dbName, file.data, { passphrase }));
  };

  return (
    <Stack spacing={1.5} data-testid="recovery-restore">
      <Typography variant="h6" component="h2">
        {t.recoveryTitle}
      </Typography>
      <Typography variant="body2">{t.recoveryHelp}</Typography>
      {list === null ? <Typography variant="body2">{t.listLoading}</Typography> : null}
      {list?.length === 0 ? <Typography variant="body2">{t.recoveryNone}</Typography> : null}
      {list && list.length > 0 ? (
        <List dense>
          {list.map((b) => (
            <ListItem
              key={b.name}
              secondaryAction={
                <Button size="small" disabled={busy} onClick={() => void fromAutomatic(b)} aria-label={t.restoreThisLabel(dateTime(b.at))}>
                  {t.restoreThis}
                </Button>
              }
            >
              <ListItemText
                primary={`${dateTime(b.at)} · ${REASON_WORDS[b.reason]} · ${size(b.bytes)}`}
                secondary={b.summary ? t.counts(b.summary.tables.people ?? 0, b.summary.tables.facts ?? 0, b.summary.rows) : t.unreadableHeader}
              />
            </ListItem>
          ))}
        </List>
      ) : null}
      <Box>
        <Button variant="outlined" onClick={() => void chooseFile()} disabled={busy}>
          {t.recoveryFile}
        </Button>
      </Box>
      {file ? (
        <form onSubmit={submitFile} noValidate>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">{file.name}</Typography>
            <TextField size="small" label={t.passphrase} type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            <Button type="submit" variant="contained" disabled={busy || !passphrase}>
              {t.confirmRestore}
            </Button>
          </Stack>
        </form>
      ) : null}
      {busy ? (
        <Box role="status" aria-live="polite">
          <Typography variant="body2">{t.restoring}</Typography>
          <LinearProgress />
        </Box>
      ) : null}
      {error ? (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
