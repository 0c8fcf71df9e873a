/**
 * 统计分析: the year's grade distribution by unit and quarter, the trend over the quarters and how far
 * plans, record books and evaluations have come in — each chart (MUI X Charts, values on the bars, a
 * period not yet due as 未到期) with the same figures in a table under it, 科室 in the unit tree's
 * order, a bar or a table row opening the 督促检查 list behind it; each table exportable to Excel
 * and Word (with its chart as a picture), and all of them at once.
 */
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import {
  Alert,
  Box,
  Button,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  statisticsCharts,
  statisticsTables,
  yearStatistics,
  type StatsChart,
  type StatsTable,
  type YearStatistics,
} from '../../../../shared/domain';
import {
  buildStatisticsReport,
  buildStatisticsXlsx,
  buildTableXlsx,
  chartSvg,
  statisticsFileName,
  toBytes,
  type ReportChart,
  type StatisticsReportForm,
} from '../../../../shared/documents';
import { describeError } from '../../../../shared/errors/messages.zh';
import { auditOutput, listUnits, readHrYear } from '../../../../shared/store';
import { useNotifications } from '../../../state/notifications';
import { useServices } from '../../../state/services';
import { Loading, PageHeader } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { useYearParam } from '../annual/AnnualPage';
import { reportsText as t } from '../annual/strings';
import { useReportExport } from '../annual/useReportExport';
import { YearPicker } from '../annual/YearPicker';
import { readOrg } from '../org-service';
import { unitOrder } from '../../../components/list';
import { drillHref, periodWords, STATUS_WORDS } from './drill';
import { svgToPng } from './rasterise';
import { StatsChartView } from './StatsChartView';
import { statisticsText as st } from './strings';

/** A person counted for part of the year only, with why ("2026年12月1日入职(调入),此前不需填报"). */
type Partial = { personId: string; name: string; unitName: string; notes: string[] };

type Loaded =
  { ok: true; stats: YearStatistics | null; org: string; partial: Partial[] } | { ok: false; error: string };

const PARTIAL_SHOWN = 20;

const dayOf = (d: Date) => {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** `now`: the moment the figures are taken (tests fix it); a period not yet due then is 未到期. */
export function StatisticsPage({ now }: { now?: Date } = {}) {
  const { db } = useServices();
  const { notify } = useNotifications();
  const [year, setYear] = useYearParam();
  const asOf = now ?? new Date();
  const loaded = useLiveFor<Loaded>(
    String(year),
    async () => {
      try {
        const [data, org, tree] = await Promise.all([readHrYear(db, year), readOrg(db), listUnits(db)]);
        const order = unitOrder(tree);
        const stats = data
          ? yearStatistics({
              year,
              // 科室 in the tree's order; a unit since removed from the tree keeps the roster's place, after.
              units: data.units
                .map((u, i) => ({ u, at: order.get(u.id) ?? tree.length + i }))
                .sort((a, b) => a.at - b.at)
                .map(({ u }) => u),
              people: data.people,
              evaluations: data.evaluations,
              plans: data.plans,
              records: data.records,
              asOf,
            })
          : null;
        const partial = (data?.people ?? [])
          .filter((p) => p.notes.length > 0)
          .map(({ personId, name, unitName, notes }) => ({ personId, name, unitName, notes }));
        return { ok: true, stats, org: org?.name ?? '本机关', partial };
      } catch (e) {
        return { ok: false, error: describeError(e).title };
      }
    },
    [db, year],
  );
  const { busy, save } = useReportExport();
  const stats = loaded?.ok ? loaded.stats : null;
  const tables = stats ? statisticsTables(stats) : [];
  const charts = stats ? statisticsCharts(stats) : [];
  const form: StatisticsReportForm | null =
    stats && loaded?.ok
      ? { kind: 'statisticsReport', organisation: loaded.org, year, tables, asOf: dayOf(asOf) }
      : null;
  const tableOf = (id: StatsTable['id']) => tables.find((x) => x.id === id);
  const chartOf = (id: StatsChart['id']) => charts.find((x) => x.id === id);

  /** The charts of these tables as pictures; without them (a window that cannot draw) the tables alone. */
  const pictures = async (of: readonly StatsTable[]): Promise<ReportChart[]> => {
    const out: ReportChart[] = [];
    try {
      for (const c of charts) {
        const table = of.find((x) => x.id === c.tableId);
        if (!table) continue;
        const svg = chartSvg(c);
        out.push({
          table: table.title,
          title: c.title,
          png: await svgToPng(svg),
          width: svg.width,
          height: svg.height,
        });
      }
    } catch {
      notify({ kind: 'warning', text: st.noPictures });
      return [];
    }
    return out;
  };
  const saveWord = (name: string, of: StatsTable[]) => {
    if (!form) return;
    void save('docx', name, async () => {
      const bytes = await toBytes(buildStatisticsReport({ ...form, tables: of, charts: await pictures(of) }));
      await auditOutput(db, { kind: 'document', what: name.replace(/\.docx$/, ''), file: name });
      return bytes;
    });
  };
  const saveExcel = (name: string, build: () => Uint8Array) =>
    void save('xlsx', name, async () => {
      const bytes = build();
      await auditOutput(db, { kind: 'document', what: name.replace(/\.xlsx$/, ''), file: name });
      return bytes;
    });

  const exportTable = (table: StatsTable, kind: 'xlsx' | 'docx') => {
    if (!form) return;
    const name = `${table.title}-${form.organisation}.${kind}`;
    if (kind === 'xlsx') saveExcel(name, () => buildTableXlsx(table));
    else saveWord(name, [table]);
  };

  return (
    <Stack spacing={2}>
      <PageHeader
        title={t.statsTitle}
        actions={
          form ? (
            <>
              <Button
                variant="contained"
                disabled={busy}
                onClick={() => saveExcel(statisticsFileName(form, 'xlsx'), () => buildStatisticsXlsx(form))}
              >
                {`${t.exportAll}(Excel)`}
              </Button>
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() => saveWord(statisticsFileName(form, 'docx'), tables)}
              >
                {`${t.exportAll}(Word)`}
              </Button>
            </>
          ) : null
        }
      />
      <Typography color="text.secondary">{t.statsIntro}</Typography>
      <YearPicker value={year} onChange={setYear} />
      {loaded === undefined ? (
        <Loading />
      ) : !loaded.ok ? (
        <Alert severity="error">
          {t.loadFailed}:{loaded.error}
        </Alert>
      ) : !stats ? (
        <Alert severity="info">{t.noRoster}</Alert>
      ) : stats.people === 0 ? (
        <Alert severity="info">{t.noPeople}</Alert>
      ) : (
        <>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="stats-who">
            <Typography id="stats-who" variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 0.5 }}>
              {st.whoTitle}
            </Typography>
            <Typography variant="body2" color="text.secondary" data-testid="stats-who">
              {st.who(year, stats.people)}
            </Typography>
            {loaded.partial.length > 0 ? (
              <>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  {st.partial(loaded.partial.length)}
                </Typography>
                <Box component="ul" sx={{ m: 0, pl: 2.5 }} data-testid="stats-partial">
                  {loaded.partial.slice(0, PARTIAL_SHOWN).map((p) => (
                    <Typography component="li" variant="body2" key={p.personId}>
                      {`${p.name}(${p.unitName}):${p.notes.join(';')}`}
                    </Typography>
                  ))}
                </Box>
                {loaded.partial.length > PARTIAL_SHOWN ? (
                  <Typography variant="body2" color="text.secondary">
                    {st.more(loaded.partial.length - PARTIAL_SHOWN)}
                  </Typography>
                ) : null}
              </>
            ) : null}
          </Paper>
          <Section table={tableOf('trend')} chart={chartOf('trend')} onExport={exportTable} busy={busy} />
          <Section table={tableOf('distribution')} onExport={exportTable} busy={busy} />
          <Section
            table={tableOf('evaluations')}
            chart={chartOf('evaluations')}
            onExport={exportTable}
            busy={busy}
          />
          <Section table={tableOf('records')} chart={chartOf('records')} onExport={exportTable} busy={busy} />
          <Section
            table={tableOf('completionUnits')}
            chart={chartOf('units')}
            onExport={exportTable}
            busy={busy}
          />
        </>
      )}
    </Stack>
  );
}

/**
 * The list behind row `i` of a chart's table (its category `i`): who is 缺报, or — a period not yet
 * due — who has not sent it yet. Rows past the categories (合计) have none.
 */
function rowLink(chart: StatsChart | undefined, i: number): { href: string; label: string } | null {
  const category = chart?.categories[i];
  if (!chart || !category) return null;
  const notDue = chart.series.some((s) => s.status === 'notdue' && (s.values[i] ?? 0) > 0);
  const status = notDue ? 'notdue' : 'missing';
  const unit = category.unitId ? category.label : '';
  return {
    href: drillHref(category, status),
    label: `${unit}${periodWords(category.period)}${STATUS_WORDS[status]}名单`,
  };
}

function Section({
  table,
  chart,
  children,
  onExport,
  busy,
}: {
  table: StatsTable | undefined;
  chart?: StatsChart | undefined;
  children?: ReactNode;
  onExport: (table: StatsTable, kind: 'xlsx' | 'docx') => void;
  busy: boolean;
}) {
  if (!table) return null;
  const headingId = `stats-${table.id}`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby={headingId}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600, flexGrow: 1 }}>
            {table.title}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => onExport(table, 'xlsx')}
            aria-label={`${table.title} ${t.exportExcel}`}
          >
            {t.exportExcel}
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => onExport(table, 'docx')}
            aria-label={`${table.title} ${t.exportWord}`}
          >
            {t.exportWord}
          </Button>
        </Stack>
        {chart ? <StatsChartView chart={chart} label={t.chartOf(chart.title)} /> : null}
        {children}
        <TableContainer>
          <Table size="small" aria-labelledby={headingId} data-testid="statistics-table">
            <TableHead>
              <TableRow>
                {table.columns.map((c) => (
                  <TableCell key={c.header} align={c.align === 'center' ? 'center' : 'left'}>
                    {c.header.replace(/\n/g, '')}
                  </TableCell>
                ))}
                {chart ? <TableCell>{st.listColumn}</TableCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {table.rows.map((r, i) => (
                <TableRow key={i}>
                  {r.map((v, k) => (
                    <TableCell key={k} align={table.columns[k]?.align === 'center' ? 'center' : 'left'}>
                      {v}
                    </TableCell>
                  ))}
                  {chart ? <LinkCell link={rowLink(chart, i)} /> : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
        {table.note ? (
          <Typography variant="body2" color="text.secondary">
            {table.note}
          </Typography>
        ) : null}
      </Stack>
    </Paper>
  );
}

function LinkCell({ link }: { link: { href: string; label: string } | null }) {
  return (
    <TableCell>
      {link ? (
        <Link component={RouterLink} to={link.href} aria-label={link.label}>
          {st.openList}
        </Link>
      ) : null}
    </TableCell>
  );
}
