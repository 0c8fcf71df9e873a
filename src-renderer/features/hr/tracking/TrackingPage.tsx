/**
 * 督促检查: for a chosen year, one row per person (per person and unit, for a transfer) with the plan and
 * the cells of the period asked for — the twelve record books, or per quarter the summary, the
 * supervisor's evaluation and the filing register; a quarter at a time when the address names one —
 * each 已报送 / 逾期 / 缺报 / 已退回 / 未到期 against the deadlines of shared/domain/tracking.ts (said on
 * screen). A compact query bar (name or 人员编号, unit with or without the units below it, state,
 * period) kept in the address (`?unit=&sub=1&period=2026-Q2&status=missing`), sortable columns, the
 * count, 导出当前列表; each cell with material opens it. Below: per-unit counts, the 督促名单 (Word and
 * Excel) and the 抽查 panel.
 *
 * A table, not a data grid: rows are rendered only where they can be seen (VirtualRows), each cell
 * carries its state, title and click, and the name column stays in view when the cells scroll.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Tooltip,
  Typography,
} from '@mui/material';
import {
  buildTrackingRows,
  countByUnit,
  describeTrackingRules,
  formatChineseDateTime,
  localIsoDate,
  spotCheckStateLabels,
  type Cell,
  type CellState,
  type PlanCellState,
  type TrackingRow,
} from '../../../../shared/domain';
import { auditOutput, readTrackingYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { useNotifications } from '../../../state/notifications';
import { describeQuery, listText, QueryBar, useListQuery } from '../../../components/list';
import { VirtualRows } from '../../../components/VirtualRows';
import { useOpenMaterial, type MaterialRef } from '../../../records/materials';
import { Loading } from '../../../components/page-parts';
import { ReminderPanel } from './ReminderPanel';
import { SpotCheckPanel } from './SpotCheckPanel';
import { trackingText as t } from './strings';
import {
  cellColumns,
  cellText,
  filterTrackingRows,
  parsePeriod,
  periodKey,
  periodOptions,
  planText,
  sortTrackingRows,
  STATUS_OPTIONS,
  type CellColumn,
  type Period,
  type Sort,
  type TrackingView,
} from './tracking-list';

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

/** Whether there is something to open behind a cell: a version received (on time, late or returned). */
const HAS_MATERIAL: ReadonlySet<CellState> = new Set(['submitted', 'late', 'returned']);

function StateCell({
  row,
  column,
  year,
  onOpen,
}: {
  row: TrackingRow;
  column: CellColumn;
  year: number;
  onOpen: ((m: MaterialRef) => void) | undefined;
}) {
  const cell: Cell = column.cell(row);
  const label = cellText(cell, column.labels);
  const title =
    cell.state === 'notRequired'
      ? t.notOwedTitle(column.what, cell.reason ?? label)
      : t.cellTitle(column.what, label, cell.due, cell.at);
  const material: MaterialRef | null =
    onOpen && HAS_MATERIAL.has(cell.state)
      ? column.kind === 'register'
        ? cell.by
          ? { personId: cell.by, kind: 'register', year, quarter: column.quarter as 1 | 2 | 3 | 4 }
          : null
        : {
            personId: row.personId,
            kind: column.kind,
            year,
            ...(column.month !== undefined ? { month: column.month } : {}),
            ...(column.quarter !== undefined ? { quarter: column.quarter as 1 | 2 | 3 | 4 } : {}),
          }
      : null;
  const text = (
    <Typography
      variant="caption"
      sx={{ color: CELL_COLOURS[cell.state], fontWeight: cell.state === 'missing' ? 700 : 400 }}
      aria-label={title}
    >
      {label}
    </Typography>
  );
  return (
    <TableCell
      align="center"
      sx={{ px: 0.25, whiteSpace: 'nowrap' }}
      data-testid={`cell-${row.key}-${column.key}`}
      data-state={cell.state}
      title={title}
    >
      {material ? (
        <Box
          component="button"
          type="button"
          onClick={() => onOpen?.(material)}
          aria-label={t.openCell(column.what, row.name)}
          sx={{
            border: 0,
            background: 'none',
            p: 0,
            cursor: 'pointer',
            textDecoration: 'underline dotted',
            font: 'inherit',
          }}
        >
          {text}
        </Box>
      ) : (
        text
      )}
      {column.kind === 'record' && column.month !== undefined ? (
        <SpotMarker row={row} month={column.month} />
      ) : null}
    </TableCell>
  );
}

function SpotMarker({ row, month }: { row: TrackingRow; month: number }) {
  if (row.spotChecks.length === 0) return null;
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

/** The name column stays in view when the cells scroll sideways inside the grid. */
const PINNED = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } as const;

function GridRow({
  row,
  columns,
  year,
  onOpen,
}: {
  row: TrackingRow;
  columns: readonly CellColumn[];
  year: number;
  onOpen: ((m: MaterialRef) => void) | undefined;
}) {
  const planLabel = planText(row);
  const planTitle =
    row.plan.state === 'notRequired'
      ? t.notOwedTitle(t.colPlan, row.plan.reason ?? planLabel)
      : `${t.colPlan}:${planLabel};时限${row.plan.due}`;
  const id = row.key;
  const planOpens = onOpen && row.plan.state !== 'none' && row.plan.state !== 'overdue' && row.plan.state !== 'notRequired';
  return (
    <TableRow hover data-testid={`row-${id}`}>
      <TableCell component="th" scope="row" sx={{ ...PINNED, minWidth: '5em', maxWidth: '9em' }}>
        {row.name}
        <SpotMarker row={row} month={0} />
        {row.notes.length > 0 ? (
          <Typography
            variant="caption"
            component="div"
            color="text.secondary"
            data-testid={`notes-${id}`}
            sx={{ whiteSpace: 'normal', lineHeight: 1.35 }}
          >
            {row.notes.map((n) => t.shortNote(n)).join(';')}
          </Typography>
        ) : null}
      </TableCell>
      <TableCell sx={{ maxWidth: '8em' }}>{row.unitName}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.supervisorName}</TableCell>
      <TableCell
        sx={{ whiteSpace: 'nowrap', px: 0.5 }}
        data-testid={`cell-${id}-plan`}
        data-state={row.plan.state}
        title={planTitle}
      >
        {planOpens ? (
          <Box
            component="button"
            type="button"
            onClick={() => onOpen?.({ personId: row.personId, kind: 'plan', year })}
            aria-label={t.openCell(t.colPlan, row.name)}
            sx={{ border: 0, background: 'none', p: 0, cursor: 'pointer', textDecoration: 'underline dotted', font: 'inherit' }}
          >
            <Typography variant="caption" sx={{ color: PLAN_COLOURS[row.plan.state] }}>
              {planLabel}
            </Typography>
          </Box>
        ) : (
          <Typography variant="caption" sx={{ color: PLAN_COLOURS[row.plan.state] }}>
            {planLabel}
          </Typography>
        )}
      </TableCell>
      {columns.map((c) => (
        <StateCell key={c.key} row={row} column={c} year={year} onOpen={onOpen} />
      ))}
    </TableRow>
  );
}

export function TrackingPage({ now: fixedNow }: { now?: Date } = {}) {
  const { db, host } = useServices();
  const { notify, reportError } = useNotifications();
  // Each cell with material opens it read-only beside the grid (the workspace's material panel).
  const onOpenMaterial = useOpenMaterial();
  const now = useMemo(() => fixedNow ?? new Date(), [fixedNow]);
  // The query lives in the address (the list kit's), so a link opens the grid filtered:
  // ?unit=<id>&sub=1&period=2026-Q2&status=missing. The period always says the year shown.
  const [query, setQuery] = useListQuery({ period: String(now.getFullYear()) });
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(query.period) ?? { year: now.getFullYear() };
  const year = period.year;
  const view: TrackingView = params.get('view') === 'quarterly' ? 'quarterly' : 'monthly';
  const setView = (v: TrackingView) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (v === 'monthly') next.delete('view');
      else next.set('view', v);
      return next;
    });
  const [sort, setSort] = useState<Sort | null>(null);
  const [exporting, setExporting] = useState(false);
  const data = useLiveQuery(async () => ({ year, value: await readTrackingYear(db, year) }), [db, year]);
  const rows = useMemo(() => (data?.value ? buildTrackingRows({ ...data.value, now }) : []), [data, now]);
  const columns = useMemo(
    () => cellColumns(period, view),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the period by value
    [period.year, period.quarter, period.month, view],
  );
  const filtered = useMemo(
    () =>
      filterTrackingRows(rows, data?.value?.units ?? [], columns, {
        q: query.q,
        unit: query.unit,
        sub: query.sub,
        status: query.status,
      }),
    [rows, data, columns, query.q, query.unit, query.sub, query.status],
  );
  const shown = useMemo(() => sortTrackingRows(filtered, columns, sort), [filtered, columns, sort]);
  const counts = useMemo(() => countByUnit(filtered, view), [filtered, view]);
  const people = useMemo(() => new Set(rows.map((r) => r.personId)).size, [rows]);
  const shownPeople = useMemo(() => new Set(filtered.map((r) => r.personId)).size, [filtered]);
  const periods = useMemo(() => periodOptions(year), [year]);

  if (data === undefined || data.year !== year) return <Loading />;
  const value = data.value;
  const setPeriod = (p: Period) => setQuery({ period: periodKey(p) });
  const sortBy = (key: string) =>
    setSort((s) =>
      s?.key !== key ? { key, direction: 'asc' } : s.direction === 'asc' ? { key, direction: 'desc' } : null,
    );

  /** 导出当前列表: the rows as filtered and sorted, in the columns shown, as the cells say them. */
  const exportList = async () => {
    if (!value) return;
    if (shown.length === 0) {
      notify({ kind: 'info', text: listText.exportEmpty });
      return;
    }
    setExporting(true);
    try {
      const { listToXlsx, listFileName } = await import('../../../../shared/documents/list-xlsx');
      const title = t.listName(year, periods.find((o) => o.value === periodKey(period))?.label ?? '');
      const when = new Date();
      const bytes = await listToXlsx({
        title,
        notes: [
          describeQuery(query, {
            units: value.roster.units,
            statusOptions: STATUS_OPTIONS,
            periodOptions: periods,
            qLabel: t.query,
          }),
          listText.exportedAt(formatChineseDateTime(when)),
        ].filter(Boolean),
        header: [t.colName, t.colUnit, t.colSupervisor, t.colPlan, ...columns.map((c) => c.what)],
        rows: shown.map((r) => [
          r.name,
          r.unitName,
          r.supervisorName,
          planText(r),
          ...columns.map((c) => cellText(c.cell(r), c.labels)),
        ]),
      });
      const name = listFileName(title, localIsoDate(when));
      const saved = await host.saveFile({
        suggestedName: name,
        data: bytes,
        filters: [{ name: listText.exportFilter, extensions: ['xlsx'] }],
      });
      if (!saved) {
        notify({ kind: 'info', text: listText.exportCancelled });
        return;
      }
      await auditOutput(db, { kind: 'document', what: title, file: name, count: shown.length });
      notify({ kind: 'success', text: listText.exported(name, shown.length) });
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(false);
    }
  };
  const head = (key: string, label: string, extra: object = {}) => (
    <TableCell
      key={key}
      sortDirection={sort?.key === key ? sort.direction : false}
      sx={{ whiteSpace: 'nowrap', px: 0.5 }}
      {...extra}
    >
      <TableSortLabel
        active={sort?.key === key}
        direction={sort?.key === key ? sort.direction : 'asc'}
        onClick={() => sortBy(key)}
        title={t.sortBy(label)}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <Stack spacing={1.5} component="section" aria-labelledby="tracking-title">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id="tracking-title" variant="h6" component="h2" sx={{ fontWeight: 600 }}>
          {t.title}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <YearSelect year={year} onChange={(y) => setPeriod({ ...period, year: y })} now={now} />
      </Stack>
      {!value ? (
        <Alert severity="info">{t.noRoster}</Alert>
      ) : (
        <>
          <QueryBar
            query={query}
            onChange={setQuery}
            fields={['q', 'unit', 'status', 'period']}
            units={value.roster.units}
            statusOptions={STATUS_OPTIONS}
            periodOptions={periods}
            required={['period']}
            qLabel={t.query}
          >
            {period.quarter === undefined && period.month === undefined ? (
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
            ) : null}
          </QueryBar>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2" color="text.secondary" data-testid="tracking-count">
              {/* People, not rows: someone moved between units has a row in each. */}
              {listText.count(people, shownPeople, '人')}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            <Button size="small" variant="outlined" disabled={exporting} onClick={() => void exportList()}>
              {listText.export}
            </Button>
          </Stack>

          <Paper variant="outlined">
            {/* Scrolls on its own (the name column stays): focusable, so the keyboard can scroll it. */}
            <TableContainer
              sx={{ maxHeight: 'max(320px, calc(100vh - 300px))' }}
              tabIndex={0}
              role="region"
              aria-label={t.gridLabel}
            >
              <Table
                size="small"
                stickyHeader
                aria-label={t.gridLabel}
                aria-rowcount={shown.length + 1}
                data-testid="tracking-grid"
              >
                <TableHead>
                  <TableRow>
                    {head('name', t.colName, { sx: { whiteSpace: 'nowrap', px: 0.5, left: 0, zIndex: 3 } })}
                    {head('unit', t.colUnit)}
                    {head('supervisor', t.colSupervisor)}
                    {head('plan', t.colPlan)}
                    {columns.map((c) => head(c.key, c.label, { align: 'center' }))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  <VirtualRows
                    count={shown.length}
                    colSpan={4 + columns.length}
                    renderRow={(i) => (
                      <GridRow
                        key={shown[i]!.key}
                        row={shown[i]!}
                        columns={columns}
                        year={year}
                        onOpen={onOpenMaterial}
                      />
                    )}
                  />
                  {shown.length === 0 ? (
                    <TableRow>
                      <TableCell colSpan={4 + columns.length}>{t.nobody}</TableCell>
                    </TableRow>
                  ) : null}
                </TableBody>
              </Table>
            </TableContainer>
          </Paper>
          <Typography variant="body2" color="text.secondary" data-testid="tracking-rules">
            {describeTrackingRules()}
          </Typography>
          <Typography variant="body2" color="text.secondary" data-testid="tracking-who">
            {t.whoIsTracked}
          </Typography>

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
            rows={filtered}
            year={year}
            now={now}
            organisation={value.unitTree[0]?.name ?? t.organisation}
          />
          <SpotCheckPanel data={value} rows={filtered} year={year} />
        </>
      )}
    </Stack>
  );
}
