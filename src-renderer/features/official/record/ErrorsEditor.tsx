import { Box, Button, Grid, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { ERROR_SEVERITIES, errorSeverityLabels, type ErrorEntry, type ErrorSeverity } from '../../../../shared/domain/record-book';
import { zh } from '../../../i18n/zh';
import { selectName } from '../common';
import type { FieldErrors } from '../fieldErrors';

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
        const err = (f: string) => errors[`errors.${i}.${f}`];
        const name = (what: string) => ({ htmlInput: { 'aria-label': `差错${t.entry(n)} ${what}` } });
        return (
          <Paper key={entry.id} variant="outlined" sx={{ p: 1.5, breakInside: 'avoid' }} component="section" aria-label={`差错登记${t.entry(n)}`}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
                {t.entry(n)}
              </Typography>
              <Box sx={{ flexGrow: 1 }} />
              {editable ? (
                <Button size="small" color="error" onClick={() => onDelete(i)} aria-label={t.removeError(n)} data-print="hide">
                  删除
                </Button>
              ) : null}
            </Stack>
            <Grid container spacing={1.5}>
              <Grid size={{ xs: 6, md: 3 }}>
                <TextField
                  label={t.errorDate}
                  required
                  placeholder={t.errorDateHelp}
                  value={entry.date}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { date: e.target.value })}
                  error={!!err('date')}
                  helperText={err('date') ?? (editable ? t.errorDateHelp : undefined)}
                  slotProps={name(t.errorDate)}
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
                <TextField
                  label={t.matter}
                  required
                  value={entry.matter}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { matter: e.target.value })}
                  error={!!err('matter')}
                  helperText={err('matter')}
                  slotProps={name(t.matter)}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.cause}
                  multiline
                  value={entry.cause}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { cause: e.target.value })}
                  error={!!err('cause')}
                  helperText={err('cause')}
                  slotProps={name(t.cause)}
                />
              </Grid>
              <Grid size={{ xs: 12, md: 6 }}>
                <TextField
                  label={t.correction}
                  multiline
                  value={entry.correction}
                  disabled={!editable}
                  onChange={(e) => onChange(i, { correction: e.target.value })}
                  error={!!err('correction')}
                  helperText={err('correction')}
                  slotProps={name(t.correction)}
                />
              </Grid>
            </Grid>
          </Paper>
        );
      })}
    </Stack>
  );
}
