/**
 * The supervisor's decisions as signed records, end to end through real bundles: each decision is
 * checked and refused in Chinese with nothing written, shown on the supervisor's device the moment it
 * is signed, and shown the same way on the official's and HR's devices after an exchange.
 */
import { describe, expect, it } from 'vitest';
import { DutyBookError, ValidationError } from '../../../../shared/errors/errors';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  acknowledgeFeedback,
  decidePlan,
  draftRegister,
  getEvaluationDraft,
  listEvaluationVersions,
  listRegisterVersions,
  readPersonYear,
  recordFeedback,
  returnRecordBook,
  saveEvaluationDraft,
  savePlanDraft,
  saveRecordDraft,
  saveRoster,
  setSelfIdentity,
  signEvaluation,
  signRegister,
  submitPlan,
  submitRecord,
  type EvaluationFormInput,
} from '../../../../shared/store';
import { factOfRow, fingerprintHex, pinHrKey } from '../../../../shared/sync';
import { freshName, openTestDb } from '../../store/helpers';
import {
  dump,
  makeOrg,
  receive,
  send,
  writePlan,
  writeRecord,
  writeSummary,
  type Device,
  type Org,
} from './harness';

const at = (d: string) => new Date(`${d}T09:00:00.000Z`);

async function exchange(from: Device, to: Device) {
  return receive(to, (await send(from, to)).bytes);
}

async function setup(): Promise<Org & { S1: Device; O1: Device; O2: Device; O3: Device; O4: Device }> {
  const org = await makeOrg();
  const d = org.devices;
  for (const id of Object.keys(d)) if (id !== 'H') await exchange(org.hr, d[id]!);
  return { ...org, S1: d.S1!, O1: d.O1!, O2: d.O2!, O3: d.O3!, O4: d.O4! };
}

function gradeInput(
  subject: string,
  quarter: 1 | 2 | 3 | 4 = 1,
  grade: 'good' | 'fairlyGood' | 'average' | 'poor' = 'good',
): EvaluationFormInput {
  return {
    subject,
    year: 2026,
    quarter,
    method: 'grade',
    grade,
    bonuses: [],
    peerOpinion: { consulted: 6, scope: '本科室同事', gist: '工作主动,配合好' },
    publicFeedback: null,
    opinion: '较好完成了季度工作任务',
    evidence: { recordVersions: [] },
  };
}

/** What a refused call left behind: every table's rows. */
async function snapshot(d: Device) {
  const out: Record<string, unknown[]> = {};
  for (const t of d.db.tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

async function refusal(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

describe('plan 核准 and 退回 travel as signed records', () => {
  it('approval reaches the official and HR; the plan shows 已核准 with the opinion everywhere', async () => {
    const { S1, O1, hr } = await setup();
    await writePlan(O1, ['编制部门预算', '清理暂付款']);
    await exchange(O1, S1);
    const seen = await readPersonYear(S1.db, 'O1', 2026);
    expect(seen.plan?.state).toBe('submitted');
    const approved = await decidePlan(
      S1.db,
      { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' },
      at('2026-01-10'),
    );
    expect(approved).toMatchObject({
      state: 'approved',
      approvedBy: '王主任',
      approvalOpinion: '同意',
      version: 1,
    });
    const fact = factOfRow((await S1.db.facts.filter((f) => f.type === 'plan.approval').toArray())[0]!);
    expect(fact).toMatchObject({ subject: 'O1', author: 'S1', recordKey: 'plan-decision/O1/2026' });
    // The decision names the version it judges.
    const versionFact = (await S1.db.facts.filter((f) => f.type === 'plan.version').toArray())[0]!;
    expect(fact.parents).toContain(versionFact.id);

    await exchange(S1, O1);
    expect((await readPersonYear(O1.db, 'O1', 2026)).plan).toMatchObject({
      state: 'approved',
      approvedBy: '王主任',
      approvalOpinion: '同意',
    });
    await exchange(S1, hr);
    expect((await readPersonYear(hr.db, 'O1', 2026)).plan?.state).toBe('approved');
  });

  it('return with per-item reasons; the official revises and resubmits; a decision about v1 no longer shows on v2', async () => {
    const { S1, O1 } = await setup();
    await writePlan(O1, ['编制部门预算', '清理暂付款']);
    await exchange(O1, S1);
    await decidePlan(S1.db, {
      personId: 'O1',
      year: 2026,
      version: 1,
      decision: 'return',
      reasons: [
        { itemId: 'i1', reason: '目标要求应量化' },
        { itemId: null, reason: '请补充第三季度任务' },
      ],
    });
    await exchange(S1, O1);
    const returned = (await readPersonYear(O1.db, 'O1', 2026)).plan!;
    expect(returned.state).toBe('returned');
    expect(returned.returnReasons).toEqual([
      { itemId: 'i1', reason: '目标要求应量化' },
      { itemId: null, reason: '请补充第三季度任务' },
    ]);
    // The official can edit again and resubmits version 2.
    await savePlanDraft(O1.db, 'O1', 2026, [
      ...returned.items.map((i) => ({ ...i, target: '年底前清理完毕,余额下降50%' })),
    ]);
    await submitPlan(O1.db, 'O1', 2026);
    await exchange(O1, S1);
    const v2 = (await readPersonYear(S1.db, 'O1', 2026)).plan!;
    expect(v2).toMatchObject({ state: 'submitted', version: 2, returnReasons: [] });
    // Approving the old version is refused; the current one is approved.
    const stale = await refusal(
      decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '' }),
    );
    expect(describeError(stale).detail).toContain('已提交第2版计划');
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 2, decision: 'approve', opinion: '同意' });
    await exchange(S1, O1);
    expect((await readPersonYear(O1.db, 'O1', 2026)).plan?.state).toBe('approved');
  });

  it('refuses, in Chinese and without writing anything: no reason, an unknown item, not my report, twice', async () => {
    const { S1, O1, O4, devices } = await setup();
    await writePlan(O1, ['编制部门预算']);
    await writePlan(O4, ['执法检查']);
    await exchange(O1, S1);
    const before = await snapshot(S1);
    const empty = await refusal(
      decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'return', reasons: [] }),
    );
    expect(empty).toBeInstanceOf(ValidationError);
    expect(describeError(empty).fields[0]?.message).toBe('请填写退回原因');
    const blank = await refusal(
      decidePlan(S1.db, {
        personId: 'O1',
        year: 2026,
        version: 1,
        decision: 'return',
        reasons: [{ itemId: null, reason: '  ' }],
      }),
    );
    expect(describeError(blank).fields[0]?.message).toBe('第1条退回原因未填写');
    const unknown = await refusal(
      decidePlan(S1.db, {
        personId: 'O1',
        year: 2026,
        version: 1,
        decision: 'return',
        reasons: [{ itemId: 'nope', reason: '改' }],
      }),
    );
    expect(describeError(unknown).fields[0]?.message).toContain('不在计划中');
    const notMine = await refusal(
      decidePlan(S1.db, { personId: 'O4', year: 2026, version: 1, decision: 'approve', opinion: '' }),
    );
    expect(notMine).toBeInstanceOf(DutyBookError);
    expect(describeError(notMine).detail).toBe(
      '“赵六”不是您的下属(人员名册中其主管领导不是您),不能核准其工作计划。',
    );
    expect(await snapshot(S1)).toBe(before);
    // An official cannot approve their own plan (they are nobody's supervisor).
    const self = await refusal(
      decidePlan(O1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '' }),
    );
    expect(describeError(self).detail).toContain('不是您的下属');
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '' });
    const twice = await refusal(
      decidePlan(S1.db, {
        personId: 'O1',
        year: 2026,
        version: 1,
        decision: 'return',
        reasons: [{ itemId: null, reason: '再改' }],
      }),
    );
    expect(describeError(twice).detail).toBe('该计划已核准,不能再次核准或退回。');
    expect(devices.S2).toBeDefined();
  });
});

describe('record book 退回', () => {
  it('one month returned with a reason; the official fixes and resubmits; the supervisor sees version 2', async () => {
    const { S1, O1 } = await setup();
    await writeRecord(O1, 1, '一月工作');
    await writeRecord(O1, 2, '二月工作');
    await exchange(O1, S1);
    const empty = await refusal(
      returnRecordBook(S1.db, { personId: 'O1', year: 2026, month: 2, version: 1, reason: ' ' }),
    );
    expect(describeError(empty).fields[0]?.message).toBe('请填写退回原因');
    const back = await returnRecordBook(S1.db, {
      personId: 'O1',
      year: 2026,
      month: 2,
      version: 1,
      reason: '考勤与请假记录不符',
    });
    expect(back).toMatchObject({ state: 'returned', returnReason: '考勤与请假记录不符' });
    await exchange(S1, O1);
    const onOfficial = await readPersonYear(O1.db, 'O1', 2026);
    expect(onOfficial.records.map((r) => [r.month, r.state, r.returnReason ?? null])).toEqual([
      [1, 'submitted', null],
      [2, 'returned', '考勤与请假记录不符'],
    ]);
    const feb = onOfficial.records[1]!;
    await saveRecordDraft(O1.db, {
      ...feb,
      workItems: [{ ...feb.workItems[0]!, content: '二月工作(已更正考勤)' }],
    });
    await submitRecord(O1.db, 'O1', 2026, 2);
    await exchange(O1, S1);
    const onSup = (await readPersonYear(S1.db, 'O1', 2026)).records[1]!;
    expect(onSup).toMatchObject({ state: 'submitted', version: 2 });
    expect(onSup.returnReason).toBeUndefined();
    const again = await refusal(
      returnRecordBook(S1.db, { personId: 'O1', year: 2026, month: 2, version: 1, reason: '再退' }),
    );
    expect(describeError(again).detail).toContain('已有新的版本');
  });
});

describe('领导评鉴', () => {
  it('bad input is explained field by field and the typed draft stays', async () => {
    const { S1 } = await setup();
    await saveEvaluationDraft(S1.db, {
      evaluator: 'S1',
      subject: 'O1',
      year: 2026,
      quarter: 1,
      form: { typed: '群众意见要点写了一半' },
    });
    const score = (leaf: number, extra: Partial<EvaluationFormInput> = {}): EvaluationFormInput => ({
      ...gradeInput('O1'),
      method: 'score',
      grade: undefined,
      leafScores: {
        politics: 90,
        ethics: 90,
        conduct: 90,
        integrity: 90,
        attendance: 90,
        quantity: leaf,
        quality: 90,
        efficiency: 90,
        results: 90,
        competence: 90,
      },
      ...extra,
    });
    const out = await refusal(signEvaluation(S1.db, score(120)));
    expect(describeError(out).fields.map((f) => f.message)).toContain('“工作数量”得分应在0至100之间');
    const cap = await refusal(
      signEvaluation(
        S1.db,
        score(90, { bonuses: [{ factorId: 'commendation', points: 4, reason: '省级表彰' }] }),
      ),
    );
    expect(describeError(cap).fields.map((f) => f.message)).toContain(
      '“受到上级表彰奖励”最多加3分,填写了4分',
    );
    const band = await refusal(signEvaluation(S1.db, score(90, { grade: 'average' })));
    expect(
      describeError(band)
        .fields.map((f) => f.message)
        .join(),
    ).toMatch(/得分90分对应“好”,与所选等次“一般”不一致/);
    const missing = await refusal(
      signEvaluation(S1.db, {
        ...gradeInput('O1'),
        peerOpinion: { consulted: 0, scope: '', gist: '' },
        opinion: '',
      }),
    );
    expect(describeError(missing).fields.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        '请征求群众意见,征求意见人数至少为1人',
        '请填写群众意见要点',
        '请填写评鉴意见',
      ]),
    );
    const notMine = await refusal(signEvaluation(S1.db, gradeInput('O4')));
    expect(describeError(notMine).detail).toContain('“赵六”不是您的下属');
    expect((await getEvaluationDraft(S1.db, 'O1', 2026, 1))?.form).toEqual({ typed: '群众意见要点写了一半' });
    expect(await S1.db.evaluations.count()).toBe(0);
    expect(await S1.db.facts.filter((f) => f.type === 'evaluation').count()).toBe(0);
  });

  it('signed means final: a correction is version 2 with a reason, and both versions reach the official', async () => {
    const { S1, O1, hr } = await setup();
    await saveEvaluationDraft(S1.db, {
      evaluator: 'S1',
      subject: 'O1',
      year: 2026,
      quarter: 1,
      form: { any: 1 },
    });
    const v1 = await signEvaluation(S1.db, gradeInput('O1', 1, 'fairlyGood'), at('2026-04-03'));
    expect(v1).toMatchObject({
      version: 1,
      resultGrade: 'fairlyGood',
      evaluatorName: '王主任',
      evaluator: 'S1',
    });
    expect(await getEvaluationDraft(S1.db, 'O1', 2026, 1)).toBeUndefined();
    const noReason = await refusal(signEvaluation(S1.db, gradeInput('O1', 1, 'good')));
    expect(describeError(noReason).fields[0]?.message).toBe(
      '第1版评鉴已签署,不能修改;如需更正,请填写更正原因,作为第2版签署',
    );
    const v2 = await signEvaluation(
      S1.db,
      { ...gradeInput('O1', 1, 'good'), correctionReason: '漏计了3月完成的专项任务' },
      at('2026-04-05'),
    );
    expect(v2).toMatchObject({
      version: 2,
      resultGrade: 'good',
      correctionOf: { version: 1, reason: '漏计了3月完成的专项任务' },
    });
    await exchange(S1, O1);
    expect(
      (await listEvaluationVersions(O1.db, 'O1', 2026, 1)).map((e) => [e.version, e.resultGrade]),
    ).toEqual([
      [1, 'fairlyGood'],
      [2, 'good'],
    ]);
    await exchange(S1, hr);
    expect(await listEvaluationVersions(hr.db, 'O1', 2026, 1)).toHaveLength(2);
    // A quantified evaluation derives its score and grade from the template and bonuses.
    const scored = await signEvaluation(S1.db, {
      ...gradeInput('O2'),
      method: 'score',
      grade: undefined,
      leafScores: {
        politics: 95,
        ethics: 90,
        conduct: 90,
        integrity: 95,
        attendance: 100,
        quantity: 88,
        quality: 90,
        efficiency: 85,
        results: 90,
        competence: 80,
      },
      bonuses: [{ factorId: 'adoptedProposal', points: 1, reason: '预算绩效管理建议被采纳' }],
    });
    expect(scored.resultScore).toBeGreaterThan(80);
    expect(scored.templateId).toBe('comprehensive');
  });
});

describe('评鉴结果反馈 and 签署意见', () => {
  it('the talk reaches the official, who signs their words; the words travel back', async () => {
    const { S1, O1 } = await setup();
    const bad = await refusal(
      recordFeedback(S1.db, {
        personId: 'O1',
        year: 2026,
        quarter: 1,
        kind: 'talk',
        date: '2026-04-08',
        place: '',
        participants: '',
        content: '',
        improvements: '',
      }),
    );
    expect(describeError(bad).fields.map((f) => f.message)).toEqual([
      '请填写反馈地点',
      '请填写参加人员',
      '请填写反馈内容',
      '请填写需要改进的方面',
    ]);
    expect(await S1.db.feedback.count()).toBe(0);
    const talk = await recordFeedback(S1.db, {
      personId: 'O1',
      year: 2026,
      quarter: 1,
      kind: 'talk',
      date: '2026-04-08',
      place: '302会议室',
      participants: '王主任、张三',
      content: '肯定一季度预算编审工作',
      improvements: '加强政策学习',
    });
    expect(talk.by).toBe('王主任');
    await exchange(S1, O1);
    expect((await readPersonYear(O1.db, 'O1', 2026)).feedback).toHaveLength(1);
    const emptyAck = await refusal(acknowledgeFeedback(O1.db, talk.id, '  '));
    expect(describeError(emptyAck).fields[0]?.message).toBe('请填写签署意见');
    const signed = await acknowledgeFeedback(O1.db, talk.id, '同意,今后加强学习');
    expect(signed.ack?.text).toBe('同意,今后加强学习');
    // Only the person the feedback is about may sign it.
    await exchange(S1, O1);
    const notMine = await refusal(acknowledgeFeedback(S1.db, talk.id, '代签'));
    expect(describeError(notMine).detail).toBe('只能对关于本人的评鉴结果反馈签署意见。');
    await exchange(O1, S1);
    expect((await S1.db.feedback.get(talk.id))?.ack?.text).toBe('同意,今后加强学习');
  });
});

describe('平时考核备案登记表', () => {
  it('refuses while someone is unevaluated; signs once all are; HR receives it; a new version needs a reason', async () => {
    const { S1, hr } = await setup();
    await signEvaluation(S1.db, gradeInput('O1', 1, 'good'));
    const early = await refusal(signRegister(S1.db, { year: 2026, quarter: 1, opinion: '同意' }));
    expect(describeError(early).fields[0]?.message).toBe('李四、王五尚未完成第1季度领导评鉴,请先评鉴再签署');
    await signEvaluation(S1.db, gradeInput('O2', 1, 'fairlyGood'));
    await signEvaluation(S1.db, gradeInput('O3', 1, 'average'));
    await recordFeedback(S1.db, {
      personId: 'O1',
      year: 2026,
      quarter: 1,
      kind: 'meeting',
      date: '2026-04-09',
      place: '会议室',
      participants: '全科',
      content: '点评',
      improvements: '改进',
    });
    const draft = await draftRegister(S1.db, 2026, 1);
    expect(draft.missing).toEqual([]);
    expect(draft.entries.map((e) => [e.name, e.grade, e.feedbackWay])).toEqual([
      ['李四', 'fairlyGood', '未反馈'],
      ['王五', 'average', '未反馈'],
      ['张三', 'good', '会议点评'],
    ]);
    const noOpinion = await refusal(signRegister(S1.db, { year: 2026, quarter: 1, opinion: '' }));
    expect(describeError(noOpinion).fields[0]?.message).toBe('请填写审核意见');
    const reg = await signRegister(S1.db, { year: 2026, quarter: 1, opinion: '经审核,评鉴结果属实' });
    expect(reg).toMatchObject({ version: 1, supervisorName: '王主任', unitName: '办公室' });
    const again = await refusal(signRegister(S1.db, { year: 2026, quarter: 1, opinion: '再签' }));
    expect(describeError(again).fields[0]?.message).toContain('第1版登记表已签署');
    await signRegister(S1.db, {
      year: 2026,
      quarter: 1,
      opinion: '更正后重签',
      correctionReason: '张三评鉴已更正',
    });
    await exchange(S1, hr);
    expect((await listRegisterVersions(hr.db, 'S1', 2026, 1)).map((r) => r.version)).toEqual([1, 2]);
  });
});

describe('order independence (P4) with decisions', () => {
  it('HR, receiving the versions from the official and the decisions later from the supervisor, shows what the supervisor shows', async () => {
    const { S1, O1, hr } = await setup();
    await writePlan(O1, ['编制部门预算']);
    await writeRecord(O1, 1, '一月');
    await writeSummary(O1, 1, '一季度按计划完成预算编审和暂付款清理工作,考勤正常。');
    await exchange(O1, S1);
    // HR first gets only the official's records (from the official), then the decisions (from S1).
    await exchange(O1, hr);
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
    await returnRecordBook(S1.db, {
      personId: 'O1',
      year: 2026,
      month: 1,
      version: 1,
      reason: '补充工作进度',
    });
    await signEvaluation(S1.db, gradeInput('O1'));
    await exchange(S1, hr);
    const hrState = await dump(hr.db);
    expect((hrState.plans as { state: string }[])[0]?.state).toBe('approved');
    expect((hrState.monthlyRecords as { state: string }[])[0]?.state).toBe('returned');
    expect(hrState.evaluations).toHaveLength(1);
    const sup = await dump(S1.db);
    const strip = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    for (const t of ['plans', 'monthlyRecords', 'evaluations', 'planVersions', 'recordVersions']) {
      expect(strip(hrState[t]!)).toEqual(strip(sup[t]!));
    }
  });
});

describe('P4 with decisions: the bundles in any order give one state', () => {
  it('v1, its return, v2 and its approval, carried by three bundles in all six orders', async () => {
    const { S1, O1, hr, hrKey } = await setup();
    await writePlan(O1, ['编制部门预算']);
    await writeRecord(O1, 1, '一月');
    await exchange(O1, S1);
    await decidePlan(S1.db, {
      personId: 'O1',
      year: 2026,
      version: 1,
      decision: 'return',
      reasons: [{ itemId: null, reason: '补充任务' }],
    });
    await returnRecordBook(S1.db, { personId: 'O1', year: 2026, month: 1, version: 1, reason: '补充进度' });
    const early = (await send(S1, hr)).bytes; // v1 and the returns
    await exchange(S1, O1);
    const plan = (await readPersonYear(O1.db, 'O1', 2026)).plan!;
    await savePlanDraft(O1.db, 'O1', 2026, [
      ...plan.items,
      { id: 'i9', task: '新增任务', target: '按期', deadline: '2026-12-31', duty: '职责' },
    ]);
    await submitPlan(O1.db, 'O1', 2026);
    const fromOfficial = (await send(O1, hr)).bytes; // v1, v2 of the plan; the record's v1
    await exchange(O1, S1);
    await decidePlan(S1.db, { personId: 'O1', year: 2026, version: 2, decision: 'approve', opinion: '同意' });
    const late = (await send(S1, hr)).bytes; // everything S1 holds in HR's scope

    const signed = (await hr.db.rosters.orderBy('version').last())!.signed;
    const self = (await hr.db.trust.get('self')) as {
      personId: string;
      signingPub: string;
      encryptionPub: string;
    };
    const bundles = [early, fromOfficial, late];
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    const states: string[] = [];
    for (const order of orders) {
      const db = await openTestDb(freshName('hr-order'));
      await setSelfIdentity(db, {
        personId: self.personId,
        signingPub: self.signingPub,
        encryptionPub: self.encryptionPub,
      });
      await pinHrKey(db, { hrKey, confirmedFingerprint: fingerprintHex(hrKey) });
      await saveRoster(db, signed);
      const device = { ...hr, db };
      for (const i of order) await receive(device, bundles[i]!);
      const d = await dump(db);
      expect((d.plans as { state: string; version: number }[]).map((p) => [p.state, p.version])).toEqual([
        ['approved', 2],
      ]);
      expect((d.monthlyRecords as { state: string }[]).map((r) => r.state)).toEqual(['returned']);
      states.push(JSON.stringify(d));
      db.close();
    }
    expect(new Set(states).size).toBe(1);
  });
});
