/**
 * 督促检查: for a chosen year, a grid of unit × person × month (record books) or quarter (summaries, the
 * supervisor's evaluations, the filing register), each cell 已报送 / 逾期 / 缺报 / 已退回 / 未到期 against
 * the deadlines of shared/domain/tracking.ts (said on screen), the plan's state, spot-check markers,
 * per-unit counts, the 督促名单 (Word and Excel) and the 抽查 panel.
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  buildTrackingRows,
  cellStateLabels,
  countByUnit,
  notOwedLabels,
  describeTrackingRules,
  filterRows,
  planCellLabels,
  spotCheckStateLabels,
  type Cell,
  type CellState,
  type PlanCellState,
  type StateFilter,
  type TrackingRow,
  type TrackingView,
} from '../../../../shared/domain';
import { readTrackingYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { VirtualRows } from '../../../components/VirtualRows';
import { Loading } from '../../../components/page-parts';
import { ReminderPanel } from './ReminderPanel';
import { SpotCheckPanel } from './SpotCheckPanel';
import { trackingText as t } from './strings';

const CELL_COLOURS: Readonly<Record<CellState, string>> = {
  submitted: 'success.main',
  late: 'warning.dark',
  missing: 'error.main',
  returned: 'secondary.main',
  // Informative text, not a disabled control: it must reach AA contrast.
  pending: 'text.secondary',
  notApplicable: 'text.secondary',
  notRequired: 'text.secondary',
};

const PLAN_COLOURS: Readonly<Record<PlanCellState, string>> = {
  none: 'text.secondary',
  overdue: 'error.main',
  submitted: 'info.main',
  returned: 'secondary.main',
  approved: 'primary.main',
  filed: 'success.main',
  notRequired: 'text.secondary',
};

export function yearOptions(now: Date): number[] {
  const y = now.getFullYear();
  return [y + 1, y, y - 1, y - 2, y - 3];
}

export function YearSelect({
  year,
  onChange,
  now,
}: {
  year: number;
  onChange: (y: number) => void;
  now: Date;
}) {
  const years = yearOptions(now);
  const list = years.includes(year) ? years : [year, ...years];
  return (
    <TextField
      select
      size="small"
      label={t.year}
      value={year}
      onChange={(e) => onChange(Number(e.target.value))}
      sx={{ minWidth: 120 }}
    >
      {list.map((y) => (
        <MenuItem key={y} value={y}>
          {t.yearOption(y)}
        </MenuItem>
      ))}
    </TextField>
  );
}

function StateCell({
  cell,
  what,
  labels,
  testId,
}: {
  cell: Cell;
  what: string;
  labels?: Readonly<Record<CellState, string>>;
  testId: string;
}) {
  const notOwed = cell.state === 'notRequired';
  const label = notOwed && cell.kind ? notOwedLabels[cell.kind] : (labels ?? cellStateLabels)[cell.state];
  const title = notOwed
    ? t.notOwedTitle(what, cell.reason ?? label)
    : t.cellTitle(what, label, cell.due, cell.at);
  return (
    <TableCell
      align="center"
      sx={{ px: 0.5, whiteSpace: 'nowrap' }}
      data-testid={testId}
      data-state={cell.state}
      title={title}
    >
      <Typography
        variant="caption"
        sx={{ color: CELL_COLOURS[cell.state], fontWeight: cell.state === 'missing' ? 700 : 400 }}
        aria-label={title}
      >
        {label}
      </Typography>
    </TableCell>
  );
}

function SpotMarker({ row, month }: { row: TrackingRow; month: number }) {
  const checks = row.spotChecks.filter((s) => s.month === month);
  if (checks.length === 0) return null;
  const label = t.spotMarker(checks.map((c) => spotCheckStateLabels[c.state]).join('、'));
  return (
    <Tooltip title={label}>
      <Box
        component="span"
        aria-label={label}
        data-testid="spot-marker"
        sx={{ color: checks.some((c) => c.state === 'open') ? 'error.main' : 'info.main', ml: 0.25 }}
      >
        ●
      </Box>
    </Tooltip>
  );
}

function GridRow({ row, view }: { row: TrackingRow; view: TrackingView }) {
  const planLabel =
    planCellLabels[row.plan.state] + (row.plan.filedAt ? `(${row.plan.filedAt.slice(0, 10)})` : '');
  const planTitle =
    row.plan.state === 'notRequired'
      ? t.notOwedTitle(t.colPlan, row.plan.reason ?? planLabel)
      : `${t.colPlan}:${planLabel};时限${row.plan.due}`;
  const id = row.key;
  return (
    <TableRow hover data-testid={`row-${id}`}>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.unitName}</TableCell>
      <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
        {row.name}
        <SpotMarker row={row} month={0} />
        {row.notes.length > 0 ? (
          <Typography
            variant="caption"
            component="div"
            color="text.secondary"
            data-testid={`notes-${id}`}
            sx={{ whiteSpace: 'normal', maxWidth: '13em', lineHeight: 1.35 }}
          >
            {row.notes.map((n) => t.shortNote(n)).join(';')}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.supervisorName}</TableCell>
      <TableCell
        sx={{ whiteSpace: 'nowrap' }}
        data-testid={`cell-${id}-plan`}
        data-state={row.plan.state}
        title={planTitle}
      >
        <Typography variant="caption" sx={{ color: PLAN_COLOURS[row.plan.state] }}>
          {planLabel}
        </Typography>
      </TableCell>
      {view === 'monthly'
        ? row.months.map((c, i) => (
            <StateCell key={i} cell={c} what={`${i + 1}月记实簿`} testId={`cell-${id}-m${i + 1}`} />
          ))
        : null}
      {view === 'monthly' ? (
        <TableCell sx={{ px: 0.5 }}>
          {Array.from({ length: 12 }, (_, i) => (
            <SpotMarker key={i} row={row} month={i + 1} />
          ))}
        </TableCell>
      ) : null}
      {view === 'quarterly' ? (
        <>
          {row.summaries.map((c, i) => (
            <StateCell
              key={`s${i}`}
              cell={c}
              what={`第${i + 1}季度工作小结`}
              testId={`cell-${id}-s${i + 1}`}
            />
          ))}
          {row.evaluations.map((c, i) => (
            <StateCell
              key={`e${i}`}
              cell={c}
              what={`第${i + 1}季度领导评鉴`}
              labels={t.evaluatedLabels}
              testId={`cell-${id}-e${i + 1}`}
            />
          ))}
          {row.registers.map((c, i) => (
            <StateCell
              key={`r${i}`}
              cell={c}
              what={`第${i + 1}季度备案登记表`}
              labels={t.registeredLabels}
              testId={`cell-${id}-r${i + 1}`}
            />
          ))}
        </>
      ) : null}
    </TableRow>
  );
}

export function TrackingPage({ now: fixedNow }: { now?: Date } = {}) {
  const { db } = useServices();
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow]);
  const [year, setYear] = useState(now.getFullYear());
  const [unitId, setUnitId] = useState<string | null>(null);
  const [filter, setFilter] = useState<StateFilter>('all');
  const [view, setView] = useState<TrackingView>('monthly');
  const data = useLiveQuery(async () => ({ year, value: await readTrackingYear(db, year) }), [db, year]);
  const rows = useMemo(() => (data?.value ? buildTrackingRows({ ...data.value, now }) : []), [data, now]);
  const shown = useMemo(
    () => filterRows(rows, data?.value?.units ?? [], { unitId, view, filter }),
    [rows, data, unitId, view, filter],
  );
  const counts = useMemo(() => countByUnit(shown, view), [shown, view]);

  if (data === undefined || data.year !== year) return <Loading />;
  const value = data.value;

  return (
    <Stack spacing={2} component="section" aria-labelledby="tracking-title">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="tracking-title" variant="h6" component="h2" sx={{ fontWeight: 600 }}>
          {t.title}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <YearSelect year={year} onChange={setYear} now={now} />
      </Stack>
      {!value ? (
        <Alert severity="info">{t.noRoster}</Alert>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" data-testid="tracking-rules">
            {describeTrackingRules()}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="tracking-who">
            {t.whoIsTracked}
          </Typography>
          <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              select
              size="small"
              label={t.unit}
              value={unitId ?? ''}
              onChange={(e) => {
                setUnitId(e.target.value === '' ? null : e.target.value);
              }}
              sx={{ minWidth: 220 }}
            >
              <MenuItem value="">{t.allUnits}</MenuItem>
              {value.unitTree.map((u) => (
                <MenuItem key={u.id} value={u.id} sx={{ pl: 2 + u.depth * 2 }}>
                  {u.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              size="small"
              label={t.state}
              value={filter}
              onChange={(e) => {
                setFilter(e.target.value as StateFilter);
              }}
              sx={{ minWidth: 200 }}
            >
              {Object.entries(t.filters).map(([k, label]) => (
                <MenuItem key={k} value={k}>
                  {label}
                </MenuItem>
              ))}
            </TextField>
            <ToggleButtonGroup
              size="small"
              exclusive
              value={view}
              onChange={(_e, v: TrackingView | null) => v && setView(v)}
              aria-label={t.view}
            >
              <ToggleButton value="monthly">{t.monthly}</ToggleButton>
              <ToggleButton value="quarterly">{t.quarterly}</ToggleButton>
            </ToggleButtonGroup>
            <Typography variant="body2" color="text.secondary">
              {/* People, not rows: someone moved between units has a row in each. */}
              {t.shown(new Set(shown.map((r) => r.personId)).size, new Set(rows.map((r) => r.personId)).size)}
            </Typography>
          </Stack>

          <Paper variant="outlined">
            {/* Scrolls on its own: focusable, so the keyboard can scroll it. */}
            <TableContainer sx={{ maxHeight: 560 }} tabIndex={0} role="region" aria-label={t.gridLabel}>
              <Table size="small" stickyHeader aria-label={t.gridLabel} data-testid="tracking-grid">
                <TableHead>
                  <TableRow>
                    <TableCell>{t.colUnit}</TableCell>
                    <TableCell>{t.colName}</TableCell>
                    <TableCell>{t.colSupervisor}</TableCell>
                    <TableCell>{t.colPlan}</TableCell>
                    {view === 'monthly'
                      ? Array.from({ length: 12 }, (_, i) => (
                          <TableCell key={i} align="center" sx={{ px: 0.5 }}>
                            {t.month(i + 1)}
                          </TableCell>
                        ))
                      : null}
                    {view === 'monthly' ? <TableCell>{t.spot}</TableCell> : null}
                    {view === 'quarterly'
                      ? [1, 2, 3, 4].map((q) => (
                          <TableCell key={`s${q}`} align="center" sx={{ px: 0.5 }}>
                            {t.summaryQ(q)}
                          </TableCell>
                        ))
                      : null}
                    {view === 'quarterly'
                      ? [1, 2, 3, 4].map((q) => (
                          <TableCell key={`e${q}`} align="center" sx={{ px: 0.5 }}>
                            {t.evaluationQ(q)}
                          </TableCell>
                        ))
                      : null}
                    {view === 'quarterly'
                      ? [1, 2, 3, 4].map((q) => (
                          <TableCell key={`r${q}`} align="center" sx={{ px: 0.5 }}>
                            {t.registerQ(q)}
                          </TableCell>
                        ))
                      : null}
                  </TableRow>
                </TableHead>
                <TableBody>
                  <VirtualRows
                    count={shown.length}
                    colSpan={view === 'monthly' ? 17 : 16}
                    renderRow={(i) => <GridRow key={shown[i]!.key} row={shown[i]!} view={view} />}
                  />
                  {shown.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={20}>{t.nobody}</TableCell>
                    </TableRow>
                  ) : null}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>

          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={t.counts}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
              {t.counts}
            </Typography>
            <TableContainer>
              <Table size="small" aria-label={t.counts} data-testid="unit-counts">
                <TableHead>
                  <TableRow>
                    {t.countsCols.map((c) => (
                      <TableCell key={c}>{c}</TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {counts.map((c) => (
                    <TableRow key={c.unitId}>
                      <TableCell>{c.unitName}</TableCell>
                      <TableCell>{c.people}</TableCell>
                      <TableCell>{c.counts.submitted}</TableCell>
                      <TableCell>{c.counts.late}</TableCell>
                      <TableCell>{c.counts.missing}</TableCell>
                      <TableCell>{c.counts.returned}</TableCell>
                      <TableCell>{c.counts.pending}</TableCell>
                      <TableCell>{c.planUnfiled}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>

          <ReminderPanel
            rows={shown}
            year={year}
            now={now}
            organisation={value.unitTree[0]?.name ?? t.organisation}
          />
          <SpotCheckPanel data={value} rows={shown} year={year} />
        </>
      )}
    </Stack>
  );
}
