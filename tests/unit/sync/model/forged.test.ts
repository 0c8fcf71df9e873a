import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/domain';
import { factOf, factOfRow, storedFact, type Fact } from '../../../../shared/sync';
import { snapshot } from '../../store/helpers';
import {
  attest,
  craft,
  distributeRoster,
  entriesOf,
  factEntry,
  makeOrg,
  preview,
  receive,
  send,
  writePlan,
  writeRecord,
  type Org,
} from './harness';

async function orgWithPlans(): Promise<Org> {
  const org = await makeOrg();
  await distributeRoster(org);
  const { O1, O4, S1, S2 } = org.devices;
  await writePlan(O1!, ['起草年度工作要点']);
  await writeRecord(O1!, 1, '一月工作');
  await writePlan(O4!, ['执法检查']);
  await receive(S1!, (await send(O1!, S1!)).bytes);
  await receive(S2!, (await send(O4!, S2!)).bytes);
  return org;
}

describe('P5: a forged record inside a validly signed bundle rejects the whole bundle', () => {
  it('a modified payload no longer matches its author attestation', async () => {
    const org = await orgWithPlans();
    const { S1, H } = org.devices;
    const [planFact] = (await S1!.db.facts.toArray()).map(factOfRow).filter((f) => f.type === 'plan.version');
    const body = JSON.parse(planFact!.body) as { items: { task: string }[] };
    body.items[0]!.task = '改过的任务';
    const forged: Fact = { ...factOf(planFact!), body: canonicalJson(body) };
    const entries = [...(await entriesOf(S1!.db, (f) => f.id === planFact!.id)).slice(0, 1), factEntry(forged)];
    const before = await snapshot(H!.db);
    const plan = await preview(H!, await craft(S1!, H!, entries));
    expect(plan.status).toBe('rejected');
    expect(plan.rejected).toEqual([{ what: '张三 · 个人年度工作计划 · 2026', reason: '缺少作者的有效签名' }]);
    expect(await snapshot(H!.db)).toEqual(before);
  });

  it('lists every reason: wrong signer, evaluation by a non-supervisor, records outside either scope', async () => {
    const org = await orgWithPlans();
    const { O1, O2, S1, S2, H } = org.devices;
    // 1. Wrong signer: S1 signs an attestation naming O1 as the author of a fact O1 "wrote".
    const fake = storedFact({
      ...factOf(factOfRow((await O1!.db.facts.filter((f) => f.type === 'plan.version').toArray())[0]!)),
      counter: 50,
      body: canonicalJson({ note: 'forged' }),
      type: 'feedback.ack',
      recordKey: 'feedback/O1/2026-Q1',
      parents: [],
    });
    // 2. An evaluation of O1 written by S2, who is not O1's supervisor.
    const evaluation = storedFact({
      v: 1,
      type: 'evaluation',
      subject: 'O1',
      author: 'S2',
      authorKey: S2!.signingPub,
      device: S2!.deviceId,
      counter: 1,
      recordKey: 'evaluation/O1/2026-Q1',
      parents: [],
      createdAt: '2026-04-01T00:00:00.000Z',
      body: canonicalJson({ grade: 'good' }),
    });
    // 3. O4's plan (unit 10, supervised by S2) relayed by S1, who may not hold it.
    const o4 = (await S2!.db.facts.toArray())[0]!;
    const entries = [
      await attest(S1!, [fake.id], 'O1'),
      factEntry(factOf(fake)),
      await attest(S2!, [evaluation.id]),
      factEntry(factOf(evaluation)),
      ...(await entriesOf(S2!.db)),
    ];
    const plan = await preview(H!, await craft(S1!, H!, entries));
    expect(plan.status).toBe('rejected');
    const reasons = plan.rejected.map((r) => `${r.what}: ${r.reason}`);
    expect(reasons).toEqual(
      expect.arrayContaining([
        '“张三”的签名: 签名密钥属于“王主任”,与所写作者不符',
        '张三 · 领导评鉴 · 2026-Q1: “赵科长”2026年第1季度不是“张三”的主管领导,不能作出领导评鉴',
        '赵六 · 个人年度工作计划 · 2026: 超出发送方“王主任”的转发范围',
      ]),
    );
    expect(plan.rejected.length).toBeGreaterThanOrEqual(4);
    expect(o4.subject).toBe('O4');

    // 4. A record the recipient may not see: O1's plan sent to O2.
    const toO2 = await preview(O2!, await craft(S1!, O2!, await entriesOf(S1!.db, (f) => f.subject === 'O1')));
    expect(toO2.status).toBe('rejected');
    expect(toO2.rejected.every((r) => r.reason === '不在本机的查看范围内')).toBe(true);
    expect(toO2.rejected).toHaveLength(2);
  });

  it('refuses a fact whose body does not match its record key', async () => {
    const org = await orgWithPlans();
    const { O1, S1 } = org.devices;
    const real = factOfRow((await O1!.db.facts.filter((f) => f.type === 'plan.version').toArray())[0]!);
    const wrongYear = storedFact({ ...factOf(real), counter: 9, recordKey: 'plan/O1/2025' });
    const plan = await preview(S1!, await craft(O1!, S1!, [await attest(O1!, [wrongYear.id]), factEntry(factOf(wrongYear))]));
    expect(plan.rejected).toEqual([{ what: '张三 · 个人年度工作计划 · 2025', reason: '记录内容与记录标识不符' }]);
  });

  it('an export never includes what the peer would reject: withheld facts are listed instead', async () => {
    const org = await orgWithPlans();
    const { S1 } = org.devices;
    // A fact with no stored attestation cannot be relayed.
    const orphan = (await S1!.db.facts.toArray())[0]!;
    await S1!.db.attestations.clear();
    const out = await send(S1!, org.hr);
    expect(out.plan.facts.map((f) => f.id)).not.toContain(orphan.id);
    expect(out.plan.withheld.map((w) => w.reason)).toContain('缺少作者的签名,无法转发');
    // Each names its record for the clerk (a withheld fact is not among the facts sent).
    const named = out.plan.withheld.find((w) => w.factId === orphan.id);
    expect(named?.label).toMatch(/^张三|^李四|^王五|^赵六|^钱七/);
    expect((await receive(org.hr, out.bytes)).status).toBe('ready');
  });
});
