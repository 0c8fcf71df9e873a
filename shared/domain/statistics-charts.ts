/**
 * 统计分析's charts as data: what each bar is, its value, the words on it, and the list behind it.
 * One model, drawn twice — on the screen (MUI X Charts) and into the Word report (an SVG drawn by
 * shared/documents/chart-svg.ts, then a picture) — so both say the same. Each chart is drawn from one
 * of statisticsTables' tables, which is its text equivalent.
 *
 * A period whose 报送时限 has not passed is a hatched grey bar with the words 未到期, never a bar of
 * 0 %; what came in early for it is still drawn (and counted in its words).
 */
import { GRADE_HEADERS, type StatsTable, type YearStatistics } from './statistics';

/** Which list a bar opens: the 督促检查 rows that are done, missing or not yet due. */
export type ChartStatus = 'done' | 'missing' | 'notdue';

export type ChartCategory = {
  label: string;
  /** The period in an address: '2026' (year), '2026-Q2' (quarter), '2026-03' (month). */
  period: string;
  unitId?: string;
};

export type ChartSeries = {
  key: string;
  label: string;
  color: string;
  /** Drawn hatched grey: 未到期. */
  hatch?: true;
  /** The list behind a bar of this series. */
  status: ChartStatus;
  /** One per category; null: no bar. */
  values: (number | null)[];
  /** The words on each bar (null: none, e.g. a bar too small to matter). */
  labels: (string | null)[];
};

export type StatsChart = {
  id: 'trend' | 'units' | 'evaluations' | 'records';
  /** The table this chart is drawn from: its text equivalent, on the screen and in the report. */
  tableId: StatsTable['id'];
  title: string;
  /** What the value axis counts. */
  unit: '人' | '%';
  layout: 'vertical' | 'horizontal';
  /** The top of the value axis (100 for a share); from the tallest bar when absent. */
  max?: number;
  /** Series stacked on each other (counts that add up), or side by side in one band (shares). */
  stacked: boolean;
  categories: ChartCategory[];
  series: ChartSeries[];
};

/** Light fills, so the dark words on each bar read (contrast above 7:1 on every one). */
export const GRADE_COLOURS = {
  good: '#81c784',
  fairlyGood: '#90caf9',
  average: '#ffcc80',
  poor: '#ef9a9a',
} as const;
/** A shortfall (due, nothing in): pink. Not yet due: hatched grey. */
export const MISSING_COLOUR = '#f8bbd0';
export const NOT_DUE_COLOUR = '#9e9e9e';
export const RATE_COLOUR = '#90caf9';
export const RECORD_COLOUR = '#a5d6a7';

export const NOT_DUE_LABEL = '未到期';

const quarterPeriod = (year: number, q: number) => `${year}-Q${q}`;
const monthPeriod = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;
const count = (n: number) => (n > 0 ? String(n) : null);

/** A share bar per period, and a full-height hatched 未到期 bar where the period is not yet due. */
function rateSeries(
  label: string,
  color: string,
  rates: readonly { done: number; percent: number | null; notYetDue?: true }[],
): ChartSeries[] {
  return [
    {
      key: 'rate',
      label,
      color,
      status: 'missing',
      values: rates.map((r) => (r.notYetDue ? null : r.percent)),
      labels: rates.map((r) => (r.notYetDue || r.percent === null ? null : `${r.percent}%`)),
    },
    {
      key: 'notdue',
      label: NOT_DUE_LABEL,
      color: NOT_DUE_COLOUR,
      hatch: true,
      status: 'notdue',
      values: rates.map((r) => (r.notYetDue ? 100 : null)),
      labels: rates.map((r) =>
        r.notYetDue
          ? r.done > 0 && r.percent !== null
            ? `${NOT_DUE_LABEL}(已${r.percent}%)`
            : NOT_DUE_LABEL
          : null,
      ),
    },
  ];
}

/** The year's charts, in the order the page shows them, 科室 in the order of `s` (the unit tree's). */
export function statisticsCharts(s: YearStatistics): StatsChart[] {
  const { year } = s;
  const quarters = s.trend.map((t) => ({
    label: `第${t.quarter}季度`,
    period: quarterPeriod(year, t.quarter),
  }));
  const rest = (t: YearStatistics['trend'][number]) => Math.max(0, t.assessed - t.evaluated);
  const trend: StatsChart = {
    id: 'trend',
    tableId: 'trend',
    title: `${year}年各季度等次分布`,
    unit: '人',
    layout: 'vertical',
    stacked: true,
    categories: quarters,
    series: [
      ...GRADE_HEADERS.map(([g, label]): ChartSeries => ({
        key: g,
        label,
        color: GRADE_COLOURS[g],
        status: 'done',
        values: s.trend.map((t) => t.counts[g]),
        labels: s.trend.map((t) => count(t.counts[g])),
      })),
      {
        key: 'missing',
        label: '未评鉴',
        color: MISSING_COLOUR,
        status: 'missing',
        values: s.trend.map((t) => (t.notYetDue ? 0 : rest(t))),
        labels: s.trend.map((t) => (t.notYetDue ? null : count(rest(t)))),
      },
      {
        key: 'notdue',
        label: NOT_DUE_LABEL,
        color: NOT_DUE_COLOUR,
        hatch: true,
        status: 'notdue',
        values: s.trend.map((t) => (t.notYetDue ? rest(t) : 0)),
        labels: s.trend.map((t) => (t.notYetDue && rest(t) > 0 ? `${NOT_DUE_LABEL} ${rest(t)}人` : null)),
      },
    ],
  };
  const byUnit = s.completion.byUnit;
  const units: StatsChart = {
    id: 'units',
    tableId: 'completionUnits',
    title: `${year}年各单位领导评鉴签署率(已到期的季度)`,
    unit: '%',
    layout: 'horizontal',
    max: 100,
    stacked: false,
    categories: byUnit.map((u) => ({ label: u.unitName, period: String(year), unitId: u.unitId })),
    series: [
      {
        key: 'rate',
        label: '签署率',
        color: RATE_COLOUR,
        status: 'missing',
        values: byUnit.map((u) => u.evaluationsSigned.percent),
        labels: byUnit.map((u) =>
          u.evaluationsSigned.percent === null ? null : `${u.evaluationsSigned.percent}%`,
        ),
      },
      {
        // No quarter due yet (before 20 April): nothing is owed so far.
        key: 'notdue',
        label: NOT_DUE_LABEL,
        color: NOT_DUE_COLOUR,
        hatch: true,
        status: 'notdue',
        values: byUnit.map((u) => (u.evaluationsSigned.total === 0 && u.people > 0 ? 100 : null)),
        labels: byUnit.map((u) => (u.evaluationsSigned.total === 0 && u.people > 0 ? NOT_DUE_LABEL : null)),
      },
    ],
  };
  const evaluations: StatsChart = {
    id: 'evaluations',
    tableId: 'evaluations',
    title: `${year}年领导评鉴签署率`,
    unit: '%',
    layout: 'vertical',
    max: 100,
    stacked: false,
    categories: quarters,
    series: rateSeries('签署率', RATE_COLOUR, s.completion.evaluationsByQuarter),
  };
  const records: StatsChart = {
    id: 'records',
    tableId: 'records',
    title: `${year}年记实簿提交率`,
    unit: '%',
    layout: 'vertical',
    max: 100,
    stacked: false,
    categories: s.completion.recordsByMonth.map((_, i) => ({
      label: `${i + 1}月`,
      period: monthPeriod(year, i + 1),
    })),
    series: rateSeries('提交率', RECORD_COLOUR, s.completion.recordsByMonth),
  };
  return [trend, units, evaluations, records];
}

/** The top of a count axis: 7 → 10, 23 → 25, 100 → 100. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

/** The top of a chart's value axis. */
export function chartMax(c: StatsChart): number {
  if (c.max !== undefined) return c.max;
  const totals = c.categories.map((_, i) =>
    c.stacked
      ? c.series.reduce((sum, x) => sum + (x.values[i] ?? 0), 0)
      : Math.max(0, ...c.series.map((x) => x.values[i] ?? 0)),
  );
  return niceMax(Math.max(0, ...totals));
}
