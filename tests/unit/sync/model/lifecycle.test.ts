import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/domain';
import { getPlan, openDatabase, saveRoster, setSelfIdentity } from '../../../../shared/store';
import { toHex } from '../../../../shared/bundle/bytes';
import {
  applyImport,
  draftNextRoster,
  exportKeyBackup,
  factOfRow,
  fingerprintHex,
  pinHrKey,
  restoreKeyBackup,
  signRoster,
  storedFact,
  type Fact,
} from '../../../../shared/sync';
import { fakeDeps, freshName, snapshot } from '../../store/helpers';
import {
  attest,
  craft,
  distributeRoster,
  factEntry,
  makeOrg,
  ORG,
  preview,
  receive,
  reinstall,
  send,
  suite,
  writePlan,
  writeRecord,
  writeSummary,
  type Device,
  type Org,
} from './harness';

/** O5 loses their PC: a new install, new keys, a new enrollment, roster v2 with the old key retired. */
const reinstallO5 = (org: Org, through?: Record<string, number>) => reinstall(org, 'O5', '钱七', '法规科', through);

describe('P13: key loss and rotation', () => {
  it('reinstall → new keys; old facts still verify everywhere; a stale-key bundle fails clearly; re-export works', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O5', 'S2']);
    const { O5, S2, H } = org.devices;
    await writePlan(O5!, ['旧电脑上写的计划']);
    await receive(S2!, (await send(O5!, S2!)).bytes);

    const O5n = await reinstallO5(org);
    const roster = (await org.hr.db.rosters.get(2))!.signed.roster;
    const keys = roster.people.find((p) => p.id === 'O5')!.keys;
    expect(keys.map((k) => [k.signingPub, !!k.retired])).toEqual([
      [O5!.signingPub, true],
      [O5n.signingPub, false],
    ]);
    await receive(S2!, (await send(org.hr, S2!)).bytes);
    await receive(O5n, (await send(org.hr, O5n)).bytes);

    // The plan signed with the retired key is relayed to HR and back to the new install.
    expect((await receive(H!, (await send(S2!, H!)).bytes)).added.map((a) => a.type)).toEqual(['plan.version']);
    await receive(O5n, (await send(S2!, O5n)).bytes);
    expect((await getPlan(O5n.db, 'O5', 2026))?.items[0]?.task).toBe('旧电脑上写的计划');

    // The old PC, still running, sends with its retired key: refused with a reason that says what to do.
    await writeRecord(O5!, 1, '旧电脑上的一月记录');
    const stale = await preview(S2!, (await send(O5!, S2!)).bytes);
    expect(stale.status).toBe('rejected');
    expect(stale.rejected).toContainEqual({ what: '发送方', reason: '“钱七”使用的是已停用的旧密钥;请其在新安装的程序上重新导出' });

    // The new install writes and re-exports; the supervisor accepts.
    await writeRecord(O5n, 1, '新电脑上的一月记录');
    const again = await receive(S2!, (await send(O5n, S2!)).bytes);
    expect(again.added.map((a) => a.type)).toEqual(['record.version']);
  });

  it('a key retired "through" a counter verifies facts up to it and refuses later ones', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O5', 'S2']);
    const { O5, S2, H } = org.devices;
    await writePlan(O5!, ['计划']);
    await receive(S2!, (await send(O5!, S2!)).bytes);
    await reinstallO5(org, { [O5!.deviceId]: 1 });
    await receive(S2!, (await send(org.hr, S2!)).bytes);
    await receive(H!, (await send(S2!, H!)).bytes);
    // A thief writes with the old key afterwards; even relayed by a valid sender it is refused.
    await writeRecord(O5!, 2, '冒名写的记录');
    const late = factOfRow((await O5!.db.facts.filter((f) => f.type === 'record.version').toArray())[0]!);
    expect(late.counter).toBe(2);
    const { id: _id, ...lateFact } = late;
    const plan = await preview(H!, await craft(S2!, H!, [await attest(O5!, [late.id]), factEntry(lateFact)]));
    expect(plan.rejected.map((r) => r.reason)).toEqual([expect.stringContaining('此记录写于停用之后')]);
  });

  it('a restored key backup keeps the keys on a new install id: counters restart there, nothing collides', async () => {
    const s = await suite();
    const org = await makeOrg();
    await distributeRoster(org, ['O4', 'S2']);
    const { O4, S2 } = org.devices;
    await writePlan(O4!, ['计划']);
    await receive(S2!, (await send(O4!, S2!)).bytes);
    const file = await exportKeyBackup(s, { contents: { personId: 'O4', keys: O4!.keys }, passphrase: 'backup-passphrase', personName: '赵六' });
    const restored = await restoreKeyBackup(s, file, 'backup-passphrase');
    const db = await openDatabase(freshName('restored'), fakeDeps);
    const { identity } = await setSelfIdentity(db, {
      personId: restored.personId,
      signingPub: toHex(restored.keys.signing.pub),
      encryptionPub: toHex(restored.keys.encryption.pub),
    });
    expect(identity.device).not.toBe(O4!.deviceId);
    await pinHrKey(db, { hrKey: org.hrKey, confirmedFingerprint: fingerprintHex(org.hrKey) });
    const O4r: Device = { ...O4!, label: 'O4r', db, keys: restored.keys, deviceId: identity.device };
    // S2 still believes this key's database holds everything: the restored install notices and says so.
    const partial = await preview(O4r, (await send(S2!, O4r)).bytes);
    expect(partial.status).toBe('rejected');
    expect(partial.warnings[0]).toContain('完整导出');
    expect(partial.rejected[0]!.reason).toContain('完整导出');
    await receive(O4r, (await send(S2!, O4r, { full: true })).bytes);
    expect((await getPlan(db, 'O4', 2026))?.state).toBe('submitted');
    await writeRecord(O4r, 2, '恢复后的二月记录');
    const fact = (await db.facts.filter((f) => f.type === 'record.version').toArray())[0]!;
    expect([fact.device, fact.counter]).toEqual([identity.device, 1]);
    expect((await receive(S2!, (await send(O4r, S2!)).bytes)).added).toHaveLength(1);
    // Its acks told S2 about the new install: the next incremental export is based on it.
    expect((await S2!.db.peerHoldings.get(O4!.signingPub))?.install).toBe(identity.device);
    const next = await preview(O4r, (await send(S2!, O4r)).bytes);
    expect(next.warnings).toEqual([]);
    expect([next.status, next.added.length]).toEqual(['ready', 0]);
  });
});

describe('P14: versioning of records', () => {
  it('an unknown record type is kept and relayed; an unknown fact format or entry type asks for an upgrade', async () => {
    const org = await makeOrg();
    await distributeRoster(org, ['O1', 'S1']);
    const { O1, S1, H } = org.devices;
    const future: Fact = {
      v: 1,
      type: 'future.kind',
      subject: 'O1',
      author: 'O1',
      authorKey: O1!.signingPub,
      device: O1!.deviceId,
      counter: 7,
      recordKey: 'future/O1/2027',
      parents: [],
      createdAt: '2027-01-01T00:00:00.000Z',
      body: canonicalJson({ something: 'new', ratio: 0.25 }),
    };
    const id = storedFact(future).id;
    const kept = await receive(S1!, await craft(O1!, S1!, [await attest(O1!, [id]), factEntry(future)]));
    expect(kept.added[0]!.label).toBe('张三 · 其他记录(future.kind) · 2027');
    expect((await receive(H!, (await send(S1!, H!)).bytes)).added.map((a) => a.id)).toEqual([id]);
    expect(factOfRow((await H!.db.facts.get(id))!).body).toBe(future.body);

    const newer = { ...future, v: 2 } as unknown as Fact;
    const p1 = await preview(S1!, await craft(O1!, S1!, [factEntry(newer)], 100));
    expect(p1.rejected).toEqual([{ what: '第1条记录', reason: '由较新版本的履责记实生成,请升级软件' }]);
    const p2 = await preview(S1!, await craft(O1!, S1!, [{ type: 'hologram', bytes: new Uint8Array(1) }], 101));
    expect(p2.rejected).toEqual([{ what: '内容类型“hologram”', reason: '数据包包含本软件不认识的内容,请升级软件' }]);
  });
});

describe('P8: a failure in the middle of an import leaves the database unchanged', () => {
  it('for every write position k, a throw after k writes rolls everything back; then the import succeeds', async () => {
    const s = await suite();
    const org = await makeOrg();
    await distributeRoster(org, ['O2', 'S1']);
    const { O2, S1 } = org.devices;
    await writePlan(O2!, ['计划']);
    await writeRecord(O2!, 1, '一月');
    await writeSummary(O2!, 1, '第一季度工作小结:完成了全部计划任务,质量较好,按期完成。');
    await receive(S1!, (await send(O2!, S1!)).bytes);
    // A bundle that brings a new roster and facts and materialises on S1.
    await writeRecord(O2!, 2, '二月');
    await saveRoster(org.hr.db, await signRoster(s, org.orgKey.seed, await draftNextRoster(org.hr.db, { orgId: ORG, hrKey: org.hrKey })));
    await receive(O2!, (await send(org.hr, O2!)).bytes);
    const plan = await preview(S1!, (await send(O2!, S1!, { full: true })).bytes);
    expect(plan.rosterOutcome).toBe('newer');
    const before = await snapshot(S1!.db);
    let k = 1;
    for (; k < 50; k++) {
      const failed = await applyImport(S1!.db, plan, { failAfterWrites: k }).then(
        () => false,
        () => true,
      );
      if (!failed) break;
      expect(await snapshot(S1!.db)).toEqual(before);
    }
    expect(k).toBeGreaterThan(5);
    expect((await S1!.db.rosters.orderBy('version').last())?.version).toBe(2);
    expect(await S1!.db.recordVersions.count()).toBe(2);
  });
});
