import { useRef, useState } from 'react';
import { Alert, Box, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { monthKey, workingDays } from '../../../../shared/domain/calendar';
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
import { getPlan } from '../../../../shared/store/plan-repo';
import { carryOverWorkItems, getMonthlyRecord, newMonthlyRecord, saveRecordDraft, submitRecord } from '../../../../shared/store/record-repo';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyState } from '../../../components/EmptyState';
import { useAutosave } from '../../../components/useAutosave';
import { useUndo } from '../../../components/UndoSnackbar';
import { useNotifications } from '../../../state/notifications';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip, focusFirstError, focusLast, type ChipTone } from '../../../components/page-parts';
import { draftKeys, useOfficial, usePagePeriod } from '../context';
import { useLiveFor } from '../../../components/useLiveFor';
import { EditorHeader } from '../EditorHeader';
import { clearField } from '../../../components/fieldErrors';
import { adjacentMonth } from '../format';
import { listActions } from '../listActions';
import { useSubmitFlow } from '../useSubmitFlow';
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

export function RecordPage() {
  const { db } = useServices();
  const { personId } = useOfficial();
  const { param, period: valid } = usePagePeriod('month');
  const year = valid?.year ?? 0;
  const month = valid?.month ?? 0;

  const key = `${personId}-${param}`;
  const loaded = useLiveFor(
    key,
    async () =>
      valid
        ? {
            record: (await getMonthlyRecord(db, personId, year, month)) ?? null,
            plan: (await getPlan(db, personId, year)) ?? null,
          }
        : null,
    [db, personId, year, month],
  );

  if (!valid) {
    return <EmptyState title="找不到这个月份">地址中的月份应为“年-月”,如 2026-03。请从“记实簿”列表中选择月份。</EmptyState>;
  }
  if (!loaded) return <Loading />;
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
  const formRef = useRef<HTMLDivElement>(null);
  const shown = editable ? autosave.draft : (record ?? undefined);
  const flow = useSubmitFlow({
    save: autosave.flush,
    check: () => (shown ? monthlyRecordIssues(shown) : []),
    submit: () => submitRecord(db, personId, year, month),
    submittedText: t.submitted(month),
    focus: () => focusFirstError(formRef.current),
  });
  const { errors, setErrors } = flow;

  const wd = workingDays(year, month, calendars);
  const dueNote =
    wd.source === 'statutory'
      ? `${t.dueFrom(wd.days, '')}。`
      : `本月按周一至周五计算有${wd.days}个工作日(未找到${year}年的节假日安排)。`;

  if (!shown) return <Loading />;

  const patch = (change: (r: MonthlyRecord) => MonthlyRecord, clear?: string) => {
    autosave.update(change);
    if (clear) setErrors((e) => clearField(e, clear));
  };
  const lists = { update: autosave.update, setErrors, offer };
  const work = listActions<MonthlyRecord, WorkItem>({
    ...lists,
    at: (r, change) => ({ ...r, workItems: change(r.workItems) }),
    items: shown.workItems,
    path: 'workItems',
    deletedText: (i) => t.workItemDeleted(i + 1),
  });
  const errorList = listActions<MonthlyRecord, ErrorEntry>({
    ...lists,
    at: (r, change) => ({ ...r, errors: change(r.errors) }),
    items: shown.errors,
    path: 'errors',
    deletedText: (i) => t.errorDeleted(i + 1),
  });

  const addWork = () => {
    work.add(blankWorkItem());
    setErrors((e) => clearField(e, 'workItems'));
    focusLast(formRef, 'textarea[aria-label$=" 工作内容"]');
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
  const changeAttendance = (p: Partial<Attendance>) => patch((r) => ({ ...r, attendance: { ...r.attendance, ...p } }), 'attendance');
  const addError = () => {
    errorList.add(blankError());
    focusLast(formRef, 'input[aria-label$=" 日期"]');
  };

  return (
    <Stack spacing={2} ref={formRef}>
      <EditorHeader
        title={t.heading(year, month)}
        chip={<StateChip label={record ? recordStateLabels[state] : t.notStarted} tone={record ? recordStateTone[state] : 'default'} />}
        editable={editable}
        autosave={autosave}
        flow={flow}
        submitText={t.submit}
        nav={
          <>
            <Button component={Link} to={`/official/record/${adjacentMonth(year, month, -1)}`}>
              {t.prevMonth}
            </Button>
            <Button component={Link} to={`/official/record/${adjacentMonth(year, month, 1)}`}>
              {t.nextMonth}
            </Button>
          </>
        }
        locked={state === 'submitted' ? t.locked : null}
        returned={state === 'returned' && record?.returnReason ? { title: t.returnedTitle, reasons: [record.returnReason] } : undefined}
      />

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
        <WorkItemsEditor items={shown.workItems} planItems={planItems} editable={editable} errors={errors} onChange={work.change} onDelete={work.remove} />
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
        <ErrorsEditor entries={shown.errors} editable={editable} errors={errors} onChange={errorList.change} onDelete={errorList.remove} />
      </Paper>

      {editable && planItems.length === 0 ? (
        <Alert severity="info" data-print="hide">
          还没有年度工作计划,工作事项暂时不能对应计划事项。
          <MuiLink component={Link} to="/official/plan">
            前往制定年度工作计划
          </MuiLink>
        </Alert>
      ) : null}

      <ConfirmDialog {...flow.dialog} title={t.submitTitle(month)} confirmText={t.submit}>
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      {snackbar}
    </Stack>
  );
}
