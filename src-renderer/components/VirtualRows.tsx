import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * The rows of a long table body, rendered only where they can be seen: the rows in view (of the
 * table's scrolling container, or of the window) plus `overscan` on each side, between two spacer
 * rows that keep the scroll height right. An organisation of 5,000 people is 5,000 rows; rendering
 * all of them with MUI cells costs about a millisecond each, so a screen would take seconds to open.
 *
 * Row heights need not be equal: each rendered row's height is kept by index, and rows not yet
 * rendered count as the average of those measured.
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

  const heights = useRef(new Map<number, number>());

  const measure = useCallback(() => {
    const top = topRef.current;
    const bottom = bottomRef.current;
    if (!top || !bottom) return;
    const a = top.getBoundingClientRect();
    const b = bottom.getBoundingClientRect();
    if (a.height === 0 && b.height === 0 && a.top === 0 && b.top === 0) return; // no layout here
    setRange((prev) => {
      const [start, end] = prev;
      // Each rendered row's own height, kept by index: positions then stay put as rows come and go.
      let k = start;
      for (let el = top.nextElementSibling; el && el !== bottom; el = el.nextElementSibling, k++) {
        const h = el.getBoundingClientRect().height;
        if (h > 0) heights.current.set(k, h);
      }
      if (heights.current.size > 0) {
        let sum = 0;
        for (const h of heights.current.values()) sum += h;
        rowHeight.current = sum / heights.current.size;
      }
      const h = (i: number) => heights.current.get(i) ?? rowHeight.current;
      const scroller = scrollParent(top);
      const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      // The rows' own coordinates: 0 is where the first row begins (the top spacer's top edge).
      const from = Math.max(view.top, 0) - a.top;
      const to = Math.min(view.bottom, window.innerHeight) - a.top;
      let first = 0;
      let y = 0;
      while (first < count && y + h(first) <= from) y += h(first++);
      let last = first;
      while (last < count && y < to) y += h(last++);
      // Keep the window while it still covers what is in view and is not much larger (no flicker
      // between two windows when measured heights differ from the estimate).
      // (The same state object when nothing changes: a new array would render again, every frame.)
      if (start <= first && end >= last && end - start <= last - first + 4 * overscan) return prev;
      const next0 = Math.max(0, first - overscan);
      const next1 = Math.min(count, Math.max(last + overscan, next0 + 1));
      return next0 === start && next1 === end ? prev : [next0, next1];
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
    heights.current.clear(); // other rows under the same indexes now
    setRange((prev) => {
      const end = Math.min(count, Math.max(prev[1], Math.min(count, initial)));
      const start = Math.min(prev[0], end);
      return start === prev[0] && end === prev[1] ? prev : [start, end];
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
  const h = (i: number) => heights.current.get(i) ?? rowHeight.current;
  let above = 0;
  for (let i = 0; i < start; i++) above += h(i);
  let below = 0;
  for (let i = end; i < count; i++) below += h(i);
  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) rows.push(renderRow(i));
  return (
    <>
      <Spacer ref={topRef} height={above} colSpan={colSpan} />
      {rows}
      <Spacer ref={bottomRef} height={below} colSpan={colSpan} />
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
