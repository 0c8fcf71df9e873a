import { useMemo, useRef, useState } from 'react';
import { Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import { quarterKey, type Quarter } from '../../../../shared/domain/calendar';
import type { AnnualPlan } from '../../../../shared/domain/plan';
import type { MonthlyRecord } from '../../../../shared/domain/record-book';
import {
  quarterHighlights,
  summaryDraftText,
  summaryStateLabels,
  summaryTextIssues,
  type QuarterSummary,
} from '../../../../shared/domain/summary';
import { getPlan, getSummary, listRecordsOfYear, saveSummaryDraft, submitSummary } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useAutosave } from '../../../components/useAutosave';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip } from '../../../components/page-parts';
import { draftKeys, useOfficial, usePagePeriod } from '../context';
import { useLiveFor } from '../../../components/useLiveFor';
import { EditorHeader } from '../EditorHeader';
import { useSubmitFlow } from '../useSubmitFlow';
import { Highlights } from './Highlights';

const t = zh.official.summary;

export function SummaryPage() {
  const { db } = useServices();
  const { personId } = useOfficial();
  const { param, period: valid } = usePagePeriod('quarter');
  const year = valid?.year ?? 0;
  const quarter = valid?.quarter ?? 1;

  const key = `${personId}-${param}`;
  const data = useLiveFor(
    key,
    async () => {
      if (!valid) return null;
      const [summary, plan, records] = await Promise.all([
        getSummary(db, personId, year, quarter),
        getPlan(db, personId, year),
        listRecordsOfYear(db, personId, year),
      ]);
      return { summary: summary ?? null, plan, records };
    },
    [db, personId, year, quarter],
  );

  if (!valid) return <EmptyState title="找不到这个季度">地址中的季度应为“年-Q季度”,如 2026-Q1。请从“季度小结”列表中选择。</EmptyState>;
  if (!data) return <Loading />;
  return <SummaryEditor key={key} year={year} quarter={quarter} summary={data.summary} plan={data.plan} records={data.records} />;
}

type EditorProps = {
  year: number;
  quarter: Quarter;
  summary: QuarterSummary | null;
  plan: AnnualPlan | undefined;
  records: readonly MonthlyRecord[];
};

function SummaryEditor({ year, quarter, summary, plan, records }: EditorProps) {
  const { db } = useServices();
  const { personId } = useOfficial();
  const state = summary?.state ?? 'editing';
  const editable = state !== 'submitted';
  // Only submitted record books are facts to summarise (the store freezes the same on submission).
  const live = useMemo(
    () => quarterHighlights(plan, records.filter((r) => r.state === 'submitted'), year, quarter),
    [plan, records, year, quarter],
  );
  const highlights = editable ? live : (summary?.highlights ?? live);
  const [initial] = useState(() => summary?.text ?? summaryDraftText(live));
  const autosave = useAutosave<string>({
    key: draftKeys.summary(personId, quarterKey(year, quarter)),
    initial,
    storedAt: summary?.updatedAt,
    save: (text) => saveSummaryDraft(db, personId, year, quarter, text),
    editable,
  });
  const [regenerating, setRegenerating] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const text = editable ? (autosave.draft ?? '') : (summary?.text ?? '');
  const flow = useSubmitFlow({
    save: autosave.flush,
    check: () => summaryTextIssues(text),
    submit: async () => {
      // A pre-filled draft nobody edited is not stored yet.
      if (!summary) await saveSummaryDraft(db, personId, year, quarter, text);
      await submitSummary(db, personId, year, quarter);
    },
    submittedText: t.submitted(quarter),
    focus: () => textRef.current?.focus(),
  });

  return (
    <Stack spacing={2}>
      <EditorHeader
        title={t.heading(year, quarter)}
        chip={<StateChip label={summary ? summaryStateLabels[state] : t.notYet} tone={state === 'submitted' ? 'success' : summary ? 'info' : 'default'} />}
        editable={editable}
        autosave={autosave}
        flow={flow}
        submitText={t.submit}
        locked={!editable ? t.locked : null}
      />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="summary-text">
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
              <Typography id="summary-text" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
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
              minRows={14}
              value={text}
              disabled={!editable}
              onChange={(e) => {
                const v = e.target.value;
                autosave.update(() => v);
                flow.setErrors({});
              }}
              error={!!flow.errors.text}
              helperText={flow.errors.text ?? (editable ? t.textHelp : undefined)}
              inputRef={textRef}
              slotProps={{ htmlInput: { 'aria-label': t.text } }}
            />
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="summary-highlights">
            <Typography id="summary-highlights" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
              {t.highlights}
            </Typography>
            <Highlights h={highlights} />
          </Paper>
        </Grid>
      </Grid>
      <ConfirmDialog {...flow.dialog} title={t.submitTitle(quarter)} confirmText={t.submit}>
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={regenerating}
        title={t.regenerateTitle}
        confirmText={t.regenerateTitle}
        onCancel={() => setRegenerating(false)}
        onConfirm={() => {
          autosave.update(() => summaryDraftText(live));
          setRegenerating(false);
        }}
      >
        <Typography>{t.regenerateText}</Typography>
      </ConfirmDialog>
    </Stack>
  );
}
