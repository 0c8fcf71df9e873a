import { useCallback, useMemo, useRef, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { newId } from '../../../../shared/domain/ids';
import { canEditPlan, planItemIssues, planStateLabels, type AnnualPlan, type PlanItem, type PlanState } from '../../../../shared/domain/plan';
import type { ValidationIssue } from '../../../../shared/errors/errors';
import { getPlan, listPlanVersions, savePlanDraft, submitPlan } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
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
  // Tagged with what was asked for: a live query keeps its previous result while a new one runs,
  // and an editor must never start from another year's plan.
  const loaded = useLiveQuery(async () => ({ key, plan: (await getPlan(db, personId, year)) ?? null }), [db, personId, year, key]);
  if (loaded?.key !== key) return <Loading />;
  return <PlanEditor key={key} plan={loaded.plan} />;
}

function PlanEditor({ plan }: { plan: AnnualPlan | null }) {
  const { db } = useServices();
  const { personId, year } = useOfficial();
  const { notify, reportError } = useNotifications();
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const versions = useLiveQuery(() => listPlanVersions(db, personId, year), [db, personId, year]);

  const items = editable ? (autosave.draft ?? []) : (plan?.items ?? []);

  const change = (index: number, patch: Partial<PlanItem>) => {
    autosave.update((list) => list.map((it, i) => (i === index ? { ...it, ...patch } : it)));
    setErrors((e) => Object.keys(patch).reduce((acc, k) => clearField(acc, `items.${index}.${k}`), e));
  };

  const remove = (index: number) => {
    const removed = items[index];
    if (!removed) return;
    autosave.update((list) => list.filter((_, i) => i !== index));
    setErrors((e) => clearPrefix(e, 'items'));
    offer(t.deleted(index + 1, removed.task.trim()), () =>
      autosave.update((list) => [...list.slice(0, index), removed, ...list.slice(index)]),
    );
  };

  const move = (index: number, by: -1 | 1) => {
    autosave.update((list) => {
      const next = [...list];
      const [it] = next.splice(index, 1);
      if (it) next.splice(index + by, 0, it);
      return next;
    });
    setErrors((e) => clearPrefix(e, 'items'));
  };

  const add = () => {
    autosave.update((list) => [...list, blankPlanItem()]);
    // Focus the new item's first field once it is on screen.
    setTimeout(() => {
      const fields = formRef.current?.querySelectorAll<HTMLElement>('textarea[aria-label$=" 工作任务"]');
      fields?.[fields.length - 1]?.focus();
    }, 0);
  };

  const showIssues = (list: readonly ValidationIssue[]) => {
    setIssues(list);
    setErrors(toFieldErrors(list));
    setTimeout(() => focusFirstError(formRef.current), 0);
  };

  const saveNow = useCallback(() => autosave.flush(), [autosave]);
  useSaveShortcut(saveNow, editable);

  const startSubmit = async () => {
    if (!(await autosave.flush())) return;
    const found = planItemIssues(items, year);
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
      await submitPlan(db, personId, year);
      setConfirming(false);
      notify({ kind: 'success', text: t.submitted });
    } catch (e) {
      setConfirming(false);
      const list = validationIssues(e);
      if (list) showIssues(list);
      reportError(e);
    } finally {
      setBusy(false);
    }
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
      <PageHeader
        title={t.heading(year)}
        chip={<StateChip label={planStateLabels[state]} tone={planStateTone[state]} />}
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
      <Typography variant="body2" color="text.secondary" data-print="hide">
        {t.intro}
      </Typography>
      <RestoredNote show={autosave.restored} onClose={autosave.dismissRestored} />
      {!editable && state !== 'draft' && state !== 'returned' ? <LockedBanner>{t.locked[state]}</LockedBanner> : null}
      {state === 'approved' || state === 'filed' ? (
        plan?.approvedBy || plan?.approvalOpinion ? (
          <Typography variant="body2">
            {plan.approvedBy && plan.approvedAt ? t.approvedBy(plan.approvedBy, plan.approvedAt.slice(0, 10)) : null}
            {plan.approvalOpinion ? `:${plan.approvalOpinion}` : null}
          </Typography>
        ) : null
      ) : null}
      {returnedReasons.length > 0 ? <ReturnedBanner title={t.returnedTitle} reasons={returnedReasons} /> : null}
      <IssuesAlert issues={issues} />
      <PlanItemsEditor
        items={items}
        editable={editable}
        errors={errors}
        itemReasons={itemReasons}
        onChange={change}
        onDelete={remove}
        onMove={move}
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
      <ConfirmDialog
        open={confirming}
        title={t.submitTitle}
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
