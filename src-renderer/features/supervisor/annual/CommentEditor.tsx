/**
 * The 评语和考核等次建议 form: autosaved as a draft on this device (through `saveDraft`), checked as typed,
 * signed after one confirmation. It knows nothing of the store: the page hands it what to call.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAutosave } from '../../../components/useAutosave';
import { toFieldErrors, validationIssues } from '../../../components/fieldErrors';
import { zh } from '../../../i18n/zh';
import { useNotifications } from '../../../state/notifications';
import {
  IssuesAlert,
  PageHeader,
  RestoredNote,
  StateChip,
  focusFirstError,
  useSaveShortcut,
} from '../../../components/page-parts';
import {
  COMMENT_MAX,
  SUGGESTIONS,
  charCount,
  commentIssues,
  suggestionLabel,
  type CommentForm,
  type Suggestion,
} from './form';
import { annualText as t } from './strings';

export type CommentEditorProps = {
  name: string;
  year: number;
  /** localStorage key of the form's mirror (see useAutosave). */
  mirrorKey: string;
  initial: CommentForm;
  /** When the stored draft was last written; undefined when none is stored. */
  storedAt: string | undefined;
  /** The signed version this draft corrects, if any. */
  correcting: number | undefined;
  saveDraft: (form: CommentForm) => Promise<unknown>;
  /** Signs; resolves the signed version. A ValidationError's issues are shown beside the fields. */
  sign: (form: { comment: string; suggestion: Suggestion }) => Promise<number>;
  /** Drops a correction draft (only offered while correcting). */
  abandon?: () => Promise<unknown>;
};

export function CommentEditor(props: CommentEditorProps) {
  const { name, year, mirrorKey, initial, storedAt, correcting, saveDraft, sign, abandon } = props;
  const { notify, reportError } = useNotifications();
  const autosave = useAutosave<CommentForm>({
    key: mirrorKey,
    initial,
    storedAt,
    save: saveDraft,
    editable: true,
  });
  useSaveShortcut(autosave.flush);
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<readonly ValidationIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [abandoning, setAbandoning] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const form = autosave.draft ?? initial;
  const issues = useMemo(() => commentIssues(form), [form]);
  const shown = attempted ? issues : issues.filter((i) => i.path === 'comment' && form.comment.trim() !== '');
  const errors = toFieldErrors([...shown, ...refused]);

  const update = (change: (f: CommentForm) => CommentForm) => {
    autosave.update(change);
    setRefused([]);
    setFailure(null);
  };

  const start = async () => {
    setAttempted(true);
    setFailure(null);
    if (!(await autosave.flush())) return;
    if (issues.length > 0) {
      setTimeout(() => focusFirstError(formRef.current), 0);
      return;
    }
    setConfirming(true);
  };

  const doSign = async () => {
    if (form.suggestion === '') return;
    setBusy(true);
    try {
      const v = await sign({ comment: form.comment.trim(), suggestion: form.suggestion });
      setConfirming(false);
      notify({ kind: 'success', text: t.signed(name, v) });
    } catch (e) {
      setConfirming(false);
      const list = validationIssues(e);
      if (list) {
        setRefused(list);
        setTimeout(() => focusFirstError(formRef.current), 0);
      }
      setFailure(reportError(e).detail);
    } finally {
      setBusy(false);
    }
  };

  const doAbandon = async () => {
    if (!abandon) return;
    setBusy(true);
    try {
      await autosave.flush();
      await abandon();
      setAbandoning(false);
    } catch (e) {
      setAbandoning(false);
      setFailure(reportError(e).detail);
    } finally {
      setBusy(false);
    }
  };

  const count = charCount(form.comment.trim());
  return (
    <Stack spacing={2} ref={formRef}>
      <PageHeader
        title={t.heading(name, year)}
        chip={
          <StateChip
            label={correcting !== undefined ? t.correctingChip(correcting) : t.draftChip}
            tone="info"
          />
        }
        status={autosave.status}
        actions={
          <>
            {correcting !== undefined && abandon ? (
              <Button variant="text" onClick={() => setAbandoning(true)}>
                {t.abandon}
              </Button>
            ) : null}
            <Button variant="outlined" onClick={() => void autosave.flush()}>
              {zh.editing.saveNow}
            </Button>
            <Button variant="contained" onClick={() => void start()} disabled={busy}>
              {t.sign}
            </Button>
          </>
        }
      />
      <RestoredNote show={autosave.restored} onClose={autosave.dismissRestored} />
      {failure && refused.length === 0 ? (
        <Alert severity="error" role="alert">
          {failure}
        </Alert>
      ) : null}
      <IssuesAlert issues={attempted ? [...issues, ...refused] : refused} />
      <Paper component="section" aria-labelledby="annual-comment-form" sx={{ p: 2 }}>
        <Typography
          id="annual-comment-form"
          variant="subtitle1"
          component="h3"
          sx={{ fontWeight: 600, mb: 1.5 }}
        >
          {t.formTitle}
        </Typography>
        <Stack spacing={2}>
          <TextField
            label={t.comment}
            multiline
            minRows={8}
            fullWidth
            value={form.comment}
            onChange={(e) => {
              const v = e.target.value;
              update((f) => ({ ...f, comment: v }));
            }}
            error={!!errors.comment}
            helperText={errors.comment ?? t.commentHelp(count, COMMENT_MAX)}
          />
          <FormControl error={!!errors.suggestion}>
            <FormLabel id="annual-suggestion">{t.suggestion}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="annual-suggestion"
              value={form.suggestion}
              onChange={(e) => {
                const v = SUGGESTIONS.find((s) => s === e.target.value) ?? '';
                update((f) => ({ ...f, suggestion: v }));
              }}
            >
              {SUGGESTIONS.map((s) => (
                <FormControlLabel key={s} value={s} control={<Radio />} label={suggestionLabel(s)} />
              ))}
            </RadioGroup>
            {errors.suggestion ? <FormHelperText>{errors.suggestion}</FormHelperText> : null}
          </FormControl>
        </Stack>
      </Paper>
      <ConfirmDialog
        open={abandoning}
        busy={busy}
        title={t.abandon}
        confirmText={t.abandon}
        onCancel={() => setAbandoning(false)}
        onConfirm={() => void doAbandon()}
      >
        <Typography>{t.abandonText}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={t.confirmTitle}
        confirmText={t.confirm}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void doSign()}
      >
        <Typography>
          {t.confirmBody(form.suggestion === '' ? '' : suggestionLabel(form.suggestion))}
        </Typography>
      </ConfirmDialog>
    </Stack>
  );
}
