import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import {
  FEEDBACK_KINDS,
  feedbackIssues,
  feedbackKindLabels,
  localIsoDate,
  type FeedbackKind,
  type Quarter,
} from '../../../../shared/domain';
import { recordFeedback } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useLocalDraft } from '../../../components/useAutosave';
import { useNotifications } from '../../../state/notifications';
import { focusFirstError } from '../../../components/page-parts';
import { clearField, toFieldErrors, validationIssues, type FieldErrors } from '../../../components/fieldErrors';
import { feedbackText as t } from '../evaluation/strings';

export type FeedbackDialogProps = {
  open: boolean;
  onClose: () => void;
  personId: string;
  personName: string;
  year: number;
  quarter: Quarter;
};

type FeedbackForm = {
  kind: FeedbackKind | '';
  date: string;
  place: string;
  participants: string;
  content: string;
  improvements: string;
};

const blankFeedback = (): FeedbackForm => ({
  kind: '',
  date: localIsoDate(new Date()),
  place: '',
  participants: '',
  content: '',
  improvements: '',
});

/** Every problem with the form, at its field; the store checks the same again when recording. */
function issuesOf(f: FeedbackForm): ValidationIssue[] {
  return [...(f.kind === '' ? [{ path: 'kind', message: t.kindRequired }] : []), ...feedbackIssues(f)];
}

/**
 * 评鉴结果反馈: records a 会议点评 or 个人谈话. What is typed is kept on this device (localStorage)
 * until it is recorded, so closing the dialog or a refused save loses nothing.
 */
export function FeedbackDialog({ open, onClose, personId, personName, year, quarter }: FeedbackDialogProps) {
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const [form, update, clear] = useLocalDraft<FeedbackForm>(
    `dutybook.draft.feedback.${personId}.${year}-Q${quarter}`,
    blankFeedback,
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contentRef = useRef<HTMLDivElement>(null);

  const set = (key: keyof FeedbackForm, path: string) => (value: string) => {
    update((f) => ({ ...f, [key]: value }));
    setErrors((e) => clearField(e, path));
    setFailure(null);
  };

  const showIssues = (list: readonly ValidationIssue[]) => {
    setErrors(toFieldErrors(list));
    setTimeout(() => focusFirstError(contentRef.current), 0);
  };

  const save = async () => {
    const found = issuesOf(form);
    if (found.length > 0 || form.kind === '') {
      showIssues(found);
      return;
    }
    setBusy(true);
    try {
      await recordFeedback(db, { personId, year, quarter, kind: form.kind, ...pickText(form) });
      clear();
      setErrors({});
      notify({ kind: 'success', text: t.saved(personName) });
      onClose();
    } catch (e) {
      const list = validationIssues(e);
      if (list) showIssues(list);
      setFailure(reportError(e).detail);
    } finally {
      setBusy(false);
    }
  };

  const field = (
    key: Exclude<keyof FeedbackForm, 'kind'>,
    label: string,
    extra: { multiline?: boolean; help?: string } = {},
  ) => (
    <TextField
      label={label}
      value={form[key]}
      onChange={(e) => set(key, key)(e.target.value)}
      error={!!errors[key]}
      helperText={errors[key] ?? extra.help}
      required
      fullWidth
      {...(extra.multiline ? { multiline: true, minRows: 3 } : {})}
    />
  );

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby="feedback-dialog-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="feedback-dialog-title">{t.title(personName, quarter)}</DialogTitle>
      <DialogContent ref={contentRef}>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {failure && Object.keys(errors).length === 0 ? (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          ) : null}
          <FormControl error={!!errors.kind} required>
            <FormLabel id="feedback-kind">{t.kind}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="feedback-kind"
              value={form.kind}
              onChange={(e) => set('kind', 'kind')(e.target.value)}
            >
              {FEEDBACK_KINDS.map((k) => (
                <FormControlLabel key={k} value={k} control={<Radio />} label={feedbackKindLabels[k]} />
              ))}
            </RadioGroup>
            {errors.kind ? <FormHelperText>{errors.kind}</FormHelperText> : null}
          </FormControl>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
            <TextField
              label={t.date}
              type="date"
              value={form.date}
              onChange={(e) => set('date', 'date')(e.target.value)}
              error={!!errors.date}
              helperText={errors.date}
              required
              sx={{ minWidth: 200 }}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            {field('place', t.place)}
          </Stack>
          {field('participants', t.participants, { help: t.participantsHelp })}
          {field('content', t.content, { multiline: true })}
          {field('improvements', t.improvements, { multiline: true })}
          <Typography variant="body2" color="text.secondary">
            {t.kept}
          </Typography>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {t.cancel}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t.save}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function pickText(f: FeedbackForm) {
  return {
    date: f.date,
    place: f.place,
    participants: f.participants,
    content: f.content,
    improvements: f.improvements,
  };
}
