import { Fragment, useRef, useState, type FormEvent } from 'react';
import { Alert, AlertTitle, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { describeError } from '../../../shared/errors/messages.zh';
import { fingerprintsMatch, normaliseFingerprint, pinHrKey } from '../../../shared/sync';
import { useServices } from '../../state/services';
import { zh } from '../../i18n/zh';
import { useNotifications } from '../../state/notifications';
import { dateTime } from '../../components/dates';
import { Fingerprint } from '../../bundles/Fingerprint';
import { Section } from '../../components/Section';
import { useSyncUi } from '../../bundles/syncState';
import type { SyncData } from './useSyncData';

const t = zh.sync.trust;

/** Trust on first use, never automatic: the person types what HR's paper notice says, without seeing the key's fingerprint first. */
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

/**
 * The check only works if the person reads the fingerprint from HR's paper notice, so the incoming
 * one is not on the page (nor in any attribute) until they have typed a whole fingerprint: a match
 * pins the key; a mismatch shows both, the differing groups marked, and says to stop and call HR.
 * "重新输入" hides the incoming one again.
 */
function PinForm({ hrKey, fingerprint, from }: { hrKey: string; fingerprint: string; from: string }) {
  const { db } = useServices();
  const { notify } = useNotifications();
  const pinned = useSyncUi((s) => s.pinned);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  /** What was typed when it did not match (the incoming fingerprint is shown only then). */
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const entered = normaliseFingerprint(typed);
    if (entered.length !== FINGERPRINT_CHARS) {
      setError(t.incomplete);
      inputRef.current?.focus();
      return;
    }
    if (!fingerprintsMatch(fingerprint, entered)) {
      setMismatch(groups(entered));
      return;
    }
    setBusy(true);
    try {
      await pinHrKey(db, { hrKey, confirmedFingerprint: entered });
      notify({ kind: 'success', text: t.done });
      pinned();
    } catch (err) {
      setError(describeError(err).detail);
    } finally {
      setBusy(false);
    }
  };

  const retry = () => {
    setMismatch(null);
    setTyped('');
    setError(null);
    // The form is back on the next render; the box takes the focus then.
    setTimeout(() => inputRef.current?.focus(), 0);
  };

  if (mismatch !== null) return <Mismatch typed={mismatch} incoming={fingerprint} onRetry={retry} />;

  return (
    <Stack component="form" spacing={1.5} onSubmit={(e) => void submit(e)} noValidate>
      <Typography variant="body2">{t.seen(from)}</Typography>
      <Typography variant="body2" color="text.secondary">
        {t.hiddenUntilTyped}
      </Typography>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          label={t.typeIt}
          value={typed}
          inputRef={inputRef}
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
        <Button type="submit" variant="contained" disabled={busy}>
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

const FINGERPRINT_CHARS = 16;

/** "47Z33QX1AJH62RKB" → ["47Z3", "3QX1", "AJH6", "2RKB"]. */
function groups(fp: string): string {
  return normaliseFingerprint(fp).match(/.{1,4}/g)!.join('-');
}

/** Both fingerprints, group under group, each differing group marked; and what to do now. */
function Mismatch({ typed, incoming, onRetry }: { typed: string; incoming: string; onRetry: () => void }) {
  const a = typed.split('-');
  const b = groups(incoming).split('-');
  const differing = b.map((g, i) => (g !== a[i] ? i + 1 : 0)).filter((i) => i > 0);
  const row = (label: string, parts: string[], testId: string) => (
    <>
      <Typography variant="body2" sx={{ fontWeight: 600, alignSelf: 'center' }}>
        {label}
      </Typography>
      <Box
        component="span"
        data-testid={testId}
        sx={{ fontFamily: '"DejaVu Sans Mono", "Consolas", monospace', fontSize: 22, fontWeight: 600, letterSpacing: '0.08em', whiteSpace: 'nowrap' }}
      >
        {parts.map((g, i) => (
          <Fragment key={i}>
            {i > 0 ? '-' : null}
            <Box
              component="span"
              sx={differing.includes(i + 1) ? { color: 'error.main', textDecoration: 'underline', textDecorationThickness: 3 } : undefined}
            >
              {g}
            </Box>
          </Fragment>
        ))}
      </Box>
    </>
  );
  return (
    <Stack spacing={1.5} data-testid="pin-mismatch">
      <Alert severity="error" role="alert">
        <AlertTitle>{t.mismatchTitle}</AlertTitle>
        {t.mismatchBody}
      </Alert>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: 2, rowGap: 0.5 }}>
        {row(t.typedLabel, a, 'typed-hr-fingerprint')}
        {row(t.seenLabel, b, 'seen-hr-fingerprint')}
      </Box>
      <Typography variant="body2" sx={{ color: 'error.main', fontWeight: 600 }}>
        {t.differ(differing)}
      </Typography>
      <Typography variant="body2">{t.retryHelp}</Typography>
      <Box>
        <Button variant="outlined" onClick={onRetry}>
          {t.retry}
        </Button>
      </Box>
    </Stack>
  );
}
