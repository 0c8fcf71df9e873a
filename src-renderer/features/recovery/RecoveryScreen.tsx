/**
 * What the app shows instead of a blank window when its local database cannot be used: the
 * database failed to open (damaged, held by another window, written by a newer version), or it
 * opened empty on a device that held a profile (Chromium resets a store it finds damaged). Each case
 * says what happened in plain words and offers the ways out: open again, restore a backup, or start
 * again and re-import the bundles.
 */
import { useState, type ReactNode } from 'react';
import { Alert, AlertTitle, Box, Button, Paper, Stack, Typography } from '@mui/material';
import Dexie from 'dexie';
import { formatChineseDateTime } from '../../../shared/domain/calendar';
import { describeError } from '../../../shared/errors/messages.zh';
import { DutyBookError } from '../../../shared/errors/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { clearMarker, type DeviceMarker } from './marker';
import { recoveryStrings as t } from './strings';

export type RecoveryProps = {
  dbName: string;
  /** Why the database could not be opened; absent when it opened empty where a profile had been. */
  error?: unknown;
  marker: DeviceMarker | null;
  /**
   * The restore choices (automatic backups, a backup file). Given the database name and called
   * back once a restore has replaced the database, so the app can start over on it.
   */
  restore?: ReactNode;
  /** After "start over": the database is empty and the note is gone; the app shows the first-run wizard. */
  onStartedOver: () => void;
};

/** A database written by a newer DutyBook is intact: nothing may be cleared or restored over it. */
function isNewerVersion(e: unknown): boolean {
  return e instanceof DutyBookError && e.code === 'storage-unavailable' && e.details.reason === 'newer-version';
}

export function RecoveryScreen({ dbName, error, marker, restore, onStartedOver }: RecoveryProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const described = error === undefined ? null : describeError(error);
  const newer = isNewerVersion(error);

  const startOver = async () => {
    setBusy(true);
    setFailure(null);
    try {
      // Only a database that failed to open is deleted; a lost one is already empty.
      if (error !== undefined) await Dexie.delete(dbName);
      clearMarker(dbName);
      setConfirming(false);
      onStartedOver();
    } catch (e) {
      setFailure(describeError(e).title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="main" sx={{ p: { xs: 2, md: 4 }, maxWidth: 820, mx: 'auto' }} data-testid="recovery-screen">
      <Alert severity="error" role="alert">
        <AlertTitle component="h1" sx={{ fontSize: 20 }}>
          {described ? t.failedTitle(described.title) : t.lostTitle}
        </AlertTitle>
        {described ? (
          <Typography variant="body2">
            {error instanceof DutyBookError && error.code === 'storage-corrupt' ? t.corruptDetail : described.detail}
          </Typography>
        ) : null}
        {marker ? (
          <Typography variant="body2" sx={{ mt: described ? 1 : 0 }}>
            {t.lostDetail(marker.name, marker.unitName, formatChineseDateTime(marker.lastSeenAt))}
          </Typography>
        ) : null}
        {!newer && (marker || !described) ? (
          <Typography variant="body2" sx={{ mt: 1, fontWeight: 600 }}>
            {t.lostAdvice}
          </Typography>
        ) : null}
      </Alert>

      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
        {t.waysOut}
      </Typography>
      <Stack spacing={2}>
        {error !== undefined ? (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {newer ? t.newerHint : t.retryHint}
            </Typography>
            <Button variant={newer ? 'contained' : 'outlined'} onClick={() => window.location.reload()}>
              {t.retry}
            </Button>
          </Paper>
        ) : null}
        {!newer && restore ? (
          <Paper variant="outlined" sx={{ p: 2 }}>
            {restore}
          </Paper>
        ) : null}
        {!newer ? (
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="recovery-start-over">
            <Typography id="recovery-start-over" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t.startOverTitle}
            </Typography>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t.startOverHint}
            </Typography>
            <Button color="error" variant="outlined" onClick={() => setConfirming(true)}>
              {t.startOver}
            </Button>
            {failure ? (
              <Alert severity="error" sx={{ mt: 1 }}>
                {t.startOverFailed}:{failure}
              </Alert>
            ) : null}
          </Paper>
        ) : null}
      </Stack>

      {described ? (
        <Box component="details" sx={{ mt: 3 }}>
          <summary>{t.details}</summary>
          <Typography component="pre" variant="caption" sx={{ whiteSpace: 'pre-wrap' }}>
            {described.technical}
          </Typography>
          <Button
            size="small"
            onClick={() =>
              void navigator.clipboard?.writeText(described.technical).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t.copied : t.copy}
          </Button>
        </Box>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={t.startOverConfirmTitle}
        confirmText={t.startOver}
        onConfirm={() => void startOver()}
        onCancel={() => setConfirming(false)}
        busy={busy}
      >
        <Typography variant="body2">{t.startOverConfirm}</Typography>
      </ConfirmDialog>
    </Box>
  );
}
