/**
 * 督促名单: who still owes what, from the grid's rows, grouped by unit and then by supervisor — the
 * list HR prints or sends to chase the missing and returned items.
 */
import type { CellState } from './tracking-cells';
import type { TrackingRow } from './tracking-grid';

export type ReminderLine = {
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
 * summaries; supervisors (under their own unit and supervisor) for the evaluations and the filing
 * register they owe. Late-but-received items are not owed and are left out.
 */
export function reminderList(rows: readonly TrackingRow[]): ReminderGroup[] {
  const byPerson = new Map(rows.map((r) => [r.personId, r]));
  const lines = new Map<string, ReminderLine>();
  const lineOf = (personId: string, name: string) => {
    let line = lines.get(personId);
    if (!line) {
      line = { personId, name, items: [] };
      lines.set(personId, line);
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
    if (mine.length > 0) lineOf(r.personId, r.name).items.push(...mine);
  }
  // The supervisors' duties, gathered per supervisor and quarter.
  const duties = new Map<
    string,
    { name: string; evaluations: Map<number, string[]>; registers: Map<number, string[]> }
  >();
  for (const r of rows) {
    const sid = r.supervisorId;
    if (!sid) continue;
    const d = duties.get(sid) ?? {
      name: r.supervisorName,
      evaluations: new Map<number, string[]>(),
      registers: new Map<number, string[]>(),
    };
    duties.set(sid, d);
    r.evaluations.forEach((c, i) => {
      if (c.state === 'missing') d.evaluations.set(i + 1, [...(d.evaluations.get(i + 1) ?? []), r.name]);
    });
    r.registers.forEach((c, i) => {
      if (c.state === 'missing') d.registers.set(i + 1, [...(d.registers.get(i + 1) ?? []), r.name]);
    });
  }
  for (const [supervisorId, d] of duties) {
    const items: string[] = [];
    for (const [q, names] of [...d.evaluations].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度领导评鉴(未评鉴:${names.join('、')})`);
    for (const [q, names] of [...d.registers].sort((a, b) => a[0] - b[0]))
      items.push(`第${q}季度备案登记表(未登记:${names.join('、')})`);
    if (items.length > 0)
      lineOf(supervisorId, byPerson.get(supervisorId)?.name ?? d.name).items.push(...items);
  }
  // Group: a supervisor outside the rows (HR's scope) still gets a group, under the unit of their people.
  const groups = new Map<string, ReminderGroup>();
  const order: string[] = [];
  const unitOfAbsent = new Map<string, { unitId: string; unitName: string }>();
  for (const r of rows)
    if (r.supervisorId && !byPerson.has(r.supervisorId) && !unitOfAbsent.has(r.supervisorId))
      unitOfAbsent.set(r.supervisorId, r);
  const place = (line: ReminderLine) => {
    const row = byPerson.get(line.personId);
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
    const line = lines.get(r.personId);
    if (line) place(line);
  }
  for (const [id, line] of lines) if (!byPerson.has(id)) place(line);
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
