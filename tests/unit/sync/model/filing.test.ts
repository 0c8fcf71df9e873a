/**
 * 备案回执 through real bundles: HR files an approved plan and a signed register; the receipt travels
 * back and the plan shows 已备案 with the date on the official's and the supervisor's devices.
 */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  decidePlan,
  fileRecord,
  listFilings,
  listSpotChecks,
  readPersonYear,
  saveSpotCheck,
  signEvaluation,
  signRegister,
  type EvaluationFormInput,
} from '../../../../shared/store';
import { makeOrg, receive, send, writePlan, type Device } from './harness';

async function exchange(from: Device, to: Device) {
  return receive(to, (await send(from, to)).bytes);
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const d = describeError(e);
    return d.fields[0]?.message ?? d.detail;
  }
  throw new Error('expected a refusal');
}

const grade = (subject: string): EvaluationFormInput => ({
  subject,
  year: 2026,
  quarter: 1,
  method: 'grade',
  grade: 'fairlyGood',
  bonuses: [],
  peerOpinion: { consulted: 5, scope: '科室', gist: '认真' },
  publicFeedback: null,
  opinion: '完成任务',
  evidence: { recordVersions: [] },
});

async function setup() {
  const org = await makeOrg();
  const d = org.devices;
  for (const id of Object.keys(d)) if (id !== 'H') await exchange(org.hr, d[id]!);
  return { hr: org.hr, S1: d.S1!, O1: d.O1! };
}

describe('备案', () => {
  it('an approved plan is filed; the receipt makes it 已备案 on every device; refusals write nothing', async () => {
    const { hr, S1, O1 } = await setup();
    await writePlan(O1, ['编制部门预算']);
    await exchange(O1, S1);
    await exchange(S1, hr);
    expect(await refusal(fileRecord(hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 }))).toBe(
      '张三的计划尚未经主管领导核准,不能备案。',
    );
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
    await exchange(S1, hr);
    expect(await refusal(fileRecord(S1.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 }))).toBe(
      '只有人事部门可以备案。',
    );
    const receipt = await fileRecord(
      hr.db,
      { what: 'plan', personId: 'O1', year: 2026, version: 1 },
      new Date('2026-02-01T02:00:00Z'),
    );
    expect(receipt).toMatchObject({ what: 'plan', version: 1, clerk: '人事科' });
    expect((await readPersonYear(hr.db, 'O1', 2026)).plan).toMatchObject({
      state: 'filed',
      filedAt: '2026-02-01T02:00:00.000Z',
    });
    expect(await refusal(fileRecord(hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 }))).toBe(
      '已于2026年2月1日备案,无需重复备案。',
    );
    await exchange(hr, O1);
    await exchange(hr, S1);
    for (const d of [O1, S1]) {
      expect((await readPersonYear(d.db, 'O1', 2026)).plan).toMatchObject({
        state: 'filed',
        filedAt: '2026-02-01T02:00:00.000Z',
      });
      expect(await listFilings(d.db, 'O1', 2026)).toHaveLength(1);
    }
  });

  it('a signed register is filed and the receipt reaches the supervisor', async () => {
    const { hr, S1 } = await setup();
    for (const p of ['O1', 'O2', 'O3']) await signEvaluation(S1.db, grade(p));
    await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '属实' });
    expect(
      await refusal(
        fileRecord(hr.db, { what: 'register', personId: 'S1', year: 2026, quarter: 1, version: 1 }),
      ),
    ).toBe('尚未收到王主任第1季度备案登记表第1版。');
    await exchange(S1, hr);
    await fileRecord(hr.db, { what: 'register', personId: 'S1', year: 2026, quarter: 1, version: 1 });
    await exchange(hr, S1);
    expect((await listFilings(S1.db, 'S1', 2026)).map((r) => [r.what, r.quarter, r.version])).toEqual([
      ['register', 1, 1],
    ]);
  });

  it('spot checks need findings unless nothing was wrong, and corrections once corrected', async () => {
    const { hr } = await setup();
    const base = {
      personId: 'O1',
      year: 2026,
      month: 3,
      chosen: 'random' as const,
      findings: '',
      corrections: '',
      state: 'open' as const,
    };
    expect(await refusal(saveSpotCheck(hr.db, base))).toBe('请填写检查发现的问题;没有问题的请选择“无问题”');
    const saved = await saveSpotCheck(hr.db, { ...base, findings: '3月考勤与请假单不符' });
    expect(await refusal(saveSpotCheck(hr.db, { ...saved, state: 'corrected' }))).toBe('请填写整改情况');
    await saveSpotCheck(hr.db, { ...saved, state: 'corrected', corrections: '已补充请假单' });
    expect((await listSpotChecks(hr.db, 2026)).map((c) => [c.state, c.corrections])).toEqual([
      ['corrected', '已补充请假单'],
    ]);
  });
});
