/**
 * How far a piece of work has got — 完成情况, 完成比例 and 对应计划事项 — asked the same way in the
 * record book and in the journal. Each field is named after its row (“第1项 完成情况”, “4月2日 完成情况”);
 * the callers lay them out and turn the typed text into what they store.
 */
import { MenuItem, TextField } from '@mui/material';
import type { PlanItem } from '../../../../shared/domain/plan';
import { WORK_STATUSES, workStatusLabels, type WorkStatus } from '../../../../shared/domain/record-book';
import { zh } from '../../../i18n/zh';
import { selectName } from '../../../components/page-parts';

const t = zh.official.record;

/** The plan select's value for “not linked to a plan item”. */
export const NO_PLAN_ITEM = '__none__';

export function planItemLabel(planItems: readonly PlanItem[], id: string | undefined): string {
  const i = planItems.findIndex((p) => p.id === id);
  if (i < 0) return t.noPlanItem;
  return `${i + 1}. ${planItems[i]!.task.trim() || '(未填写工作任务)'}`;
}

/** Picking 已完成 sets the percent to 100. */
export function statusPatch(status: WorkStatus): { status: WorkStatus; percent?: number } {
  return status === 'completed' ? { status, percent: 100 } : { status };
}

type FieldProps<V> = {
  /** The row's name, the start of the field's accessible name. */
  row: string;
  value: V;
  onChange: (value: V) => void;
  disabled?: boolean;
  error?: string;
};

export function WorkStatusSelect({ row, value, onChange, disabled, error }: FieldProps<WorkStatus>) {
  return (
    <TextField
      select
      label={t.status}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as WorkStatus)}
      error={!!error}
      helperText={error}
      slotProps={selectName(`${row} ${t.status}`)}
    >
      {WORK_STATUSES.map((s) => (
        <MenuItem key={s} value={s}>
          {workStatusLabels[s]}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** The percent as typed ('' when empty); the caller decides what an empty field means. */
export function PercentField({ row, value, onChange, disabled, error }: Omit<FieldProps<string>, 'value'> & { value: string | number }) {
  return (
    <TextField
      label={t.percent}
      type="number"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value)}
      error={!!error}
      helperText={error}
      slotProps={{ htmlInput: { 'aria-label': `${row} ${t.percent}`, min: 0, max: 100, step: 5 } }}
    />
  );
}

/** An id that is no longer in the plan shows as “not linked”. */
export function PlanItemSelect({ row, value, onChange, disabled, planItems }: Omit<FieldProps<string | undefined>, 'error'> & { planItems: readonly PlanItem[] }) {
  const linked = value !== undefined && planItems.some((p) => p.id === value);
  return (
    <TextField
      select
      label={t.planItem}
      value={linked ? value : NO_PLAN_ITEM}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value === NO_PLAN_ITEM ? undefined : e.target.value)}
      slotProps={selectName(`${row} ${t.planItem}`)}
    >
      <MenuItem value={NO_PLAN_ITEM}>{t.noPlanItem}</MenuItem>
      {planItems.map((p) => (
        <MenuItem key={p.id} value={p.id}>
          {planItemLabel(planItems, p.id)}
        </MenuItem>
      ))}
    </TextField>
  );
}
