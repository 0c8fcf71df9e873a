/**
 * The 年度考核's four signed records end to end through real bundles on separate devices: the
 * official's 年度个人总结 travels to the 主管领导 and HR, the 主管领导's 评语和考核等次建议 to HR, HR's
 * decision to the official, the official's 本人意见 back to HR (有异议 = a 复核 request). Who may sign
 * which is the roster's, for the year the record is about; every refusal is in Chinese and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/domain';
import { DutyBookError, ValidationError } from '../../../../shared/errors/errors';
import {
  changeSupervisor,
  getAnnualComment,
  getAnnualDecision,
  getAnnualSummary,
  listAnnualDecisions,
  listRecentAudit,
  listReviewRequests,
  reopenAnnualSummary,
  saveAnnualSummaryDraft,
  saveRoster,
  setSelfIdentity,
  signAnnualComment,
  signAnnualDecision,
  signAnnualOpinion,
  submitAnnualSummary,
  type AnnualDecisionLinkage,
} from '../../../../shared/store';
import { draftNextRoster, factOf, factOfRow, signRoster, storedFact, type Fact } from '../../../../shared/sync';
import { freshName, openTestDb, snapshot } from '../../store/helpers';
import {
  ORG,
  attest,
  craft,
  distributeRoster,
  factEntry,
  makeOrg,
  preview,
  receive,
  send,
  suite,
  type Device,
  type Org,
} from './harness';

const at = (d: string) => new Date(`${d}T09:00:00.000Z`);
const TEXT = '本年度认真履行岗位职责,完成年度工作计划确定的各项任务,起草文稿三十余篇,无差错。';

async function exchange(from: Device, to: Device) {
  return receive(to, (await send(from, to)).bytes);
}

const fine: AnnualDecisionLinkage = {
  row: { name: '张三', eligible: true, reasons: [], participation: { kind: 'graded' }, standing: 'within' },
  context: { excellentGivenInGroup: 0, quota: 1 },
};

async function reissue(org: Org, now: string): Promise<void> {
  const draft = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey, now: new Date(now) });
  await saveRoster(org.hr.db, await signRoster(await suite(), org.orgKey.seed, draft));
}

let counter = 5000;
function factBy(by: Device, f: Pick<Fact, 'type' | 'subject' | 'recordKey'> & { body: unknown }): Fact {
  counter += 1;
  return {
    v: 1,
    type: f.type,
    subject: f.subject,
    author: by.personId,
    authorKey: by.signingPub,
    device: by.deviceId,
    counter,
    recordKey: f.recordKey,
    parents: [],
    createdAt: '2026-12-20T08:00:00.000Z',
    body: canonicalJson(f.body),
  };
}

async function offer(from: Device, to: Device, fact: Fact, by: Device = from) {
  const stored = storedFact(fact);
  const entries = [await attest(by, [stored.id]), factEntry(factOf(stored))];
  const before = await snapshot(to.db);
  const plan = await preview(to, await craft(from, to, entries, ++counter));
  const unchanged = JSON.stringify(await snapshot(to.db)) === JSON.stringify(before);
  return { plan, unchanged, reasons: plan.rejected.map((r) => r.reason) };
}

const commentBody = (subject: string, supervisorId: string, supervisorName: string) => ({
  id: `C-${subject}-${counter}`,
  personId: subject,
  year: 2026,
  version: 1,
  supervisorId,
  supervisorName,
  comment: '工作认真负责',
  suggestion: 'competent',
  signedOn: '2026-12-20',
  signedAt: '2026-12-20T08:00:00.000Z',
});

const decisionBody = (subject: string, hrId: string, hrName: string) => ({
  id: `D-${subject}-${counter}`,
  personId: subject,
  year: 2026,
  version: 1,
  outcome: { kind: 'graded', grade: 'excellent' },
  committeeOpinion: '',
  opinionDueOn: '2027-01-10',
  decidedOn: '2026-12-28',
  hrId,
  hrName,
  decidedAt: '2026-12-28T08:00:00.000Z',
});

describe('the four annual records travel official → supervisor → HR → official → HR', () => {
  it('round trip: summary, comment, decision, 有异议 seen by HR as a 复核 request, the same rows on every device', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;

    await saveAnnualSummaryDraft(O1!.db, 'O1', 2026, TEXT, at('2026-12-15'));
    const submitted = await submitAnnualSummary(O1!.db, 'O1', 2026, at('2026-12-16'));
    expect(submitted).toMatchObject({ state: 'submitted', version: 1, submittedOn: '2026-12-16' });

    await exchange(O1!, S1!);
    expect(await getAnnualSummary(S1!.db, 'O1', 2026)).toMatchObject({ state: 'submitted', text: TEXT, version: 1 });

    const comment = await signAnnualComment(
      S1!.db,
      { personId: 'O1', year: 2026, comment: '政治坚定,工作扎实,完成任务好。', suggestion: 'excellent' },
      at('2026-12-20'),
    );
    expect(comment).toMatchObject({ supervisorId: 'S1', supervisorName: '王主任', suggestion: 'excellent', version: 1 });

    await exchange(O1!, H!);
    await exchange(S1!, H!);
    expect(await getAnnualSummary(H!.db, 'O1', 2026)).toMatchObject({ text: TEXT });
    expect(await getAnnualComment(H!.db, 'O1', 2026)).toEqual(comment);

    const decision = await signAnnualDecision(
      H!.db,
      { personId: 'O1', year: 2026, outcome: { kind: 'graded', grade: 'competent' }, committeeOpinion: '同意主管领导意见', opinionDueOn: '2027-01-10' },
      fine,
      at('2026-12-28'),
    );
    expect(decision).toMatchObject({ version: 1, hrId: 'H', hrName: '人事科', decidedOn: '2026-12-28' });

    await exchange(H!, O1!);
    expect(await getAnnualDecision(O1!.db, 'O1', 2026)).toEqual(decision);

    const answered = await signAnnualOpinion(
      O1!.db,
      2026,
      { agree: false, text: '本人全年四个季度评鉴均为“好”,申请复核。' },
      at('2027-01-05'),
    );
    expect(answered.opinion).toMatchObject({ agree: false, decisionFactId: decision.factId });

    await exchange(O1!, H!);
    const requests = await listReviewRequests(H!.db, 2026);
    expect(requests.map((r) => [r.personId, r.opinion?.text])).toEqual([['O1', '本人全年四个季度评鉴均为“好”,申请复核。']]);
    expect(await getAnnualDecision(H!.db, 'O1', 2026)).toEqual(answered);

    // A correction replaces the decision: the objection answered the earlier version, no longer a request.
    const corrected = await signAnnualDecision(
      H!.db,
      { personId: 'O1', year: 2026, outcome: { kind: 'graded', grade: 'excellent' }, committeeOpinion: '经复核,考核委员会研究确定为优秀', opinionDueOn: '2027-01-20' },
      fine,
      at('2027-01-08'),
    );
    expect(corrected.version).toBe(2);
    expect(corrected.opinion?.decisionFactId).toBe(decision.factId);
    expect(await listReviewRequests(H!.db, 2026)).toEqual([]);
    await exchange(H!, O1!);
    expect(await getAnnualDecision(O1!.db, 'O1', 2026)).toEqual(corrected);
    const agreed = await signAnnualOpinion(O1!.db, 2026, { agree: true, text: '' }, at('2027-01-09'));
    await exchange(O1!, H!);
    expect(await getAnnualDecision(H!.db, 'O1', 2026)).toEqual(agreed);
    expect((await listAnnualDecisions(H!.db, 2026)).map((r) => r.opinion?.agree)).toEqual([true]);

    // Each signature left its line in its device's audit trail.
    expect((await listRecentAudit(O1!.db, 10)).map((e) => e.summary)).toEqual(
      expect.arrayContaining(['提交 张三 2026年度个人总结 第1版', '签署 张三 2026年度考核结果的本人意见(有异议,申请复核)']),
    );
    expect((await listRecentAudit(S1!.db, 10)).map((e) => e.summary)).toContain(
      '签署 张三 2026年度主管领导评语和考核等次建议(建议优秀) 第1版',
    );
    expect((await listRecentAudit(H!.db, 10)).map((e) => e.summary)).toEqual(
      expect.arrayContaining(['确定 张三 2026年度考核结果(称职) 第1版', '确定 张三 2026年度考核结果(优秀) 第2版']),
    );
  });

  it('a resubmitted summary is the next version and replaces the first on the supervisor’s device; refused once decided', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    await saveAnnualSummaryDraft(O1!.db, 'O1', 2026, TEXT, at('2026-12-15'));
    await submitAnnualSummary(O1!.db, 'O1', 2026, at('2026-12-15'));
    await exchange(O1!, S1!);
    await reopenAnnualSummary(O1!.db, 'O1', 2026, at('2026-12-16'));
    // An exchange while the draft is being typed leaves the draft alone.
    await exchange(S1!, O1!);
    expect(await getAnnualSummary(O1!.db, 'O1', 2026)).toMatchObject({ state: 'editing', version: 1 });
    await saveAnnualSummaryDraft(O1!.db, 'O1', 2026, `${TEXT}补充:参加了全市法治宣传活动。`, at('2026-12-17'));
    const v2 = await submitAnnualSummary(O1!.db, 'O1', 2026, at('2026-12-17'));
    expect(v2.version).toBe(2);
    await exchange(O1!, S1!);
    expect(await getAnnualSummary(S1!.db, 'O1', 2026)).toMatchObject({ version: 2, text: `${TEXT}补充:参加了全市法治宣传活动。` });

    await signAnnualDecision(
      H!.db,
      { personId: 'O1', year: 2026, outcome: { kind: 'graded', grade: 'competent' }, committeeOpinion: '', opinionDueOn: '2027-01-10' },
      fine,
      at('2026-12-28'),
    );
    await exchange(H!, O1!);
    await expect(reopenAnnualSummary(O1!.db, 'O1', 2026)).rejects.toThrow('2026年度考核结果已确定,个人总结不能再修改');
  });
});

describe('a 年度个人总结 submitted before the device has keys', () => {
  it('becomes its signed fact when the keys are made, like every earlier submission', async () => {
    const db = await openTestDb(freshName('annual-backfill'));
    await saveAnnualSummaryDraft(db, 'O1', 2026, TEXT, at('2026-12-15'));
    const row = await submitAnnualSummary(db, 'O1', 2026, at('2026-12-16'));
    expect(await db.facts.count()).toBe(0);
    const { backfilled } = await setSelfIdentity(db, { personId: 'O1', signingPub: 'a'.repeat(64), encryptionPub: 'b'.repeat(64) });
    expect(backfilled).toBe(1);
    const fact = factOfRow((await db.facts.toArray())[0]!);
    expect(fact).toMatchObject({ type: 'annual.summary', recordKey: 'annual-summary/O1/2026', subject: 'O1' });
    expect(JSON.parse(fact.body)).toMatchObject({ id: row.versionId, text: TEXT, version: 1, submittedOn: '2026-12-16' });
  });
});

describe('who may sign which annual record (the roster, for the year)', () => {
  it('本人意见 after the deadline the unit set is refused with the rule, and nothing is written', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, H } = org.devices;
    await signAnnualDecision(
      H!.db,
      { personId: 'O1', year: 2026, outcome: { kind: 'graded', grade: 'competent' }, committeeOpinion: '', opinionDueOn: '2027-01-10' },
      fine,
      at('2026-12-28'),
    );
    await exchange(H!, O1!);
    const before = await snapshot(O1!.db);
    const e = await signAnnualOpinion(O1!.db, 2026, { agree: false, text: '有异议' }, at('2027-01-11')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).issues[0]!.message).toBe(
      '本人意见应于2027年1月10日前签署,已过期限,不能再签署。如有异议,请直接与人事部门联系。',
    );
    expect(await snapshot(O1!.db)).toEqual(before);
    // 有异议 without words is refused too.
    await expect(signAnnualOpinion(O1!.db, 2026, { agree: false, text: '  ' }, at('2027-01-05'))).rejects.toThrow(
      '有异议时请写明异议的内容和理由',
    );
  });

  it('HR’s decision is checked against the linkage: 优秀 for someone excluded, beyond the quota, a tie without the committee', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { H } = org.devices;
    const before = await snapshot(H!.db);
    const e = await signAnnualDecision(
      H!.db,
      { personId: 'O2', year: 2026, outcome: { kind: 'graded', grade: 'excellent' }, committeeOpinion: '', opinionDueOn: '2027-01-10' },
      {
        row: { name: '李四', eligible: false, reasons: ['第2季度评鉴为“一般”'], participation: { kind: 'graded' }, standing: 'tie' },
        context: { excellentGivenInGroup: 1, quota: 1 },
      },
      at('2026-12-28'),
    ).catch((x: unknown) => x);
    expect((e as ValidationError).issues.map((i) => i.message)).toEqual([
      '“李四”不能评为优秀:第2季度评鉴为“一般”。平时考核结果不符合优秀条件的,年度考核不能评为优秀。',
      '本单位优秀名额为1名,已确定优秀1名,不能再评“李四”为优秀。',
      '“李四”与他人并列于优秀名额的边缘,评为优秀须填写机关负责人或考核委员会意见。',
    ]);
    expect(await snapshot(H!.db)).toEqual(before);
  });

  it('an official cannot sign a decision, nor a supervisor one about someone they never supervised; refused on import', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    const own = await offer(O1!, H!, factBy(O1!, { type: 'annual.decision', subject: 'O1', recordKey: 'annual-decision/O1/2026', body: decisionBody('O1', 'O1', '张三') }));
    expect(own.reasons).toEqual(['“张三”不是负责“张三”2026年度考核材料的人事部门,不能出具年度考核结果']);
    expect(own.unchanged).toBe(true);

    const other = await offer(S1!, H!, factBy(S1!, { type: 'annual.comment', subject: 'O4', recordKey: 'annual-comment/O4/2026', body: commentBody('O4', 'S1', '王主任') }));
    expect(other.reasons).toEqual(['“王主任”2026年度不是“赵六”的主管领导,不能作出主管领导评语和考核等次建议']);
    expect(other.unchanged).toBe(true);
    await expect(
      signAnnualComment(S1!.db, { personId: 'O4', year: 2026, comment: '好', suggestion: 'competent' }, at('2026-12-20')),
    ).rejects.toThrow('“赵六”2026年度不是您的下属');

    // A comment that names another signer than the key that signed it.
    const forged = await offer(S1!, H!, factBy(S1!, { type: 'annual.comment', subject: 'O1', recordKey: 'annual-comment/O1/2026', body: commentBody('O1', 'S2', '赵科长') }));
    expect(forged.reasons).toEqual(['主管领导评语和考核等次建议写明的签署人“赵科长”与签名人“王主任”不符']);
    expect(forged.unchanged).toBe(true);

    // Someone else's opinion on O1's decision.
    const opinion = await offer(O2(org), H!, factBy(O2(org), {
      type: 'annual.opinion',
      subject: 'O1',
      recordKey: 'annual-decision/O1/2026',
      body: { id: 'X1', personId: 'O1', year: 2026, decisionFactId: 'a'.repeat(64), agree: true, text: '', signedOn: '2027-01-02', signedAt: '2027-01-02T08:00:00.000Z' },
    }));
    expect(opinion.reasons).toEqual(['“李四”不能代“张三”填写本人意见']);
  });

  it('a former 主管领导 (until June) may still sign the year’s comment; the present one too, and the later replaces', async () => {
    const org = await makeOrg();
    const { O1, S1, S2, H } = org.devices;
    await changeSupervisor(org.hr.db, 'O1', 'S2', '2026-07-01');
    await reissue(org, '2026-07-02T08:00:00Z');
    await distributeRoster(org);

    const former = await signAnnualComment(
      S1!.db,
      { personId: 'O1', year: 2026, comment: '上半年工作扎实。', suggestion: 'competent' },
      at('2026-12-18'),
    );
    await exchange(S1!, H!);
    expect(await getAnnualComment(H!.db, 'O1', 2026)).toEqual(former);

    // The present supervisor has seen the former's comment (HR passed it on) and signs the one in force.
    await exchange(H!, S2!);
    const present = await signAnnualComment(
      S2!.db,
      { personId: 'O1', year: 2026, comment: '全年表现良好,下半年牵头完成专项工作。', suggestion: 'excellent' },
      at('2026-12-20'),
    );
    expect(present.version).toBe(2);
    await exchange(S2!, H!);
    expect(await getAnnualComment(H!.db, 'O1', 2026)).toEqual(present);
    // …but not about 2027, a year in which S1 supervises O1 on no day.
    await expect(
      signAnnualComment(S1!.db, { personId: 'O1', year: 2027, comment: '好', suggestion: 'competent' }, at('2027-12-18')),
    ).rejects.toBeInstanceOf(DutyBookError);
    expect(O1).toBeDefined();
  });
});

describe('two 主管领导 of the year sign without seeing each other’s comment', () => {
  it('every device shows the same one, whatever order the two arrive in (P4)', async () => {
    const org = await makeOrg();
    const { O1, S1, S2, H } = org.devices;
    await changeSupervisor(org.hr.db, 'O1', 'S2', '2026-07-01');
    await reissue(org, '2026-07-02T08:00:00Z');
    await distributeRoster(org);
    await signAnnualComment(S1!.db, { personId: 'O1', year: 2026, comment: '上半年工作扎实。', suggestion: 'competent' }, at('2026-12-18'));
    await signAnnualComment(S2!.db, { personId: 'O1', year: 2026, comment: '下半年牵头专项工作。', suggestion: 'excellent' }, at('2026-12-18'));
    await exchange(S1!, H!);
    await exchange(S2!, H!);
    await exchange(S2!, O1!);
    await exchange(S1!, O1!);
    const onHr = await getAnnualComment(H!.db, 'O1', 2026);
    expect(onHr).toBeDefined();
    expect(await getAnnualComment(O1!.db, 'O1', 2026)).toEqual(onHr);
    // Both are kept as facts: nothing signed is lost, only one is in force.
    const facts = (await H!.db.facts.where('recordKey').equals('annual-comment/O1/2026').toArray()).map(factOfRow);
    expect(facts.map((f) => f.author).sort()).toEqual(['S1', 'S2']);
  });
});

function O2(org: Org): Device {
  return org.devices.O2!;
}
