/**
 * 统计分析: the year's grade distribution by unit and quarter, the trend over the quarters and how far
 * plans, record books and evaluations have come in — each as a simple chart with the same figures in a
 * table under it, each table exportable to Excel and Word, and all of them at once.
 */
import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
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
  statisticsTables,
  yearStatistics,
  type StatsTable,
  type YearStatistics,
} from '../../../../shared/domain';
import {
  buildStatisticsReport,
  buildStatisticsXlsx,
  buildTableXlsx,
  statisticsFileName,
  toBytes,
  type StatisticsReportForm,
} from '../../../../shared/documents';
import { describeError } from '../../../../shared/errors/messages.zh';
import { readHrYear } from '../../../../shared/store';
import { useServices } from '../../../state/services';
import { Loading, PageHeader } from '../../../components/page-parts';
import { useLiveFor } from '../../../components/useLiveFor';
import { useYearParam } from '../annual/AnnualPage';
import { reportsText as t } from '../annual/strings';
import { useReportExport } from '../annual/useReportExport';
import { YearPicker } from '../annual/YearPicker';
import { readOrg } from '../org-service';
import { BarChart, type Series } from './BarChart';
import { statisticsText as st } from './strings';

const GRADE_COLOURS = { good: '#2e7d32', fairlyGood: '#1976d2', average: '#ed6c02', poor: '#c62828' };
const GRADE_NAMES = { good: '好', fairlyGood: '较好', average: '一般', poor: '较差' };

/** A person counted for part of the year only, with why ("2026年12月1日入职(调入),此前不需填报"). */
type Partial = { personId: string; name: string; unitName: string; notes: string[] };

type Loaded =
  { ok: true; stats: YearStatistics | null; org: string; partial: Partial[] } | { ok: false; error: string };

const PARTIAL_SHOWN = 20;

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function StatisticsPage() {
  const { db } = useServices();
  const [year, setYear] = useYearParam();
  const loaded = useLiveFor<Loaded>(
    String(year),
    async () => {
      try {
        const [data, org] = await Promise.all([readHrYear(db, year), readOrg(db)]);
        const stats = data
          ? yearStatistics({
              year,
              units: data.units,
              people: data.people,
              evaluations: data.evaluations,
              plans: data.plans,
              records: data.records,
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
  const form: StatisticsReportForm | null =
    stats && loaded?.ok
      ? { kind: 'statisticsReport', organisation: loaded.org, year, tables, asOf: today() }
      : null;
  const tableOf = (id: StatsTable['id']) => tables.find((x) => x.id === id);

  const exportTable = (table: StatsTable, kind: 'xlsx' | 'docx') => {
    if (!form) return;
    const one: StatisticsReportForm = { ...form, tables: [table] };
    const name = `${table.title}-${form.organisation}.${kind}`;
    void save(kind, name, () =>
      kind === 'xlsx' ? buildTableXlsx(table) : toBytes(buildStatisticsReport(one)),
    );
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
                onClick={() =>
                  void save('xlsx', statisticsFileName(form, 'xlsx'), () => buildStatisticsXlsx(form))
                }
              >
                {`${t.exportAll}(Excel)`}
              </Button>
              <Button
                variant="outlined"
                disabled={busy}
                onClick={() =>
                  void save('docx', statisticsFileName(form, 'docx'), () =>
                    toBytes(buildStatisticsReport(form)),
                  )
                }
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
          <Section table={tableOf('trend')} onExport={exportTable} busy={busy}>
            <BarChart
              title={t.chartOf(`${year}年各季度等次分布`)}
              categories={stats.trend.map((x) => `第${x.quarter}季度`)}
              series={(Object.keys(GRADE_NAMES) as (keyof typeof GRADE_NAMES)[]).map((g): Series => ({
                label: GRADE_NAMES[g],
                color: GRADE_COLOURS[g],
                values: stats.trend.map((x) => x.counts[g]),
              }))}
            />
          </Section>
          <Section table={tableOf('distribution')} onExport={exportTable} busy={busy} />
          <Section table={tableOf('evaluations')} onExport={exportTable} busy={busy}>
            <BarChart
              title={t.chartOf(`${year}年领导评鉴签署率`)}
              categories={stats.completion.evaluationsByQuarter.map((_, i) => `第${i + 1}季度`)}
              series={[
                {
                  label: '签署率',
                  color: '#1976d2',
                  values: stats.completion.evaluationsByQuarter.map((r) => r.percent ?? 0),
                },
              ]}
              max={100}
              unit="%"
            />
          </Section>
          <Section table={tableOf('records')} onExport={exportTable} busy={busy}>
            <BarChart
              title={t.chartOf(`${year}年记实簿提交率`)}
              categories={stats.completion.recordsByMonth.map((_, i) => `${i + 1}月`)}
              series={[
                {
                  label: '提交率',
                  color: '#2e7d32',
                  values: stats.completion.recordsByMonth.map((r) => r.percent ?? 0),
                },
              ]}
              max={100}
              unit="%"
            />
          </Section>
          <Section table={tableOf('completionUnits')} onExport={exportTable} busy={busy} />
        </>
      )}
    </Stack>
  );
}

function Section({
  table,
  children,
  onExport,
  busy,
}: {
  table: StatsTable | undefined;
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
