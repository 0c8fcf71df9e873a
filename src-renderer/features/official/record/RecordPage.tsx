import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router';
import { monthKey, tryParsePeriodKey, workingDays } from '../../../../shared/domain/calendar';
import { newId } from '../../../../shared/domain/ids';
import type { PlanItem } from '../../../../shared/domain/plan';
import {
  monthlyRecordIssues,
  recordStateLabels,
  type Attendance,
  type ErrorEntry,
  type MonthlyRecord,
  type RecordState,
  type WorkItem,
} from '../../../../shared/domain/record-book';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { getPlan } from '../../../../shared/store/plan-repo';
import { carryOverWorkItems, getMonthlyRecord, newMonthlyRecord, saveRecordDraft, submitRecord } from '../../../../shared/store/record-repo';
import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useAutosave } from '../../../components/useAutosave';
import { useUndo } from '../../../components/UndoSnackbar';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import {
  IssuesAlert,
  Loading,
  LockedBanner,
  PageHeader,
  PrintButton,
  RestoredNote,
  ReturnedBanner,
  StateChip,
  focusFirstError,
  useSaveShortcut,
  type ChipTone,
} from '../common';
import { draftKeys, useOfficial } from '../context';
import { clearField, clearPrefix, toFieldErrors, validationIssues, type FieldErrors } from '../fieldErrors';
import { AttendanceEditor } from './AttendanceEditor';
import { ErrorsEditor } from './ErrorsEditor';
import { WorkItemsEditor } from './WorkItemsEditor';

const t = zh.official.record;

export const recordStateTone: Record<RecordState, ChipTone> = {
  editing: 'info',
  submitted: 'success',
  returned: 'warning',
};

function blankWorkItem(): WorkItem {
  return { id: newId(), content: '', progress: '', status: 'inProgress', percent: 0 };
}

function blankError(): ErrorEntry {
  return { id: newId(), date: '', matter: '', cause: '', correction: '', severity: 'minor' };
}

function neighbour(year: number, month: number, by: -1 | 1): string {
  const m = month + by;
  if (m < 1) return monthKey(year - 1, 12);
  if (m > 12) return monthKey(year + 1, 1);
  return monthKey(year, m);
}

export function RecordPage() {
  const { db } = useServices();
  const { personId, year: selectedYear, setYear } = useOfficial();
  const params = useParams();
  const period = tryParsePeriodKey(params.month ?? '');
  const valid = period?.kind === 'month' ? period : null;
  const year = valid?.year ?? 0;
  const month = valid?.month ?? 0;

  // The year selector follows the month opened by address.
  useEffect(() => {
    if (valid && valid.year !== selectedYear) setYear(valid.year);
  }, [valid, selectedYear, setYear]);

  const key = `${personId}-${params.month ?? ''}`;
  // Tagged with the month asked for: a live query keeps its previous result while a new one runs,
  // and an editor must never start from another month's record book.
  const loaded = useLiveQuery(
    async () =>
      valid
        ? {
            key,
            record: (await getMonthlyRecord(db, personId, year, month)) ?? null,
            plan: (await getPlan(db, personId, year)) ?? null,
          }
        : null,
    [db, personId, year, month, key],
  );

  if (!valid) {
    return <EmptyState title="找不到这个月份">地址中的月份应为“年-月”,如 2026-03。请从“记实簿”列表中选择月份。</EmptyState>;
  }
  if (loaded?.key !== key) return <Loading />;
  return <RecordEditor key={key} year={year} month={month} record={loaded.record} planItems={loaded.plan?.items ?? []} />;
}

type EditorProps = { year: number; month: number; record: MonthlyRecord | null; planItems: readonly PlanItem[] };

function RecordEditor({ year, month, record, planItems }: EditorProps) {
  const { db } = useServices();
  const { personId, calendars } = useOfficial();
  const { notify, reportError } = useNotifications();
  const { offer, snackbar } = useUndo();
  const state: RecordState = record?.state ?? 'editing';
  const editable = state !== 'submitted';
  const [initial] = useState(() => record ?? newMonthlyRecord(personId, year, month, calendars));
  const autosave = useAutosave<MonthlyRecord>({
    key: draftKeys.record(personId, monthKey(year, month)),
    initial,
    storedAt: record?.updatedAt,
    save: (r) => saveRecordDraft(db, r),
    editable,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const shown = editable ? autosave.draft : (record ?? undefined);
  const wd = workingDays(year, month, calendars);
  const dueNote =
    wd.source === 'statutory'
      ? `${t.dueFrom(wd.days, '')}。`
      : `本月按周一至周五计算有${wd.days}个工作日(未找到${year}年的节假日安排)。`;

  const saveNow = useCallback(() => autosave.flush(), [autosave]);
  useSaveShortcut(saveNow, editable);

  if (!shown) return <Loading />;

  const patch = (change: (r: MonthlyRecord) => MonthlyRecord, clear?: string) => {
    autosave.update(change);
    if (clear) setErrors((e) => clearField(e, clear));
  };

  const changeWork = (i: number, p: Partial<WorkItem>) => {
    patch((r) => ({ ...r, workItems: r.workItems.map((w, k) => (k === i ? { ...w, ...p } : w)) }));
    setErrors((e) => Object.keys(p).reduce((acc, k) => clearField(acc, `workItems.${i}.${k}`), e));
  };
  const removeWork = (i: number) => {
    const removed = shown.workItems[i];
    if (!removed) return;
    patch((r) => ({ ...r, workItems: r.workItems.filter((_, k) => k !== i) }));
    setErrors((e) => clearPrefix(e, 'workItems'));
    offer(t.workItemDeleted(i + 1), () =>
      autosave.update((r) => ({ ...r, workItems: [...r.workItems.slice(0, i), removed, ...r.workItems.slice(i)] })),
    );
  };
  const addWork = () => {
    patch((r) => ({ ...r, workItems: [...r.workItems, blankWorkItem()] }), 'workItems');
    setTimeout(() => {
      const fields = formRef.current?.querySelectorAll<HTMLElement>('textarea[aria-label$=" 工作内容"]');
      fields?.[fields.length - 1]?.focus();
    }, 0);
  };
  const carryOver = async () => {
    try {
      const items = await carryOverWorkItems(db, personId, year, month);
      if (items.length > 0) patch((r) => ({ ...r, workItems: [...r.workItems, ...items] }), 'workItems');
      notify({ kind: 'info', text: t.carriedOver(items.length) });
    } catch (e) {
      reportError(e);
    }
  };

  const changeAttendance = (p: Partial<Attendance>) => {
    patch((r) => ({ ...r, attendance: { ...r.attendance, ...p } }));
    setErrors((e) => Object.keys(p).reduce((acc, k) => clearField(acc, `attendance.${k}`), clearField(e, 'attendance')));
  };

  const changeError = (i: number, p: Partial<ErrorEntry>) => {
    patch((r) => ({ ...r, errors: r.errors.map((x, k) => (k === i ? { ...x, ...p } : x)) }));
    setErrors((e) => Object.keys(p).reduce((acc, k) => clearField(acc, `errors.${i}.${k}`), e));
  };
  const removeError = (i: number) => {
    const removed = shown.errors[i];
    if (!removed) return;
    patch((r) => ({ ...r, errors: r.errors.filter((_, k) => k !== i) }));
    setErrors((e) => clearPrefix(e, 'errors'));
    offer(t.errorDeleted(i + 1), () =>
      autosave.update((r) => ({ ...r, errors: [...r.errors.slice(0, i), removed, ...r.errors.slice(i)] })),
    );
  };
  const addError = () => {
    patch((r) => ({ ...r, errors: [...r.errors, blankError()] }));
    setTimeout(() => {
      const fields = formRef.current?.querySelectorAll<HTMLElement>('input[aria-label$=" 日期"]');
      fields?.[fields.length - 1]?.focus();
    }, 0);
  };

  const showIssues = (list: readonly ValidationIssue[]) => {
    setIssues(list);
    setErrors(toFieldErrors(list));
    setTimeout(() => focusFirstError(formRef.current), 0);
  };

  const startSubmit = async () => {
    if (!(await autosave.flush())) return;
    const found = monthlyRecordIssues(shown);
    if (found.length > 0) {
      showIssues(found);
      return;
    }
    setIssues([]);
    setErrors({});
    setConfirming(true);
  };

  const submit = async () => {
    setBusy(true);
    try {
      await submitRecord(db, personId, year, month);
      setConfirming(false);
      notify({ kind: 'success', text: t.submitted(month) });
    } catch (e) {
      setConfirming(false);
      const list = validationIssues(e);
      if (list) showIssues(list);
      reportError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack spacing={2} ref={formRef}>
      <PageHeader
        title={t.heading(year, month)}
        chip={<StateChip label={record ? recordStateLabels[state] : t.notStarted} tone={record ? recordStateTone[state] : 'default'} />}
        status={editable ? autosave.status : undefined}
        actions={
          <>
            <Button component={Link} to={`/official/record/${neighbour(year, month, -1)}`}>
              {t.prevMonth}
            </Button>
            <Button component={Link} to={`/official/record/${neighbour(year, month, 1)}`}>
              {t.nextMonth}
            </Button>
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
      {state === 'submitted' ? <LockedBanner>{t.locked}</LockedBanner> : null}
      {state === 'returned' && record?.returnReason ? <ReturnedBanner title={t.returnedTitle} reasons={[record.returnReason]} /> : null}
      <IssuesAlert issues={issues} />

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="record-work">
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
          <Typography id="record-work" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t.workItems}
          </Typography>
          {editable ? (
            <Box data-print="hide" sx={{ display: 'flex', gap: 1 }}>
              <Button size="small" onClick={() => void carryOver()}>
                {t.carryOver}
              </Button>
              <Button size="small" variant="outlined" onClick={addWork}>
                {t.addWorkItem}
              </Button>
            </Box>
          ) : null}
        </Stack>
        <WorkItemsEditor items={shown.workItems} planItems={planItems} editable={editable} errors={errors} onChange={changeWork} onDelete={removeWork} />
      </Paper>

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="record-attendance">
        <Typography id="record-attendance" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1.5 }}>
          {t.attendance}
        </Typography>
        <AttendanceEditor value={shown.attendance} editable={editable} errors={errors} dueNote={dueNote} onChange={changeAttendance} />
      </Paper>

      <Paper sx={{ p: 2 }} component="section" aria-labelledby="record-errors">
        <Stack direction="row" sx={{ alignItems: 'center', mb: 1.5 }}>
          <Typography id="record-errors" variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {t.errors}
          </Typography>
          {editable ? (
            <Button size="small" variant="outlined" onClick={addError} data-print="hide">
              {t.addError}
            </Button>
          ) : null}
        </Stack>
        <ErrorsEditor entries={shown.errors} editable={editable} errors={errors} onChange={changeError} onDelete={removeError} />
      </Paper>

      {editable && planItems.length === 0 ? (
        <Alert severity="info" data-print="hide">
          还没有年度工作计划,工作事项暂时不能对应计划事项。
          <MuiLink component={Link} to="/official/plan">
            前往制定年度工作计划
          </MuiLink>
        </Alert>
      ) : null}

      <ConfirmDialog
        open={confirming}
        title={t.submitTitle(month)}
        confirmText={t.submit}
        busy={busy}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void submit()}
      >
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      {snackbar}
    </Stack>
  );
}
