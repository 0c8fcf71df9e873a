/**
 * 统计分析's charts as data and as the SVG the Word report's pictures are drawn from (issue 22,
 * deliverable 9): values on the bars, 未到期 hatched and in words (never a bar of 0 %), 科室 in the
 * order given, and the report placing each picture above the table it is drawn from.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { statisticsCharts, statisticsTables, yearStatistics } from '../../../shared/domain';
import { buildStatisticsReport, chartSvg, toBytes } from '../../../shared/documents';

const stats = yearStatistics({
  year: 2026,
  units: [
    { id: 'u2', name: '国库科' },
    { id: 'u1', name: '预算科' },
  ],
  people: [
    { personId: 'a', name: '甲', unitId: 'u1' },
    { personId: 'b', name: '乙', unitId: 'u1' },
    { personId: 'c', name: '丙', unitId: 'u2' },
  ],
  evaluations: [
    { subject: 'a', year: 2026, quarter: 1, version: 1, resultGrade: 'good' },
    { subject: 'b', year: 2026, quarter: 1, version: 1, resultGrade: 'average' },
    { subject: 'a', year: 2026, quarter: 4, version: 1, resultGrade: 'good' },
  ],
  plans: [],
  records: [{ personId: 'a', year: 2026, month: 1, version: 1 }],
  asOf: new Date(2026, 10, 20, 10),
});
const charts = statisticsCharts(stats);
const chart = (id: string) => charts.find((c) => c.id === id)!;

describe('statisticsCharts', () => {
  it('draws each chart from one of the tables, its text equivalent', () => {
    const ids = new Set(statisticsTables(stats).map((t) => t.id));
    for (const c of charts) expect(ids.has(c.tableId)).toBe(true);
  });

  it('puts the value on each bar and 未到期 on a hatched bar for a period not yet due, never 0 %', () => {
    const ev = chart('evaluations');
    const rate = ev.series.find((s) => s.key === 'rate')!;
    const notDue = ev.series.find((s) => s.key === 'notdue')!;
    expect(rate.labels).toEqual(['66.7%', '0%', '0%', null]);
    expect(rate.values[3]).toBeNull();
    expect(notDue.hatch).toBe(true);
    expect(notDue.labels[3]).toBe('未到期(已33.3%)');
    expect(notDue.values).toEqual([null, null, null, 100]);
    const records = chart('records').series.find((s) => s.key === 'notdue')!;
    expect(records.labels.slice(9)).toEqual([null, '未到期', '未到期']);
  });

  it('stacks the grades of a quarter with what is missing, and what is not yet due hatched', () => {
    const trend = chart('trend');
    const of = (key: string) => trend.series.find((s) => s.key === key)!.values;
    expect(of('good')).toEqual([1, 0, 0, 1]);
    expect(of('missing')).toEqual([1, 3, 3, 0]);
    expect(of('notdue')).toEqual([0, 0, 0, 2]);
  });

  it('keeps 科室 in the order given, each bar opening its unit’s list', () => {
    expect(chart('units').categories).toEqual([
      { label: '国库科', period: '2026', unitId: 'u2' },
      { label: '预算科', period: '2026', unitId: 'u1' },
    ]);
  });
});

describe('chartSvg', () => {
  it('is a standalone SVG with the words a reader needs: categories, values, 未到期, the legend', () => {
    const { svg, width, height } = chartSvg(chart('evaluations'));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBe(1200);
    expect(height).toBeGreaterThan(400);
    for (const w of ['第1季度', '第4季度', '66.7%', '未到期', '(已33.3%)', '签署率', '100%'])
      expect(svg, w).toContain(w);
    expect(svg).toContain('url(#hatch-evaluations)');
    // No bar of 0 % is drawn for the quarter not yet due: its only bar is the hatched one.
    expect(svg.match(/fill="url\(#hatch-evaluations\)"/g)).toHaveLength(2); // the bar and the legend swatch
  });

  it('escapes a unit’s name', () => {
    const c = { ...chart('units'), categories: [{ label: '<科>&', period: '2026', unitId: 'x' }] };
    expect(chartSvg(c).svg).toContain('&lt;科&gt;&amp;');
  });
});

describe('the Word report with its charts', () => {
  it('puts each picture, with its caption and alternative text, above the table it is drawn from', async () => {
    const tables = statisticsTables(stats);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const evaluations = tables.find((t) => t.id === 'evaluations')!;
    const bytes = await toBytes(
      buildStatisticsReport({
        kind: 'statisticsReport',
        organisation: '某市财政局',
        year: 2026,
        tables,
        charts: [{ table: evaluations.title, title: '2026年领导评鉴签署率', png, width: 1200, height: 560 }],
      }),
    );
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('descr="2026年领导评鉴签署率（数据见下表）"');
    const heading = xml.indexOf(evaluations.title);
    const picture = xml.indexOf('<w:drawing>');
    const caption = xml.indexOf('图：2026年领导评鉴签署率');
    const table = xml.indexOf('<w:tbl>', heading);
    expect(heading).toBeGreaterThan(0);
    expect(picture).toBeGreaterThan(heading);
    expect(caption).toBeGreaterThan(picture);
    expect(table).toBeGreaterThan(caption);
  });
});
