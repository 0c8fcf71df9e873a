import { useCallback, useState } from 'react';
import { Alert, Box, Button, Grid, List, ListItem, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { Link, useNavigate } from 'react-router';
import { monthKey } from '../../../../shared/domain/calendar';
import { isoDate, localIsoDate, parseIsoDate } from '../../../../shared/domain/dates';
import { journalKindLabels, rollUpJournal, type JournalKind } from '../../../../shared/domain/journal';
import { workStatusLabels, type WorkItem, type WorkStatus } from '../../../../shared/domain/record-book';
import { addJournalEntry, applyJournalRollUp, deleteJournalEntry, getMonthlyRecord, getPlan, listJournalEntries, restoreJournalEntry } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useLocalDraft } from '../../../components/useAutosave';
import { useUndo } from '../../../components/UndoSnackbar';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { Loading, PageHeader } from '../../../components/page-parts';
import { draftKeys, useOfficial, usePagePeriod } from '../context';
import { useLiveFor } from '../../../components/useLiveFor';
import { toFieldErrors, validationIssues, type FieldErrors } from '../../../components/fieldErrors';
import { adjacentMonth } from '../format';
import { NO_PLAN_ITEM, PercentField, PlanItemSelect, WorkStatusSelect, planItemLabel } from '../record/WorkProgressFields';
import { JournalEntryRow } from './JournalEntryRow';

const t = zh.official.journal;

/** The name the new entry's fields start with (新记录 日期). */
const NEW = '新记录';

type NewEntry = { date: string; content: string; planItemId: string; status: WorkStatus; percent: string };

export function JournalPage() {
  const { recordMode, year: selectedYear, today } = useOfficial();
  const { period } = usePagePeriod('month');
  const fallbackMonth = today.getFullYear() === selectedYear ? today.getMonth() + 1 : 1;
  const year = period?.year ?? selectedYear;
  const month = period?.month ?? fallbackMonth;

  if (recordMode !== 'daily' && recordMode !== 'weekly') {
    return <EmptyState title={zh.official.tabs.journal}>{t.hiddenNote}</EmptyState>;
  }
  return <Journal key={`${year}-${month}`} year={year} month={month} kind={recordMode} />;
}

function Journal({ year, month, kind }: { year: number; month: number; kind: JournalKind }) {
  const { db } = useServices();
  const { personId, today, calendars } = useOfficial();
  const { notify, reportError } = useNotifications();
  const navigate = useNavigate();
  const { offer, snackbar } = useUndo();
  const kindLabel = journalKindLabels[kind];
  const data = useLiveFor(
    `${personId}-${year}-${month}`,
    async () => {
      const [entries, plan, record] = await Promise.all([
        listJournalEntries(db, personId, year, month),
        getPlan(db, personId, year),
        getMonthlyRecord(db, personId, year, month),
      ]);
      return { entries, planItems: plan?.items ?? [], record };
    },
    [db, personId, year, month],
  );

  const todayIso = localIsoDate(today);
  const defaultDate = useCallback(() => {
    const d = parseIsoDate(todayIso);
    return d && d.year === year && d.month === month ? todayIso : isoDate(year, month, 1);
  }, [todayIso, year, month]);
  const blank = useCallback(
    (): NewEntry => ({ date: defaultDate(), content: '', planItemId: NO_PLAN_ITEM, status: 'inProgress', percent: '' }),
    [defaultDate],
  );
  const [draft, setDraft, clearDraft] = useLocalDraft<NewEntry>(`${draftKeys.journalNew(personId)}.${monthKey(year, month)}`, blank);
  const set = (patch: Partial<NewEntry>) => setDraft((d) => ({ ...d, ...patch }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<WorkItem[] | null>(null);
  const [busy, setBusy] = useState(false);

  if (!data) return <Loading />;
  const { entries, planItems, record } = data;
  const recordLocked = record?.state === 'submitted';

  const add = async () => {
    try {
      await addJournalEntry(db, {
        personId,
        date: draft.date.trim(),
        kind,
        content: draft.content,
        ...(draft.planItemId !== NO_PLAN_ITEM ? { planItemId: draft.planItemId } : {}),
        status: draft.status,
        ...(draft.percent.trim() !== '' ? { percent: Number(draft.percent) } : draft.status === 'completed' ? { percent: 100 } : {}),
      });
      clearDraft();
      setErrors({});
      notify({ kind: 'success', text: t.added });
    } catch (e) {
      const list = validationIssues(e);
      if (list) setErrors(toFieldErrors(list));
      reportError(e);
    }
  };

  const remove = async (id: string) => {
    try {
      const removed = await deleteJournalEntry(db, id);
      const d = parseIsoDate(removed.date);
      const label = d ? `${d.month}月${d.day}日` : removed.date;
      offer(t.deleted(label), () => restoreJournalEntry(db, removed).catch(reportError));
    } catch (e) {
      reportError(e);
    }
  };

  const applyRollUp = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      await applyJournalRollUp(db, personId, year, month, preview, new Date(), calendars);
      notify({ kind: 'success', text: t.rolledUp(preview.length) });
      setPreview(null);
    } catch (e) {
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.heading(year, month, kindLabel)}
        actions={
          <>
            <Button onClick={() => void navigate(`/official/journal/${adjacentMonth(year, month, -1)}`)}>{zh.official.record.prevMonth}</Button>
            <Button onClick={() => void navigate(`/official/journal/${adjacentMonth(year, month, 1)}`)}>{zh.official.record.nextMonth}</Button>
            <Button component={Link} to={`/official/record/${monthKey(year, month)}`}>
              {t.openRecord}
            </Button>
            <Button variant="contained" disabled={recordLocked || entries.length === 0} onClick={() => setPreview(rollUpJournal(entries, year, month))}>
              {t.rollUp}
            </Button>
          </>
        }
      />
      <Typography variant="body2" color="text.secondary">
        {t.intro(kindLabel)}
      </Typography>
      {recordLocked ? <Alert severity="info">{t.locked}</Alert> : null}

      <Paper
        sx={{ p: 2 }}
        component="form"
        aria-labelledby="journal-add"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Typography id="journal-add" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t.add}
        </Typography>
        <Grid container spacing={1.5}>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              label={t.date}
              required
              value={draft.date}
              onChange={(e) => set({ date: e.target.value })}
              error={!!errors.date}
              helperText={errors.date ?? t.dateHelp}
              slotProps={{ htmlInput: { 'aria-label': `${NEW} ${t.date}` } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <TextField
              label={t.content}
              required
              multiline
              value={draft.content}
              onChange={(e) => set({ content: e.target.value })}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void add();
                }
              }}
              error={!!errors.content}
              helperText={errors.content ?? t.draftNote}
              slotProps={{ htmlInput: { 'aria-label': `${NEW} ${t.content}` } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <PlanItemSelect row={NEW} value={draft.planItemId} planItems={planItems} onChange={(id) => set({ planItemId: id ?? NO_PLAN_ITEM })} />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <WorkStatusSelect
              row={NEW}
              value={draft.status}
              onChange={(status) => setDraft((d) => ({ ...d, status, percent: status === 'completed' ? '100' : d.percent }))}
            />
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <PercentField row={NEW} value={draft.percent} error={errors.percent} onChange={(percent) => set({ percent })} />
          </Grid>
          <Grid size={{ xs: 12, md: 8 }} sx={{ display: 'flex', alignItems: 'flex-start' }}>
            <Button type="submit" variant="outlined">
              {t.add}
            </Button>
          </Grid>
        </Grid>
      </Paper>

      <Box component="section" aria-labelledby="journal-list">
        <Typography id="journal-list" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {t.entries}({entries.length})
        </Typography>
        {entries.length === 0 ? (
          <Typography color="text.secondary">{t.none}</Typography>
        ) : (
          <Stack spacing={1.5}>
            {entries.map((e) => (
              <JournalEntryRow key={e.id} entry={e} planItems={planItems} onDelete={() => void remove(e.id)} />
            ))}
          </Stack>
        )}
      </Box>

      <ConfirmDialog
        open={preview !== null}
        title={t.rollUpTitle(month)}
        confirmText={t.rollUpConfirm}
        busy={busy}
        maxWidth="md"
        onCancel={() => setPreview(null)}
        onConfirm={() => void applyRollUp()}
      >
        {preview && preview.length > 0 ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {t.rollUpText}
            </Typography>
            <List dense aria-label="汇总预览">
              {preview.map((w, i) => (
                <ListItem key={w.id} divider>
                  <ListItemText
                    primary={`${i + 1}. ${w.content}(${workStatusLabels[w.status]} ${w.percent}%)`}
                    secondary={`${w.planItemId ? `${planItemLabel(planItems, w.planItemId)} · ` : ''}${w.progress}`}
                  />
                </ListItem>
              ))}
            </List>
          </>
        ) : (
          <Typography>{t.rollUpEmpty}</Typography>
        )}
      </ConfirmDialog>
      {snackbar}
    </Stack>
  );
}
