import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useParams } from 'react-router';
import { quarterKey, tryParsePeriodKey, type Quarter } from '../../../../shared/domain/calendar';
import type { AnnualPlan } from '../../../../shared/domain/plan';
import type { MonthlyRecord } from '../../../../shared/domain/record-book';
import {
  quarterHighlights,
  summaryDraftText,
  summaryStateLabels,
  summaryTextIssues,
  type QuarterSummary,
} from '../../../../shared/domain/summary';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { getPlan, getSummary, listRecordsOfYear, saveSummaryDraft, submitSummary } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useAutosave } from '../../../components/useAutosave';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { IssuesAlert, Loading, LockedBanner, PageHeader, PrintButton, RestoredNote, StateChip, useSaveShortcut } from '../common';
import { draftKeys, useOfficial } from '../context';
import { toFieldErrors, validationIssues, type FieldErrors } from '../fieldErrors';
import { Highlights } from './Highlights';

const t = zh.official.summary;

export function SummaryPage() {
  const { db } = useServices();
  const { personId, year: selectedYear, setYear } = useOfficial();
  const params = useParams();
  const period = tryParsePeriodKey(params.quarter ?? '');
  const valid = period?.kind === 'quarter' ? period : null;
  const year = valid?.year ?? 0;
  const quarter = (valid?.quarter ?? 1);

  useEffect(() => {
    if (valid && valid.year !== selectedYear) setYear(valid.year);
  }, [valid, selectedYear, setYear]);

  const key = `${personId}-${params.quarter ?? ''}`;
  // Tagged with the quarter asked for (a live query keeps its previous result while a new one runs).
  const data = useLiveQuery(async () => {
    if (!valid) return null;
    const [summary, plan, records] = await Promise.all([
      getSummary(db, personId, year, quarter),
      getPlan(db, personId, year),
      listRecordsOfYear(db, personId, year),
    ]);
    return { key, summary: summary ?? null, plan, records };
  }, [db, personId, year, quarter, key]);

  if (!valid) return <EmptyState title="找不到这个季度">地址中的季度应为“年-Q季度”,如 2026-Q1。请从“季度小结”列表中选择。</EmptyState>;
  if (data?.key !== key) return <Loading />;
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
  const { notify, reportError } = useNotifications();
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [confirming, setConfirming] = useState<'submit' | 'regenerate' | null>(null);
  const [busy, setBusy] = useState(false);
  const textRef = useRef<HTMLTextAreaElement>(null);

  const saveNow = useCallback(() => autosave.flush(), [autosave]);
  useSaveShortcut(saveNow, editable);

  const text = editable ? (autosave.draft ?? '') : (summary?.text ?? '');

  const showIssues = (list: readonly ValidationIssue[]) => {
    setIssues(list);
    setErrors(toFieldErrors(list));
    setTimeout(() => textRef.current?.focus(), 0);
  };

  const startSubmit = async () => {
    if (!(await autosave.flush())) return;
    const found = summaryTextIssues(text);
    if (found.length > 0) {
      showIssues(found);
      return;
    }
    setIssues([]);
    setErrors({});
    setConfirming('submit');
  };

  const submit = async () => {
    setBusy(true);
    try {
      // A pre-filled draft nobody edited is not stored yet.
      if (!summary) await saveSummaryDraft(db, personId, year, quarter, text);
      await submitSummary(db, personId, year, quarter);
      setConfirming(null);
      notify({ kind: 'success', text: t.submitted(quarter) });
    } catch (e) {
      setConfirming(null);
      const list = validationIssues(e);
      if (list) showIssues(list);
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.heading(year, quarter)}
        chip={<StateChip label={summary ? summaryStateLabels[state] : t.notYet} tone={state === 'submitted' ? 'success' : summary ? 'info' : 'default'} />}
        status={editable ? autosave.status : undefined}
        actions={
          <>
            <PrintButton />
            {editable ? (
              <>
                <Button variant="outlined" onClick={() => void autosave.flush()}>
                  {zh.editing.saveNow}
                </Button>
                <Button variant="contained" onClick={() => void startSubmit()} disabled={busy}>
                  {t.submit}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <RestoredNote show={autosave.restored} onClose={autosave.dismissRestored} />
      {!editable ? <LockedBanner>{t.locked}</LockedBanner> : null}
      <IssuesAlert issues={issues} />
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="summary-text">
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
              <Typography id="summary-text" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
                {t.text}
              </Typography>
              {editable ? (
                <Button size="small" onClick={() => setConfirming('regenerate')} data-print="hide">
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
                setErrors({});
              }}
              error={!!errors.text}
              helperText={errors.text ?? (editable ? t.textHelp : undefined)}
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
      <ConfirmDialog
        open={confirming === 'submit'}
        title={t.submitTitle(quarter)}
        confirmText={t.submit}
        busy={busy}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void submit()}
      >
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'regenerate'}
        title={t.regenerateTitle}
        confirmText={t.regenerateTitle}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          autosave.update(() => summaryDraftText(live));
          setConfirming(null);
        }}
      >
        <Typography>{t.regenerateText}</Typography>
      </ConfirmDialog>
    </Stack>
  );
}
