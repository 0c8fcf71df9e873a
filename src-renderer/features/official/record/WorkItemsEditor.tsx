import { Chip, Grid, Stack, TextField, Typography } from '@mui/material';
import type { WorkItem } from '../../../../shared/domain/record-book';
import type { PlanItem } from '../../../../shared/domain/plan';
import { zh } from '../../../i18n/zh';
import type { FieldErrors } from '../../../components/fieldErrors';
import { ItemCard } from './ItemCard';
import { PercentField, PlanItemSelect, WorkStatusSelect, statusPatch } from './WorkProgressFields';

const t = zh.official.record;

type Props = {
  items: readonly WorkItem[];
  planItems: readonly PlanItem[];
  editable: boolean;
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<WorkItem>) => void;
  onDelete: (index: number) => void;
};

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
        const row = `第${n}项`;
        const err = (f: string) => errors[`workItems.${i}.${f}`];
        const field = (name: 'content' | 'progress', label: string) => ({
          label,
          disabled: !editable,
          error: !!err(name),
          helperText: err(name),
          slotProps: { htmlInput: { 'aria-label': `${row} ${label}` } },
        });
        return (
          <ItemCard
            key={item.id}
            label={`第${n}项工作`}
            heading={row}
            badge={item.fromJournal ? <Chip size="small" variant="outlined" label={t.fromJournal} /> : null}
            onDelete={editable ? () => onDelete(i) : undefined}
            deleteLabel={t.removeWorkItem(n)}
          >
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField required multiline minRows={2} value={item.content} onChange={(e) => onChange(i, { content: e.target.value })} {...field('content', t.content)} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField multiline minRows={2} value={item.progress} onChange={(e) => onChange(i, { progress: e.target.value })} {...field('progress', t.progress)} />
            </Grid>
            <Grid size={{ xs: 6, md: 2 }}>
              <WorkStatusSelect row={row} value={item.status} disabled={!editable} error={err('status')} onChange={(s) => onChange(i, statusPatch(s))} />
            </Grid>
            <Grid size={{ xs: 6, md: 2 }}>
              <PercentField
                row={row}
                value={Number.isFinite(item.percent) ? item.percent : ''}
                disabled={!editable}
                error={err('percent')}
                onChange={(v) => onChange(i, { percent: v === '' ? 0 : Number(v) })}
              />
            </Grid>
            <Grid size={{ xs: 12, md: 8 }}>
              <PlanItemSelect row={row} value={item.planItemId} planItems={planItems} disabled={!editable} onChange={(id) => onChange(i, { planItemId: id })} />
            </Grid>
          </ItemCard>
        );
      })}
    </Stack>
  );
}
