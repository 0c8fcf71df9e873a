import { Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel } from '@mui/material';
import { QUARTER_GRADES, quarterGradeLabels, type QuarterGrade } from '../../../../shared/domain';
import { fieldId } from './config-editor';

/** A row of checkboxes, one per quarterly grade (the grades that bar 优秀, 靠后 by grade). */
export function GradeChecks({
  path,
  legend,
  value,
  onChange,
  error,
}: {
  path: string;
  legend: string;
  value: readonly QuarterGrade[];
  onChange: (grades: QuarterGrade[]) => void;
  error: string | undefined;
}) {
  return (
    <FormControl component="fieldset" error={!!error} id={fieldId(path)} tabIndex={-1}>
      <FormLabel component="legend">{legend}</FormLabel>
      <FormGroup row>
        {QUARTER_GRADES.map((g) => (
          <FormControlLabel
            key={g}
            label={quarterGradeLabels[g]}
            control={
              <Checkbox
                checked={value.includes(g)}
                onChange={(e) =>
                  onChange(QUARTER_GRADES.filter((x) => (x === g ? e.target.checked : value.includes(x))))
                }
              />
            }
          />
        ))}
      </FormGroup>
      {error ? <FormHelperText>{error}</FormHelperText> : null}
    </FormControl>
  );
}
