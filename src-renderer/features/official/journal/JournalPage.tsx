import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Button, Grid, List, ListItem, ListItemText, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { monthKey, tryParsePeriodKey } from '../../../../shared/domain/calendar';
import { isoDate, localIsoDate, parseIsoDate } from '../../../../shared/domain/dates';
import { journalKindLabels, rollUpJournal, type JournalKind } from '../../../../shared/domain/journal';
import { WORK_STATUSES, workStatusLabels, type WorkItem, type WorkStatus } from '../../../../shared/domain/record-book';
import { addJournalEntry, applyJournalRollUp, deleteJournalEntry, getMonthlyRecord, getPlan, listJournalEntries, restoreJournalEntry } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useLocalDraft } from '../../../components/useAutosave';
import { useUndo } from '../../../components/UndoSnackbar';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { Loading, PageHeader, selectName } from '../common';
import { draftKeys, useOfficial } from '../context';
import { toFieldErrors, validationIssues, type FieldErrors } from '../fieldErrors';
import { planItemLabel } from '../record/WorkItemsEditor';
import { JournalEntryRow } from './JournalEntryRow';

const t = zh.official.journal;
const NONE = '__none__';

type NewEntry = { date: string; content: string; planItemId: string; status: WorkStatus; percent: string };

function shift(year: number, month: number, by: -1 | 1): string {
  const m = month + by;
  return m < 1 ? monthKey(year - 1, 12) : m > 12 ? monthKey(year + 1, 1) : monthKey(year, m);
}

export function JournalPage() {
  const { recordMode, year: selectedYear, setYear, today } = useOfficial();
  const params = useParams();
  const period = tryParsePeriodKey(params.month ?? '');
  const fallbackMonth = today.getFullYear() === selectedYear ? today.getMonth() + 1 : 1;
  const year = period?.kind === 'month' ? period.year : selectedYear;
  const month = period?.kind === 'month' ? period.month : fallbackMonth;

  useEffect(() => {
    if (year !== selectedYear) setYear(year);
  }, [year, selectedYear, setYear]);

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
  const key = `${personId}-${year}-${month}`;
  const data = useLiveQuery(async () => {
    const [entries, plan, record] = await Promise.all([
      listJournalEntries(db, personId, year, month),
      getPlan(db, personId, year),
      getMonthlyRecord(db, personId, year, month),
    ]);
    return { key, entries, planItems: plan?.items ?? [], record };
  }, [db, personId, year, month, key]);

  const todayIso = localIsoDate(today);
  const defaultDate = useCallback(() => {
    const d = parseIsoDate(todayIso);
    return d && d.year === year && d.month === month ? todayIso : isoDate(year, month, 1);
  }, [todayIso, year, month]);
  const blank = useCallback(
    (): NewEntry => ({ date: defaultDate(), content: '', planItemId: NONE, status: 'inProgress', percent: '' }),
    [defaultDate],
  );
  const [draft, setDraft, clearDraft] = useLocalDraft<NewEntry>(`${draftKeys.journalNew(personId)}.${monthKey(year, month)}`, blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<WorkItem[] | null>(null);
  const [busy, setBusy] = useState(false);

  if (data?.key !== key) return <Loading />;
  const { entries, planItems, record } = data;
  const recordLocked = record?.state === 'submitted';

  const add = async () => {
    try {
      await addJournalEntry(db, {
        personId,
        date: draft.date.trim(),
        kind,
        content: draft.content,
        ...(draft.planItemId !== NONE ? { planItemId: draft.planItemId } : {}),
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
            <Button onClick={() => void navigate(`/official/journal/${shift(year, month, -1)}`)}>{zh.official.record.prevMonth}</Button>
            <Button onClick={() => void navigate(`/official/journal/${shift(year, month, 1)}`)}>{zh.official.record.nextMonth}</Button>
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
              onChange={(e) => {
                const v = e.target.value;
                setDraft((d) => ({ ...d, date: v }));
              }}
              error={!!errors.date}
              helperText={errors.date ?? t.dateHelp}
              slotProps={{ htmlInput: { 'aria-label': `新记录 ${t.date}` } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <TextField
              label={t.content}
              required
              multiline
              value={draft.content}
              onChange={(e) => {
                const v = e.target.value;
                setDraft((d) => ({ ...d, content: v }));
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  void add();
                }
              }}
              error={!!errors.content}
              helperText={errors.content ?? t.draftNote}
              slotProps={{ htmlInput: { 'aria-label': `新记录 ${t.content}` } }}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 5 }}>
            <TextField
              select
              label={t.planItem}
              value={draft.planItemId}
              onChange={(e) => {
                const v = e.target.value;
                setDraft((d) => ({ ...d, planItemId: v }));
              }}
              slotProps={selectName(`新记录 ${t.planItem}`)}
            >
              <MenuItem value={NONE}>{zh.official.record.noPlanItem}</MenuItem>
              {planItems.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {planItemLabel(planItems, p.id)}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              select
              label={t.status}
              value={draft.status}
              onChange={(e) => {
                const v = e.target.value as WorkStatus;
                setDraft((d) => ({ ...d, status: v, percent: v === 'completed' ? '100' : d.percent }));
              }}
              slotProps={selectName(`新记录 ${t.status}`)}
            >
              {WORK_STATUSES.map((s) => (
                <MenuItem key={s} value={s}>
                  {workStatusLabels[s]}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 6, md: 2 }}>
            <TextField
              label={t.percent}
              type="number"
              value={draft.percent}
              onChange={(e) => {
                const v = e.target.value;
                setDraft((d) => ({ ...d, percent: v }));
              }}
              error={!!errors.percent}
              helperText={errors.percent}
              slotProps={{ htmlInput: { 'aria-label': `新记录 ${t.percent}`, min: 0, max: 100, step: 5 } }}
            />
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
