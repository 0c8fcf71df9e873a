/**
 * One 评鉴结果反馈 (会议点评 / 个人谈话) and the official's 签署意见 on it. What is typed is mirrored
 * into localStorage at every keystroke (keyed by the feedback), so a half-written 签署意见 survives a
 * reload until it is signed; a later 签署 replaces the earlier one.
 */
import { useId, useRef, useState } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { feedbackKindLabels, type FeedbackAck, type FeedbackRow } from '../../../../shared/domain';
import { ValidationError } from '../../../../shared/errors/errors';
import { acknowledgeFeedback } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { readMirror, removeMirror, writeMirror } from '../../../components/draftMirror';
import { useNotifications } from '../../../state/notifications';
import { formatTimestamp } from '../../../components/dates';
import { ACK_MAX, ackDraftKey, resultsText as t } from './strings';

/** The newer of two acknowledgements (the live row may lag behind the one just signed). */
function newest(a: FeedbackAck | undefined, b: FeedbackAck | undefined): FeedbackAck | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.at > a.at ? b : a;
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '8.5em 1fr' }, columnGap: 1 }}>
      <Typography variant="body2" component="div" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value.trim() === '' ? t.notFilled : value}
      </Typography>
    </Box>
  );
}

function AckSection({ personId, row }: { personId: string; row: FeedbackRow }) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const key = ackDraftKey(personId, row.id);
  const fieldId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  /** The text being written; null when not writing (an ack is shown instead). */
  const [draft, setDraft] = useState<string | null>(() => readMirror<string>(key)?.value ?? null);
  const [restored, setRestored] = useState(() => draft !== null && draft.trim() !== '');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [justSigned, setJustSigned] = useState<FeedbackAck | undefined>(undefined);

  const ack = newest(row.ack, justSigned);
  const editing = !ack || draft !== null;
  const text = draft ?? '';

  const change = (value: string) => {
    setDraft(value);
    writeMirror(key, value);
    setError(null);
  };

  const refuse = (message: string) => {
    reportError(new ValidationError([{ path: 'text', message }]));
    setError(message);
    inputRef.current?.focus();
  };

  const start = () => {
    const trimmed = text.trim();
    if (trimmed === '') return refuse(t.emptyAck);
    if (trimmed.length > ACK_MAX) return refuse(t.tooLong(ACK_MAX));
    setConfirming(true);
  };

  const sign = async () => {
    setBusy(true);
    try {
      const saved = await acknowledgeFeedback(db, row.id, text);
      removeMirror(key);
      setJustSigned(saved.ack);
      setDraft(null);
      setRestored(false);
      setConfirming(false);
      notify({ kind: 'success', text: t.signed });
    } catch (e) {
      const d = reportError(e);
      setError(d.fields[0]?.message ?? d.detail);
      setConfirming(false);
      inputRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const revise = () => {
    // Starts from the signed text; nothing is mirrored until something is typed.
    setDraft(ack?.text ?? '');
    setError(null);
    setTimeout(() => inputRef.current?.focus(), 0);
  };

  const cancel = () => {
    removeMirror(key);
    setDraft(null);
    setError(null);
    setRestored(false);
  };

  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5 }}>
      <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600, mb: 1 }}>
        {t.ack}
      </Typography>
      {ack ? (
        <Alert severity="success" variant="outlined" sx={{ mb: editing ? 1.5 : 0 }} data-testid="ack-shown">
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {ack.text}
          </Typography>
          <Typography variant="caption" component="div" sx={{ color: 'text.secondary', mt: 0.5 }}>
            {t.signedLine(formatTimestamp(ack.at))},{t.willDeliver}
          </Typography>
          {!editing ? (
            <Button size="small" sx={{ mt: 1 }} onClick={revise} data-print="hide">
              {t.revise}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {editing ? (
        <Stack spacing={1} data-print="hide">
          {restored ? (
            <Alert severity="info" onClose={() => setRestored(false)} data-testid="ack-restored">
              {t.restored}
            </Alert>
          ) : null}
          <TextField
            id={fieldId}
            label={t.ackField}
            multiline
            minRows={3}
            value={text}
            onChange={(e) => change(e.target.value)}
            error={error !== null}
            helperText={error ?? t.ackHelper}
            inputRef={inputRef}
            disabled={busy}
            slotProps={{ htmlInput: { maxLength: ACK_MAX + 200 } }}
          />
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={start} disabled={busy}>
              {t.sign}
            </Button>
            {ack ? (
              <Button onClick={cancel} disabled={busy}>
                {t.cancelEdit}
              </Button>
            ) : null}
          </Stack>
        </Stack>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t.confirmTitle}
        confirmText={t.confirm}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void sign()}
      >
        <Typography variant="body2" sx={{ mb: 1.5 }}>
          {t.confirmBody}
        </Typography>
        {ack ? (
          <Typography variant="body2" sx={{ mb: 1.5, color: 'warning.dark' }}>
            {t.confirmReplace}
          </Typography>
        ) : null}
        <Paper variant="outlined" sx={{ p: 1.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {text.trim()}
        </Paper>
      </ConfirmDialog>
    </Box>
  );
}

/** A 会议点评 or 个人谈话 about the official, with the 签署意见. Give it `key={row.id}`. */
export function FeedbackCard({ personId, row }: { personId: string; row: FeedbackRow }) {
  const headingId = useId();
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-labelledby={headingId}
      sx={{ p: 2 }}
      data-testid={`feedback-${row.id}`}
    >
      <Stack spacing={1}>
        <Typography id={headingId} variant="subtitle1" component="h4" sx={{ fontWeight: 600 }}>
          {t.feedbackTitle(feedbackKindLabels[row.kind], row.date)}
        </Typography>
        <Line label={t.feedbackDate} value={row.date} />
        <Line label={t.place} value={row.place} />
        <Line label={t.participants} value={row.participants} />
        <Line label={t.content} value={row.content} />
        <Line label={t.improvements} value={row.improvements} />
        <Line label={t.by} value={row.by} />
        <AckSection personId={personId} row={row} />
      </Stack>
    </Paper>
  );
}
