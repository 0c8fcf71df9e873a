import { Box, Button, Chip, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { WORK_STATUSES, workStatusLabels, type WorkItem, type WorkStatus } from '../../../../shared/domain/record-book';
import type { PlanItem } from '../../../../shared/domain/plan';
import { zh } from '../../../i18n/zh';
import type { FieldErrors } from '../fieldErrors';
import { selectName } from '../common';

const t = zh.official.record;
const NO_PLAN = '__none__';

type Props = {
  items: readonly WorkItem[];
  planItems: readonly PlanItem[];
  editable: boolean;
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<WorkItem>) => void;
  onDelete: (index: number) => void;
};

export function planItemLabel(planItems: readonly PlanItem[], id: string | undefined): string {
  const i = planItems.findIndex((p) => p.id === id);
  if (i < 0) return t.noPlanItem;
  return `${i + 1}. ${planItems[i]!.task.trim() || '(未填写工作任务)'}`;
}

/** 工作内容、工作进度、完成情况, one card per item, each field labelled with its item number. */
export function WorkItemsEditor({ items, planItems, editable, errors, onChange, onDelete }: Props) {
  if (items.length === 0) {
    return (
      <Typography color={errors.workItems ? 'error' : 'text.secondary'} sx={{ py: 1 }}>
        {errors.workItems ?? t.noWorkItems}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5}>
      {items.map((item, i) => {
        const n = i + 1;
        const err = (f: string) => errors[`workItems.${i}.${f}`];
        const label = (what: string) => ({ 'aria-label': `第${n}项 ${what}` });
        const linked = item.planItemId !== undefined && planItems.some((p) => p.id === item.planItemId);
        return (
          <Paper key={item.id} variant="outlined" sx={{ p: 1.5, breakInside: 'avoid' }} component="section" aria-label={`第${n}项工作`}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
                第{n}项
              </Typography>
              {item.fromJournal ? <Chip size="small" variant="outlined" label={t.fromJournal} /> : null}
              <Box sx={{ flexGrow: 1 }} />
              {editable ? (
                <Button size="small" color="error" onClick={() => onDelete(i)} aria-label={t.removeWorkItem(n)} data-print="hide">
                  删除
                </Button>
              ) : null}
            </Stack>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.content}
                  required
                  multiline
                  minRows={2}
                  value={item.content}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { content: e.target.value })}
                  error={!!err('content')}
                  helperText={err('content')}
                  slotProps={{ htmlInput: label(t.content) }}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.progress}
                  multiline
                  minRows={2}
                  value={item.progress}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { progress: e.target.value })}
                  error={!!err('progress')}
                  helperText={err('progress')}
                  slotProps={{ htmlInput: label(t.progress) }}
                />
              </Grid>
              <Grid size={{ xs: 6, md: 2 }}>
                <TextField
                  select
                  label={t.status}
                  value={item.status}
                  disabled={!editable}
                  onChange={(e) => {
                    const status = e.target.value as WorkStatus;
                    onChange(i, status === 'completed' ? { status, percent: 100 } : { status });
                  }}
                  error={!!err('status')}
                  helperText={err('status')}
                  slotProps={selectName(`第${n}项 ${t.status}`)}
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
                  value={Number.isFinite(item.percent) ? item.percent : ''}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { percent: e.target.value === '' ? 0 : Number(e.target.value) })}
                  error={!!err('percent')}
                  helperText={err('percent')}
                  slotProps={{ htmlInput: { ...label(t.percent), min: 0, max: 100, step: 5 } }}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 8 }}>
                <TextField
                  select
                  label={t.planItem}
                  value={linked ? item.planItemId : NO_PLAN}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { planItemId: e.target.value === NO_PLAN ? undefined : e.target.value })}
                  slotProps={selectName(`第${n}项 ${t.planItem}`)}
                >
                  <MenuItem value={NO_PLAN}>{t.noPlanItem}</MenuItem>
                  {planItems.map((p) => (
                    <MenuItem key={p.id} value={p.id}>
                      {planItemLabel(planItems, p.id)}
                    </MenuItem>
                  ))}
                </TextField>
              </Grid>
            </Grid>
          </Paper>
        );
      })}
    </Stack>
  );
}
