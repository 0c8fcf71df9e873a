import { Alert, Grid, Stack, TextField, Typography } from '@mui/material';
import type { Attendance } from '../../../../shared/domain/record-book';
import { zh } from '../../../i18n/zh';
import type { FieldErrors } from '../../../components/fieldErrors';
import { days } from '../format';

const t = zh.official.record;

const FIELDS: readonly (keyof Attendance)[] = ['due', 'present', 'personalLeave', 'sickLeave', 'annualLeave', 'businessTrip', 'absent'];

/** 实出勤 + 事假 + 病假 + 年休假 + 旷工 (公差 is inside 实出勤). */
export function attendanceSum(a: Attendance): number {
  return a.present + a.personalLeave + a.sickLeave + a.annualLeave + a.absent;
}

/** The live check shown while typing: the sum against 应出勤, and 公差 within 实出勤. */
export function attendanceWarnings(a: Attendance): string[] {
  const out: string[] = [];
  const sum = attendanceSum(a);
  if (FIELDS.every((k) => Number.isFinite(a[k]))) {
    if (Math.abs(sum - a.due) > 1e-9) out.push(t.attendanceMismatch(Number(days(a.due)), Number(days(sum))));
    if (a.businessTrip > a.present) out.push(t.tripTooMany(a.businessTrip, a.present));
  }
  return out;
}

type Props = {
  value: Attendance;
  editable: boolean;
  errors: FieldErrors;
  /** e.g. '本月按法定节假日安排有22个工作日'. */
  dueNote?: string;
  onChange: (patch: Partial<Attendance>) => void;
};

export function AttendanceEditor({ value, editable, errors, dueNote, onChange }: Props) {
  const warnings = attendanceWarnings(value);
  const sumError = errors.attendance;
  return (
    <Stack spacing={1.5}>
      <Grid container spacing={1.5}>
        {FIELDS.map((k) => {
          const err = errors[`attendance.${k}`];
          return (
            <Grid key={k} size={{ xs: 6, sm: 3, md: 'grow' }}>
              <TextField
                label={t[k]}
                type="number"
                value={Number.isFinite(value[k]) ? value[k] : ''}
                disabled={!editable}
                onChange={(e) => onChange({ [k]: e.target.value === '' ? 0 : Number(e.target.value) })}
                error={!!err || (!!sumError && k !== 'businessTrip')}
                helperText={err}
                slotProps={{ htmlInput: { 'aria-label': `${t[k]}(天)`, min: 0, max: 31, step: 0.5 } }}
              />
            </Grid>
          );
        })}
      </Grid>
      <Typography variant="caption" color="text.secondary">
        {t.attendanceRule}
        {dueNote ? ` ${dueNote}` : ''}
      </Typography>
      {sumError ? (
        <Alert severity="error" data-testid="attendance-error">
          {sumError}
        </Alert>
      ) : null}
      {warnings.length > 0 ? (
        <Alert severity="warning" data-testid="attendance-warning" role="status">
          {warnings.join(';')}
        </Alert>
      ) : (
        <Typography variant="body2" color="success.main" data-testid="attendance-ok">
          {t.attendanceOk(value.due)}
        </Typography>
      )}
    </Stack>
  );
}
