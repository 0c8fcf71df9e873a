/**
 * One 统计分析 chart on the screen (MUI X Charts): large enough to read at 1366 px, the value on each
 * bar, a period not yet due as a hatched grey bar saying 未到期, and a click on a bar opens the list
 * behind it (督促检查, filtered). The figures are in the table under the chart, which is its text
 * equivalent and carries the same links for the keyboard.
 */
import { useId } from 'react';
import { useNavigate } from 'react-router';
import { Box, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { chartMax, type StatsChart } from '../../../../shared/domain';
import { drillHref } from './drill';

export function StatsChartView({ chart, label }: { chart: StatsChart; label: string }) {
  const navigate = useNavigate();
  const hatchId = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const labels = chart.categories.map((c) => c.label);
  const max = chartMax(chart);
  const unit = chart.unit === '%' ? '%' : '';
  const horizontal = chart.layout === 'horizontal';
  const hatchColour = chart.series.find((s) => s.hatch)?.color ?? '#9e9e9e';
  // A series with no bar at all (nothing 未到期 this year) is left out, and out of the legend.
  const shown = chart.series.filter((s) => s.values.some((v) => v !== null && v > 0));
  const height = horizontal ? Math.max(180, chart.categories.length * 36 + 70) : 340;
  const nameWidth = Math.min(220, Math.max(80, ...labels.map((l) => l.length * 14 + 16)));
  const band = { scaleType: 'band' as const, data: labels };
  const value = { min: 0, max, valueFormatter: (v: number | null) => (v === null ? '' : `${v}${unit}`) };
  return (
    <Box
      role="figure"
      aria-label={label}
      sx={{
        width: '100%',
        '& .MuiBarElement-root': { cursor: 'pointer' },
        '& .MuiBarChart-label': { fontWeight: 600, fontSize: 13, fill: '#212121' },
      }}
    >
      <BarChart
        height={height}
        layout={chart.layout}
        skipAnimation
        margin={{ right: horizontal ? 64 : 16, top: 20 }}
        hideLegend={shown.length <= 1}
        slotProps={{ legend: { position: { vertical: 'bottom', horizontal: 'center' } } }}
        xAxis={[horizontal ? value : band]}
        yAxis={[horizontal ? { ...band, width: nameWidth } : { ...value, width: 56 }]}
        grid={horizontal ? { vertical: true } : { horizontal: true }}
        series={shown.map((s) => ({
          id: s.key,
          label: s.label,
          data: s.values,
          color: s.hatch ? `url(#${hatchId})` : s.color,
          stack: 'all',
          // A segment too thin for its words has none; its figure is in the tooltip and the table.
          barLabel: (item: { dataIndex: number }, { bar }: { bar: { height: number; width: number } }) =>
            (horizontal ? bar.width >= 28 || !s.hatch : bar.height >= 16)
              ? (s.labels[item.dataIndex] ?? null)
              : null,
          // Inside the bar: above it, a share near 100 % would be cut off at the plot's edge.
          barLabelPlacement: 'center' as const,
          valueFormatter: (v: number | null, { dataIndex }: { dataIndex: number }) =>
            s.labels[dataIndex] ?? (v === null ? null : `${v}${unit}`),
        }))}
        onItemClick={(_, item) => {
          const series = shown.find((s) => s.key === item.seriesId);
          const category = chart.categories[item.dataIndex];
          if (series && category) void navigate(drillHref(category, series.status));
        }}
      >
        <defs>
          <pattern
            id={hatchId}
            patternUnits="userSpaceOnUse"
            width="8"
            height="8"
            patternTransform="rotate(45)"
          >
            <rect width="8" height="8" fill="#eeeeee" />
            <rect width="3" height="8" fill={hatchColour} />
          </pattern>
        </defs>
      </BarChart>
      <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 0.5 }}>
        点击图中的柱可打开对应的督促检查名单;同样的数据和名单链接见下表。
      </Typography>
    </Box>
  );
}
