/**
 * One person's decision: the linkage row and the supervisor's 建议 above, HR's 等次 (or 不定等次 / 不参加
 * with the reason), the 考核委员会意见 and the 本人意见 deadline below. The form's text lives with the
 * page, so closing the dialog or a refusal loses nothing typed.
 */
import { useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
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
import { annualGradeLabels, quarterResultText, standingText } from '../../../../shared/domain';
import { toFieldErrors, validationIssues } from '../../../components/fieldErrors';
import { useNotifications } from '../../../state/notifications';
import { StateChip } from '../../../components/page-parts';
import { OUTCOME_CHOICES, formIssues, type DecisionForm, type OutcomeChoice } from './form';
import { suggestionText, type DeskRow } from './rows';
import { decisionText as t } from './strings';

const choiceLabel = (c: OutcomeChoice) =>
  c === 'ungraded' ? t.ungraded : c === 'notParticipating' ? t.notParticipating : annualGradeLabels[c];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box component="section" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

export type DecisionDialogProps = {
  row: DeskRow;
  year: number;
  today: string;
  form: DecisionForm;
  onChange: (form: DecisionForm) => void;
  onClose: () => void;
  /** The policy's refusals of the form as it would be signed (decisionProblems); empty = fine. */
  problems: (form: DecisionForm) => string[];
  /** Signs the decision; a ValidationError's rules are shown in the dialog, other errors reported. */
  sign: (form: DecisionForm) => Promise<void>;
};

export function DecisionDialog({
  row: r,
  year,
  today,
  form,
  onChange,
  onClose,
  problems,
  sign,
}: DecisionDialogProps) {
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const { reportError } = useNotifications();
  const own = formIssues(form, today);
  const errors = toFieldErrors(attempted ? own : []);
  const tie = r.row.standing === 'tie';
  const row = r.row;

  const set = (change: Partial<DecisionForm>) => {
    onChange({ ...form, ...change });
    setRefused([]);
  };

  const submit = async () => {
    setAttempted(true);
    if (own.length > 0) return;
    const list = problems(form);
    setRefused(list);
    if (list.length > 0) return;
    setBusy(true);
    try {
      await sign(form);
    } catch (e) {
      // The store checks again (another decision may have landed meanwhile): its rule, in the dialog.
      const issues = validationIssues(e);
      if (issues) setRefused(issues.map((i) => i.message));
      else reportError(e);
    } finally {
      setBusy(false);
    }
  };

  const needsReason = form.outcome === 'ungraded' || form.outcome === 'notParticipating';
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      maxWidth="md"
      fullWidth
      aria-labelledby="decision-title"
    >
      <DialogTitle id="decision-title">{t.dialogTitle(row.name, year)}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <Section title={t.linkage}>
            <Typography variant="body2">
              {row.quarters.map((q) => `第${q.quarter}季度 ${quarterResultText(q)}`).join('；')}
              {row.averageScore !== null ? `；${t.average(row.averageScore)}` : ''}
            </Typography>
            <Stack
              direction="row"
              spacing={1}
              useFlexGap
              sx={{ mt: 0.5, flexWrap: 'wrap', alignItems: 'center' }}
            >
              <StateChip
                label={row.eligible ? t.eligible : t.notEligible}
                tone={row.eligible ? 'success' : 'default'}
              />
              {row.eligible ? (
                <Typography variant="body2">{t.standing(row.rank, standingText(row))}</Typography>
              ) : null}
              {row.lowRanked ? <StateChip label={t.lowRanked} tone="warning" /> : null}
            </Stack>
            {row.reasons.length > 0 ? (
              <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
                {row.reasons.map((x) => (
                  <li key={x}>
                    <Typography variant="body2">{x}</Typography>
                  </li>
                ))}
              </Box>
            ) : null}
            {row.standingNote ? (
              <Typography variant="body2" color="warning.main" sx={{ mt: 0.5 }}>
                {row.standingNote}
              </Typography>
            ) : null}
            {row.participationNotes.map((x) => (
              <Typography key={x} variant="body2" sx={{ mt: 0.5 }}>
                {x}
              </Typography>
            ))}
          </Section>
          <Section title={t.supervisorTitle}>
            {r.comment ? (
              <>
                <Typography variant="caption" color="text.secondary" component="p">
                  {t.supervisorMeta(
                    r.comment.supervisorName,
                    r.comment.signedOn,
                    suggestionText(r.comment.suggestion),
                  )}
                </Typography>
                <Typography
                  variant="body2"
                  sx={{ whiteSpace: 'pre-wrap', maxHeight: 140, overflowY: 'auto' }}
                >
                  {r.comment.comment}
                </Typography>
              </>
            ) : (
              <Typography variant="body2" color="text.secondary">
                {t.supervisorNone}
              </Typography>
            )}
          </Section>
          {refused.length > 0 ? (
            <Alert severity="error" role="alert" data-testid="decision-refused">
              <AlertTitle>{t.refusedTitle}</AlertTitle>
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {refused.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </Box>
            </Alert>
          ) : null}
          <FormControl error={!!errors.outcome}>
            <FormLabel id="decision-outcome">{t.outcome}</FormLabel>
            <RadioGroup
              row
              aria-labelledby="decision-outcome"
              value={form.outcome}
              onChange={(e) => set({ outcome: OUTCOME_CHOICES.find((c) => c === e.target.value) ?? '' })}
            >
              {OUTCOME_CHOICES.map((c) => (
                <FormControlLabel key={c} value={c} control={<Radio size="small" />} label={choiceLabel(c)} />
              ))}
            </RadioGroup>
            {errors.outcome ? <FormHelperText>{errors.outcome}</FormHelperText> : null}
          </FormControl>
          {needsReason ? (
            <TextField
              label={t.reason}
              size="small"
              value={form.reason}
              onChange={(e) => set({ reason: e.target.value })}
              helperText={form.outcome === 'ungraded' ? t.reasonHelpUngraded : t.reasonHelpNot}
            />
          ) : null}
          {tie ? (
            <TextField
              label={t.tieNote}
              size="small"
              value={form.tieNote}
              onChange={(e) => set({ tieNote: e.target.value })}
              helperText={t.tieNoteHelp}
            />
          ) : null}
          <TextField
            label={t.committee}
            multiline
            minRows={2}
            value={form.committeeOpinion}
            onChange={(e) => set({ committeeOpinion: e.target.value })}
            helperText={tie ? t.committeeHelpTie : t.committeeHelp}
          />
          <TextField
            label={t.due}
            size="small"
            value={form.opinionDueOn}
            onChange={(e) => set({ opinionDueOn: e.target.value })}
            error={!!errors.opinionDueOn}
            helperText={errors.opinionDueOn ?? t.dueHelp}
            placeholder="2026-12-31"
            sx={{ maxWidth: 320 }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        {r.decision ? (
          <Typography variant="body2" color="text.secondary" sx={{ mr: 'auto', ml: 2 }}>
            {t.correcting(r.decision.version)}
          </Typography>
        ) : null}
        <Button onClick={onClose} disabled={busy}>
          {t.cancel}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy}>
          {t.sign}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
