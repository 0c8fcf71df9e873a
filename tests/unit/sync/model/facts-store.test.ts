import { describe, expect, it } from 'vitest';
import {
  SCHEMA_HISTORY,
  conflictsFor,
  currentFact,
  getPlan,
  openDatabase,
  listConflicts,
  readHoldings,
  returnPlan,
  savePlanDraft,
  setSelfIdentity,
  submitPlan,
} from '../../../../shared/store';
import {
  factBytes,
  factId,
  factOf,
  factOfRow,
  factRow,
  headsOf,
  parseAcks,
  parseFact,
  rangesContain,
  recordKeys,
  sha256Hex,
  storedFact,
  unionRanges,
  watermark,
  type Fact,
} from '../../../../shared/sync';
import { utf8 } from '../../../../shared/bundle/bytes';
import { fakeDeps, freshName, openTestDb, snapshot } from '../../store/helpers';
import { makeDevice, writePlan } from './harness';

const at = (d: string) => new Date(`${d}T08:00:00.000Z`);
const item = (task: string) => ({ id: 'i1', task, target: '按期完成', deadline: '2026-06-30', duty: '岗位职责' });

describe('facts written with submissions', () => {
  it('each submission appends one fact: next counter, superseding the current head, same transaction', async () => {
    const d = await makeDevice('O', 'P1');
    await writePlan(d, ['第一稿']);
    await returnPlan(d.db, 'P1', 2026, [{ itemId: null, reason: '请细化' }], at('2026-01-05'));
    await savePlanDraft(d.db, 'P1', 2026, [item('第二稿')], at('2026-01-06'));
    await submitPlan(d.db, 'P1', 2026, at('2026-01-06'));
    const rows = await d.db.facts.toArray();
    // Stored as the bytes the id hashes (what an export sends), the whole fact read back from them.
    expect(rows.every((r) => sha256Hex(r.bytes) === r.id)).toBe(true);
    const facts = rows.map(factOfRow).sort((a, b) => a.counter - b.counter);
    expect(facts.map((f) => [f.type, f.counter, f.recordKey, f.author, f.authorKey])).toEqual([
      ['plan.version', 1, 'plan/P1/2026', 'P1', d.signingPub],
      ['plan.version', 2, 'plan/P1/2026', 'P1', d.signingPub],
    ]);
    expect(facts[1]!.parents).toEqual([facts[0]!.id]);
    expect(facts.every((f) => f.id === factId(factOf(f)))).toBe(true);
    expect(JSON.parse(facts[1]!.body)).toMatchObject({ version: 2, items: [{ task: '第二稿' }] });
    expect((await currentFact(d.db, recordKeys.plan('P1', 2026)))?.shown.id).toBe(facts[1]!.id);
    expect(await conflictsFor(d.db, recordKeys.plan('P1', 2026))).toEqual([]);
  });

  it('a refused submission writes no fact', async () => {
    const d = await makeDevice('O', 'P1');
    await savePlanDraft(d.db, 'P1', 2026, [{ ...item(''), task: '' }], at('2026-01-02'));
    const before = await snapshot(d.db);
    await expect(submitPlan(d.db, 'P1', 2026, at('2026-01-02'))).rejects.toThrow();
    expect(await snapshot(d.db)).toEqual(before);
  });

  it('versions submitted before the install had keys become facts when it gets them, oldest first', async () => {
    const db = await openTestDb(freshName('early'));
    await savePlanDraft(db, 'P1', 2026, [item('一')], at('2026-01-02'));
    await submitPlan(db, 'P1', 2026, at('2026-01-02'));
    await returnPlan(db, 'P1', 2026, [{ itemId: null, reason: '改' }], at('2026-01-03'));
    await submitPlan(db, 'P1', 2026, at('2026-01-04'));
    expect(await db.facts.count()).toBe(0);
    const { backfilled } = await setSelfIdentity(db, { personId: 'P1', signingPub: 'a'.repeat(64), encryptionPub: 'b'.repeat(64) });
    expect(backfilled).toBe(2);
    const facts = (await db.facts.toArray()).map(factOfRow).sort((a, b) => a.counter - b.counter);
    expect(facts.map((f) => JSON.parse(f.body).version as number)).toEqual([1, 2]);
    expect(facts[1]!.parents).toEqual([facts[0]!.id]);
    // Setting the identity again back-fills nothing twice.
    expect((await setSelfIdentity(db, { personId: 'P1', signingPub: 'a'.repeat(64), encryptionPub: 'b'.repeat(64) })).backfilled).toBe(0);
  });

  it('holdings are derived from the facts: per install, sorted disjoint ranges', async () => {
    const d = await makeDevice('O', 'P1');
    await writePlan(d, ['x']);
    const own = factOf(factOfRow((await d.db.facts.toArray())[0]!));
    const f = (device: string, counter: number) => factRow(storedFact({ ...own, device, counter }));
    await d.db.facts.bulkPut([f('A', 1), f('A', 2), f('A', 4), f('B', 3)]);
    const held = await readHoldings(d.db);
    expect(held).toEqual({ A: [[1, 2], [4, 4]], B: [[3, 3]], [d.deviceId]: [[1, 1]] });
    expect(await listConflicts(d.db)).toEqual([recordKeys.plan('P1', 2026)]);
  });
});

describe('fact and holdings encodings', () => {
  it('a fact is canonical JSON; anything else is refused, and a newer format is told apart', () => {
    const fact: Fact = {
      v: 1,
      type: 'plan.version',
      subject: 'P',
      author: 'P',
      authorKey: 'a'.repeat(64),
      device: 'D',
      counter: 1,
      recordKey: 'plan/P/2026',
      parents: [],
      createdAt: '',
      body: '{"x":0.5}',
    };
    const bytes = factBytes(fact);
    expect(parseFact(bytes)).toEqual({ fact, id: factId(fact) });
    expect(parseFact(utf8(` ${new TextDecoder().decode(bytes)}`))).toMatchObject({ problem: { kind: 'malformed' } });
    expect(parseFact(factBytes({ ...fact, v: 2 } as unknown as Fact))).toMatchObject({ problem: { kind: 'unsupported' } });
    expect(parseFact(factBytes({ ...fact, parents: ['b'.repeat(64), 'a'.repeat(64)] }))).toMatchObject({ problem: { kind: 'malformed' } });
    expect(parseFact(factBytes({ ...fact, extra: 1 } as unknown as Fact))).toMatchObject({ problem: { kind: 'malformed' } });
  });

  it('heads: the facts nobody supersedes, the shown one by (counter, install, id)', () => {
    const base = { v: 1 as const, type: 't', subject: 'P', author: 'P', authorKey: 'a'.repeat(64), recordKey: 't/P/1', createdAt: '', body: '' };
    const a = storedFact({ ...base, device: 'A', counter: 1, parents: [] });
    const b = storedFact({ ...base, device: 'A', counter: 2, parents: [a.id] });
    const c = storedFact({ ...base, device: 'B', counter: 2, parents: [a.id] });
    expect(headsOf([a, b, c]).map((f) => f.device)).toEqual(['B', 'A']);
    expect(headsOf([c, a]).map((f) => f.id)).toEqual([c.id]);
  });

  it('ranges: union, membership and the contiguous watermark', () => {
    expect(unionRanges([[1, 2]], [[3, 5]], [[8, 9], [7, 7]])).toEqual([[1, 5], [7, 9]]);
    expect(rangesContain([[1, 5], [7, 9]], 6)).toBe(false);
    expect(rangesContain([[1, 5], [7, 9]], 7)).toBe(true);
    expect(watermark([[1, 5], [7, 9]])).toBe(5);
    expect(watermark([[2, 5]])).toBe(0);
    expect(parseAcks({ v: 1, install: 'I', rosterVersion: 1, held: { D: [[3, 1]] } })).toBeUndefined();
    expect(parseAcks(null)).toBeUndefined();
    expect(parseAcks({ v: 1, install: 'I', rosterVersion: 1, held: { D: [[1, 2], [4, 4]] } })?.held.D).toEqual([[1, 2], [4, 4]]);
  });
});

describe('schema v3', () => {
  it('upgrades a v2 database: records stay, sync tables start empty, keys later back-fill the facts', async () => {
    const name = freshName('v2-to-v3');
    const v2 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.slice(0, 2) });
    await savePlanDraft(v2, 'P1', 2026, [item('旧版本里写的')], at('2026-01-02'));
    v2.close();
    const v3 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.slice(0, 3) });
    expect(v3.verno).toBe(3);
    expect((await getPlan(v3, 'P1', 2026))?.items[0]?.task).toBe('旧版本里写的');
    for (const t of ['facts', 'attestations', 'peerHoldings', 'bundles', 'trust', 'rosters']) {
      expect(await v3.table(t).count()).toBe(0);
    }
    v3.close();
    // Today's code runs on today's schema: the later steps upgrade it (and build the status rows).
    const now = await openDatabase(name, fakeDeps);
    expect(await now.personYears.count()).toBe(1);
    await submitPlan(now, 'P1', 2026, at('2026-01-03'));
    expect(await now.facts.count()).toBe(0);
    expect((await now.personYears.get('P1/2026'))?.plan?.state).toBe('submitted');
    await setSelfIdentity(now, { personId: 'P1', signingPub: 'a'.repeat(64), encryptionPub: 'b'.repeat(64) });
    expect((await now.facts.toArray()).map((f) => f.recordKey)).toEqual(['plan/P1/2026']);
    now.close();
  });
});

describe('schema v9: facts kept as their canonical bytes', () => {
  it('upgrades facts stored whole: each row keeps its head and the bytes its id hashes, and reads back the same fact', async () => {
    const name = freshName('v8-to-v9');
    const v8 = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.filter((s) => s.version <= 8) });
    const first = storedFact({
      v: 1,
      type: 'plan.version',
      subject: 'P1',
      author: 'P1',
      authorKey: 'a'.repeat(64),
      device: 'D1',
      counter: 1,
      recordKey: 'plan/P1/2026',
      parents: [],
      createdAt: '2026-01-02T00:00:00.000Z',
      body: '{"items":[{"task":"旧版本里写的 \\"引号\\""}],"version":1}',
    });
    const second = storedFact({ ...factOf(first), counter: 2, parents: [first.id], body: '{"version":2}' });
    // As v8 stored them: the fact's fields and its id.
    await v8.table('facts').bulkPut([first, second]);
    v8.close();

    const now = await openDatabase(name, fakeDeps);
    const rows = (await now.facts.toArray()).sort((a, b) => a.counter - b.counter);
    expect(rows.map((r) => Object.keys(r).sort())).toEqual(
      Array(2).fill(['author', 'authorKey', 'bytes', 'counter', 'device', 'id', 'recordKey', 'subject', 'type']),
    );
    expect(rows.map((r) => sha256Hex(r.bytes))).toEqual([first.id, second.id]);
    expect(rows.map(factOfRow)).toEqual([first, second]);
    // The indexes still answer: by record, by install and counter, and the current version.
    expect(await readHoldings(now)).toEqual({ D1: [[1, 2]] });
    expect((await currentFact(now, 'plan/P1/2026'))?.shown).toEqual(second);
    now.close();
  });
});
