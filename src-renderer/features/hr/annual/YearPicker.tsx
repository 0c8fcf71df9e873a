import { MenuItem, TextField } from '@mui/material';
import { reportsText as t } from './strings';

/** The years HR may look at: four back and the next one. */
export function yearChoices(now: Date = new Date()): number[] {
  const y = now.getFullYear();
  return [y + 1, y, y - 1, y - 2, y - 3, y - 4];
}

/** The year whose annual assessment is due: the last one until the end of the first quarter. */
export function defaultYear(now: Date = new Date()): number {
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
}

export function YearPicker({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const years = yearChoices();
  const list = years.includes(value) ? years : [value, ...years];
  return (
    <TextField
      select
      size="small"
      label={t.year}
      value={value}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ minWidth: 140 }}
    >
      {list.map((y) => (
        <MenuItem key={y} value={y}>
          {t.yearOption(y)}
        </MenuItem>
      ))}
    </TextField>
  );
}
