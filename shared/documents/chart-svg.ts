/**
 * A 统计分析 chart (shared/domain/statistics-charts.ts) drawn as a standalone SVG, for the Word report.
 * Pure: no DOM, no fonts measured — text widths are estimated (a CJK character is 1 em, others about
 * half). The page turns the SVG into a PNG (a canvas) before it goes into the .docx, since Word 2016
 * and LibreOffice show a picture, not an SVG. The same bars, values and 未到期 hatching as the screen.
 */
import { chartMax, type StatsChart } from '../domain/statistics-charts';

export type ChartSvg = { svg: string; width: number; height: number };

const FONT = "'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC','SimHei',sans-serif";
const WIDTH = 1200;
const FONT_SIZE = 22;
const SMALL = 19;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Estimated width of a line of text at a font size. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) <= 0xff ? 0.56 : 1;
  return em * size;
}

function text(
  x: number,
  y: number,
  s: string,
  opts: { size?: number; anchor?: 'start' | 'middle' | 'end'; fill?: string; bold?: boolean } = {},
): string {
  const size = opts.size ?? FONT_SIZE;
  return (
    `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" font-family="${esc(FONT)}"` +
    ` text-anchor="${opts.anchor ?? 'start'}" fill="${opts.fill ?? '#212121'}"` +
    `${opts.bold ? ' font-weight="bold"' : ''}>${esc(s)}</text>`
  );
}

/** A label that fits `room` px, on two lines when it does not (split before "(" or at a space). */
function lines(label: string, size: number, room: number): string[] {
  if (textWidth(label, size) <= room) return [label];
  const at = label.search(/[((\s]/);
  if (at > 0) return [label.slice(0, at), label.slice(at).trim()];
  return [label];
}

/** White text on a dark bar, dark text on a light one. */
function ink(color: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#212121';
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h!, 16)) as [number, number, number];
  return 0.299 * r + 0.587 * g + 0.114 * b < 150 ? '#ffffff' : '#212121';
}

const HATCH = (id: string, color: string) =>
  `<pattern id="${id}" patternUnits="userSpaceOnUse" width="12" height="12" patternTransform="rotate(45)">` +
  `<rect width="12" height="12" fill="#eeeeee"/><rect width="4" height="12" fill="${color}"/></pattern>`;

/** The legend: a swatch and the words of each series, in one row (or more) under the plot. */
function legend(c: StatsChart, top: number, hatchId: string): { svg: string; height: number } {
  const out: string[] = [];
  let x = 20;
  let y = top;
  for (const s of c.series) {
    const w = 28 + 10 + textWidth(s.label, SMALL) + 32;
    if (x + w > WIDTH - 20) {
      x = 20;
      y += 34;
    }
    out.push(
      `<rect x="${x}" y="${y}" width="28" height="20" fill="${s.hatch ? `url(#${hatchId})` : s.color}" stroke="#757575" stroke-width="1"/>`,
      text(x + 38, y + 17, s.label, { size: SMALL }),
    );
    x += w;
  }
  return { svg: out.join(''), height: y - top + 34 };
}

export function chartSvg(c: StatsChart): ChartSvg {
  const hatchId = `hatch-${c.id}`;
  const top = chartMax(c);
  const unit = c.unit === '%' ? '%' : '';
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(top * f * 10) / 10);
  const parts: string[] = [];
  const horizontal = c.layout === 'horizontal';
  const n = Math.max(1, c.categories.length);

  let height: number;
  if (!horizontal) {
    const pad = { top: 24, right: 24, bottom: 56, left: 80 };
    const plotH = 420;
    const plotW = WIDTH - pad.left - pad.right;
    const slot = plotW / n;
    const barW = Math.min(120, slot * 0.62);
    const y = (v: number) => pad.top + plotH - (v / top) * plotH;
    for (const t of ticks) {
      parts.push(
        `<line x1="${pad.left}" x2="${WIDTH - pad.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e0e0e0" stroke-width="1.5"/>`,
        text(pad.left - 10, y(t) + 7, `${t}${unit}`, { size: SMALL, anchor: 'end', fill: '#424242' }),
      );
    }
    c.categories.forEach((cat, i) => {
      const x = pad.left + slot * i + (slot - barW) / 2;
      let base = 0;
      for (const s of c.series) {
        const v = s.values[i];
        if (v === null || v === undefined || v <= 0) continue;
        const from = c.stacked ? base : 0;
        const y0 = y(from + v);
        const h = y(from) - y0;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}"` +
            ` fill="${s.hatch ? `url(#${hatchId})` : s.color}"/>`,
        );
        const label = s.labels[i];
        if (label) {
          const ls = lines(label, SMALL, barW + 6);
          const inside = c.stacked || s.hatch;
          if (inside && h >= ls.length * (SMALL + 4)) {
            const mid = y0 + h / 2 - ((ls.length - 1) * (SMALL + 2)) / 2 + SMALL / 3;
            ls.forEach((l, k) =>
              parts.push(
                text(x + barW / 2, mid + k * (SMALL + 2), l, {
                  size: SMALL,
                  anchor: 'middle',
                  fill: s.hatch ? '#212121' : ink(s.color),
                  bold: true,
                }),
              ),
            );
          } else if (!inside) {
            ls.forEach((l, k) =>
              parts.push(
                text(x + barW / 2, y0 - 8 - (ls.length - 1 - k) * (SMALL + 2), l, {
                  size: SMALL,
                  anchor: 'middle',
                  bold: true,
                }),
              ),
            );
          }
        }
        if (c.stacked) base += v;
      }
      parts.push(text(x + barW / 2, pad.top + plotH + 34, cat.label, { anchor: 'middle' }));
    });
    parts.push(
      `<line x1="${pad.left}" x2="${WIDTH - pad.right}" y1="${y(0)}" y2="${y(0)}" stroke="#616161" stroke-width="2"/>`,
    );
    height = pad.top + plotH + pad.bottom;
  } else {
    const nameW = Math.min(
      360,
      Math.max(120, ...c.categories.map((x) => textWidth(x.label, FONT_SIZE) + 16)),
    );
    const pad = { top: 16, right: 150, bottom: 44, left: nameW + 16 };
    const row = 40;
    const plotH = row * n;
    const plotW = WIDTH - pad.left - pad.right;
    const x = (v: number) => pad.left + (v / top) * plotW;
    for (const t of ticks) {
      parts.push(
        `<line x1="${x(t)}" x2="${x(t)}" y1="${pad.top}" y2="${pad.top + plotH}" stroke="#e0e0e0" stroke-width="1.5"/>`,
        text(x(t), pad.top + plotH + 30, `${t}${unit}`, { size: SMALL, anchor: 'middle', fill: '#424242' }),
      );
    }
    c.categories.forEach((cat, i) => {
      const y0 = pad.top + row * i + 7;
      const barH = row - 14;
      let base = 0;
      for (const s of c.series) {
        const v = s.values[i];
        if (v === null || v === undefined || v <= 0) continue;
        const from = c.stacked ? base : 0;
        const w = x(from + v) - x(from);
        parts.push(
          `<rect x="${x(from).toFixed(1)}" y="${y0}" width="${w.toFixed(1)}" height="${barH}"` +
            ` fill="${s.hatch ? `url(#${hatchId})` : s.color}"/>`,
        );
        const label = s.labels[i];
        if (label) {
          parts.push(
            s.hatch
              ? text(x(from) + w / 2, y0 + barH / 2 + SMALL / 3, label, {
                  size: SMALL,
                  anchor: 'middle',
                  bold: true,
                })
              : text(x(from + v) + 8, y0 + barH / 2 + SMALL / 3, label, { size: SMALL, bold: true }),
          );
        }
        if (c.stacked) base += v;
      }
      let name = cat.label;
      while (textWidth(name, FONT_SIZE) > nameW - 8 && name.length > 2) name = name.slice(0, -2) + '…';
      parts.push(text(pad.left - 10, y0 + barH / 2 + FONT_SIZE / 3, name, { anchor: 'end' }));
    });
    parts.push(
      `<line x1="${pad.left}" x2="${pad.left}" y1="${pad.top}" y2="${pad.top + plotH}" stroke="#616161" stroke-width="2"/>`,
    );
    height = pad.top + plotH + pad.bottom;
  }
  const showLegend = c.series.length > 1;
  const leg = showLegend ? legend(c, height + 4, hatchId) : { svg: '', height: 0 };
  height += leg.height + 8;
  const hatchColour = c.series.find((s) => s.hatch)?.color ?? '#9e9e9e';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">` +
    `<title>${esc(c.title)}</title>` +
    `<defs>${HATCH(hatchId, hatchColour)}</defs>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    parts.join('') +
    leg.svg +
    `</svg>`;
  return { svg, width: WIDTH, height };
}
