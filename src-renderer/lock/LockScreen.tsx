import { useEffect, useId, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Link, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { isDutyBookError } from '../../shared/errors/errors';
import { describeError } from '../../shared/errors/messages.zh';
import type { HostApi } from '../../shared/host/contract';
import { LOCKOUT, lockoutMs, type AppLock } from '../../shared/security/app-lock';
import { getProfile } from '../../shared/store';
import { useServices } from '../state/services';
import { zh } from '../i18n/zh';
import { useNotifications } from '../state/notifications';
import { lockText as t } from './strings';

type Wait = { until: number; failures: number };

/** The opaque full-screen lock: who is locked out, the password, the lockout countdown, and what to do if it is forgotten. */
export function LockScreen({ lock, rawHost, onForgotten }: { lock: AppLock; rawHost: HostApi; onForgotten: () => Promise<void> }) {
  const { db } = useServices();
  const titleId = useId();
  const profile = useLiveQuery(() => getProfile(db), [db]);
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [wait, setWait] = useState<Wait | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [forgetting, setForgetting] = useState(false);

  // A lockout from before (another attempt, a reload) is shown at once.
  useEffect(() => {
    lock.status().then(
      (s) => setWait(s.lockedUntil > Date.now() ? { until: s.lockedUntil, failures: s.failures } : null),
      () => undefined,
    );
  }, [lock]);

  const waiting = wait !== null && wait.until > now;
  useEffect(() => {
    if (!wait) return;
    const tick = setInterval(() => {
      const t2 = Date.now();
      setNow(t2);
      if (t2 >= wait.until) {
        setWait(null);
        setMessage(null);
      }
    }, 1000);
    return () => clearInterval(tick);
  }, [wait]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || waiting || password === '') return;
    setBusy(true);
    setMessage(null);
    try {
      await lock.unlock(password);
      // The gate takes the lock screen away.
    } catch (err) {
      setPassword('');
      if (isDutyBookError(err) && err.code === 'app-locked') {
        const d = err.details as { reason?: string; failures?: number; remaining?: number; until?: number };
        const failures = d.failures ?? 0;
        if (d.until && d.until > Date.now()) {
          setNow(Date.now());
          setWait({ until: d.until, failures });
          setMessage(t.lockedOut(failures));
        } else if (d.reason === 'wrong-password') {
          setMessage(t.wrong(d.remaining ?? 0, lockoutMs(LOCKOUT.freeAttempts)));
        } else {
          setMessage(describeError(err).title);
        }
      } else {
        const d = describeError(err);
        setMessage(`${d.title}。${d.detail}`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="lock-screen"
      sx={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        bgcolor: 'background.default',
        display: 'grid',
        placeItems: 'center',
        overflow: 'auto',
        p: 2,
      }}
    >
      <Paper sx={{ p: 4, width: '100%', maxWidth: 440 }} elevation={3}>
        {forgetting ? (
          <Forget
            titleId={titleId}
            onBack={() => setForgetting(false)}
            onForget={async () => {
              await lock.forget(rawHost);
              await onForgotten();
            }}
          />
        ) : (
          <form onSubmit={(e) => void submit(e)} noValidate>
            <Stack spacing={2}>
              <Typography id={titleId} variant="h5" component="h1">
                {t.screenTitle}
              </Typography>
              {profile ? (
                <Typography variant="subtitle1" data-testid="lock-profile" sx={{ fontWeight: 600 }}>
                  {t.who(profile.unitName, profile.name)}
                </Typography>
              ) : null}
              <Typography variant="body2" color="text.secondary">
                {t.screenHelp}
              </Typography>
              <TextField
                label={t.password}
                type="password"
                autoFocus
                autoComplete="current-password"
                value={password}
                disabled={waiting}
                onChange={(e) => setPassword(e.target.value)}
                slotProps={{ htmlInput: { maxLength: 256 } }}
              />
              <Box role="status" aria-live="polite">
                {message ? <Alert severity={waiting ? 'warning' : 'error'}>{message}</Alert> : null}
              </Box>
              {waiting ? (
                <Typography data-testid="lockout-countdown" sx={{ fontWeight: 600 }}>
                  {t.retryIn(wait.until - now)}
                </Typography>
              ) : null}
              {busy ? <Typography variant="body2">{t.unlocking}</Typography> : null}
              <Button type="submit" variant="contained" size="large" disabled={busy || waiting || password === ''}>
                {t.unlock}
              </Button>
              <Link component="button" type="button" variant="body2" onClick={() => setForgetting(true)} sx={{ alignSelf: 'flex-start' }}>
                {t.forgot}
              </Link>
            </Stack>
          </form>
        )}
      </Paper>
    </Box>
  );
}

function Forget({ titleId, onBack, onForget }: { titleId: string; onBack: () => void; onForget: () => Promise<void> }) {
  const { reportError, notify } = useNotifications();
  const [busy, setBusy] = useState(false);
  return (
    <Stack spacing={2}>
      <Typography id={titleId} variant="h5" component="h1">
        {t.forgotTitle}
      </Typography>
      <Typography variant="body2">{t.forgotHelp}</Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {t.forgotPoints.map((p) => (
          <Typography component="li" variant="body2" key={p} sx={{ mb: 0.5 }}>
            {p}
          </Typography>
        ))}
      </Box>
      <Button
        color="error"
        variant="outlined"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onForget().then(
            () => notify({ kind: 'info', text: t.forgotDone }),
            (e: unknown) => {
              reportError(e);
              setBusy(false);
            },
          );
        }}
      >
        {t.forgotConfirm}
      </Button>
      <Button onClick={onBack} disabled={busy}>
        {t.forgotBack}
      </Button>
      {busy ? <Typography variant="body2">{zh.common.loading}</Typography> : null}
    </Stack>
  );
}
