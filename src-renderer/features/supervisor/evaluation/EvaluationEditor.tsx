/**
 * The 领导评鉴 form: autosaved as a draft on this device, checked as typed, signed after one confirmation.
 * Over 400 lines on purpose: autosave, the checks as typed and the signing steps all act on one
 * draft; the field groups are in ScoreFields and ResultBox, the form's rules in form.ts.
 */
import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
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
import {
  QUARTER_GRADES,
  evaluationMethodLabels,
  goodCapWarnings,
  quarterGradeLabels,
  type AssessmentConfig,
  type EvaluationDraft,
  type EvaluationEvidence,
  type IndicatorTemplate,
  type Quarter,
  type SignedEvaluation,
} from '../../../../shared/domain';
import { saveEvaluationDraft, signEvaluation, type TeamMember } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAutosave } from '../../../components/useAutosave';
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
import { toFieldErrors, validationIssues } from '../../../components/fieldErrors';
import { discardEvaluationDraft, evaluationMirrorKey } from './discardDraft';
import { blankForm, formFromDraft, formIssues, isEmptyAt, liveResult, toInput, type EvalForm } from './form';
import { BonusFields, IndicatorFields } from './ScoreFields';
import { ResultBox, resultWords } from './ResultBox';
import { evalText as t } from './strings';

export type EditorProps = {
  me: { id: string };
  subject: TeamMember;
  team: readonly TeamMember[];
  year: number;
  quarter: Quarter;
  config: AssessmentConfig;
  template: IndicatorTemplate | undefined;
  basis: string;
  draft: EvaluationDraft | undefined;
  /** The latest signed version, when this draft corrects it. */
  signed: SignedEvaluation | undefined;
  /** The team's signed evaluations of the quarter (every version), for the unit's 好 cap. */
  teamEvaluations: readonly SignedEvaluation[];
  evidence: EvaluationEvidence;
};

/** Issues whose paths the store names differently from the form's fields. */
const toFormPath = (i: ValidationIssue): ValidationIssue =>
  i.path === 'correctionOf.reason' ? { ...i, path: 'correctionReason' } : i;

export function EvaluationEditor(props: EditorProps) {
  const {
    me,
    subject,
    team,
    year,
    quarter,
    config,
    template,
    basis,
    draft,
    signed,
    teamEvaluations,
    evidence,
  } = props;
  const { db } = useServices();
  const { notify, reportError } = useNotifications();
  const [initial] = useState<EvalForm>(() => {
    const f = draft ? formFromDraft(draft.form, config) : blankForm(config);
    // A draft beside a signed version can only be its correction.
    return signed && f.correcting === undefined ? { ...f, correcting: signed.version } : f;
  });
  const autosave = useAutosave<EvalForm>({
    key: evaluationMirrorKey(subject.id, year, quarter),
    initial,
    storedAt: draft?.updatedAt,
    save: (form) => saveEvaluationDraft(db, { evaluator: me.id, subject: subject.id, year, quarter, form }),
    editable: true,
  });
  useSaveShortcut(autosave.flush);
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<readonly ValidationIssue[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [abandoning, setAbandoning] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const form = autosave.draft ?? initial;
  const ctx = useMemo(
    () => ({ subject: subject.id, year, quarter, evidence }),
    [subject.id, year, quarter, evidence],
  );
  const issues = useMemo(() => formIssues(form, ctx, config, template), [form, ctx, config, template]);
  const shown = useMemo(
    () => issues.filter((i) => attempted || !isEmptyAt(form, i.path)),
    [issues, attempted, form],
  );
  const errors = useMemo(() => toFieldErrors([...shown, ...refused.map(toFormPath)]), [shown, refused]);
  const result = useMemo(() => liveResult(form, ctx, config, template), [form, ctx, config, template]);
  const correcting = form.correcting;

  /** The unit's rules, over the team's current evaluations with this one as it would be signed. */
  const warnings = useMemo(() => {
    const grade =
      result?.kind === 'score' ? result.grade : result?.kind === 'grade' ? result.grade : undefined;
    if (!grade) return [];
    const others = teamEvaluations.filter((e) => e.subject !== subject.id);
    return goodCapWarnings({
      config,
      unitName: subject.unitName,
      year,
      quarter,
      evaluations: [
        ...others,
        { subject: subject.id, version: Number.MAX_SAFE_INTEGER, year, quarter, resultGrade: grade },
      ],
      assessedCount: team.length,
      ...(basis ? { basis } : {}),
    });
  }, [result, teamEvaluations, subject.id, subject.unitName, config, year, quarter, team.length, basis]);

  const update = (change: (f: EvalForm) => EvalForm, _path: string) => {
    autosave.update(change);
    setRefused([]);
    setFailure(null);
  };

  const start = async () => {
    setAttempted(true);
    setFailure(null);
    if (!(await autosave.flush())) return;
    if (issues.length > 0) {
      setRefused([]);
      setTimeout(() => focusFirstError(formRef.current), 0);
      return;
    }
    setConfirming(true);
  };

  const sign = async () => {
    setBusy(true);
    try {
      const s = await signEvaluation(db, toInput(form, ctx, template));
      setConfirming(false);
      notify({ kind: 'success', text: t.signed(subject.name, s.version) });
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

  /** Drops the correction draft; saved first, so the editor's last save cannot bring it back. */
  const abandon = async () => {
    setBusy(true);
    try {
      await autosave.flush();
      await discardEvaluationDraft(db, subject.id, year, quarter);
      setAbandoning(false);
    } catch (e) {
      setAbandoning(false);
      setFailure(reportError(e).detail);
    } finally {
      setBusy(false);
    }
  };

  const listed = attempted
    ? [...issues, ...refused.map(toFormPath).filter((r) => !issues.some((i) => i.path === r.path))]
    : [];
  const field = (path: string) => ({ error: !!errors[path], helperText: errors[path] });
  const text = (key: keyof EvalForm, path: string) => ({
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => {
      const v = e.target.value;
      update((f) => ({ ...f, [key]: v }), path);
    },
  });
  const version = (correcting ?? 0) + 1;

  return (
    <Stack spacing={2} ref={formRef}>
      <PageHeader
        title={t.heading(subject.name, year, quarter)}
        chip={
          <StateChip
            label={correcting !== undefined ? t.correctingChip(correcting) : t.draftChip}
            tone="info"
          />
        }
        status={autosave.status}
        actions={
          <>
            {correcting !== undefined ? (
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
      <Typography variant="body2" color="text.secondary">
        {t.configSource(basis)}
      </Typography>
      <RestoredNote show={autosave.restored} onClose={autosave.dismissRestored} />
      {failure && refused.length === 0 ? (
        <Alert severity="error" role="alert">
          {failure}
        </Alert>
      ) : null}
      <IssuesAlert issues={listed} />

      {correcting !== undefined ? (
        <Paper component="section" sx={{ p: 2 }}>
          <TextField
            label={t.correctionReason}
            multiline
            minRows={2}
            fullWidth
            {...text('correctionReason', 'correctionReason')}
            {...field('correctionReason')}
            helperText={errors.correctionReason ?? t.correctionHelp(correcting)}
          />
        </Paper>
      ) : null}

      <Paper component="section" sx={{ p: 2 }}>
        <FormControl error={!!errors.method}>
          <FormLabel id="eval-method">{t.method}</FormLabel>
          {config.evaluationMethod === 'either' ? (
            <RadioGroup
              row
              aria-labelledby="eval-method"
              value={form.method}
              onChange={(e) => {
                const v = e.target.value === 'score' ? 'score' : 'grade';
                update((f) => ({ ...f, method: v }), 'method');
              }}
            >
              <FormControlLabel
                value="grade"
                control={<Radio />}
                label={t.methodOption(evaluationMethodLabels.grade)}
              />
              <FormControlLabel
                value="score"
                control={<Radio />}
                label={t.methodOption(evaluationMethodLabels.score)}
              />
            </RadioGroup>
          ) : (
            <Typography variant="body2">
              {t.methodFixed(t.methodOption(evaluationMethodLabels[config.evaluationMethod]))}
            </Typography>
          )}
          {errors.method ? <FormHelperText>{errors.method}</FormHelperText> : null}
        </FormControl>
      </Paper>

      {form.method === 'score' ? (
        <>
          <IndicatorFields template={template} form={form} errors={errors} update={update} />
          <BonusFields config={config} form={form} errors={errors} update={update} />
        </>
      ) : null}

      {form.method !== '' ? (
        <Paper component="section" sx={{ p: 2 }}>
          <TextField
            select
            label={form.method === 'score' ? t.gradeOptional : t.grade}
            value={form.grade}
            onChange={(e) => {
              const v = e.target.value;
              update((f) => ({ ...f, grade: QUARTER_GRADES.find((g) => g === v) ?? '' }), 'grade');
            }}
            error={!!errors.grade}
            helperText={errors.grade ?? (form.method === 'score' ? t.gradeHelpScore : ' ')}
            size="small"
            sx={{ minWidth: 260 }}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value="">{form.method === 'score' ? t.gradeByBand : t.bonusChoose}</option>
            {QUARTER_GRADES.map((g) => (
              <option key={g} value={g}>
                {quarterGradeLabels[g]}
              </option>
            ))}
          </TextField>
        </Paper>
      ) : null}

      <ResultBox result={result} />

      <Paper component="section" aria-labelledby="eval-peer" sx={{ p: 2 }}>
        <Typography id="eval-peer" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t.peer}
        </Typography>
        <Stack spacing={1.5}>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5}>
            <TextField
              label={t.peerConsulted}
              size="small"
              sx={{ width: 180 }}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              {...text('peerConsulted', 'peerOpinion.consulted')}
              {...field('peerOpinion.consulted')}
            />
            <TextField
              label={t.peerScope}
              size="small"
              sx={{ flexGrow: 1 }}
              {...text('peerScope', 'peerOpinion.scope')}
              {...field('peerOpinion.scope')}
              helperText={errors['peerOpinion.scope'] ?? t.peerScopeHelp}
            />
          </Stack>
          <TextField
            label={t.peerGist}
            multiline
            minRows={2}
            {...text('peerGist', 'peerOpinion.gist')}
            {...field('peerOpinion.gist')}
          />
        </Stack>
      </Paper>

      <Paper component="section" aria-labelledby="eval-public" sx={{ p: 2 }}>
        <FormControl>
          <FormLabel id="eval-public">{t.publicFb}</FormLabel>
          <RadioGroup
            row
            aria-labelledby="eval-public"
            value={form.hasPublicFeedback ? 'some' : 'none'}
            onChange={(e) => {
              const some = e.target.value === 'some';
              update((f) => ({ ...f, hasPublicFeedback: some }), 'publicFeedback');
            }}
          >
            <FormControlLabel value="none" control={<Radio />} label={t.publicNone} />
            <FormControlLabel value="some" control={<Radio />} label={t.publicSome} />
          </RadioGroup>
        </FormControl>
        {form.hasPublicFeedback ? (
          <Stack spacing={1.5} sx={{ mt: 1 }}>
            <TextField
              label={t.publicSource}
              size="small"
              {...text('publicSource', 'publicFeedback.source')}
              {...field('publicFeedback.source')}
              helperText={errors['publicFeedback.source'] ?? t.publicSourceHelp}
            />
            <TextField
              label={t.publicGist}
              multiline
              minRows={2}
              {...text('publicGist', 'publicFeedback.gist')}
              {...field('publicFeedback.gist')}
            />
          </Stack>
        ) : null}
      </Paper>

      <Paper component="section" sx={{ p: 2 }}>
        <TextField
          label={t.opinion}
          multiline
          minRows={4}
          fullWidth
          {...text('opinion', 'opinion')}
          {...field('opinion')}
        />
      </Paper>

      {warnings.length > 0 ? (
        <Alert severity="warning" data-testid="unit-warnings">
          <AlertTitle>{t.unitWarnings}</AlertTitle>
          {warnings.map((w) => (
            <Box key={w}>{w}</Box>
          ))}
        </Alert>
      ) : null}

      <ConfirmDialog
        open={abandoning}
        busy={busy}
        title={t.abandonTitle}
        confirmText={t.abandon}
        onCancel={() => setAbandoning(false)}
        onConfirm={() => void abandon()}
      >
        <Typography>{t.abandonText}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming}
        busy={busy}
        title={t.signTitle}
        confirmText={t.signConfirm}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void sign()}
      >
        <Stack spacing={1.5}>
          <Typography>{t.signIntro(subject.name, year, quarter, version)}</Typography>
          <Typography sx={{ fontWeight: 600 }} data-testid="sign-result">
            {t.signResult(
              form.method === '' ? '' : t.methodOption(evaluationMethodLabels[form.method]),
              resultWords(result),
            )}
          </Typography>
          {correcting !== undefined && signed ? (
            <Typography variant="body2">
              {t.correctionOf(correcting, form.correctionReason.trim())}
            </Typography>
          ) : null}
          {warnings.length > 0 ? (
            <Alert severity="warning">
              <AlertTitle>{t.unitWarnings}</AlertTitle>
              {warnings.map((w) => (
                <Box key={w}>{w}</Box>
              ))}
            </Alert>
          ) : null}
        </Stack>
      </ConfirmDialog>
    </Stack>
  );
}
