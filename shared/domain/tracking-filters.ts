/**
 * What the 督促检查 screen shows of the grid: the cells of a view (monthly or quarterly), the rows a
 * unit and a state filter keep, and the per-unit counts by state.
 */
import { isWithinUnit } from './org';
import { CELL_STATES, type Cell, type CellState, type PlanCellState } from './tracking-cells';
import type { TrackedUnit, TrackingRow } from './tracking-grid';

export type TrackingView = 'monthly' | 'quarterly';
export type StateFilter = 'all' | 'problems' | CellState | `plan:${PlanCellState}`;

/** The cells a view shows, besides the plan. */
export function cellsOf(row: TrackingRow, view: TrackingView): Cell[] {
  return view === 'monthly' ? row.months : [...row.summaries, ...row.evaluations, ...row.registers];
}

const PROBLEM_STATES: ReadonlySet<CellState> = new Set(['missing', 'late', 'returned']);

export function rowMatches(row: TrackingRow, view: TrackingView, filter: StateFilter): boolean {
  if (filter === 'all') return true;
  if (filter.startsWith('plan:')) return row.plan.state === filter.slice(5);
  const cells = cellsOf(row, view);
  if (filter === 'problems') {
    return (
      cells.some((c) => PROBLEM_STATES.has(c.state)) ||
      row.plan.state === 'overdue' ||
      row.plan.state === 'returned'
    );
  }
  return cells.some((c) => c.state === filter);
}

/** The people of a unit and everything below it (by the unit's path); null keeps everyone. */
export function filterRows(
  rows: readonly TrackingRow[],
  units: readonly TrackedUnit[],
  options: { unitId: string | null; view: TrackingView; filter: StateFilter },
): TrackingRow[] {
  const paths = new Map(units.map((u) => [u.id, u.path]));
  const scope = options.unitId === null ? null : paths.get(options.unitId);
  return rows.filter((r) => {
    if (options.unitId !== null) {
      const path = paths.get(r.unitId);
      if (!scope || path === undefined || !isWithinUnit(path, scope)) return false;
    }
    return rowMatches(r, options.view, options.filter);
  });
}

export type UnitCounts = {
  unitId: string;
  unitName: string;
  people: number;
  counts: Record<CellState, number>;
  planUnfiled: number;
};

/** Per unit (each person counted in their own unit), the cells of the view by state. */
export function countByUnit(rows: readonly TrackingRow[], view: TrackingView): UnitCounts[] {
  const out = new Map<string, UnitCounts>();
  for (const r of rows) {
    let u = out.get(r.unitId);
    if (!u) {
      const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<CellState, number>;
      u = { unitId: r.unitId, unitName: r.unitName, people: 0, counts, planUnfiled: 0 };
      out.set(r.unitId, u);
    }
    u.people += 1;
    for (const c of cellsOf(r, view)) u.counts[c.state] += 1;
    if (r.plan.state !== 'filed' && r.plan.state !== 'notRequired') u.planUnfiled += 1;
  }
  return [...out.values()];
}
