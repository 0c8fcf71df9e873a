/**
 * Backups of the whole database (shared/backup): a restore reproduces the exact state —
 * every table, byte for byte (v8 structured-clone bytes of every row) — after a realistic seeded
 * history; every kind of bad file is refused with the database untouched; older schemas restore
 * through the app's own upgrades; the pre-upgrade backup is taken before Dexie upgrades.
 */
import { serialize } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../../shared/seed';
import {
  CURRENT_SCHEMA_VERSION,
  openDatabase,
  SCHEMA_HISTORY,
  verifyAudit,
  type DutyBookDb,
  type SchemaStep,
} from '../../../shared/store';
import {
  BackupError,
  createBackup,
  DEVICE_LOCAL_META_KEYS,
  encodeBackup,
  inspectBackup,
  preUpgradeBackup,
  readBackupHeader,
  restoreBackup,
  restoreFromAutomaticBackup,
  takeAutomaticBackup,
} from '../../../shared/backup';
import { describeError } from '../../../shared/errors/messages.zh';
import { appendOwnFact } from '../../../shared/store/fact-repo';
import { exportKeyBackup, generateDeviceKeys } from '../../../shared/sync';
import { detectSuite, randomBytes } from '../../../shared/bundle/crypto';
import { fakeDeps, freshName, openTestDb, snapshot } from './helpers';
import { memoryBackupHost } from './backup-host';

const PASSPHRASE = '备份口令 correct horse 2026';
const TODAY = new Date('2026-11-20T04:00:00Z');

/** Every table's rows as structured-clone bytes: equal bytes, equal state. */
async function tableBytes(db: DutyBookDb): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const [name, rows] of Object.entries(await snapshot(db))) out[name] = serialize(rows);
  return out;
}

const open: DutyBookDb[] = [];
async function fresh(label = 'backup', options: { schemaHistory?: readonly SchemaStep[] } = {}) {
  const db = await openTestDb(freshName(label), options);
  open.push(db);
  return db;
}

let seeded: DutyBookDb;
let before: Record<string, Buffer>;
let rowsBefore: Record<string, unknown[]>;
let fileBackup: Uint8Array;
const deviceKey = randomBytes(32);
let deviceBackup: Uint8Array;

/** Values IndexedDB keeps that JSON does not: they must come back exactly. */
const ODD_VALUE = {
  bytes: new Uint8Array([0, 1, 2, 254, 255]),
  empty: new Uint8Array(0),
  when: new Date('2026-01-02T03:04:05.678Z'),
  missing: undefined,
  negZero: -0,
  nan: NaN,
  inf: -Infinity,
  $tag: { $b: 'not bytes' },
  ['__proto__']: 'a key, not a prototype',
  nested: [{ $u: 1 }, [new Uint8Array([9])], null, true, '多字节 ✓ \n line'],
};

beforeAll(async () => {
  seeded = await fresh('seeded');
  await seedDatabase(seeded, { seed: 'backup-test', units: 2, people: 12, years: 1, today: TODAY });
  const odd: Record<string, unknown> = {};
  for (const k of Object.keys(ODD_VALUE)) Object.defineProperty(odd, k, { value: (ODD_VALUE as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
  await seeded.settings.put({ key: 'odd-values', value: odd, updatedAt: '2026-11-20T04:00:00.000Z' });
  before = await tableBytes(seeded);
  rowsBefore = await snapshot(seeded);
  fileBackup = await createBackup(seeded, { reason: 'manual', passphrase: PASSPHRASE, now: TODAY });
  deviceBackup = await createBackup(seeded, { reason: 'daily', key: deviceKey, now: TODAY });
}, 120_000);

afterAll(() => {
  for (const db of open) db.close();
});

/**
 * Restored state = the backed-up state, plus one 'restore' entry at the end of the audit trail and,
 * unless kept, a new install id (meta deviceId and the identity's device) — nothing else differs.
 */
async function expectRestoredExactly(db: DutyBookDb, result: { installId: string }, keptInstallId = false) {
  const rows = await snapshot(db);
  const oldId = (rowsBefore.meta as { key: string; value: unknown }[]).find((r) => r.key === 'deviceId')!.value as string;
  const meta = rows.meta as { key: string; value: unknown }[];
  const trust = rows.trust as { id: string; device?: string }[];
  const self = trust.find((r) => r.id === 'self');
  expect(meta.find((r) => r.key === 'deviceId')!.value).toBe(result.installId);
  expect(self?.device).toBe(result.installId);
  if (keptInstallId) expect(result.installId).toBe(oldId);
  else {
    expect(result.installId).not.toBe(oldId);
    // Put the old id back in place (same key order) to compare the rest byte for byte.
    meta.find((r) => r.key === 'deviceId')!.value = oldId;
    self!.device = oldId;
  }
  const after: Record<string, Buffer> = {};
  for (const [name, list] of Object.entries(rows)) after[name] = serialize(list);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const name of Object.keys(before)) {
    if (name === 'audit' || name === 'meta') continue;
    expect(after[name]!.equals(before[name]!), `table ${name} differs`).toBe(true);
  }
  const audit = rows.audit as { seq: number; action: string; prevHash: string; hash: string }[];
  const auditBefore = rowsBefore.audit as typeof audit;
  expect(serialize(audit.slice(0, -1)).equals(serialize(auditBefore))).toBe(true);
  const last = audit.at(-1)!;
  expect(last.action).toBe('restore');
  expect(last.seq).toBe(auditBefore.length + 1);
  expect(last.prevHash).toBe(auditBefore.at(-1)?.hash ?? '0'.repeat(64));
  expect(await verifyAudit(db)).toEqual({ ok: true, count: auditBefore.length + 1 });
  const metaOf = (list: unknown[]) => serialize((list as { key: string }[]).filter((r) => r.key !== 'auditHead'));
  expect(metaOf(meta).equals(metaOf(rowsBefore.meta!))).toBe(true);
}

describe('a backup of the seeded organisation', () => {
  it('holds every table and binary values; the seeded history is realistic', async () => {
    const s = await inspectBackup(fileBackup, { passphrase: PASSPHRASE });
    expect(s.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(Object.keys(s.tables).sort()).toEqual(seeded.tables.map((t) => t.name).sort());
    for (const t of seeded.tables) expect(s.tables[t.name], t.name).toBe(await t.count());
    expect(s.tables.facts).toBeGreaterThan(50);
    expect(s.tables.audit).toBeGreaterThan(0);
    expect(s.who.name).not.toBe('');
    expect(s.reason).toBe('manual');
    expect(s.keyKind).toBe('passphrase');
    // The seeded rows keep keys and signatures as hex; the binary values are the odd row's.
    expect((rowsBefore.settings as { key: string }[]).some((r) => r.key === 'odd-values')).toBe(true);
    // The header readable without the key says the same.
    expect(readBackupHeader(fileBackup)).toEqual(s);
  });

  it('restores into the same database after changes: exactly the backed-up state', async () => {
    const db = await fresh('modified');
    await restoreBackup(db, fileBackup, { passphrase: PASSPHRASE });
    // Change things after the backup: delete people, add a journal entry, clear a table.
    await db.people.limit(3).delete();
    await db.journalEntries.put({ id: 'J-new', personId: 'x', date: '2026-11-21', text: '新的', createdAt: '', updatedAt: '' } as never);
    await db.facts.clear();
    const result = await restoreBackup(db, fileBackup, { passphrase: PASSPHRASE });
    expect(result.rows).toBe(Object.values(rowsBefore).reduce((a, r) => a + r.length, 0));
    // The first restore's audit entry is gone with the rest: the state is the backup's plus one entry.
    await expectRestoredExactly(db, result);
  });

  it('restores into an empty database: exactly the backed-up state (install id kept), odd values included', async () => {
    const db = await fresh('empty');
    await expectRestoredExactly(db, await restoreBackup(db, deviceBackup, { key: deviceKey, keepInstallId: true }), true);
    const odd = (await db.settings.get('odd-values'))!.value as Record<string, unknown>;
    expect(odd.bytes).toBeInstanceOf(Uint8Array);
    expect([...(odd.bytes as Uint8Array)]).toEqual([0, 1, 2, 254, 255]);
    expect(Object.is(odd.negZero, -0)).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(odd, '__proto__')).toBe(true);
    expect('missing' in odd).toBe(true);
  });
});

describe("this device's password lock is not the backup's", () => {
  it('a restore keeps the lock rows this device has, and takes none from the file', async () => {
    // The lock's record wraps the keys this host holds: one from the backup would lock them away.
    const db = await fresh('lock-rows');
    const mine = [
      { key: 'appLock', value: { marker: 'this device' } },
      { key: 'appLockAttempts', value: { failures: 2 } },
    ];
    await db.meta.bulkPut(mine);
    await restoreBackup(db, deviceBackup, { key: deviceKey });
    expect(await db.meta.bulkGet(['appLock', 'appLockAttempts'])).toEqual(mine);

    // A backup made while a password was set, restored on a device without one: no lock arrives.
    const locked = await fresh('lock-rows-source');
    await restoreBackup(locked, deviceBackup, { key: deviceKey });
    await locked.meta.bulkPut(mine);
    const withLock = await createBackup(locked, { reason: 'manual', key: deviceKey, now: TODAY });
    const plain = await fresh('lock-rows-target');
    await restoreBackup(plain, withLock, { key: deviceKey });
    expect(await plain.meta.bulkGet(['appLock', 'appLockAttempts'])).toEqual([undefined, undefined]);
    expect(DEVICE_LOCAL_META_KEYS).toEqual(['appLock', 'appLockAttempts']);
  });
});

describe('after a restore, this install writes under a new install id', () => {
  it('its next fact starts at counter 1 under the new id, so no (install, counter) pair a peer holds is reused', async () => {
    const db = await fresh('install-id');
    const result = await restoreBackup(db, deviceBackup, { key: deviceKey });
    const self = (await db.trust.get('self')) as { personId: string };
    const fact = await appendOwnFact(db, {
      type: 'plan.version',
      subject: self.personId,
      recordKey: 'plan:test:2026',
      body: { year: 2026, version: 1, items: [] },
      createdAt: '2026-11-21T00:00:00.000Z',
    });
    expect(fact?.device).toBe(result.installId);
    expect(fact?.counter).toBe(1);
  });
});

describe('a bad file is refused and the database is untouched', () => {
  let target: DutyBookDb;
  let untouched: Record<string, Buffer>;

  beforeAll(async () => {
    target = await fresh('target');
    await target.journalEntries.put({ id: 'J1', personId: 'p', date: '2026-11-02', text: '本机记录', createdAt: '', updatedAt: '' } as never);
    untouched = await tableBytes(target);
  });

  async function refused(bytes: Uint8Array, options: Parameters<typeof restoreBackup>[2], code: string) {
    const e = await restoreBackup(target, bytes, options).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e, 'expected a refusal').toBeInstanceOf(BackupError);
    expect((e as BackupError).code).toBe(code);
    const d = describeError(e);
    expect(d.title).toMatch(/[\u4e00-\u9fff]/);
    expect(d.detail).toContain('数据库未被改动');
    const now = await tableBytes(target);
    for (const name of Object.keys(untouched)) expect(now[name]!.equals(untouched[name]!), name).toBe(true);
  }

  it('a wrong passphrase', () => refused(fileBackup, { passphrase: '不是这个口令12345' }, 'backup-wrong-passphrase'));

  it("another device's backup key, or a passphrase file opened as an automatic one", async () => {
    await refused(deviceBackup, { key: randomBytes(32) }, 'backup-wrong-key');
    await refused(fileBackup, { key: deviceKey }, 'backup-wrong-key');
  });

  it('a flipped byte anywhere: header, ciphertext, tag', async () => {
    const headerEnd = 15 + 4 + new DataView(deviceBackup.buffer, deviceBackup.byteOffset).getUint32(15);
    const positions = [20, 40, headerEnd - 2, headerEnd, headerEnd + 10, Math.floor(deviceBackup.length / 2), deviceBackup.length - 1];
    for (const at of positions) {
      const bad = deviceBackup.slice();
      bad[at]! ^= 0x01;
      const e = await restoreBackup(target, bad, { key: deviceKey }).catch((err: unknown) => err);
      expect(e, `byte ${at}`).toBeInstanceOf(BackupError);
      expect(['backup-damaged', 'backup-wrong-key', 'backup-unrecognised']).toContain((e as BackupError).code);
    }
    const bad = deviceBackup.slice();
    bad[deviceBackup.length - 1]! ^= 0x80;
    await refused(bad, { key: deviceKey }, 'backup-damaged');
  });

  it('a truncated or extended file', async () => {
    for (const n of [0, 10, 19, 200, deviceBackup.length - 17, deviceBackup.length - 1]) {
      const e = await restoreBackup(target, deviceBackup.subarray(0, n), { key: deviceKey }).catch((err: unknown) => err);
      expect(e, `cut at ${n}`).toBeInstanceOf(BackupError);
    }
    await refused(deviceBackup.subarray(0, deviceBackup.length - 1), { key: deviceKey }, 'backup-damaged');
    const longer = new Uint8Array(deviceBackup.length + 1);
    longer.set(deviceBackup);
    await refused(longer, { key: deviceKey }, 'backup-damaged');
  });

  it("a different app's file, a key backup, random bytes", async () => {
    const suite = await detectSuite();
    const keyBackup = await exportKeyBackup(suite, {
      contents: { personId: 'O1', keys: await generateDeviceKeys(suite) },
      passphrase: PASSPHRASE,
      personName: '张三',
      iterations: 600_000,
    });
    await refused(keyBackup, { passphrase: PASSPHRASE }, 'backup-unrecognised');
    await refused(new TextEncoder().encode('PK\u0003\u0004 a zip file'), { passphrase: PASSPHRASE }, 'backup-unrecognised');
    await refused(randomBytes(4096), { key: deviceKey }, 'backup-unrecognised');
    const otherFormat = new TextEncoder().encode('DUTYBOOK-DBBAK\n\u0000\u0000\u0000\u0012{"format":"other"}');
    await refused(otherFormat, { key: deviceKey }, 'backup-unrecognised');
  });

  it('a backup from a newer schema than this app', async () => {
    const newer: SchemaStep[] = [
      ...SCHEMA_HISTORY,
      { version: CURRENT_SCHEMA_VERSION + 1, date: '2027-01-01', note: 'future', stores: { future: 'id' } },
    ];
    const future = await fresh('future', { schemaHistory: newer });
    await future.table('future').put({ id: 'f1' });
    const bytes = await createBackup(future, { reason: 'daily', key: deviceKey });
    await refused(bytes, { key: deviceKey }, 'backup-too-new');
    const e = await inspectBackup(bytes, { key: deviceKey }).catch((err: unknown) => err);
    expect((e as BackupError).details).toMatchObject({ found: CURRENT_SCHEMA_VERSION + 1, supported: CURRENT_SCHEMA_VERSION });
  });

  it('content correctly encrypted but wrong (a faulty writer): rows missing, a row without its key', async () => {
    const dump = { schemaVersion: CURRENT_SCHEMA_VERSION, tables: target.tables.map((t) => ({ name: t.name, keyPath: t.schema.primKey.keyPath as string, rows: [] as unknown[] })) };
    // A table the schema does not have.
    const extra = await encodeBackup({ ...dump, tables: [...dump.tables, { name: 'zzz', keyPath: 'id', rows: [] }] }, { reason: 'daily', key: deviceKey });
    await refused(extra, { key: deviceKey }, 'backup-damaged');
    // A row whose primary key is missing.
    const keyless = await encodeBackup(
      { ...dump, tables: dump.tables.map((t) => (t.name === 'people' ? { ...t, rows: [{ name: '无键' }] } : t)) },
      { reason: 'daily', key: deviceKey },
    );
    await refused(keyless, { key: deviceKey }, 'backup-damaged');
    // A table missing.
    const missing = await encodeBackup({ ...dump, tables: dump.tables.slice(1) }, { reason: 'daily', key: deviceKey });
    await refused(missing, { key: deviceKey }, 'backup-damaged');
  });
});

describe('older schemas', () => {
  const v4 = SCHEMA_HISTORY.filter((s) => s.version <= 4);

  it('a backup of a v4 database restores through the upgrades (v5 status rows rebuilt, audit starts)', async () => {
    const old = await fresh('v4', { schemaHistory: v4 });
    const profile = (rowsBefore.profile as unknown[])[0];
    await old.table('profile').put(profile);
    await old.table('people').bulkPut(rowsBefore.people!);
    await old.table('orgUnits').bulkPut(rowsBefore.orgUnits!);
    await old.table('plans').bulkPut(rowsBefore.plans!);
    const bytes = await createBackup(old, { reason: 'daily', key: deviceKey });
    expect(readBackupHeader(bytes).schemaVersion).toBe(4);

    const db = await fresh('into-current');
    const result = await restoreBackup(db, bytes, { key: deviceKey });
    expect(result.upgradedFrom).toBe(4);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    for (const t of ['people', 'orgUnits', 'plans'] as const) {
      expect(serialize(await db.table(t).toArray()).equals(serialize(rowsBefore[t])), t).toBe(true);
    }
    expect(await db.table('personYears').count()).toBeGreaterThan(0);
    expect((await db.audit.toArray()).map((e) => e.action)).toEqual(['restore']);
    // The scratch database is gone.
    const names = (await fakeDeps.indexedDB.databases()).map((d) => d.name);
    expect(names.filter((n) => n?.startsWith(`${db.name}-restore-`))).toEqual([]);
  });

  it('opening an older database takes a pre-upgrade backup of it, as it was, before Dexie upgrades it', async () => {
    const name = freshName('pre-upgrade');
    const v7 = SCHEMA_HISTORY.filter((s) => s.version <= 7);
    const old = await openDatabase(name, { ...fakeDeps, schemaHistory: v7 });
    await old.table('people').bulkPut(rowsBefore.people!);
    const oldRows = await snapshot(old);
    old.close();

    const host = memoryBackupHost();
    let seen: { from: number; to: number } | null = null;
    const backup = preUpgradeBackup(host);
    const db = await openDatabase(name, {
      ...fakeDeps,
      beforeUpgrade: async (info) => {
        seen = { from: info.from, to: info.to };
        await backup(info);
      },
    });
    open.push(db);
    expect(seen).toEqual({ from: 7, to: CURRENT_SCHEMA_VERSION });
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const list = await host.listBackups();
    expect(list).toHaveLength(1);
    expect(list[0]!.name).toMatch(/^dutybook-pre-upgrade-\d{8}t\d{6}z-[0-9a-f]{4}\.dbbak$/);
    const bytes = (await host.readBackup({ name: list[0]!.name }))!;
    const key = (await host.loadSecret({ name: 'backup-key' }))!;
    const s = await inspectBackup(bytes, { key });
    expect(s.schemaVersion).toBe(7);
    expect(s.reason).toBe('pre-upgrade');
    expect(s.tables.people).toBe(rowsBefore.people!.length);
    expect(s.tables.audit).toBeUndefined();

    // It restores (through the upgrades) into a fresh database: the old rows come back.
    const target = await fresh('from-pre-upgrade');
    const r = await restoreFromAutomaticBackup(target, host, list[0]!.name);
    expect(r.upgradedFrom).toBe(7);
    expect(serialize(await target.people.toArray()).equals(serialize(oldRows.people))).toBe(true);
    // meta as it was, but for the audit head (a restore entry) and a new install id.
    const skip = (x: { key?: string }) => x.key !== 'auditHead' && x.key !== 'deviceId';
    expect(serialize((await target.meta.toArray()).filter(skip)).equals(serialize((oldRows.meta as { key: string }[]).filter(skip)))).toBe(true);
    expect((await target.meta.get('deviceId'))?.value).toBe(r.installId);
  });

  it('a failing pre-upgrade backup does not stop the database from opening', async () => {
    const name = freshName('pre-upgrade-fail');
    const old = await openDatabase(name, { ...fakeDeps, schemaHistory: SCHEMA_HISTORY.filter((s) => s.version <= 6) });
    old.close();
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const db = await openDatabase(name, {
        ...fakeDeps,
        beforeUpgrade: () => Promise.reject(new Error('disk full')),
      });
      open.push(db);
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    } finally {
      console.warn = warn;
    }
  });

  it('a current database takes no pre-upgrade backup', async () => {
    const name = freshName('current');
    (await openDatabase(name, fakeDeps)).close();
    let called = false;
    const db = await openDatabase(name, { ...fakeDeps, beforeUpgrade: () => Promise.resolve(void (called = true)) });
    open.push(db);
    expect(called).toBe(false);
  });
});

describe('automatic backups under the device key', () => {
  it('makes the key once, writes under it, and restores only with it', async () => {
    const host = memoryBackupHost();
    const a = await takeAutomaticBackup(seeded, host, 'manual');
    const key = await host.loadSecret({ name: 'backup-key' });
    expect(key).toHaveLength(32);
    await takeAutomaticBackup(seeded, host, 'daily');
    expect(await host.loadSecret({ name: 'backup-key' })).toEqual(key);
    const db = await fresh('auto');
    await expectRestoredExactly(db, await restoreFromAutomaticBackup(db, host, a.name));
    // Without the device key (another PC): refused, untouched.
    const other = memoryBackupHost();
    await other.writeBackup({ name: a.name, data: (await host.readBackup({ name: a.name }))! });
    const e = await restoreFromAutomaticBackup(db, other, a.name).catch((err: unknown) => err);
    expect((e as BackupError).code).toBe('backup-wrong-key');
  });
});
