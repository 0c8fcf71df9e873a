import { useState, type FormEvent, type ReactNode } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { DEFAULT_IDLE_MINUTES, IDLE_CHOICES, MIN_PASSWORD_LENGTH, passwordStrength } from '../../shared/security/app-lock';
import { describeError } from '../../shared/errors/messages.zh';
import type { HostApi } from '../../shared/host/contract';
import { useNotifications } from '../state/notifications';
import { KeyStoreDialog } from '../key-store/KeyStoreDialog';
import { ensureUnlocked, isCancelled } from '../key-store/keyStore';
import { useAppLock } from './AppLockGate';
import { lockText as t } from './strings';

type Mode = 'idle' | 'change' | 'remove';

/** In a browser the key vault must be open before secrets are re-wrapped (only when it holds any). */
async function openKeyStore(host: HostApi): Promise<void> {
  const st = await host.keyStoreStatus();
  if (st.initialised && !st.unlocked) await ensureUnlocked(host);
}

/** 设置 → 本机密码锁: set, change or remove the password, and the idle time. */
export function AppLockSettings() {
  const appLock = useAppLock();
  const { notify } = useNotifications();
  const [mode, setMode] = useState<Mode>('idle');
  if (!appLock) return null;
  const { lock, rawHost, enabled, idleMinutes, refresh, lockNow } = appLock;

  const done = async (text: string) => {
    await refresh();
    setMode('idle');
    notify({ kind: 'success', text });
  };

  return (
    <Paper sx={{ p: 3 }} component="section" aria-labelledby="settings-app-lock" data-testid="app-lock-settings">
      <Typography id="settings-app-lock" variant="h6" component="h2" gutterBottom>
        {t.sectionTitle}
      </Typography>
      <Stack spacing={2}>
        <Typography variant="body2">{t.sectionHelp}</Typography>
        <Typography variant="body2" color="text.secondary">
          {t.sectionLimits}
        </Typography>
        <Alert severity={enabled ? 'success' : 'info'} data-testid="app-lock-status">
          {enabled ? t.statusOn(idleMinutes) : t.statusOff}
        </Alert>
        {!enabled ? (
          <SetForm
            onSubmit={async (password, again, minutes) => {
              await openKeyStore(rawHost);
              await lock.setPassword(rawHost, password, { again, idleMinutes: minutes });
              await done(t.setDone);
            }}
          />
        ) : (
          <>
            <IdleSelect
              value={idleMinutes}
              onChange={async (m) => {
                await lock.setIdleMinutes(m);
                await done(t.idleSaved(m));
              }}
            />
            {mode === 'idle' ? (
              <Stack direction="row" spacing={1.5}>
                <Button variant="outlined" onClick={() => setMode('change')}>
                  {t.change}
                </Button>
                <Button variant="outlined" color="error" onClick={() => setMode('remove')}>
                  {t.remove}
                </Button>
                <Button onClick={lockNow}>{t.lockNowHint}</Button>
              </Stack>
            ) : mode === 'change' ? (
              <ChangeForm
                onCancel={() => setMode('idle')}
                onSubmit={async (current, next, again) => {
                  await lock.changePassword(current, next, again);
                  await done(t.changeDone);
                }}
              />
            ) : (
              <RemoveForm
                onCancel={() => setMode('idle')}
                onSubmit={async (current) => {
                  await openKeyStore(rawHost);
                  await lock.removePassword(rawHost, current);
                  await done(t.removeDone);
                }}
              />
            )}
          </>
        )}
      </Stack>
      <KeyStoreDialog />
    </Paper>
  );
}

/** Runs a form's action with a busy flag and the error shown under the form, in Chinese. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      if (!isCancelled(e)) {
        const d = describeError(e);
        setError(d.fields[0]?.message ?? `${d.title}。${d.detail}`);
      }
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

function Feedback({ busy, error }: { busy: boolean; error: string | null }) {
  return (
    <>
      {error ? <Alert severity="error">{error}</Alert> : null}
      {busy ? <Typography variant="body2">{t.working}</Typography> : null}
    </>
  );
}

function NewPasswordFields({
  password,
  again,
  onPassword,
  onAgain,
}: {
  password: string;
  again: string;
  onPassword: (v: string) => void;
  onAgain: (v: string) => void;
}) {
  const strength = passwordStrength(password);
  return (
    <>
      <TextField
        label={t.newPassword}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        helperText={password ? t.strength[strength] : t.tooShort}
        slotProps={{ htmlInput: { maxLength: 256 }, formHelperText: { 'data-testid': 'password-strength' } as object }}
      />
      <TextField
        label={t.again}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => onAgain(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 256 } }}
      />
    </>
  );
}

function checkNew(password: string, again: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return t.tooShort;
  if (password !== again) return t.mismatch;
  return null;
}

function FormBox({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack spacing={2} sx={{ maxWidth: 420 }}>
        {children}
      </Stack>
    </Box>
  );
}

function SetForm({ onSubmit }: { onSubmit: (password: string, again: string, minutes: number) => Promise<void> }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [minutes, setMinutes] = useState<number>(DEFAULT_IDLE_MINUTES);
  const { busy, error, setError, run } = useAction();
  return (
    <FormBox
      onSubmit={() => {
        const problem = checkNew(password, again);
        if (problem) return setError(problem);
        void run(() => onSubmit(password, again, minutes));
      }}
    >
      <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
      <IdleSelect value={minutes} onChange={(m) => Promise.resolve(setMinutes(m))} />
      <Feedback busy={busy} error={error} />
      <Box>
        <Button type="submit" variant="contained" disabled={busy}>
          {t.set}
        </Button>
      </Box>
    </FormBox>
  );
}

function ChangeForm({ onSubmit, onCancel }: { onSubmit: (current: string, next: string, again: string) => Promise<void>; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const { busy, error, setError, run } = useAction();
  return (
    <FormBox
      onSubmit={() => {
        const problem = checkNew(password, again);
        if (problem) return setError(problem);
        void run(() => onSubmit(current, password, again));
      }}
    >
      <TextField
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <NewPasswordFields password={password} again={again} onPassword={setPassword} onAgain={setAgain} />
      <Feedback busy={busy} error={error} />
      <Stack direction="row" spacing={1.5}>
        <Button type="submit" variant="contained" disabled={busy || current === ''}>
          {t.save}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.cancel}
        </Button>
      </Stack>
    </FormBox>
  );
}

function RemoveForm({ onSubmit, onCancel }: { onSubmit: (current: string) => Promise<void>; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const { busy, error, run } = useAction();
  return (
    <FormBox onSubmit={() => void run(() => onSubmit(current))}>
      <Typography variant="body2">{t.removeHelp}</Typography>
      <TextField
        label={t.currentPassword}
        type="password"
        autoComplete="current-password"
        autoFocus
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <Feedback busy={busy} error={error} />
      <Stack direction="row" spacing={1.5}>
        <Button type="submit" variant="contained" color="error" disabled={busy || current === ''}>
          {t.remove}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t.cancel}
        </Button>
      </Stack>
    </FormBox>
  );
}

function IdleSelect({ value, onChange }: { value: number; onChange: (minutes: number) => Promise<void> }) {
  const { reportError } = useNotifications();
  const choices: number[] = IDLE_CHOICES.includes(value as (typeof IDLE_CHOICES)[number]) ? [...IDLE_CHOICES] : [...IDLE_CHOICES, value];
  return (
    <TextField
      select
      label={t.idle}
      value={value}
      helperText={t.idleHelp}
      onChange={(e) => void onChange(Number(e.target.value)).catch(reportError)}
      slotProps={{ select: { native: true } }}
      sx={{ maxWidth: 420 }}
    >
      {choices.map((m) => (
        <option key={m} value={m}>
          {t.idleOption(m)}
        </option>
      ))}
    </TextField>
  );
}
