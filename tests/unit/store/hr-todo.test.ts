/**
 * HR's 待办 (shared/store/hr-todo.ts) over the example organisation seeded through the signed-record
 * path, and over a small organisation whose roster really travels in bundles: the counts are the 备案
 * page's and 督促检查's own, filing one plan takes one off, and a person sent the roster drops off
 * the list of those still to receive it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTrackingRows } from '../../../shared/domain';
import { seedDatabase } from '../../../shared/seed';
import {
  fileRecord,
  filingYear,
  lastDue,
  readHrTodo,
  readTrackingYear,
  type DutyBookDb,
} from '../../../shared/store';
import { distributeRoster, makeOrg } from '../sync/model/harness';
import { openTestDb } from './helpers';

const TODAY = new Date('2026-11-20T04:00:00Z');

describe('readHrTodo on the example organisation', () => {
  let db: DutyBookDb;

  beforeAll(async () => {
    db = await openTestDb();
    await seedDatabase(db, { seed: 'hr-todo', units: 3, people: 30, years: 1, today: TODAY });
  }, 120_000);

  it('the month and quarter due last are October and the third quarter on 20 November', () => {
    expect(lastDue(TODAY)).toEqual({ month: { year: 2026, month: 10 }, quarter: { year: 2026, quarter: 3 } });
    // In early January the last ones due are the year before's.
    expect(lastDue(new Date(2026, 0, 2))).toEqual({
      month: { year: 2025, month: 11 },
      quarter: { year: 2025, quarter: 3 },
    });
  });

  it('counts what 备案 lists as pending and what 督促检查 shows missing or late, by unit', async () => {
    const todo = await readHrTodo(db, TODAY);
    expect(todo.roster?.people).toBeGreaterThanOrEqual(30);
    const data = (await readTrackingYear(db, 2026, { registers: true }))!;
    const pending = filingYear(data);
    expect(todo.filing).toEqual(
      pending.pendingPlans.length + pending.pendingRegisters.length > 0
        ? [{ year: 2026, plans: pending.pendingPlans.length, registers: pending.pendingRegisters.length }]
        : [],
    );
    const rows = buildTrackingRows({ ...data, now: TODAY });
    const october = (state: string) => rows.filter((r) => r.months[9]!.state === state).length;
    const q3 = (state: string) =>
      rows.flatMap((r) => [r.summaries[2]!, r.evaluations[2]!, r.registers[2]!]).filter((c) => c.state === state).length;
    const sum = (k: 'monthMissing' | 'monthLate' | 'quarterMissing' | 'quarterLate') =>
      todo.lateness.reduce((n, u) => n + u[k], 0);
    expect([sum('monthMissing'), sum('monthLate'), sum('quarterMissing'), sum('quarterLate')]).toEqual([
      october('missing'),
      october('late'),
      q3('missing'),
      q3('late'),
    ]);
    // The example's history has late quarters: the list is not empty.
    expect(sum('quarterLate')).toBeGreaterThan(0);
    for (const u of todo.lateness) expect(data.units.find((x) => x.id === u.unitId)?.name).toBe(u.unitName);

    // Filing one pending plan takes exactly one off the count.
    const first = pending.pendingPlans[0];
    if (first) {
      await fileRecord(db, { what: 'plan', personId: first.plan.personId, year: 2026, version: first.plan.version }, TODAY);
      const after = await readHrTodo(db, TODAY);
      expect(after.filing[0]?.plans ?? 0).toBe(pending.pendingPlans.length - 1);
    }
  });
});

describe('readHrTodo: the roster not yet distributed', () => {
  it('lists everyone with a key until a bundle carrying the roster is written to them', async () => {
    const org = await makeOrg();
    const before = (await readHrTodo(org.hr.db, TODAY)).distribution!;
    expect(before.version).toBe(org.roster.version);
    // Seven people besides HR, every one enrolled.
    expect(before.recipients).toBe(7);
    expect(before.noKey).toBe(0);
    expect(before.notSent.map((p) => p.name)).toContain('张三');
    await distributeRoster(org, ['O1', 'S1']);
    const after = (await readHrTodo(org.hr.db, TODAY)).distribution!;
    expect(after.notSent.map((p) => p.name).sort()).toEqual(['李四', '王五', '赵六', '赵科长', '钱七'].sort());
  });

  it('says nothing waits before a roster is issued', async () => {
    const db = await openTestDb();
    const todo = await readHrTodo(db, TODAY);
    expect(todo).toMatchObject({ roster: null, filing: [], lateness: [], spotChecks: [], distribution: null });
  });
});
