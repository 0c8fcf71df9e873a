/**
 * A plain SVG bar chart (stacked when there are several series), with no chart library. It is an
 * image with a title for screen readers; the page puts the same figures in a table beside it.
 */
import { useId } from 'react';
import { Box, Stack, Typography } from '@mui/material';

export type Series = { label: string; values: readonly number[]; color: string };

const W = 640;
const H = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 44 };

/** A round top for the axis: 7 → 10, 23 → 25, 100 → 100. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= value) return m * step;
  return 10 * step;
}

export function BarChart({
  title,
  categories,
  series,
  max,
  unit = '',
}: {
  title: string;
  categories: readonly string[];
  series: readonly Series[];
  /** The top of the axis; from the tallest bar when absent. */
  max?: number;
  unit?: string;
}) {
  const titleId = useId();
  const totals = categories.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const top = max ?? niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, categories.length);
  const barW = Math.min(48, slot * 0.6);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(top * f * 10) / 10);
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <svg
        role="img"
        aria-labelledby={titleId}
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        style={{ maxWidth: W, display: 'block' }}
      >
        <title id={titleId}>{title}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#555">
              {t}
              {unit}
            </text>
          </g>
        ))}
        {categories.map((c, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={c}>
              {series.map((s) => {
                const v = s.values[i] ?? 0;
                const rect =
                  v > 0 ? (
                    <rect
                      key={s.label}
                      x={x}
                      y={y(base + v)}
                      width={barW}
                      height={y(base) - y(base + v)}
                      fill={s.color}
                    >
                      <title>{`${c} ${s.label}:${v}${unit}`}</title>
                    </rect>
                  ) : null;
                base += v;
                return rect;
              })}
              <text x={x + barW / 2} y={H - PAD.bottom + 16} fontSize="11" textAnchor="middle" fill="#333">
                {c}
              </text>
            </g>
          );
        })}
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} stroke="#888" />
      </svg>
      <Box component="figcaption">
        <Typography variant="subtitle2" component="span">
          {title}
        </Typography>
        {series.length > 1 ? (
          <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mt: 0.5 }} aria-hidden="true">
            {series.map((s) => (
              <Stack key={s.label} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                <Box sx={{ width: 12, height: 12, bgcolor: s.color }} />
                <Typography variant="caption">{s.label}</Typography>
              </Stack>
            ))}
          </Stack>
        ) : null}
      </Box>
    </Box>
  );
}
