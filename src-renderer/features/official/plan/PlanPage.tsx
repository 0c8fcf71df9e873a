import { useMemo, useRef, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { newId } from '../../../../shared/domain/ids';
import { canEditPlan, planItemIssues, planStateLabels, type AnnualPlan, type PlanItem, type PlanState } from '../../../../shared/domain/plan';
import { getPlan, listPlanVersions, savePlanDraft, submitPlan } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useAutosave } from '../../../components/useAutosave';
import { useUndo } from '../../../components/UndoSnackbar';
import { zh } from '../../../i18n/zh';
import { Loading, StateChip, focusFirstError, focusLast, type ChipTone } from '../../../components/page-parts';
import { filedOn } from '../../../records/filing';
import { FilingRefusalNotice, refusalText } from '../../../records/FilingRefusalNotice';
import { draftKeys, useOfficial } from '../context';
import { useLiveFor } from '../../../components/useLiveFor';
import { EditorHeader } from '../EditorHeader';
import { listActions } from '../listActions';
import { useSubmitFlow } from '../useSubmitFlow';
import { PlanItemsEditor } from './PlanItemsEditor';
import { PlanVersions } from './PlanVersions';

const t = zh.official.plan;

export const planStateTone: Record<PlanState, ChipTone> = {
  draft: 'default',
  submitted: 'primary',
  returned: 'warning',
  approved: 'success',
  filed: 'success',
};

export function blankPlanItem(): PlanItem {
  return { id: newId(), task: '', target: '', deadline: '', duty: '' };
}

export function PlanPage() {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  const key = `${personId}-${year}`;
  const plan = useLiveFor(key, async () => (await getPlan(db, personId, year)) ?? null, [db, personId, year]);
  if (plan === undefined) return <Loading />;
  return <PlanEditor key={key} plan={plan} />;
}

function PlanEditor({ plan }: { plan: AnnualPlan | null }) {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  const { offer, snackbar } = useUndo();
  const state: PlanState = plan?.state ?? 'draft';
  const editable = canEditPlan(state);
  // A new plan starts with one empty item to type into; it is stored only once something is typed.
  const [initial] = useState(() => plan?.items ?? [blankPlanItem()]);
  const autosave = useAutosave<PlanItem[]>({
    key: draftKeys.plan(personId, year),
    initial,
    storedAt: plan?.updatedAt,
    save: (items) => savePlanDraft(db, personId, year, items),
    editable,
  });
  const formRef = useRef<HTMLDivElement>(null);
  const versions = useLiveQuery(() => listPlanVersions(db, personId, year), [db, personId, year]);

  const items = editable ? (autosave.draft ?? []) : (plan?.items ?? []);
  const flow = useSubmitFlow({
    save: autosave.flush,
    check: () => planItemIssues(items, year),
    submit: () => submitPlan(db, personId, year),
    submittedText: t.submitted,
    focus: () => focusFirstError(formRef.current),
  });
  const list = listActions<PlanItem[], PlanItem>({
    update: autosave.update,
    at: (draft, change) => change(draft),
    items,
    path: 'items',
    setErrors: flow.setErrors,
    offer,
    deletedText: (index, removed) => t.deleted(index + 1, removed.task.trim()),
  });

  const add = () => {
    list.add(blankPlanItem());
    focusLast(formRef, 'textarea[aria-label$=" 工作任务"]');
  };

  const itemReasons = useMemo(() => {
    const m = new Map<string, string[]>();
    if (state !== 'returned') return m;
    for (const r of plan?.returnReasons ?? []) if (r.itemId) m.set(r.itemId, [...(m.get(r.itemId) ?? []), r.reason]);
    return m;
  }, [plan, state]);

  const returnedReasons =
    state === 'returned'
      ? (plan?.returnReasons ?? []).map((r) => {
          const index = r.itemId ? items.findIndex((it) => it.id === r.itemId) : -1;
          return `${index >= 0 ? t.returnedItem(index + 1) : t.returnedWhole}:${r.reason}`;
        })
      : [];

  const weightTotal = items.some((it) => it.weight !== undefined)
    ? Math.round(items.reduce((s, it) => s + (it.weight ?? 0), 0) * 100) / 100
    : null;

  return (
    <Stack spacing={2} ref={formRef}>
      <EditorHeader
        title={t.heading(year)}
        chip={
          <StateChip
            label={
              state === 'filed' && plan?.filedAt
                ? filedOn(plan.filedAt)
                : state === 'returned' && plan?.filingRefusal
                  ? refusalText.chip(plan.filingRefusal.refusedAt)
                  : planStateLabels[state]
            }
            tone={planStateTone[state]}
          />
        }
        editable={editable}
        autosave={autosave}
        flow={flow}
        submitText={t.submit}
        intro={
          <Typography variant="body2" color="text.secondary" data-print="hide">
            {t.intro}
          </Typography>
        }
        locked={!editable && state !== 'draft' && state !== 'returned' ? t.locked[state] : null}
        stateNote={
          state === 'returned' && plan?.filingRefusal ? (
            <FilingRefusalNotice
              refusal={{ what: 'plan', year, version: plan.version, ...plan.filingRefusal }}
            />
          ) : (state === 'approved' || state === 'filed') && (plan?.approvedBy || plan?.approvalOpinion) ? (
            <Typography variant="body2">
              {plan.approvedBy && plan.approvedAt ? t.approvedBy(plan.approvedBy, plan.approvedAt.slice(0, 10)) : null}
              {plan.approvalOpinion ? `:${plan.approvalOpinion}` : null}
            </Typography>
          ) : null
        }
        returned={{ title: t.returnedTitle, reasons: returnedReasons }}
      />
      <PlanItemsEditor
        items={items}
        editable={editable}
        errors={flow.errors}
        itemReasons={itemReasons}
        onChange={list.change}
        onDelete={list.remove}
        onMove={list.move}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {editable ? (
          <Box data-print="hide">
            <Button variant="outlined" onClick={add}>
              {t.add}
            </Button>
          </Box>
        ) : null}
        {weightTotal !== null ? (
          <Typography variant="body2" color={weightTotal === 100 ? 'text.secondary' : 'warning.main'}>
            {t.weightTotal(weightTotal)}
          </Typography>
        ) : null}
      </Stack>
      <PlanVersions versions={versions ?? []} />
      <ConfirmDialog {...flow.dialog} title={t.submitTitle} confirmText={t.submit}>
        <Typography>{t.submitText}</Typography>
      </ConfirmDialog>
      {snackbar}
    </Stack>
  );
}
