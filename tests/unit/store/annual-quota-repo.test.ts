import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  readAnnualMarkings,
  readAnnualQuotas,
  readAnnualReport,
  saveAnnualMarking,
  saveAnnualQuota,
  type DutyBookDb,
} from '../../../shared/store';
import { PEOPLE, makeOrg, type PersonSpec } from '../sync/model/harness';

const open: DutyBookDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

/** The harness's organisation plus an HR clerk without the 公务员 role and a new 公务员 on probation. */
async function setUp() {
  const people = [
    ...PEOPLE,
    { id: 'C', name: '人事干事', unitId: '1', roles: ['hr'], supervisorId: null },
    {
      id: 'N',
      name: '新录用',
      unitId: '1',
      roles: ['official'],
      supervisorId: 'S1',
      joinedOn: '2026-07-15',
      probationEnd: '2027-07-14',
    },
  ] as PersonSpec[];
  const org = await makeOrg({ people });
  open.push(...Object.values(org.devices).map((d) => d.db));
  return org;
}

const rowOf = (report: NonNullable<Awaited<ReturnType<typeof readAnnualReport>>>, id: string) =>
  report.linkage.units.flatMap((u) => u.rows).find((r) => r.personId === id);

describe('the 年度考核 report from the roster’s periods', () => {
  it('leaves out the clerk without the 公务员 role, grades no one on probation, and counts only the graded', async () => {
    const org = await setUp();
    const report = (await readAnnualReport(org.hr.db, 2026))!;
    expect(rowOf(report, 'C')!.participation.kind).toBe('notParticipating');
    const n = rowOf(report, 'N')!;
    expect(n.participation).toEqual({
      kind: 'ungraded',
      reason: '新录用为新录用公务员,试用期至2027年7月14日,在试用期内参加年度考核,只写评语,不确定等次',
    });
    expect(n.memberFrom).toBe('2026-07-15');
    const office = report.linkage.units.find((u) => u.unitId === '1')!;
    // 办公室: H, S1, O1, O2, O3 graded; the clerk and the new 公务员 listed but not counted.
    expect(office.headcount).toBe(5);
    expect(office.memberCount).toBe(7);
  }, 60_000);

  it('saves a quota per unit and year, refuses a bad one storing nothing, and the report uses it', async () => {
    const org = await setUp();
    const db = org.hr.db;
    const input = { year: 2026, unitId: '1', unitName: '办公室', headcount: 5 };
    for (const bad of ['9', '-1', '1.5', '']) {
      await expect(saveAnnualQuota(db, { ...input, quota: bad })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(await readAnnualQuotas(db, 2026)).toEqual({});
    await saveAnnualQuota(db, { ...input, quota: '2' });
    expect(await readAnnualQuotas(db, 2026)).toEqual({ '1': 2 });
    expect(await readAnnualQuotas(db, 2027)).toEqual({});
    const office = (await readAnnualReport(db, 2026))!.linkage.units.find((u) => u.unitId === '1')!;
    expect([office.quota, office.quotaSet, office.defaultQuota]).toEqual([2, true, 1]);
    await saveAnnualQuota(db, { ...input, quota: null });
    expect(await readAnnualQuotas(db, 2026)).toEqual({});
  }, 60_000);

  it('keeps HR’s marking per year; a marking without a reason is refused and changes nothing', async () => {
    const org = await setUp();
    const db = org.hr.db;
    await expect(
      saveAnnualMarking(db, {
        year: 2026,
        personId: 'O2',
        marking: { kind: 'notParticipating', reason: ' ' },
      }),
    ).rejects.toThrow('请写明原因');
    expect(await readAnnualMarkings(db, 2026)).toEqual({});
    await saveAnnualMarking(db, {
      year: 2026,
      personId: 'O2',
      marking: { kind: 'notParticipating', reason: '病、事假累计超过考核年度半年,不进行年度考核' },
    });
    const report = (await readAnnualReport(db, 2026))!;
    expect(rowOf(report, 'O2')!.participation).toEqual({
      kind: 'notParticipating',
      reason: '李四:病、事假累计超过考核年度半年,不进行年度考核(人事部门标记)',
    });
    expect((await readAnnualReport(db, 2027))!.markings).toEqual({});
  }, 60_000);
});
