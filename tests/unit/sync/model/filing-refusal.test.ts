/**
 * 不予备案(退回) through real bundles: HR refuses a plan version and a register version with a reason;
 * the signed refusal reaches the official's and the supervisor's devices, who see it and correct;
 * the corrected version is then filed. Refusals that do not fit say why in Chinese and write nothing.
 */
import { describe, expect, it } from 'vitest';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  decidePlan,
  fileRecord,
  filingYear,
  readTrackingYear,
  listFilings,
  listRefusals,
  listRecentAudit,
  getPlan,
  refuseFiling,
  savePlanDraft,
  signEvaluation,
  signRegister,
  submitPlan,
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
  return { hr: org.hr, S1: d.S1!, S2: d.S2!, O1: d.O1!, O4: d.O4! };
}

const plan1 = { what: 'plan' as const, personId: 'O1', year: 2026, version: 1 };

describe('不予备案', () => {
  it('a refused plan goes back to the official as 已退回 with the reason; the corrected version is filed', async () => {
    const { hr, S1, O1 } = await setup();
    await writePlan(O1, ['编制部门预算']);
    await exchange(O1, S1);
    expect(await refusal(refuseFiling(hr.db, { ...plan1, reason: '缺少量化指标' }))).toBe(
      '尚未收到张三的2026年度个人工作计划。',
    );
    await exchange(S1, hr);
    expect(await refusal(refuseFiling(hr.db, { ...plan1, reason: '缺少量化指标' }))).toBe(
      '张三的计划尚未经主管领导核准,还不到备案环节;需要修改的请由主管领导退回。',
    );
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
    await exchange(S1, hr);
    expect(await refusal(refuseFiling(hr.db, { ...plan1, reason: '   ' }))).toBe('请填写不予备案的原因');
    expect(await refusal(refuseFiling(S1.db, { ...plan1, reason: '缺少量化指标' }))).toBe(
      '只有人事部门可以不予备案。',
    );
    expect(await listRefusals(hr.db, 'O1', 2026)).toEqual([]);

    const at = new Date('2026-02-03T02:00:00Z');
    const r = await refuseFiling(hr.db, { ...plan1, reason: '第1项目标要求缺少量化指标' }, at);
    expect(r).toMatchObject({ what: 'plan', version: 1, clerk: '人事科', reason: '第1项目标要求缺少量化指标' });
    expect(await refusal(refuseFiling(hr.db, { ...plan1, reason: '再退' }))).toBe(
      '这一版已于2026年2月3日不予备案(退回),无需重复退回。',
    );
    expect(await refusal(fileRecord(hr.db, plan1))).toBe(
      '这一版已于2026年2月3日不予备案(退回),请等修改后重新报送的新版本再备案。',
    );
    expect((await listRecentAudit(hr.db, 1))[0]?.summary).toBe(
      '不予备案 张三 2026年度个人工作计划 第1版,原因:第1项目标要求缺少量化指标',
    );
    // HR's own status row: the plan is 已退回, not 待备案.
    expect((await hr.db.personYears.get('O1/2026'))?.plan).toMatchObject({
      state: 'returned',
      refusedAt: '2026-02-03T02:00:00.000Z',
    });

    await exchange(hr, O1);
    await exchange(hr, S1);
    for (const d of [O1, S1]) {
      const p = await getPlan(d.db, 'O1', 2026);
      expect(p).toMatchObject({
        state: 'returned',
        filingRefusal: { reason: '第1项目标要求缺少量化指标', refusedAt: at.toISOString(), clerk: '人事科' },
      });
      expect(await listRefusals(d.db, 'O1', 2026)).toHaveLength(1);
    }

    // The official corrects and resubmits; the refusal stays with version 1 only.
    const current = (await getPlan(O1.db, 'O1', 2026))!;
    await savePlanDraft(O1.db, 'O1', 2026, [{ ...current.items[0]!, target: '12月底前完成,误差不超过1%' }]);
    const v2 = await submitPlan(O1.db, 'O1', 2026);
    expect(v2).toMatchObject({ state: 'submitted', version: 2 });
    expect(v2.filingRefusal).toBeUndefined();
    await exchange(O1, S1);
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 2, decision: 'approve', opinion: '同意' });
    await exchange(S1, hr);
    expect(await getPlan(hr.db, 'O1', 2026)).toMatchObject({ state: 'approved', version: 2 });
    await fileRecord(hr.db, { ...plan1, version: 2 }, new Date('2026-02-10T02:00:00Z'));
    expect(await refusal(refuseFiling(hr.db, { ...plan1, version: 2, reason: '晚了' }))).toBe(
      '这一版已于2026年2月10日备案,不能再不予备案。',
    );
    await exchange(hr, O1);
    const filed = await getPlan(O1.db, 'O1', 2026);
    expect(filed).toMatchObject({ state: 'filed', version: 2 });
    expect(filed?.filingRefusal).toBeUndefined();
  });

  it('a refused register reaches its supervisor; the corrected version is filed; the officials never see it', async () => {
    const { hr, S1, O1 } = await setup();
    for (const p of ['O1', 'O2', 'O3']) await signEvaluation(S1.db, grade(p));
    await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '属实' });
    await exchange(S1, hr);
    const reg1 = { what: 'register' as const, personId: 'S1', year: 2026, quarter: 1 as const, version: 1 };
    await refuseFiling(hr.db, { ...reg1, reason: '王五的评鉴等次与记实材料不符' }, new Date('2026-04-08T02:00:00Z'));
    expect((await hr.db.personYears.get('S1/2026'))?.registers[1]).toMatchObject({
      refused: [1],
      refusedAt: '2026-04-08T02:00:00.000Z',
    });
    // HR's 备案 page no longer lists the refused version as waiting.
    const pendingOf = async () =>
      filingYear((await readTrackingYear(hr.db, 2026, { registers: true }))!).pendingRegisters.map((r) => [
        r.register.quarter,
        r.register.version,
      ]);
    expect(await pendingOf()).toEqual([]);
    await exchange(hr, S1);
    await exchange(hr, O1);
    expect((await listRefusals(S1.db, 'S1', 2026)).map((r) => [r.what, r.quarter, r.version, r.reason])).toEqual([
      ['register', 1, 1, '王五的评鉴等次与记实材料不符'],
    ]);
    expect((await S1.db.personYears.get('S1/2026'))?.registers[1]?.refused).toEqual([1]);
    expect(await listRefusals(O1.db, 'S1', 2026)).toEqual([]);

    // The supervisor corrects and signs version 2; HR files it (version 1 stays refused).
    await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '属实', correctionReason: '按人事部门意见更正' });
    await exchange(S1, hr);
    expect(await refusal(refuseFiling(hr.db, { ...reg1, reason: '旧版' }))).toBe(
      '这一版已于2026年4月8日不予备案(退回),无需重复退回。',
    );
    expect(await pendingOf()).toEqual([[1, 2]]);
    await fileRecord(hr.db, { ...reg1, version: 2 });
    await exchange(hr, S1);
    expect((await listFilings(S1.db, 'S1', 2026)).map((r) => r.version)).toEqual([2]);
  });

  it('HR refuses only for the people it files for', async () => {
    const { hr, S2, O4 } = await setup();
    await writePlan(O4, ['审查合同']);
    await exchange(O4, S2);
    await decidePlan(S2.db, { personId: 'O4', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
    await exchange(S2, hr);
    // A supervisor cannot refuse a filing on HR's behalf.
    expect(await refusal(refuseFiling(S2.db, { ...plan1, personId: 'O4', reason: 'x' }))).toBe(
      '只有人事部门可以不予备案。',
    );
    await refuseFiling(hr.db, { ...plan1, personId: 'O4', reason: '任务与岗位职责不对应' });
    await exchange(hr, S2);
    expect((await getPlan(S2.db, 'O4', 2026))?.state).toBe('returned');
  });
});
