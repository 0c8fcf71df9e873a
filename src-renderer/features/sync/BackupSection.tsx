import { useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import type { LocalProfile } from '../../../shared/domain';
import { describeError } from '../../../shared/errors/messages.zh';
import { toHex } from '../../../shared/bundle/bytes';
import { detectSuite } from '../../../shared/bundle/crypto';
import {
  exportKeyBackup,
  loadOrgKey,
  readKeyBackupHint,
  restoreKeyBackup,
  storeDeviceKeys,
  storeOrgKey,
  SyncError,
} from '../../../shared/sync';
import { adoptPersonId, setSelfIdentity, auditOutput } from '../../../shared/store';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { BACKUP_EXT, BACKUP_FILTER, safeName } from '../../bundles/files';
import { ensureIdentity } from '../../bundles/identity';
import { ensureUnlocked, isCancelled } from '../../key-store/keyStore';
import { Section } from '../../components/Section';

const t = zh.sync.backup;

type Mode = { kind: 'export' } | { kind: 'restore'; bytes: Uint8Array; who: string };

export function BackupSection({ profile }: { profile: LocalProfile }) {
  const { host } = useServices();
  const { reportError } = useNotifications();
  const [mode, setMode] = useState<Mode | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const pickBackup = async () => {
    setDone(null);
    try {
      const [file] = await host.openFiles({ multiple: false, kind: 'key-backup', filters: [BACKUP_FILTER] });
      if (!file) return;
      const hint = readKeyBackupHint(file.data);
      setMode({ kind: 'restore', bytes: file.data, who: t.restoreWho(hint.personName, hint.fingerprint) });
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <Section id="sync-backup" title={t.title} help={t.help}>
      <Stack direction="row" spacing={1.5}>
        <Button
          variant="outlined"
          onClick={() => {
            setDone(null);
            setMode({ kind: 'export' });
          }}
        >
          {t.export}
        </Button>
        <Button variant="outlined" onClick={() => void pickBackup()}>
          {t.restore}
        </Button>
      </Stack>
      {done ? (
        <Alert severity="success" data-testid="backup-result">
          {done}
        </Alert>
      ) : null}
      {mode ? (
        <BackupDialog
          mode={mode}
          profile={profile}
          onClose={() => setMode(null)}
          onDone={(text) => {
            setMode(null);
            setDone(text);
          }}
          onError={(e) => {
            if (!isCancelled(e)) reportError(e);
          }}
        />
      ) : null}
    </Section>
  );
}

function BackupDialog({
  mode,
  profile,
  onClose,
  onDone,
  onError,
}: {
  mode: Mode;
  profile: LocalProfile;
  onClose: () => void;
  onDone: (text: string) => void;
  onError: (e: unknown) => void;
}) {
  const services = useServices();
  const { db, host } = services;
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const exporting = mode.kind === 'export';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (passphrase.length < 8) return setError(zh.sync.keyStore.tooShort);
    if (exporting && passphrase !== again) return setError(zh.sync.keyStore.mismatch);
    setBusy(true);
    setError(null);
    try {
      if (mode.kind === 'export') {
        const { suite, keys, identity } = await ensureIdentity(services, profile);
        const hrOrgKey = await loadOrgKey(host, suite);
        const file = await exportKeyBackup(suite, {
          contents: { personId: identity.personId, keys, ...(hrOrgKey ? { hrOrgKey } : {}) },
          passphrase,
          personName: profile.name,
        });
        const saved = await host.saveFile({
          suggestedName: `${safeName(profile.name)}-密钥备份.${BACKUP_EXT}`,
          data: new Uint8Array(file),
          filters: [BACKUP_FILTER],
        });
        if (saved) await auditOutput(services.db, { kind: 'document', what: '密钥备份', file: `${safeName(profile.name)}-密钥备份.${BACKUP_EXT}` });
        if (saved) onDone(t.saved(saved.path));
        else onClose();
      } else {
        const suite = await detectSuite();
        const contents = await restoreKeyBackup(suite, mode.bytes, passphrase);
        await ensureUnlocked(host);
        // Take on the backed-up person id first: a refusal here leaves the stored keys untouched.
        await adoptPersonId(db, contents.personId);
        await storeDeviceKeys(host, contents.keys);
        if (contents.hrOrgKey) await storeOrgKey(host, contents.hrOrgKey);
        await setSelfIdentity(db, {
          personId: contents.personId,
          signingPub: toHex(contents.keys.signing.pub),
          encryptionPub: toHex(contents.keys.encryption.pub),
        });
        onDone(t.restored);
      }
    } catch (err) {
      setBusy(false);
      // A wrong passphrase or an unreadable file is said in the dialog, where it can be fixed.
      if (err instanceof SyncError) setError(describeError(err).detail);
      else onError(err);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="backup-title" maxWidth="xs" fullWidth>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="backup-title">{exporting ? t.exportTitle : t.restoreTitle}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <Typography variant="body2">{mode.kind === 'restore' ? mode.who : t.exportHelp}</Typography>
            {mode.kind === 'restore' ? (
              <Alert severity="warning">{t.restoreWarn}</Alert>
            ) : null}
            <TextField label={t.passphrase} type="password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
            {exporting ? <TextField label={t.again} type="password" value={again} onChange={(e) => setAgain(e.target.value)} /> : null}
            {error ? <Alert severity="error">{error}</Alert> : null}
            {busy ? <Typography variant="body2">{t.working}</Typography> : null}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose} disabled={busy}>
            {zh.common.cancel}
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {exporting ? t.export : t.restore}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
