/**
 * Matching a batch of enrollment requests to roster people (HR's 从文件夹导入): real request files
 * signed by real keys, read as HR reads them, against people saved in a real (fake-indexeddb) database.
 */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectSuite, type CryptoSuite } from '../../../shared/bundle/crypto';
import { createEnrollmentRequest, draftNextRoster, generateDeviceKeys, type Roster } from '../../../shared/sync';
import { openDatabase, putPerson, putUnit, type DutyBookDb } from '../../../shared/store';
import { readRequest, type PendingEnrollment } from '../../../src-renderer/features/hr/org-service';
import { matchRequests } from '../../../src-renderer/features/hr/enrollment-match';
import { readRequestFiles } from '../../../src-renderer/features/hr/EnrollmentPanel';

const staff = { positionCategory: 'comprehensive' as const, rankLevel: 'staff1', roles: ['official' as const] };
let suite: CryptoSuite;
let db: DutyBookDb;
let n = 0;

async function requestFile(p: { personName: string; unitName: string; staffNo?: string; personId?: string }) {
  const keys = await generateDeviceKeys(suite);
  return createEnrollmentRequest(suite, {
    keys,
    personId: p.personId ?? `install-${++n}`,
    personName: p.personName,
    unitName: p.unitName,
    deviceId: `device-${n}`,
    ...(p.staffNo ? { staffNo: p.staffNo } : {}),
  });
}
const request = async (p: Parameters<typeof requestFile>[0], fileName?: string) => readRequest(await requestFile(p), fileName);

async function match(pending: PendingEnrollment[], roster?: Roster) {
  const [people, units] = await Promise.all([db.people.toArray(), db.orgUnits.toArray()]);
  return matchRequests(pending, people, units, roster);
}

beforeAll(async () => {
  suite = await detectSuite();
  db = await openDatabase(`enroll-match-${Math.random().toString(36).slice(2)}`);
  await putUnit(db, { id: 'org', name: '某市财政局', parentId: null });
  await putUnit(db, { id: 'ys', name: '预算管理科', parentId: 'org' });
  await putUnit(db, { id: 'gk', name: '国库科', parentId: 'org' });
  await putPerson(db, { id: 'zs', name: '张三', unitId: 'ys', ...staff, supervisorId: null, staffNo: 'CZ001' });
  await putPerson(db, { id: 'ls1', name: '李四', unitId: 'ys', ...staff, supervisorId: null, staffNo: 'CZ002' });
  await putPerson(db, { id: 'ls2', name: '李四', unitId: 'gk', ...staff, supervisorId: null, staffNo: 'CZ003' });
  await putPerson(db, { id: 'ww1', name: '王五', unitId: 'ys', ...staff, supervisorId: null });
  await putPerson(db, { id: 'ww2', name: '王五', unitId: 'ys', ...staff, supervisorId: null });
  await putPerson(db, { id: 'zl', name: '赵六', unitId: 'gk', ...staff, supervisorId: null, staffNo: 'CZ009' });
});

describe('matchRequests', () => {
  it('by 人员编号 first, even when the name is written differently', async () => {
    const r = await request({ personName: '张 三', unitName: '财政局', staffNo: 'CZ001' });
    expect((await match([r])).get(r.request.signingPub)).toEqual({ kind: 'matched', personId: 'zs', by: 'staffNo' });
  });

  it('by name and unit when two people share the name', async () => {
    const r = await request({ personName: '李四', unitName: '国库科' });
    expect((await match([r])).get(r.request.signingPub)).toEqual({ kind: 'matched', personId: 'ls2', by: 'name-unit' });
    // The unit's path written out names it too.
    const r2 = await request({ personName: '李四', unitName: '某市财政局预算管理科' });
    expect((await match([r2])).get(r2.request.signingPub)).toMatchObject({ personId: 'ls1', by: 'name-unit' });
  });

  it('by name alone when only one person has it, whatever unit was typed', async () => {
    const r = await request({ personName: '赵六', unitName: '办公室' });
    expect((await match([r])).get(r.request.signingPub)).toEqual({ kind: 'matched', personId: 'zl', by: 'name' });
  });

  it('ambiguous: two namesakes in the unit typed — both offered, nothing chosen', async () => {
    const r = await request({ personName: '王五', unitName: '预算管理科' });
    const m = (await match([r])).get(r.request.signingPub);
    expect(m).toMatchObject({ kind: 'ambiguous', reason: '名册中有2位“王五”,请按单位选择对应人员' });
    expect(m?.kind === 'ambiguous' && [...m.candidates].sort()).toEqual(['ww1', 'ww2']);
    // Two namesakes in different units, and the unit typed names neither.
    const r2 = await request({ personName: '李四', unitName: '办公室' });
    expect((await match([r2])).get(r2.request.signingPub)).toMatchObject({ kind: 'ambiguous', candidates: ['ls1', 'ls2'] });
  });

  it('unmatched: nobody of that name or number, with what to do', async () => {
    const r = await request({ personName: '钱七', unitName: '国库科', staffNo: 'CZ404' });
    expect((await match([r])).get(r.request.signingPub)).toEqual({
      kind: 'unmatched',
      reason: '名册中没有人员编号为“CZ404”或名为“钱七”的在职人员:请先在“人员”中添加,再选择对应人员',
    });
  });

  it('two requests for one person: neither bound without a choice', async () => {
    const a = await request({ personName: '张三', unitName: '预算管理科' });
    const b = await request({ personName: '张三', unitName: '预算管理科' });
    const m = await match([a, b]);
    for (const r of [a, b]) expect(m.get(r.request.signingPub)).toMatchObject({ kind: 'ambiguous', candidates: ['zs'] });
  });

  it('already bound (waiting for the roster) and already in the issued roster', async () => {
    const waiting = { ...(await request({ personName: '张三', unitName: '预算管理科' })), boundTo: 'zs' };
    const other = await request({ personName: '张三', unitName: '预算管理科' });
    const m = await match([waiting, other]);
    expect(m.get(waiting.request.signingPub)).toEqual({ kind: 'bound', personId: 'zs', issued: false });
    expect(m.get(other.request.signingPub)).toMatchObject({ kind: 'unmatched', reason: '“张三”已绑定另一份申请,待签发' });

    const issuedReq = await request({ personName: '赵六', unitName: '国库科' });
    const draft = await draftNextRoster(db, { orgId: 'org', hrKey: '00' });
    const roster: Roster = {
      ...draft,
      people: draft.people.map((p) =>
        p.id === 'zl' ? { ...p, keys: [{ signingPub: issuedReq.request.signingPub, encryptionPub: issuedReq.request.encryptionPub, device: 'd', since: '2026-01-01' } as never] } : p,
      ),
    };
    const m2 = await match([issuedReq, await request({ personName: '赵六', unitName: '国库科' }, 'again.dutyenroll')], roster);
    expect(m2.get(issuedReq.request.signingPub)).toEqual({ kind: 'bound', personId: 'zl', issued: true });
    expect([...m2.values()][1]).toMatchObject({ kind: 'unmatched', reason: expect.stringContaining('“赵六”已登记过密钥') });
  });
});

describe('readRequestFiles', () => {
  it('reads new requests, skips duplicate files (same key) and says why a file was not read', async () => {
    const a = await requestFile({ personName: '张三', unitName: '预算管理科' });
    const b = await requestFile({ personName: '李四', unitName: '国库科' });
    const { read, report } = await readRequestFiles(
      [
        { name: '申请/张三-注册申请.dutyenroll', data: a },
        { name: '申请/张三-注册申请(1).dutyenroll', data: a },
        { name: '申请/李四-注册申请.dutyenroll', data: b },
        { name: '申请/坏的.dutyenroll', data: new TextEncoder().encode('{"format":"dutybook-enrollment"') },
        { name: '申请/说明.txt', data: new Uint8Array(0), skipped: 'other-kind' },
        { name: '申请/大文件.dutyenroll', data: new Uint8Array(0), skipped: 'too-large' },
      ],
      [],
    );
    expect(read.map((r) => [r.request.personName, r.fileName])).toEqual([
      ['张三', '张三-注册申请.dutyenroll'],
      ['李四', '李四-注册申请.dutyenroll'],
    ]);
    expect(report.fresh).toBe(2);
    expect(report.dup).toBe(1);
    expect(report.problems).toEqual([
      '张三-注册申请(1).dutyenroll:与“张三-注册申请.dutyenroll”是同一份申请,已略过',
      '坏的.dutyenroll:注册申请内容已被改动或损坏',
      '大文件.dutyenroll:文件过大,不是注册申请',
    ]);
    // Imported before: a duplicate of what HR already holds.
    const again = await readRequestFiles([{ name: 'x.dutyenroll', data: b }], read);
    expect(again.report.problems).toEqual(['x.dutyenroll:与“李四-注册申请.dutyenroll”是同一份申请,已略过']);
  });
});
