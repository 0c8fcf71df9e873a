import { describe, expect, it } from 'vitest';
import {
  authorProblem,
  directReports,
  hrCovers,
  isSupervisorOf,
  mayRead,
  whoHoldsKey,
  type Roster,
  type RosterPerson,
} from '../../../../shared/sync';
import { craft, entriesOf, makeOrg, preview, receive, send, writePlan, type Org } from './harness';

async function everyoneWrites(org: Org): Promise<void> {
  const { H } = org.devices;
  for (const id of ['O1', 'O2', 'O3', 'O4', 'O5', 'S1', 'S2', 'H']) {
    const d = org.devices[id]!;
    if (id !== 'H') await receive(d, (await send(H!, d)).bytes);
    await writePlan(d, [`${id} 的任务`]);
  }
}

const subjectsOf = (facts: { subject: string }[]) => [...new Set(facts.map((f) => f.subject))].sort();

describe('P11: scoping', () => {
  it('each role exports exactly what the recipient may see', async () => {
    const org = await makeOrg();
    await everyoneWrites(org);
    const { H, S1, S2, O2 } = org.devices;
    for (const id of ['O1', 'O2', 'O3', 'O4', 'O5', 'S1', 'S2']) await receive(H!, (await send(org.devices[id]!, H!)).bytes);
    expect(await H!.db.facts.count()).toBe(8);

    expect(subjectsOf((await send(H!, S1!, { full: true })).plan.facts)).toEqual(['O1', 'O2', 'O3', 'S1']);
    expect(subjectsOf((await send(H!, S2!, { full: true })).plan.facts)).toEqual(['O4', 'O5', 'S2']);
    expect(subjectsOf((await send(H!, O2!, { full: true })).plan.facts)).toEqual(['O2']);
    await receive(S1!, (await send(H!, S1!, { full: true })).bytes);
    expect(subjectsOf((await send(S1!, O2!, { full: true })).plan.facts)).toEqual(['O2']);
    // Another unit's supervisor may see nothing of O2.
    expect((await send(O2!, S2!, { full: true })).plan.facts).toEqual([]);
  });

  it("an HR officer filing for unit '1' gets nothing of unit '10', and refuses it when sent anyway", async () => {
    const org = await makeOrg({ hrUnitIds: { H: ['1'] } });
    await everyoneWrites(org);
    const { H, O1, O4, S2 } = org.devices;
    expect((await send(O4!, H!)).plan.facts).toEqual([]);
    await receive(S2!, (await send(O4!, S2!)).bytes);
    // S2 (unit 10) relays only what HR may see: its own plan is unit 10 too, so nothing.
    expect((await send(S2!, H!)).plan.facts).toEqual([]);
    expect((await receive(H!, (await send(O1!, H!)).bytes)).added.map((a) => a.subject)).toEqual(['O1']);

    const forced = await preview(H!, await craft(S2!, H!, await entriesOf(S2!.db, (f) => f.subject === 'O4')));
    expect(forced.status).toBe('rejected');
    expect(forced.rejected).toEqual([{ what: '赵六 · 个人年度工作计划 · 2026', reason: '不在本机的查看范围内' }]);
  });
});

// ---- The rules on a hand-made roster ----

const person = (id: string, unitId: string, extra: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  name: id,
  unitId,
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  supervisorId: null,
  formerSupervisorIds: [],
  hrUnitIds: [],
  active: true,
  keys: [{ signingPub: id.padEnd(64, '0').toLowerCase().replace(/[^0-9a-f]/g, 'a'), encryptionPub: '0'.repeat(64), deviceId: `d${id}`, since: '' }],
  ...extra,
});

const roster: Roster = {
  format: 'dutybook-roster',
  v: 1,
  orgId: 'ORG',
  version: 1,
  issuedAt: '',
  hrKey: '0'.repeat(64),
  keyHistory: [],
  units: [
    { id: '1', name: '一', parentId: null, path: '/1/', code: '', sortOrder: 0 },
    { id: '10', name: '十', parentId: null, path: '/10/', code: '', sortOrder: 0 },
    { id: '100', name: '百', parentId: '1', path: '/1/100/', code: '', sortOrder: 0 },
  ],
  people: [
    person('hr1', '1', { roles: ['official', 'hr'], hrUnitIds: ['1'] }),
    person('hrall', '1', { roles: ['official', 'hr'] }),
    person('boss', '1', { roles: ['official', 'supervisor'] }),
    person('old', '1', { roles: ['official', 'supervisor'] }),
    person('a', '100', { supervisorId: 'boss', formerSupervisorIds: ['old'] }),
    person('b', '10', { supervisorId: 'boss' }),
  ],
  config: '',
};

describe('authz rules', () => {
  it("HR scope follows delimiter-terminated unit paths: '1' covers '1/100' but never '10'", () => {
    const hr1 = roster.people[0]!;
    const [a, b] = [roster.people[4]!, roster.people[5]!];
    expect(hrCovers(roster, hr1, a)).toBe(true);
    expect(hrCovers(roster, hr1, b)).toBe(false);
    expect(hrCovers(roster, roster.people[1]!, b)).toBe(true);
    expect(mayRead(roster, 'hr1', { subject: 'b', author: 'b' })).toBe(false);
    expect(mayRead(roster, 'boss', { subject: 'b', author: 'b' })).toBe(true);
    expect(mayRead(roster, 'old', { subject: 'a', author: 'a' })).toBe(false);
    expect(mayRead(roster, 'a', { subject: 'b', author: 'b' })).toBe(false);
  });

  it('writer rules: self for own records, (former) supervisor for decisions, HR for receipts', () => {
    const fact = (type: string, author: string, subject: string, kind: string) => ({
      v: 1 as const,
      type,
      subject,
      author,
      authorKey: whoHoldsKey(roster, roster.people.find((p) => p.id === author)!.keys[0]!.signingPub)!.key.signingPub,
      device: `d${author}`,
      counter: 1,
      recordKey: `${kind}/${subject}/2026`,
      parents: [],
      createdAt: '',
      body: '{}',
    });
    expect(authorProblem(roster, fact('plan.version', 'a', 'a', 'plan'))).toBeNull();
    expect(authorProblem(roster, fact('plan.version', 'boss', 'a', 'plan'))).toBe('“boss”不能代“a”填写个人年度工作计划');
    expect(authorProblem(roster, fact('evaluation', 'boss', 'a', 'evaluation'))).toBeNull();
    expect(authorProblem(roster, fact('evaluation', 'old', 'a', 'evaluation'))).toBeNull();
    expect(authorProblem(roster, fact('evaluation', 'boss', 'hr1', 'evaluation'))).toContain('2026年度不是“hr1”的主管领导');
    expect(authorProblem(roster, fact('filing.receipt', 'hr1', 'a', 'filing'))).toBeNull();
    expect(authorProblem(roster, fact('filing.receipt', 'hr1', 'b', 'filing'))).toContain('不是负责“b”2026年度考核材料的人事部门');
    expect(authorProblem(roster, fact('plan.version', 'a', 'a', 'record'))).toBe('记录标识与记录内容不符');
    expect(authorProblem(roster, { ...fact('plan.version', 'a', 'a', 'plan'), author: 'b' })).toBe('签名密钥属于“a”,与记录所写作者不符');
    expect(directReports(roster, 'boss').map((p) => p.id)).toEqual(['a', 'b']);
    expect(isSupervisorOf(roster, 'boss', 'a')).toBe(true);
    expect(isSupervisorOf(roster, 'old', 'a')).toBe(false);
  });
});
