/**
 * 督促名单: who still owes what, from the grid's rows, grouped by unit and then by supervisor — the
 * list HR prints or sends to chase the missing and returned items.
 */
import type { Cell, CellState } from './tracking-cells';
import type { TrackingRow } from './tracking-grid';

export type ReminderLine = {
  /** The grid row's key (a transferred person has a line per unit they owe something in). */
  key: string;
  personId: string;
  name: string;
  /** What this person still owes, one phrase each: "3月记实簿(缺报)". */
  items: string[];
};

export type ReminderGroup = {
  unitId: string;
  unitName: string;
  supervisorId: string | null;
  /** '' for people with no supervisor on the roster. */
  supervisorName: string;
  lines: ReminderLine[];
};

const owed = (state: CellState) =>
  state === 'missing' ? '缺报' : state === 'returned' ? '已退回待重报' : null;

/**
 * Who is missing what, by unit and then by supervisor: officials for their plan, record books and
 * summaries (in the unit each counts in); supervisors (under their own unit and supervisor) for the
 * evaluations and the filing register they owe — each quarter's to the 主管领导 of that quarter.
 * Late-but-received items are not owed and are left out, and so is what a person does not owe.
 */
export function reminderList(rows: readonly TrackingRow[]): ReminderGroup[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  // A person's latest row (their current unit, for a transfer): where their duties as supervisor go.
  const keyOfPerson = new Map(rows.map((r) => [r.personId, r.key]));
  const lines = new Map<string, ReminderLine>();
  const lineOf = (key: string, personId: string, name: string) => {
    let line = lines.get(key);
    if (!line) {
      line = { key, personId, name, items: [] };
      lines.set(key, line);
    }
    return line;
  };
  for (const r of rows) {
    const mine: string[] = [];
    if (r.plan.state === 'overdue') mine.push('个人年度工作计划(未报送)');
    if (r.plan.state === 'returned') mine.push('个人年度工作计划(已退回待重报)');
    r.months.forEach((c, i) => {
      const why = owed(c.state);
      if (why) mine.push(`${i + 1}月记实簿(${why})`);
    });
    r.summaries.forEach((c, i) => {
      const why = owed(c.state);
      if (why) mine.push(`第${i + 1}季度工作小结(${why})`);
    });
    if (mine.length > 0) lineOf(r.key, r.personId, r.name).items.push(...mine);
  }
  // The supervisors' duties, gathered per supervisor and quarter.
  type Duties = { name: string; evaluations: Map<number, string[]>; registers: Map<number, string[]> };
  const duties = new Map<string, Duties>();
  // A supervisor with no row of their own (outside HR's scope) is listed under the unit of the
  // first person they owe something for.
  const unitOfAbsent = new Map<string, { unitId: string; unitName: string }>();
  const add = (sid: string, c: Cell, r: TrackingRow, kind: 'evaluations' | 'registers', q: number) => {
    let d = duties.get(sid);
    if (!d) {
      const name = c.by === sid && c.byName ? c.byName : sid === r.supervisorId ? r.supervisorName : sid;
      d = { name, evaluations: new Map(), registers: new Map() };
      duties.set(sid, d);
    }
    const names = d[kind].get(q) ?? [];
    if (!names.includes(r.name)) names.push(r.name);
    d[kind].set(q, names);
    if (!keyOfPerson.has(sid) && !unitOfAbsent.has(sid)) unitOfAbsent.set(sid, r);
  };
  for (const r of rows) {
    r.evaluations.forEach((c, i) => {
      const sid = c.by ?? r.supervisorId;
      if (c.state === 'missing' && sid) add(sid, c, r, 'evaluations', i + 1);
    });
    r.registers.forEach((c, i) => {
      const sid = c.by ?? r.supervisorId;
      if (c.state === 'missing' && sid) add(sid, c, r, 'registers', i + 1);
    });
  }
  for (const [supervisorId, d] of duties) {
    const items: string[] = [];
    for (const [q, names] of [...d.evaluations].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度领导评鉴(未评鉴:${names.join('、')})`);
    for (const [q, names] of [...d.registers].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度备案登记表(未登记:${names.join('、')})`);
    const key = keyOfPerson.get(supervisorId) ?? supervisorId;
    if (items.length > 0) lineOf(key, supervisorId, byKey.get(key)?.name ?? d.name).items.push(...items);
  }
  const groups = new Map<string, ReminderGroup>();
  const order: string[] = [];
  const place = (line: ReminderLine) => {
    const row = byKey.get(line.key);
    const unit = row ?? unitOfAbsent.get(line.personId)!;
    const supervisorId = row ? row.supervisorId : null;
    const supervisorName = row ? row.supervisorName : '';
    const key = `${unit.unitId}\u0000${supervisorId ?? ''}`;
    let g = groups.get(key);
    if (!g) {
      g = { unitId: unit.unitId, unitName: unit.unitName, supervisorId, supervisorName, lines: [] };
      groups.set(key, g);
      order.push(key);
    }
    g.lines.push(line);
  };
  // Rows are in display order (unit, then name): keep it.
  for (const r of rows) {
    const line = lines.get(r.key);
    if (line) place(line);
  }
  for (const [key, line] of lines) if (!byKey.has(key)) place(line);
  return order.map((k) => groups.get(k)!);
}

/** The number of people and of items in a reminder list. */
export function reminderTotals(groups: readonly ReminderGroup[]): { people: number; items: number } {
  let people = 0;
  let items = 0;
  for (const g of groups) {
    people += g.lines.length;
    for (const l of g.lines) items += l.items.length;
  }
  return { people, items };
}
