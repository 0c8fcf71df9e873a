/**
 * The key store's passphrase dialog: mounted by every screen that may need private keys (the sync
 * page, HR's workspace, the lock's settings, the example data); shows while `ensureUnlocked` waits.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { describeError } from '../../shared/errors/messages.zh';
import { useServices } from '../state/services';
import { zh } from '../i18n/zh';
import { useKeyStore } from './keyStore';

const t = zh.sync.keyStore;

/** Set (first time) or enter the key-store passphrase. Mounted by every screen that needs keys. */
export function KeyStoreDialog() {
  const asking = useKeyStore((s) => s.asking);
  if (!asking) return null;
  // A fresh form each time the dialog opens.
  return <KeyStoreForm initialised={asking.initialised} />;
}

function KeyStoreForm({ initialised }: { initialised: boolean }) {
  const { host } = useServices();
  const { done, cancel } = useKeyStore();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase.length < 8) return setError(t.tooShort);
    if (!initialised && passphrase !== again) return setError(t.mismatch);
    setBusy(true);
    setError(null);
    try {
      await host.unlockKeyStore({ passphrase });
      done();
    } catch (err) {
      const d = describeError(err);
      setError(`${d.title}。${d.detail}`);
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : cancel} aria-labelledby="key-store-title" maxWidth="xs" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="key-store-title">{initialised ? t.enterTitle : t.setTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {initialised ? t.enterHelp : t.setHelp}
            </Typography>
            <TextField
              label={t.passphrase}
              type="password"
              autoFocus
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 1024 } }}
            />
            {initialised ? null : (
              <TextField label={t.again} type="password" value={again} onChange={(e) => setAgain(e.target.value)} />
            )}
            {error ? <Alert severity="error">{error}</Alert> : null}
            {busy ? <Typography variant="body2">{t.working}</Typography> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel} disabled={busy}>
            {zh.common.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {initialised ? t.unlock : t.set}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
