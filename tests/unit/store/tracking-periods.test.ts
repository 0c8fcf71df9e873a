/**
 * Who owes what, month by month, follows the roster's dated periods (issue 21, finding 4): nothing
 * before a person's start or after their leaving is 缺报, people without the 公务员 role are neither
 * tracked nor counted, and a transfer counts in the unit the person was in each month — in 督促检查
 * (readTrackingYear → buildTrackingRows) and in 统计分析 (readHrYear → yearStatistics). Real devices,
 * a real signed roster issued from HR's people table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildTrackingRows,
  countByUnit,
  reminderList,
  yearStatistics,
  type TrackingRow,
} from '../../../shared/domain';
import { markPersonLeft, movePerson, readHrYear, readTrackingYear } from '../../../shared/store';
import {
  PEOPLE,
  issueRoster,
  makeOrg,
  receive,
  send,
  writeRecord,
  type Org,
  type PersonSpec,
} from '../sync/model/harness';

/** 20 January 2027: every deadline of 2026 has passed. */
const NOW = new Date(2027, 0, 20, 9);

let org: Org;

beforeAll(async () => {
  org = await makeOrg({
    people: [
      ...PEOPLE,
      // Joined on 1 December 2026: nothing before December is owed.
      {
        id: 'O6',
        name: '周九',
        unitId: '1',
        roles: ['official'],
        supervisorId: 'S1',
        joinedOn: '2026-12-01',
      } as PersonSpec,
      // An HR clerk without the 公务员 role: never assessed.
      { id: 'H2', name: '吴十', unitId: '1', roles: ['hr'], supervisorId: null },
    ],
  });
  // 钱七 leaves on 15 September; 王五 moves from 办公室 to 法规科 on 1 July.
  await markPersonLeft(org.hr.db, 'O5', '2026-09-15');
  await movePerson(org.hr.db, 'O3', '10', '2026-07-01');
  await issueRoster(org.hr, org.orgKey, Object.values(org.devices));
  // 王五 writes January and August; both reach HR through the supervisor.
  const O3 = org.devices.O3!;
  const S1 = org.devices.S1!;
  await receive(O3, (await send(org.hr, O3)).bytes);
  await receive(S1, (await send(org.hr, S1)).bytes);
  await writeRecord(O3, 1, '一月工作', 20);
  await writeRecord(O3, 8, '八月工作', 250); // 8 September: after the 5 September deadline
  await receive(S1, (await send(O3, S1)).bytes);
  await receive(org.hr, (await send(S1, org.hr)).bytes);
}, 120_000);

async function grid(): Promise<TrackingRow[]> {
  const data = (await readTrackingYear(org.hr.db, 2026))!;
  return buildTrackingRows({ ...data, now: NOW });
}

const rowsOf = (rows: TrackingRow[], personId: string) => rows.filter((r) => r.personId === personId);

describe('督促检查 follows the roster’s periods', () => {
  it('an HR clerk without the 公务员 role has no row and owes nothing', async () => {
    const rows = await grid();
    expect(rowsOf(rows, 'H2')).toEqual([]);
    expect(reminderList(rows).flatMap((g) => g.lines.map((l) => l.personId))).not.toContain('H2');
  });

  it('someone who joined in December owes December only, and says why the months before are not owed', async () => {
    const [row] = rowsOf(await grid(), 'O6');
    expect(row).toBeDefined();
    expect(row!.months.slice(0, 11).map((c) => c.state)).toEqual(Array(11).fill('notRequired'));
    expect(row!.months[0]!.reason).toBe('2026年12月1日入职(调入),此前不需填报');
    expect(row!.months[11]!.state).toBe('missing');
    // Q4's summary is owed (a day of Q4 counts); Q1–Q3 are not.
    expect(row!.summaries.map((c) => c.state)).toEqual([
      'notRequired',
      'notRequired',
      'notRequired',
      'missing',
    ]);
    // Q4's evaluation is due by 20 January 2027: today, so not yet missing.
    expect(row!.evaluations.map((c) => c.state)).toEqual([
      'notRequired',
      'notRequired',
      'notRequired',
      'pending',
    ]);
    // A plan for a December starter is due a month after starting (by 31 January), not 31 January 2026.
    expect(row!.plan.state).toBe('none');
    expect(row!.plan.due).toBe('2027-01-31');
    const line = reminderList(rowsOf(await grid(), 'O6')).flatMap((g) => g.lines)[0]!;
    expect(line.items).toEqual(['12月记实簿(缺报)', '第4季度工作小结(缺报)']);
  });

  it('someone who left in September is still tracked for January to September, and owes nothing after', async () => {
    const [row] = rowsOf(await grid(), 'O5');
    expect(row).toBeDefined();
    expect(row!.months.slice(0, 9).map((c) => c.state)).toEqual(Array(9).fill('missing'));
    expect(row!.months.slice(9).map((c) => c.state)).toEqual(Array(3).fill('notRequired'));
    expect(row!.months[9]!.reason).toBe('自2026年9月15日起离职(调出),此后不需填报');
    expect(row!.summaries[3]!.state).toBe('notRequired');
    expect(row!.evaluations[2]!.state).toBe('missing'); // Q3: in the unit until 14 September
  });

  it('a transfer counts in each unit for the months the person was there', async () => {
    const rows = await grid();
    const mine = rowsOf(rows, 'O3');
    expect(mine.map((r) => r.unitName)).toEqual(['办公室', '法规科']);
    const [before, after] = mine as [TrackingRow, TrackingRow];
    expect(before.months.map((c) => c.state)).toEqual([
      'submitted',
      ...Array(5).fill('missing'),
      ...Array(6).fill('notRequired'),
    ]);
    expect(before.months[6]!.reason).toBe('2026年7月1日调往法规科,此后计入法规科');
    expect(after.months.map((c) => c.state)).toEqual([
      ...Array(6).fill('notRequired'),
      'missing',
      'late',
      ...Array(4).fill('missing'),
    ]);
    expect(after.months[0]!.reason).toBe('2026年7月1日由办公室调入,此前计入办公室');
    // The plan is owed once, in the unit the person was in when it was due.
    expect(before.plan.state).toBe('overdue');
    expect(after.plan.state).toBe('notRequired');
    const counts = new Map(countByUnit(rows, 'monthly').map((c) => [c.unitName, c]));
    // 办公室: H, S1, O1, O2 (12 months each), O3 (6), O6 (1).
    expect(counts.get('办公室')!.counts.missing + counts.get('办公室')!.counts.submitted).toBe(
      4 * 12 + 6 + 1,
    );
    // 法规科: S2, O4 (12 each), O3 (6), O5 (9).
    expect(
      counts.get('法规科')!.counts.missing +
        counts.get('法规科')!.counts.submitted +
        counts.get('法规科')!.counts.late,
    ).toBe(2 * 12 + 6 + 9);
  });
});

describe('统计分析 counts only those expected', () => {
  it('denominators: 公务员 in the unit that month or quarter, in the unit they were in', async () => {
    const data = (await readHrYear(org.hr.db, 2026))!;
    expect(data.people.map((p) => p.personId)).not.toContain('H2');
    expect(data.people.map((p) => p.personId)).toContain('O5');
    const stats = yearStatistics(data);
    // January: H, S1, S2, O1–O5 (8); December: H, S1, S2, O1–O4, O6 (8, 钱七 gone, 周九 come).
    expect(stats.completion.recordsByMonth[0]).toMatchObject({ done: 1, total: 8 });
    expect(stats.completion.recordsByMonth[7]).toMatchObject({ done: 1, total: 8 });
    expect(stats.completion.recordsByMonth[10]!.total).toBe(7);
    expect(stats.completion.recordsByMonth[11]!.total).toBe(8);
    const assessed = (unit: string, q: number) =>
      stats.distribution.find((d) => d.unitName === unit && d.quarter === q)!.assessed;
    expect([1, 2, 3, 4].map((q) => assessed('办公室', q))).toEqual([5, 5, 4, 5]);
    expect([1, 2, 3, 4].map((q) => assessed('法规科', q))).toEqual([3, 3, 4, 3]);
    expect(stats.completion.evaluationsByQuarter.map((r) => r.total)).toEqual([8, 8, 8, 8]);
  });
});
