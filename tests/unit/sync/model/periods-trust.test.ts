/**
 * Issue 20's findings 1–5, each with real signed bundles through the real import on separate
 * devices' databases: the roster is a record of periods, and every signed record is checked against
 * the roster as it stood for the period the record is about. Each refusal names who signed, what
 * they tried and why the roster does not allow it — and leaves the database as it was.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../../shared/bundle/bytes';
import { canonicalJson } from '../../../../shared/domain';
import {
  bindEnrollment,
  createEnrollmentRequest,
  draftNextRoster,
  factOf,
  generateDeviceKeys,
  parseEnrollmentRequest,
  signRoster,
  storedFact,
  type Fact,
} from '../../../../shared/sync';
import { changeSupervisor, markPersonLeft, saveRoster } from '../../../../shared/store';
import { snapshot } from '../../store/helpers';
import {
  ORG,
  attest,
  craft,
  distributeRoster,
  factEntry,
  makeDevice,
  makeOrg,
  preview,
  receive,
  send,
  suite,
  writePlan,
  writeRecord,
  type Device,
  type Org,
} from './harness';

/** HR signs and keeps the next roster, as of `now`. */
async function reissue(org: Org, now: string): Promise<void> {
  const draft = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey, now: new Date(now) });
  await saveRoster(org.hr.db, await signRoster(await suite(), org.orgKey.seed, draft));
}

let counter = 1000;
/** A fact signed by `by`'s own key, as its device would write it. */
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
    createdAt: '2026-10-15T08:00:00.000Z',
    body: canonicalJson(f.body),
  };
}

function evaluationBody(subject: string, evaluator: string, evaluatorName: string, quarter: number) {
  return {
    id: `E-${subject}-${quarter}-${counter}`,
    subject,
    evaluator,
    year: 2026,
    quarter,
    method: 'grade',
    grade: 'poor',
    bonuses: [],
    peerOpinion: { consulted: 5, scope: '本科室同事', gist: '一般' },
    publicFeedback: null,
    opinion: '工作不到位',
    evidence: { recordVersions: [] },
    version: 1,
    resultGrade: 'poor',
    evaluatorName,
    signedAt: '2026-10-15T08:00:00.000Z',
  };
}

function evaluation(
  by: Device,
  name: string,
  subject: string,
  quarter: number,
  evaluator = by.personId,
): Fact {
  return factBy(by, {
    type: 'evaluation',
    subject,
    recordKey: `evaluation/${subject}/2026-Q${quarter}`,
    body: evaluationBody(subject, evaluator, name, quarter),
  });
}

function registerBody(supervisorId: string, supervisorName: string, entries: [string, string][]) {
  return {
    id: `R-${supervisorId}-${counter}`,
    supervisorId,
    supervisorName,
    unitName: '办公室',
    year: 2026,
    quarter: 1,
    version: 1,
    entries: entries.map(([personId, name]) => ({
      personId,
      name,
      post: '科员',
      method: 'grade',
      grade: 'good',
      evaluationVersion: 1,
      feedbackWay: '个人谈话',
    })),
    opinion: '同意',
    signedAt: '2026-04-10T08:00:00.000Z',
  };
}

/** Sends `facts` signed by their authors in a bundle from `from` to `to`; returns the plan and whether `to` stayed as it was. */
async function offer(from: Device, to: Device, facts: { fact: Fact; by: Device }[]) {
  const entries = [];
  for (const { fact, by } of facts) {
    const stored = storedFact(fact);
    entries.push(await attest(by, [stored.id]), factEntry(factOf(stored)));
  }
  const before = await snapshot(to.db);
  const plan = await preview(to, await craft(from, to, entries, ++counter));
  const unchanged = JSON.stringify(await snapshot(to.db)) === JSON.stringify(before);
  return { plan, unchanged, reasons: plan.rejected.map((r) => r.reason) };
}

describe('finding 1: a person marked 离职 keeps submitting', () => {
  it('after 离职 on 2026-09-01 their new records and bundles are refused on the supervisor’s and HR’s devices', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O1, S1, H } = org.devices;
    await writePlan(O1!, ['起草年度工作要点']);
    await writeRecord(O1!, 1, '一月工作');
    await receive(H!, (await send(O1!, H!)).bytes);
    await receive(S1!, (await send(O1!, S1!)).bytes);

    await markPersonLeft(org.hr.db, 'O1', '2026-09-01');
    await reissue(org, '2026-09-02T08:00:00Z');
    await receive(S1!, (await send(H!, S1!)).bytes);
    const roster = (await org.hr.db.rosters.orderBy('version').last())!.signed.roster;
    const o1 = roster.people.find((p) => p.id === 'O1')!;
    expect(o1.periods!.at(-1)!.to).toBe('2026-08-31');
    expect(o1.keys.every((k) => k.retired?.through !== undefined)).toBe(true);

    // O1 never imports the new roster and goes on: a September record book, and August's, signed after leaving.
    await writeRecord(O1!, 9, '九月工作');
    await writeRecord(O1!, 8, '八月工作');
    for (const to of [S1!, H!]) {
      const before = await snapshot(to.db);
      const plan = await preview(to, (await send(O1!, to)).bytes);
      expect(plan.status).toBe('rejected');
      expect(plan.rejected.map((r) => r.reason)).toContain(
        '“张三”自2026年9月1日起已离职(调出),其密钥已停用,不再接受其发送的数据包',
      );
      expect(await snapshot(to.db)).toEqual(before);
    }

    // Relayed by someone else (a supervisor who had not yet received the roster): refused record by record.
    const sept = (await O1!.db.facts.toArray()).filter((f) => f.recordKey.startsWith('record/O1/2026-0'));
    const relayed = sept.filter((f) => f.recordKey.endsWith('-09') || f.recordKey.endsWith('-08'));
    expect(relayed.length).toBeGreaterThanOrEqual(2);
    const entries = [];
    for (const f of relayed) {
      const { factOfRow } = await import('../../../../shared/sync');
      const full = factOfRow(f);
      entries.push(await attest(O1!, [full.id]), factEntry(factOf(full)));
    }
    const before = await snapshot(H!.db);
    const plan = await preview(H!, await craft(S1!, H!, entries, 777));
    expect(plan.status).toBe('rejected');
    expect(plan.rejected.map((r) => r.reason)).toContain(
      '“张三”自2026年9月1日起已离职(调出),其密钥已停用,此后签署的记录不予接受',
    );
    expect(await snapshot(H!.db)).toEqual(before);
  });

  it('nobody may decide about the months after someone left: an evaluation of the fourth quarter is refused, the third accepted', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { S1, H } = org.devices;
    await markPersonLeft(org.hr.db, 'O1', '2026-09-01');
    await reissue(org, '2026-09-02T08:00:00Z');
    const q4 = await offer(S1!, H!, [{ fact: evaluation(S1!, '王主任', 'O1', 4), by: S1! }]);
    expect(q4.plan.status).toBe('rejected');
    expect(q4.reasons).toEqual(['“张三”自2026年9月1日起已离职(调出),不能有2026年第4季度的领导评鉴']);
    expect(q4.unchanged).toBe(true);
    const q3 = await offer(S1!, H!, [{ fact: evaluation(S1!, '王主任', 'O1', 3), by: S1! }]);
    expect(q3.reasons).toEqual([]);
    expect(q3.plan.status).not.toBe('rejected');
  });
});

describe('finding 2: a former supervisor evaluates a transferred official for any later quarter', () => {
  it('after a transfer on 2026-10-01 the old supervisor decides the third quarter only, the new one the fourth only', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { S1, S2, H, O1 } = org.devices;
    await changeSupervisor(org.hr.db, 'O1', 'S2', '2026-10-01');
    await reissue(org, '2026-10-02T08:00:00Z');
    // The new roster reaches the official and the new supervisor; the old supervisor never imports it.
    await receive(O1!, (await send(H!, O1!)).bytes);
    await receive(S2!, (await send(H!, S2!)).bytes);

    for (const to of [H!, O1!]) {
      const q4 = await offer(S1!, to, [{ fact: evaluation(S1!, '王主任', 'O1', 4), by: S1! }]);
      expect(q4.plan.status).toBe('rejected');
      expect(q4.reasons).toEqual([
        '“王主任”自2026年10月1日起不再是“张三”的主管领导,不能作出2026年第4季度的领导评鉴',
      ]);
      expect(q4.unchanged).toBe(true);
    }
    const q3 = await offer(S1!, H!, [{ fact: evaluation(S1!, '王主任', 'O1', 3), by: S1! }]);
    expect(q3.reasons).toEqual([]);
    const newQ3 = await offer(S2!, H!, [{ fact: evaluation(S2!, '赵科长', 'O1', 3), by: S2! }]);
    expect(newQ3.reasons).toEqual([
      '“赵科长”自2026年10月1日起才是“张三”的主管领导,不能作出2026年第3季度的领导评鉴',
    ]);
    const newQ4 = await offer(S2!, H!, [{ fact: evaluation(S2!, '赵科长', 'O1', 4), by: S2! }]);
    expect(newQ4.reasons).toEqual([]);
  });
});

describe('finding 3: the signer named inside a record is checked against the signing key', () => {
  it('an evaluation naming another evaluator, or another evaluator’s name, is refused', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { S1, H } = org.devices;
    const otherId = await offer(S1!, H!, [{ fact: evaluation(S1!, '赵科长', 'O2', 1, 'S2'), by: S1! }]);
    expect(otherId.reasons).toEqual(['领导评鉴写明的签署人“赵科长”与签名人“王主任”不符']);
    expect(otherId.unchanged).toBe(true);
    const otherName = await offer(S1!, H!, [{ fact: evaluation(S1!, '赵科长', 'O2', 1), by: S1! }]);
    expect(otherName.reasons).toEqual(['领导评鉴写明的签署人“赵科长”与签名人“王主任”不符']);
    const feedback = factBy(S1!, {
      type: 'feedback',
      subject: 'O2',
      recordKey: 'feedback/O2/F1',
      body: {
        id: 'F1',
        personId: 'O2',
        year: 2026,
        quarter: 1,
        kind: 'talk',
        date: '2026-04-08',
        place: '办公室',
        participants: '王主任、李四',
        content: '肯定成绩',
        improvements: '加强学习',
        by: '赵科长',
        recordedAt: '2026-04-08T08:00:00.000Z',
      },
    });
    const fb = await offer(S1!, H!, [{ fact: feedback, by: S1! }]);
    expect(fb.reasons).toEqual(['评鉴结果反馈写明的签署人“赵科长”与签名人“王主任”不符']);
    // The same evaluation, named rightly, is accepted: the refusals above are about the names alone.
    const right = await offer(S1!, H!, [{ fact: evaluation(S1!, '王主任', 'O2', 1), by: S1! }]);
    expect(right.reasons).toEqual([]);
  });
});

describe('finding 4: an ordinary official signs a 平时考核备案登记表', () => {
  it('refuses a register signed by someone who was not a supervisor that quarter, and one listing people the signer did not supervise', async () => {
    const org = await makeOrg();
    await distributeRoster(org);
    const { O2, S2, S1, H } = org.devices;
    const byOfficial = factBy(O2!, {
      type: 'register',
      subject: 'O2',
      recordKey: 'register/O2/2026-Q1',
      body: registerBody('O2', '李四', [
        ['O2', '李四'],
        ['O3', '王五'],
      ]),
    });
    const a = await offer(O2!, H!, [{ fact: byOfficial, by: O2! }]);
    expect(a.reasons).toEqual(['“李四”2026年第1季度不是主管领导,不能填报平时考核备案登记表']);
    expect(a.unchanged).toBe(true);
    const notHis = factBy(S2!, {
      type: 'register',
      subject: 'S2',
      recordKey: 'register/S2/2026-Q1',
      body: registerBody('S2', '赵科长', [
        ['O4', '赵六'],
        ['O1', '张三'],
      ]),
    });
    const b = await offer(S2!, H!, [{ fact: notHis, by: S2! }]);
    expect(b.reasons).toEqual(['登记表所列“张三”2026年第1季度不是“赵科长”的下属人员,不能由其登记']);
    expect(b.unchanged).toBe(true);
    const own = factBy(S1!, {
      type: 'register',
      subject: 'S1',
      recordKey: 'register/S1/2026-Q1',
      body: registerBody('S1', '王主任', [
        ['O1', '张三'],
        ['O2', '李四'],
      ]),
    });
    expect((await offer(S1!, H!, [{ fact: own, by: S1! }])).reasons).toEqual([]);
  });
});

describe('finding 5: an enrollment request carrying another person’s encryption key', () => {
  it('is refused when bound, and the roster keeps one key per person', async () => {
    const org = await makeOrg();
    const s = await suite();
    const o1 = org.devices.O1!;
    const thief = await makeDevice('O2x', 'O2');
    const keys = { ...(await generateDeviceKeys(s)), encryption: o1.keys.encryption };
    const request = await parseEnrollmentRequest(
      s,
      await createEnrollmentRequest(s, {
        keys,
        personId: 'O2',
        personName: '李四',
        unitName: '办公室',
        deviceId: thief.deviceId,
      }),
    );
    expect(request.encryptionPub).toBe(toHex(o1.keys.encryption.pub));
    const draft = await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey });
    expect(() => bindEnrollment(draft, request, { personId: 'O2' })).toThrow(
      '此申请的加密密钥已属于“张三”,不予登记。申请可能被改动过,请让本人重新生成申请并当面核对指纹。',
    );
  });
});
