import { Alert, Box, Button, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import type { PlanItem } from '../../../../shared/domain/plan';
import { zh } from '../../../i18n/zh';
import type { FieldErrors } from '../../../components/fieldErrors';

const t = zh.official.plan;

type Props = {
  items: readonly PlanItem[];
  editable: boolean;
  errors: FieldErrors;
  /** Reasons the supervisor gave for single items when returning the plan. */
  itemReasons?: ReadonlyMap<string, string[]>;
  onChange?: (index: number, patch: Partial<PlanItem>) => void;
  onDelete?: (index: number) => void;
  onMove?: (index: number, by: -1 | 1) => void;
};

/** The plan's items, one card each (five fields of free text do not fit a table row). */
export function PlanItemsEditor({ items, editable, errors, itemReasons, onChange, onDelete, onMove }: Props) {
  if (items.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 2 }}>
        {t.empty}
      </Typography>
    );
  }
  return (
    <Stack spacing={2}>
      {items.map((item, i) => {
        const n = i + 1;
        const field = (name: keyof PlanItem) => {
          const error = errors[`items.${i}.${name}`];
          return {
            disabled: !editable,
            error: !!error,
            helperText: error,
            slotProps: { htmlInput: { 'aria-label': `${t.item(n)} ${labelOf(name)}` } },
          };
        };
        const reasons = itemReasons?.get(item.id) ?? [];
        return (
          <Paper key={item.id} variant="outlined" sx={{ p: 2, breakInside: 'avoid' }} component="section" aria-label={t.item(n)}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1.5 }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
                {t.item(n)}
              </Typography>
              {editable ? (
                <Box data-print="hide" sx={{ display: 'flex', gap: 0.5 }}>
                  <Button size="small" disabled={i === 0} onClick={() => onMove?.(i, -1)} aria-label={t.moveUp(n)}>
                    ↑
                  </Button>
                  <Button size="small" disabled={i === items.length - 1} onClick={() => onMove?.(i, 1)} aria-label={t.moveDown(n)}>
                    ↓
                  </Button>
                  <Button size="small" color="error" onClick={() => onDelete?.(i)} aria-label={t.remove(n)}>
                    删除
                  </Button>
                </Box>
              ) : null}
            </Stack>
            {reasons.length > 0 ? (
              <Alert severity="warning" sx={{ mb: 1.5 }}>
                {reasons.join(';')}
              </Alert>
            ) : null}
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.task}
                  required
                  multiline
                  minRows={2}
                  value={item.task}
                  onChange={(e) => onChange?.(i, { task: e.target.value })}
                  {...field('task')}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.target}
                  required
                  multiline
                  minRows={2}
                  value={item.target}
                  onChange={(e) => onChange?.(i, { target: e.target.value })}
                  {...field('target')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6, md: 3 }}>
                <TextField
                  label={t.deadline}
                  required
                  placeholder={t.deadlineHelp}
                  value={item.deadline}
                  onChange={(e) => onChange?.(i, { deadline: e.target.value })}
                  {...field('deadline')}
                  helperText={errors[`items.${i}.deadline`] ?? (editable ? t.deadlineHelp : undefined)}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6, md: 6 }}>
                <TextField
                  label={t.duty}
                  required
                  value={item.duty}
                  onChange={(e) => onChange?.(i, { duty: e.target.value })}
                  {...field('duty')}
                />
              </Grid>
              <Grid size={{ xs: 12, sm: 6, md: 3 }}>
                <TextField
                  label={t.weight}
                  type="number"
                  value={item.weight ?? ''}
                  onChange={(e) => {
                    const v = e.target.value.trim();
                    const weight = v === '' ? undefined : Number(v);
                    onChange?.(i, { weight: weight !== undefined && Number.isFinite(weight) ? weight : undefined });
                  }}
                  {...field('weight')}
                  helperText={errors[`items.${i}.weight`] ?? (editable ? t.weightHelp : undefined)}
                  slotProps={{ htmlInput: { 'aria-label': `${t.item(n)} ${t.weight}`, min: 0, max: 100, step: 1 } }}
                />
              </Grid>
            </Grid>
          </Paper>
        );
      })}
    </Stack>
  );
}

function labelOf(name: keyof PlanItem): string {
  switch (name) {
    case 'task':
      return t.task;
    case 'target':
      return t.target;
    case 'deadline':
      return t.deadline;
    case 'duty':
      return t.duty;
    case 'weight':
      return t.weight;
    case 'id':
      return '';
  }
}
