/**
 * The official's 年度考核 page: the 年度个人总结 (述职) — pre-filled from the year's plan and quarterly
 * summaries, saved as typed, submitted like the quarterly summary and reopened to resubmit until the
 * result is decided —, where the year's assessment stands, the 主管领导's 评语 once it arrives, and HR's
 * result with the 本人意见 to sign before the unit's deadline.
 */
import { useRef, useState } from 'react';
import { Box, Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import {
  ANNUAL_SUMMARY_MAX,
  annualSummaryDraftText,
  annualSummaryIssues,
  annualSummaryStateLabels,
  annualSuggestionLabels,
  annualOutcomeLabel,
  charCount,
  localIsoDate,
  opinionLateProblem,
  opinionOnCurrent,
  type AnnualCommentRow,
  type AnnualDecisionRow,
  type AnnualSummaryRow,
} from '../../../../shared/domain';
import {
  getAnnualComment,
  getAnnualDecision,
  getAnnualSummary,
  getPlan,
  listSummariesOfYear,
  reopenAnnualSummary,
  saveAnnualSummaryDraft,
  submitAnnualSummary,
} from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAutosave } from '../../../components/useAutosave';
import { useLiveFor } from '../../../components/useLiveFor';
import { Loading, StateChip } from '../../../components/page-parts';
import { useOfficial } from '../context';
import { EditorHeader } from '../EditorHeader';
import { useSubmitFlow } from '../useSubmitFlow';
import { OpinionSection } from './OpinionSection';
import { RegisterDownload } from './RegisterDownload';
import { annualDraftKeys, annualText as t } from './strings';

export function AnnualPage() {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  const key = `${personId}-${year}`;
  const data = useLiveFor(
    key,
    async () => {
      const [summary, plan, summaries, comment, decision] = await Promise.all([
        getAnnualSummary(db, personId, year),
        getPlan(db, personId, year),
        listSummariesOfYear(db, personId, year),
        getAnnualComment(db, personId, year),
        getAnnualDecision(db, personId, year),
      ]);
      return { summary: summary ?? null, draft: annualSummaryDraftText(year, plan, summaries), comment, decision };
    },
    [db, personId, year],
  );
  if (!data) return <Loading />;
  const editor = <SummaryEditor key={key} year={year} summary={data.summary} generated={data.draft} decided={!!data.decision} />;
  const standing = (
    <Grid container spacing={2}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Progress summary={data.summary} comment={data.comment} decision={data.decision} />
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Stack spacing={2}>
          {data.decision ? <Result year={year} decision={data.decision} /> : null}
          {data.comment ? <Comment comment={data.comment} /> : null}
          {data.summary?.state === 'submitted' ? (
            <RegisterDownload year={year} summary={data.summary} comment={data.comment} decision={data.decision} />
          ) : null}
        </Stack>
      </Grid>
    </Grid>
  );
  // Once the result is known it is what the official comes for (本人意见 has a deadline); the locked
  // summary follows it. Before, the summary being written comes first.
  return (
    <Stack spacing={2}>
      {data.decision ? (
        <>
          {standing}
          {editor}
        </>
      ) : (
        <>
          {editor}
          {standing}
        </>
      )}
    </Stack>
  );
}

function SummaryEditor({
  year,
  summary,
  generated,
  decided,
}: {
  year: number;
  summary: AnnualSummaryRow | null;
  generated: string;
  decided: boolean;
}) {
  const { db } = useServices();
  const { personId } = useOfficial();
  const { notify, reportError } = useNotifications();
  const state = summary?.state ?? 'editing';
  const editable = state !== 'submitted';
  const [initial] = useState(() => summary?.text ?? generated);
  const autosave = useAutosave<string>({
    key: annualDraftKeys.summary(personId, year),
    initial,
    storedAt: summary?.updatedAt,
    save: (text) => saveAnnualSummaryDraft(db, personId, year, text),
    editable,
  });
  const [regenerating, setRegenerating] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const text = editable ? (autosave.draft ?? '') : (summary?.text ?? '');
  const flow = useSubmitFlow({
    save: autosave.flush,
    check: () => annualSummaryIssues(text),
    submit: async () => {
      // A pre-filled draft nobody edited is not stored yet.
      if (!summary) await saveAnnualSummaryDraft(db, personId, year, text);
      await submitAnnualSummary(db, personId, year);
    },
    submittedText: t.submitted(year),
    focus: () => textRef.current?.focus(),
  });
  const reopen = async () => {
    try {
      await reopenAnnualSummary(db, personId, year);
      notify({ kind: 'info', text: t.reopenDone });
    } catch (e) {
      reportError(e);
    }
  };

  const submittedOn = summary?.submittedOn;
  const locked = !editable && summary && submittedOn ? (
    <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <span>
        {t.locked(summary.version, submittedOn)}
        {decided ? t.lockedDecided : null}
      </span>
      {!decided ? (
        <Button size="small" variant="outlined" onClick={() => void reopen()} data-print="hide">
          {t.reopen}
        </Button>
      ) : null}
    </Stack>
  ) : null;
  const count = charCount(text.trim());

  return (
    <Stack spacing={2}>
      <EditorHeader
        title={t.heading(year)}
        chip={
          <StateChip
            label={summary ? annualSummaryStateLabels[state] : t.notYet}
            tone={state === 'submitted' ? 'success' : summary ? 'info' : 'default'}
          />
        }
        editable={editable}
        autosave={autosave}
        flow={flow}
        submitText={t.submit}
        intro={
          editable ? (
            <Typography variant="body2" sx={{ color: 'text.secondary' }} data-print="hide">
              {summary && summary.version > 0 ? t.reopened(summary.version) : t.intro}
            </Typography>
          ) : null
        }
        locked={locked}
      />
      <Paper sx={{ p: 2 }} component="section" aria-labelledby="annual-summary-text">
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography id="annual-summary-text" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t.text}
          </Typography>
          {editable ? (
            <Button size="small" onClick={() => setRegenerating(true)} data-print="hide">
              {t.regenerate}
            </Button>
          ) : null}
        </Stack>
        <TextField
          multiline
          minRows={12}
          value={text}
          disabled={!editable}
          onChange={(e) => {
            const v = e.target.value;
            autosave.update(() => v);
            flow.setErrors({});
          }}
          error={!!flow.errors.text}
          helperText={flow.errors.text ?? (editable ? t.textHelp(count, ANNUAL_SUMMARY_MAX) : undefined)}
          inputRef={textRef}
          slotProps={{ htmlInput: { 'aria-label': t.text } }}
        />
      </Paper>
      <ConfirmDialog {...flow.dialog} title={t.submitTitle(year)} confirmText={t.submit}>
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={regenerating}
        title={t.regenerateTitle}
        confirmText={t.regenerateTitle}
        onCancel={() => setRegenerating(false)}
        onConfirm={() => {
          autosave.update(() => generated);
          setRegenerating(false);
        }}
      >
        <Typography>{t.regenerateText}</Typography>
      </ConfirmDialog>
    </Stack>
  );
}

function Step({ label, value, done }: { label: string; value: string; done: boolean }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '13em 1fr', columnGap: 1, py: 0.75, borderTop: 1, borderColor: 'divider' }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography variant="body2" sx={{ color: done ? 'success.dark' : 'text.secondary' }}>
        {value}
      </Typography>
    </Box>
  );
}

function Progress({
  summary,
  comment,
  decision,
}: {
  summary: AnnualSummaryRow | null;
  comment: AnnualCommentRow | undefined;
  decision: AnnualDecisionRow | undefined;
}) {
  const { today } = useOfficial();
  const submitted = summary && summary.version > 0 && summary.submittedOn;
  const answered = decision && opinionOnCurrent(decision) ? decision.opinion : undefined;
  const late = decision ? opinionLateProblem(decision.opinionDueOn, localIsoDate(today)) !== null : false;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="annual-progress">
      <Typography id="annual-progress" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t.progress}
      </Typography>
      <Step
        label={t.stepSummary}
        value={submitted ? t.stepSubmitted(summary.version, summary.submittedOn!) : t.stepNotYet}
        done={!!submitted}
      />
      <Step
        label={t.stepComment}
        value={comment ? t.stepCommentDone(comment.supervisorName, comment.signedOn) : t.stepWaiting}
        done={!!comment}
      />
      <Step
        label={t.stepDecision}
        value={decision ? t.stepDecisionDone(annualOutcomeLabel(decision.outcome)) : t.stepWaiting}
        done={!!decision}
      />
      {decision ? (
        <Step
          label={t.stepOpinion}
          value={
            answered
              ? t.stepOpinionDone(answered.agree)
              : late
                ? t.stepOpinionLate(decision.opinionDueOn)
                : t.stepOpinionDue(decision.opinionDueOn)
          }
          done={!!answered}
        />
      ) : null}
      {!decision ? (
        <Typography variant="body2" sx={{ color: 'text.secondary', mt: 1 }}>
          {t.arriveHint}
        </Typography>
      ) : null}
    </Paper>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '12em 1fr' }, columnGap: 1 }}>
      <Typography variant="body2" component="div" sx={{ color: 'text.secondary', fontWeight: 600 }}>
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {value.trim() === '' ? t.none : value}
      </Typography>
    </Box>
  );
}

function Comment({ comment }: { comment: AnnualCommentRow }) {
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="annual-comment">
      <Typography id="annual-comment" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {t.commentHeading}
      </Typography>
      <Stack spacing={0.75}>
        <Line label={t.comment} value={comment.comment} />
        <Line label={t.suggestion} value={annualSuggestionLabels[comment.suggestion]} />
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t.signedBy(comment.supervisorName, comment.signedOn)}
        </Typography>
      </Stack>
    </Paper>
  );
}

function Result({ year, decision }: { year: number; decision: AnnualDecisionRow }) {
  const { today } = useOfficial();
  const o = decision.outcome;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="annual-result" data-testid="annual-result">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="annual-result" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
          {t.resultHeading(year)}
        </Typography>
        {decision.version > 1 ? <StateChip label={t.version(decision.version)} tone="warning" /> : null}
      </Stack>
      <Stack spacing={0.75}>
        <Line label={t.outcome} value={annualOutcomeLabel(o)} />
        {o.kind !== 'graded' ? <Line label={t.reason} value={o.reason} /> : null}
        <Line label={t.committee} value={decision.committeeOpinion} />
        {decision.tieNote ? <Line label={t.tieNote} value={decision.tieNote} /> : null}
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          {t.decidedBy(decision.hrName, decision.decidedOn)}
        </Typography>
      </Stack>
      <OpinionSection key={decision.factId} year={year} decision={decision} today={localIsoDate(today)} />
    </Paper>
  );
}
