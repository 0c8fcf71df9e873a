import { useMemo, useState, type ReactNode } from 'react';
import {
  Autocomplete,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  MenuItem,
  TextField,
} from '@mui/material';
import { RANK_LEVELS, type OrgUnit } from '../../../shared/domain';
import type { ListQuery } from './list-query';
import { listText as t } from './list-strings';
import { unitDepths } from './unit-tree';

export type QueryField = 'q' | 'unit' | 'rank' | 'status' | 'period';
export type QueryOption = { value: string; label: string };

type Props = {
  query: ListQuery;
  onChange: (patch: Partial<ListQuery>) => void;
  fields: readonly QueryField[];
  units?: readonly OrgUnit[];
  statusOptions?: readonly QueryOption[];
  periodOptions?: readonly QueryOption[];
  /** The ranks to offer (every 职务职级 in ladder order when absent). */
  rankOptions?: readonly QueryOption[];
  /** Fields with no 全部 entry: the list always shows one status or one period. */
  required?: readonly ('status' | 'period')[];
  /** What the search box finds, e.g. "姓名或人员编号". */
  qLabel?: string;
  /** More controls at the row's end (a 只看逾期 switch). */
  children?: ReactNode;
};

const ALL = '';
const allRanks: QueryOption[] = RANK_LEVELS.map((r) => ({ value: r.id, label: r.label }));

/**
 * The query row above a list: search, 单位 (a tree, 含下级单位 on by default), 职级, 状态, 期间.
 * One compact row; at 1366 px it wraps to a second row at most.
 */
export function QueryBar({
  query,
  onChange,
  fields,
  units = [],
  statusOptions = [],
  periodOptions = [],
  rankOptions = allRanks,
  required = [],
  qLabel = t.search,
  children,
}: Props) {
  const has = (f: QueryField) => fields.includes(f);
  // The box keeps what is typed (an input method's composition included) and reports each finished
  // change. While it has the focus the address follows the box (an update of the address may lag a
  // keystroke behind); otherwise the box follows the address (Back, a link, 清除条件).
  const [text, setText] = useState(query.q);
  const [focused, setFocused] = useState(false);
  if (!focused && text !== query.q) setText(query.q);
  const report = (q: string) => onChange({ q });
  const depth = useMemo(() => unitDepths(units), [units]);
  const unit = query.unit === null ? null : (units.find((u) => u.id === query.unit) ?? null);
  // 清除条件 clears what narrows the list within its view; the status and the period choose the view.
  const filtered = query.q !== '' || query.unit !== null || query.rank !== null;

  return (
    <Box
      role="search"
      aria-label={t.queryLabel}
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        columnGap: 1.5,
        rowGap: 1,
        mb: 1,
        '& .MuiInputBase-root': { fontSize: '0.875rem' },
      }}
    >
      {has('q') ? (
        <TextField
          size="small"
          type="search"
          label={qLabel}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            // While an input method composes, the letters typed are not yet the name.
            if (!(e.nativeEvent as InputEvent).isComposing) report(e.target.value);
          }}
          onCompositionEnd={(e) => report((e.target as HTMLInputElement).value)}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          sx={{ width: 200 }}
        />
      ) : null}
      {has('unit') ? (
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Autocomplete
            size="small"
            options={units}
            value={unit}
            onChange={(_, u) => onChange({ unit: u?.id ?? null })}
            getOptionLabel={(u) => u.name}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            noOptionsText={t.noUnit}
            renderOption={({ key, ...props }, u) => (
              <li key={key} {...props} style={{ paddingLeft: 12 + 16 * (depth.get(u.id) ?? 0) }}>
                {u.name}
              </li>
            )}
            renderInput={(params) => <TextField {...params} label={t.unit} placeholder={t.allUnits} />}
            sx={{ width: 220 }}
          />
          <FormControlLabel
            sx={{ ml: 0.5, mr: 0, '& .MuiFormControlLabel-label': { fontSize: '0.875rem', whiteSpace: 'nowrap' } }}
            control={
              <Checkbox
                size="small"
                checked={query.sub}
                disabled={query.unit === null}
                onChange={(e) => onChange({ sub: e.target.checked })}
              />
            }
            label={t.includeSub}
          />
        </Box>
      ) : null}
      {has('rank') ? (
        <TextField
          select
          size="small"
          label={t.rank}
          value={query.rank ?? ALL}
          onChange={(e) => onChange({ rank: e.target.value === ALL ? null : e.target.value })}
          sx={{ width: 150 }}
          slotProps={{ select: { MenuProps: { slotProps: { paper: { sx: { maxHeight: 360 } } } } } }}
        >
          <MenuItem value={ALL}>{t.allRanks}</MenuItem>
          {rankOptions.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {has('status') ? (
        <TextField
          select
          size="small"
          label={t.status}
          value={query.status ?? ALL}
          onChange={(e) => onChange({ status: e.target.value === ALL ? null : e.target.value })}
          sx={{ width: 130 }}
        >
          {required.includes('status') ? null : <MenuItem value={ALL}>{t.allStatus}</MenuItem>}
          {statusOptions.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {has('period') ? (
        <TextField
          select
          size="small"
          label={t.period}
          value={query.period ?? ALL}
          onChange={(e) => onChange({ period: e.target.value === ALL ? null : e.target.value })}
          sx={{ width: 170 }}
        >
          {required.includes('period') ? null : <MenuItem value={ALL}>{t.allPeriods}</MenuItem>}
          {periodOptions.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
      {children}
      {filtered ? (
        <Button
          size="small"
          onClick={() => {
            setText('');
            onChange({ q: '', unit: null, sub: true, rank: null });
          }}
        >
          {t.clear}
        </Button>
      ) : null}
    </Box>
  );
}

/** Whether a text matches the search box: every word typed is found (case-insensitive) in one of the texts. */
export function matchesText(q: string, ...texts: readonly (string | null | undefined)[]): boolean {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = texts.filter(Boolean).join('\n').toLowerCase();
  return words.every((w) => hay.includes(w));
}
