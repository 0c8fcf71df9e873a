/**
 * 本人意见 on the 年度考核结果: 同意, or 有异议 with the official's words (HR receives it as a 复核
 * request). The deadline the unit set is shown; after it the form is closed with the rule in words.
 * What is typed is mirrored into localStorage at every keystroke, so a refused or interrupted
 * signature loses nothing; a later signature before the deadline replaces the earlier one.
 */
import { useId, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  FormControl,
  FormControlLabel,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { opinionLateProblem, opinionOnCurrent, type AnnualDecisionRow } from '../../../../shared/domain';
import { signAnnualOpinion } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { readMirror, removeMirror, writeMirror } from '../../../components/draftMirror';
import { useOfficial } from '../context';
import { annualDraftKeys, annualText as t } from './strings';

type Draft = { agree: boolean | null; text: string };

export function OpinionSection({ year, decision, today }: { year: number; decision: AnnualDecisionRow; today: string }) {
  const { db } = useServices();
  const { personId, today: now } = useOfficial();
  const { notify, reportError } = useNotifications();
  const key = annualDraftKeys.opinion(personId, year);
  const groupId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const current = opinionOnCurrent(decision) ? decision.opinion : undefined;
  const earlier = decision.opinion && !current ? decision.opinion : undefined;
  const [draft, setDraft] = useState<Draft | null>(() => readMirror<Draft>(key)?.value ?? null);
  const [restored, setRestored] = useState(() => draft !== null && (draft.agree !== null || draft.text.trim() !== ''));
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const late = opinionLateProblem(decision.opinionDueOn, today);
  const editing = !late && (!current || draft !== null);
  const value: Draft = draft ?? { agree: null, text: '' };

  const change = (next: Draft) => {
    setDraft(next);
    writeMirror(key, next);
    setError(null);
  };

  const start = () => {
    if (value.agree === null) {
      setError('请选择“同意”或“有异议”');
      return;
    }
    if (!value.agree && value.text.trim() === '') {
      setError(t.opinionEmpty);
      inputRef.current?.focus();
      return;
    }
    setConfirming(true);
  };

  const sign = async () => {
    setBusy(true);
    try {
      await signAnnualOpinion(db, year, { agree: value.agree === true, text: value.text }, now);
      removeMirror(key);
      setDraft(null);
      setRestored(false);
      setConfirming(false);
      notify({ kind: 'success', text: value.agree ? t.signedAgree : t.signedDisagree });
    } catch (e) {
      const d = reportError(e);
      setError(d.fields[0]?.message ?? d.detail);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1.5, mt: 1.5 }} component="section" aria-labelledby={`${groupId}-h`}>
      <Typography id={`${groupId}-h`} variant="subtitle2" component="h4" sx={{ fontWeight: 600, mb: 1 }}>
        {t.opinionHeading}
      </Typography>
      {current ? (
        <Alert severity={current.agree ? 'success' : 'warning'} variant="outlined" sx={{ mb: editing ? 1.5 : 0 }} data-testid="opinion-shown">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {current.agree ? t.shownAgree : t.shownDisagree}
          </Typography>
          {current.text.trim() !== '' ? (
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {current.text}
            </Typography>
          ) : null}
          <Typography variant="caption" component="div" sx={{ color: 'text.secondary', mt: 0.5 }}>
            {t.signedLine(current.signedOn)}
          </Typography>
          {!editing && !late ? (
            <Button size="small" sx={{ mt: 1 }} onClick={() => change({ agree: current.agree, text: current.text })} data-print="hide">
              {t.signAgain}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      {earlier && !late ? (
        <Alert severity="info" sx={{ mb: 1.5 }}>
          {t.answersEarlier}
        </Alert>
      ) : null}
      {late ? (
        <Alert severity={current ? 'info' : 'warning'} sx={{ mt: current ? 1.5 : 0 }} data-testid="opinion-late">
          {t.late(decision.opinionDueOn)}
        </Alert>
      ) : null}
      {editing ? (
        <Stack spacing={1.25} data-print="hide">
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {t.opinionIntro(decision.opinionDueOn)}
          </Typography>
          {restored ? (
            <Alert severity="info" onClose={() => setRestored(false)}>
              {t.restored}
            </Alert>
          ) : null}
          <FormControl error={error !== null && value.agree === null}>
            <FormLabel id={`${groupId}-agree`} sx={{ fontSize: 14 }}>
              {t.agreeLabel}
            </FormLabel>
            <RadioGroup
              row
              aria-labelledby={`${groupId}-agree`}
              value={value.agree === null ? '' : value.agree ? 'agree' : 'disagree'}
              onChange={(e) => change({ ...value, agree: e.target.value === 'agree' })}
            >
              <FormControlLabel value="agree" control={<Radio />} label={t.agree} disabled={busy} />
              <FormControlLabel value="disagree" control={<Radio />} label={t.disagree} disabled={busy} />
            </RadioGroup>
          </FormControl>
          <TextField
            label={value.agree === false ? t.opinionText : t.opinionTextAgree}
            multiline
            minRows={3}
            value={value.text}
            onChange={(e) => change({ ...value, text: e.target.value })}
            error={error !== null && value.agree !== null}
            helperText={error ?? (value.agree === false ? t.opinionHelpDisagree : undefined)}
            inputRef={inputRef}
            disabled={busy}
          />
          {error !== null && value.agree === null ? (
            <Typography variant="caption" sx={{ color: 'error.main' }} role="alert">
              {error}
            </Typography>
          ) : null}
          <Stack direction="row" spacing={1}>
            <Button variant="contained" onClick={start} disabled={busy}>
              {current ? t.signAgain : t.sign}
            </Button>
            {current ? (
              <Button
                onClick={() => {
                  removeMirror(key);
                  setDraft(null);
                  setError(null);
                }}
                disabled={busy}
              >
                {t.cancel}
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
          {value.agree ? t.confirmAgree : t.confirmDisagree}
        </Typography>
        {current ? (
          <Typography variant="body2" sx={{ mb: 1.5, color: 'warning.dark' }}>
            {t.confirmReplace}
          </Typography>
        ) : null}
        {value.text.trim() !== '' ? (
          <Paper variant="outlined" sx={{ p: 1.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {value.text.trim()}
          </Paper>
        ) : null}
      </ConfirmDialog>
    </Box>
  );
}
