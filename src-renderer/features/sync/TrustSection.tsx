import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { describeError } from '../../../shared/errors/messages.zh';
import { pinHrKey } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { dateTime } from '../../components/dates';
import { Fingerprint } from '../../bundles/Fingerprint';
import { Section } from '../../components/Section';
import { useSyncUi } from '../../bundles/syncState';
import type { SyncData } from './useSyncData';

const t = zh.sync.trust;

/** Trust on first use, never automatic: the person types what HR's paper notice says. */
export function TrustSection({ data }: { data: SyncData }) {
  const pending = useSyncUi((s) => s.pendingHr);
  const { pinned } = data;
  return (
    <Section id="sync-trust" title={t.title} help={t.help}>
      {pinned ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="body2">{t.pinned}</Typography>
          <Fingerprint value={pinned.fingerprint} testId="pinned-hr-fingerprint" />
          <Typography variant="body2" color="text.secondary">
            {t.pinnedAt(dateTime(pinned.pinnedAt))}
          </Typography>
        </Stack>
      ) : pending ? (
        <PinForm hrKey={pending.hrKey} fingerprint={pending.fingerprint} from={pending.from} />
      ) : (
        <Typography variant="body2">{t.nothingYet}</Typography>
      )}
    </Section>
  );
}

function PinForm({ hrKey, fingerprint, from }: { hrKey: string; fingerprint: string; from: string }) {
  const { db } = useServices();
  const { notify } = useNotifications();
  const pinned = useSyncUi((s) => s.pinned);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await pinHrKey(db, { hrKey, confirmedFingerprint: typed });
      notify({ kind: 'success', text: t.done });
      pinned();
    } catch (err) {
      const d = describeError(err);
      setError(d.detail);
    }
  };

  return (
    <Stack component="form" spacing={1.5} onSubmit={(e) => void submit(e)} noValidate>
      <Typography variant="body2">{t.seen(from)}</Typography>
      <Fingerprint value={fingerprint} testId="seen-hr-fingerprint" />
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t.typeIt}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
          helperText={t.typeHelp}
          error={!!error}
          size="small"
          sx={{ width: 320 }}
          slotProps={{ htmlInput: { maxLength: 40, autoComplete: 'off', spellCheck: false } }}
        />
        <Button type="submit" variant="contained">
          {t.confirm}
        </Button>
      </Stack>
      {error ? (
        <Alert severity="error" data-testid="pin-error">
          {error}
        </Alert>
      ) : null}
    </Stack>
  );
}
