/**
 * The person-year status rows (shared/store/status.ts) are kept up to date by every import, every
 * signed decision and every submission — and always equal what a full rebuild from the tables gives.
 */
import { describe, expect, it } from 'vitest';
import {
  decidePlan,
  digestOf,
  fileRecord,
  readYearStatus,
  rebuildStatus,
  recordFeedback,
  returnRecordBook,
  signEvaluation,
  signRegister,
  type DutyBookDb,
  viewOfDigest,
  type EvaluationFormInput,
} from '../../../../shared/store';
import { acknowledgeFeedback, readTrackingYear } from '../../../../shared/store';
import { buildTrackingRows } from '../../../../shared/domain';
import { makeOrg, receive, send, writePlan, writeRecord, writeSummary, type Device } from './harness';

async function exchange(from: Device, to: Device) {
  return receive(to, (await send(from, to)).bytes);
}

const grade = (
  subject: string,
  quarter: 1 | 2 = 1,
  g: 'good' | 'average' = 'good',
  correctionReason?: string,
): EvaluationFormInput => ({
  subject,
  year: 2026,
  quarter,
  method: 'grade',
  grade: g,
  bonuses: [],
  peerOpinion: { consulted: 5, scope: '科室', gist: '认真' },
  publicFeedback: null,
  opinion: '完成任务',
  evidence: { recordVersions: [] },
  ...(correctionReason ? { correctionReason } : {}),
});

/** The status rows as held, with their id lists sorted (their order depends on arrival). */
async function held(db: DutyBookDb) {
  const rows = await db.personYears.toArray();
  return JSON.stringify(
    rows
      .map((r) => ({
        ...r,
        feedback: Object.fromEntries(
          Object.entries(r.feedback).map(([q, f]) => [
            q,
            { ids: [...f.ids].sort(), acked: [...f.acked].sort() },
          ]),
        ),
        registers: Object.fromEntries(
          Object.entries(r.registers).map(([q, g]) => [q, { ...g, filed: [...g.filed].sort() }]),
        ),
      }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  );
}

/** Every status row's digest (what HR's screens read) is the digest of the row as held. */
async function digestsFollow(db: DutyBookDb) {
  const rows = await db.personYears.toArray();
  const digests = new Map((await db.statusDigests.toArray()).map((d) => [d.id, viewOfDigest(d)]));
  expect(digests).toEqual(new Map(rows.map((r) => [r.id, viewOfDigest(digestOf(r))])));
}

async function rebuilt(db: DutyBookDb) {
  await db.transaction('rw', db.tables, () => rebuildStatus(db));
  return held(db);
}

describe('person-year status rows', () => {
  it('follow imports, decisions, corrections, acknowledgements and filings; a rebuild gives the same rows', async () => {
    const org = await makeOrg();
    const d = org.devices;
    for (const id of Object.keys(d)) if (id !== 'H') await exchange(org.hr, d[id]!);
    const { S1, O1, O2 } = { S1: d.S1!, O1: d.O1!, O2: d.O2! };
    const hr = org.hr;
    await writePlan(O1, ['编制部门预算']);
    await writeRecord(O1, 1, '一月');
    await writeRecord(O1, 2, '二月');
    await writeSummary(O1, 1, '一季度按计划完成预算编审和暂付款清理工作,考勤正常。');
    await writePlan(O2, ['清理暂付款']);
    // The official's own submissions show on their own device.
    const own = (await readYearStatus(O1.db, 2026))[0]!;
    expect(own.plan?.state).toBe('submitted');
    expect(Object.keys(own.months)).toEqual(['1', '2']);
    await exchange(O1, S1);
    await exchange(O2, S1);
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '' });
    await returnRecordBook(S1.db, { personId: 'O1', year: 2026, month: 2, version: 1, reason: '补充' });
    await signEvaluation(S1.db, grade('O1', 1, 'average'));
    await signEvaluation(S1.db, grade('O1', 1, 'good', '漏计专项任务'));
    await signEvaluation(S1.db, grade('O2'));
    await signEvaluation(S1.db, grade('O3'));
    const talk = await recordFeedback(S1.db, {
      personId: 'O1',
      year: 2026,
      quarter: 1,
      kind: 'talk',
      date: '2026-04-08',
      place: '办公室',
      participants: '王主任、张三',
      content: '肯定',
      improvements: '学习',
    });
    await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '属实' });
    const sup = new Map((await readYearStatus(S1.db, 2026)).map((r) => [r.personId, r]));
    expect(sup.get('O1')).toMatchObject({
      plan: { state: 'approved', version: 1 },
      months: { 1: { state: 'submitted' }, 2: { state: 'returned' } },
      summaries: { 1: { state: 'submitted' } },
      evaluations: { 1: { version: 2, grade: 'good' } },
      feedback: { 1: { ids: [talk.id], acked: [] } },
    });
    expect(sup.get('S1')?.registers[1]).toMatchObject({ version: 1, filed: [] });
    await digestsFollow(S1.db);
    await digestsFollow(O1.db);
    expect(await held(S1.db)).toBe(await rebuilt(S1.db));

    await exchange(S1, O1);
    await acknowledgeFeedback(O1.db, talk.id, '同意');
    await exchange(O1, S1);
    expect((await readYearStatus(S1.db, 2026)).find((r) => r.personId === 'O1')?.feedback[1]?.acked).toEqual([
      talk.id,
    ]);
    await exchange(S1, hr);
    await fileRecord(hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 });
    await fileRecord(hr.db, { what: 'register', personId: 'S1', year: 2026, quarter: 1, version: 1 });
    const atHr = new Map((await readYearStatus(hr.db, 2026)).map((r) => [r.personId, r]));
    expect(atHr.get('O1')?.plan?.state).toBe('filed');
    expect(atHr.get('S1')?.registers[1]).toMatchObject({ version: 1, filed: [1] });
    // Who the register listed, and when: the grid's register column reads it from the status rows.
    const register = (await hr.db.registers.toArray())[0]!;
    expect(atHr.get('S1')?.registers[1]?.listed?.O1).toBe(register.signedAt);
    const tracking = (await readTrackingYear(hr.db, 2026))!;
    const grid = buildTrackingRows({ ...tracking, now: new Date('2026-12-31T00:00:00Z') });
    expect(grid.find((r) => r.personId === 'O1')?.registers[0]).toMatchObject({ at: register.signedAt });
    expect(grid.find((r) => r.personId === 'O1')?.registers[1]?.state).toBe('missing');
    await digestsFollow(hr.db);
    expect(await held(hr.db)).toBe(await rebuilt(hr.db));
    await digestsFollow(hr.db);
  });
});
