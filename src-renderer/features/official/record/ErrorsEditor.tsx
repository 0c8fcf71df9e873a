import { Grid, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { ERROR_SEVERITIES, errorSeverityLabels, type ErrorEntry, type ErrorSeverity } from '../../../../shared/domain/record-book';
import { zh } from '../../../i18n/zh';
import { selectName } from '../../../components/page-parts';
import type { FieldErrors } from '../../../components/fieldErrors';
import { ItemCard } from './ItemCard';

const t = zh.official.record;

type Props = {
  entries: readonly ErrorEntry[];
  editable: boolean;
  errors: FieldErrors;
  onChange: (index: number, patch: Partial<ErrorEntry>) => void;
  onDelete: (index: number) => void;
};

/** 差错登记: date, matter, cause, correction and severity of each error. */
export function ErrorsEditor({ entries, editable, errors, onChange, onDelete }: Props) {
  if (entries.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        {t.noErrors}
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5}>
      {entries.map((entry, i) => {
        const n = i + 1;
        const field = (name: 'date' | 'matter' | 'cause' | 'correction', label: string) => ({
          label,
          disabled: !editable,
          error: !!errors[`errors.${i}.${name}`],
          helperText: errors[`errors.${i}.${name}`],
          slotProps: { htmlInput: { 'aria-label': `差错${t.entry(n)} ${label}` } },
        });
        return (
          <ItemCard
            key={entry.id}
            label={`差错登记${t.entry(n)}`}
            heading={t.entry(n)}
            onDelete={editable ? () => onDelete(i) : undefined}
            deleteLabel={t.removeError(n)}
          >
            <Grid size={{ xs: 6, md: 3 }}>
              <TextField
                required
                placeholder={t.errorDateHelp}
                value={entry.date}
                onChange={(e) => onChange(i, { date: e.target.value })}
                {...field('date', t.errorDate)}
                helperText={errors[`errors.${i}.date`] ?? (editable ? t.errorDateHelp : undefined)}
              />
            </Grid>
            <Grid size={{ xs: 6, md: 3 }}>
              <TextField
                select
                label={t.severity}
                value={entry.severity}
                disabled={!editable}
                onChange={(e) => onChange(i, { severity: e.target.value as ErrorSeverity })}
                slotProps={selectName(`差错${t.entry(n)} ${t.severity}`)}
              >
                {ERROR_SEVERITIES.map((s) => (
                  <MenuItem key={s} value={s}>
                    {errorSeverityLabels[s]}
                  </MenuItem>
                ))}
              </TextField>
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField required value={entry.matter} onChange={(e) => onChange(i, { matter: e.target.value })} {...field('matter', t.matter)} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField multiline value={entry.cause} onChange={(e) => onChange(i, { cause: e.target.value })} {...field('cause', t.cause)} />
            </Grid>
            <Grid size={{ xs: 12, md: 6 }}>
              <TextField multiline value={entry.correction} onChange={(e) => onChange(i, { correction: e.target.value })} {...field('correction', t.correction)} />
            </Grid>
          </ItemCard>
        );
      })}
    </Stack>
  );
}
