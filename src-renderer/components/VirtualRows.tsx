import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * The rows of a long table body, rendered only where they can be seen: the rows in view (of the
 * table's scrolling container, or of the window) plus `overscan` on each side, between two spacer
 * rows that keep the scroll height right. An organisation of 5,000 people is 5,000 rows; rendering
 * all of them with MUI cells costs about a millisecond each, so a screen would take seconds to open.
 *
 * Row heights need not be equal: the spacers use the average height of the rows rendered so far.
 * Where there is no layout (tests in a DOM without one) or before the first measurement, the first
 * `initial` rows are rendered. Printing renders every row (beforeprint / afterprint). Place the
 * component inside a <TableBody>; give the <Table> `aria-rowcount` for screen readers if the count
 * matters (each row carries its own `aria-rowindex` through `renderRow`).
 */
export function VirtualRows({
  count,
  renderRow,
  colSpan,
  estimate = 37,
  overscan = 12,
  initial = 60,
}: {
  count: number;
  renderRow: (index: number) => ReactNode;
  /** Columns of the table: the spacer rows span them all. */
  colSpan: number;
  /** A row's height in pixels until rows have been measured. */
  estimate?: number;
  overscan?: number;
  initial?: number;
}) {
  const topRef = useRef<HTMLTableRowElement>(null);
  const bottomRef = useRef<HTMLTableRowElement>(null);
  const rowHeight = useRef(estimate);
  const [range, setRange] = useState<readonly [number, number]>(() => [0, Math.min(count, initial)]);
  const [printing, setPrinting] = useState(false);
  const frame = useRef(0);

  const measure = useCallback(() => {
    const top = topRef.current;
    const bottom = bottomRef.current;
    if (!top || !bottom) return;
    const a = top.getBoundingClientRect();
    const b = bottom.getBoundingClientRect();
    if (a.height === 0 && b.height === 0 && a.top === 0 && b.top === 0) return; // no layout here
    setRange(([start, end]) => {
      if (end > start) {
        const measured = (b.top - a.bottom) / (end - start);
        if (measured > 4) rowHeight.current = measured;
      }
      const h = rowHeight.current;
      const scroller = scrollParent(top);
      const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      const viewTop = Math.max(view.top, 0);
      const viewBottom = Math.min(view.bottom, window.innerHeight);
      // Where the rows begin: the bottom edge of the top spacer, minus what the spacer stands for.
      const rowsTop = a.bottom - start * h;
      const first = Math.floor((viewTop - rowsTop) / h) - overscan;
      const last = Math.ceil((viewBottom - rowsTop) / h) + overscan;
      const next0 = Math.max(0, Math.min(count, first));
      const next1 = Math.max(next0, Math.min(count, Math.max(last, next0 + 1)));
      return next0 === start && next1 === end ? [start, end] : [next0, next1];
    });
  }, [count, overscan]);

  const schedule = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      measure();
    });
  }, [measure]);

  // A new count (a filter, new data): keep the window inside it and measure again.
  useLayoutEffect(() => {
    setRange(([s, e]) => {
      const end = Math.min(count, Math.max(e, Math.min(count, initial)));
      return [Math.min(s, end), end];
    });
    schedule();
  }, [count, initial, schedule]);

  // After every render, the measured height may have changed the window.
  useEffect(() => {
    schedule();
  });

  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      if (frame.current) cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [schedule]);

  const [start, end] = printing ? [0, count] : [Math.min(range[0], count), Math.min(range[1], count)];
  const h = rowHeight.current;
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(renderRow(i));
  return (
    <>
      <Spacer ref={topRef} height={start * h} colSpan={colSpan} />
      {rows}
      <Spacer ref={bottomRef} height={(count - end) * h} colSpan={colSpan} />
    </>
  );
}

function Spacer({
  ref,
  height,
  colSpan,
}: {
  ref: React.Ref<HTMLTableRowElement>;
  height: number;
  colSpan: number;
}) {
  return (
    <tr ref={ref} aria-hidden="true" data-virtual-spacer="" style={{ height }}>
      <td colSpan={colSpan} style={{ padding: 0, border: 0, height }} />
    </tr>
  );
}

/** The nearest ancestor that scrolls vertically, or null for the window. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if ((overflowY === 'auto' || overflowY === 'scroll') && p.scrollHeight > p.clientHeight) return p;
  }
  return null;
}
