/**
 * The local password lock: the password is checked through the wrapped data key (never stored),
 * wrong passwords are counted and locked out persistently, and the host's secrets are ciphertext
 * that `lockedHost` opens only while unlocked. Real scrypt and AES-GCM throughout, with small scrypt
 * parameters (N = 2^10) so the suite stays quick; the production parameters are checked as constants.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DutyBookError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';
import type { HostApi } from '../../../shared/host/contract';
import {
  APP_LOCK_ATTEMPTS_KEY,
  APP_LOCK_META_KEY,
  APP_LOCK_META_KEYS,
  AppLock,
  LOCKOUT,
  SCRYPT_DEFAULTS,
  isLockedEnvelope,
  isUnwrappedSecret,
  knownSecretNames,
  lockedHost,
  lockoutMs,
  passwordStrength,
  type AppLockRecord,
} from '../../../shared/security/app-lock';
import { verifyAudit, type DutyBookDb } from '../../../shared/store';
import { BACKUP_KEY_NAME } from '../../../shared/backup/automatic';
import { SECRET_NAMES } from '../../../shared/ledger/identity';
import { PassphraseVault } from '../../../src-renderer/host/passphrase-vault';
import { freshName, openTestDb } from '../store/helpers';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = '正确的密码 horse 42';
const SIGNING = new Uint8Array(32).map((_, i) => i + 1);
const ENCRYPTION = new Uint8Array(32).map((_, i) => 200 - i);

/** The host's key store as a plain map: what it holds is exactly what a thief of the disk would read. */
function memoryHost(status = { available: true, unlocked: true, initialised: true }) {
  const store = new Map<string, Uint8Array<ArrayBuffer>>();
  const host = {
    keyStoreStatus: () => Promise.resolve(status),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: ({ name, secret }: { name: string; secret: Uint8Array<ArrayBuffer> }) => {
      store.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
    loadSecret: ({ name }: { name: string }) => Promise.resolve(store.has(name) ? new Uint8Array(store.get(name)!) : null),
    deleteSecret: ({ name }: { name: string }) => Promise.resolve({ deleted: store.delete(name) }),
  } as unknown as HostApi;
  return { host, store };
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const dbs: DutyBookDb[] = [];
async function setup(options: { clock?: { t: number } } = {}) {
  const name = freshName('lock');
  const db = await openTestDb(name);
  dbs.push(db);
  const clock = options.clock ?? { t: Date.parse('2026-11-24T02:00:00Z') };
  const lock = new AppLock(db, { now: () => clock.t, scrypt: FAST });
  const raw = memoryHost();
  await raw.host.storeSecret({ name: SECRET_NAMES.signing, secret: new Uint8Array(SIGNING) });
  await raw.host.storeSecret({ name: SECRET_NAMES.encryption, secret: new Uint8Array(ENCRYPTION) });
  return { name, db, lock, clock, raw, host: lockedHost(raw.host, lock) };
}
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function errorOf(p: Promise<unknown>): Promise<DutyBookError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DutyBookError);
  return e as DutyBookError;
}

async function storedRecord(db: DutyBookDb): Promise<AppLockRecord> {
  return (await db.meta.get(APP_LOCK_META_KEY))!.value as AppLockRecord;
}

describe('app lock: constants', () => {
  it('uses scrypt N = 2^17, r = 8, p = 1 in production and the 5 / 30 s / doubling / 15 min lockout', () => {
    expect(SCRYPT_DEFAULTS).toEqual({ N: 131072, r: 8, p: 1 });
    expect([4, 5, 6, 7, 9, 10, 30].map(lockoutMs)).toEqual([0, 30_000, 60_000, 120_000, 480_000, 900_000, 900_000]);
    expect(LOCKOUT.freeAttempts).toBe(5);
  });

  it('lists every secret name of identity.ts for re-wrapping, and leaves the backup key out', () => {
    expect(knownSecretNames()).toEqual(Object.values(SECRET_NAMES));
    // The backup key must open backups when the database (and the lock's record with it) is lost.
    expect(isUnwrappedSecret(BACKUP_KEY_NAME)).toBe(true);
    expect(APP_LOCK_META_KEYS).toEqual([APP_LOCK_META_KEY, APP_LOCK_ATTEMPTS_KEY]);
  });

  it('rates passwords: short or repetitive weak, long and mixed good', () => {
    expect(passwordStrength('1234567')).toBe(0);
    expect(passwordStrength('aaaaaaaaaaaa')).toBe(0);
    expect(passwordStrength('abcd1234!x')).toBe(1);
    expect(passwordStrength('春天的河 Spring-2026')).toBe(2);
  });
});

describe('app lock: password and keys', () => {
  it('without a password passes secrets through untouched', async () => {
    const { host, raw, lock } = await setup();
    expect((await lock.status()).enabled).toBe(false);
    expect(await host.loadSecret({ name: SECRET_NAMES.signing })).toEqual(SIGNING);
    expect(raw.store.get(SECRET_NAMES.signing)).toEqual(SIGNING);
  });

  it('setting a password stores a verifier, never the password, and leaves only ciphertext in the key store', async () => {
    const { db, lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD, { again: PASSWORD, idleMinutes: 15 });
    const rec = await storedRecord(db);
    expect(rec.kdf).toMatchObject({ name: 'scrypt', N: 1024, r: 8, p: 1 });
    expect(rec.kdf.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(rec.idleMinutes).toBe(15);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('horse');
    for (const [name, plain] of [
      [SECRET_NAMES.signing, SIGNING],
      [SECRET_NAMES.encryption, ENCRYPTION],
    ] as const) {
      const stored = raw.store.get(name)!;
      expect(isLockedEnvelope(stored)).toBe(true);
      expect(contains(stored, plain)).toBe(false);
      expect(contains(stored, plain.subarray(0, 8))).toBe(false);
      // Unlocked right after setting: the app reads its keys as before.
      expect(await host.loadSecret({ name })).toEqual(plain);
    }
  });

  it('refuses a short password or two different entries', async () => {
    const { lock, raw, db } = await setup();
    expect((await errorOf(lock.setPassword(raw.host, 'short'))).code).toBe('validation');
    expect((await errorOf(lock.setPassword(raw.host, PASSWORD, { again: `${PASSWORD}!` }))).code).toBe('validation');
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();
  });

  it('while locked every secret call throws app-locked and the key store is not touched', async () => {
    const { lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    const before = new Map(raw.store);
    lock.lock();
    expect(lock.isLocked).toBe(true);
    for (const call of [
      host.loadSecret({ name: SECRET_NAMES.signing }),
      host.storeSecret({ name: SECRET_NAMES.signing, secret: new Uint8Array([9]) }),
      host.deleteSecret({ name: SECRET_NAMES.signing }),
    ]) {
      const e = await errorOf(call);
      expect(e.code).toBe('app-locked');
      expect(e.details.reason).toBe('locked');
      expect(describeError(e).title).toBe('程序已锁定');
    }
    expect(raw.store).toEqual(before);
    await lock.unlock(PASSWORD);
    expect(lock.isLocked).toBe(false);
    expect(await host.loadSecret({ name: SECRET_NAMES.signing })).toEqual(SIGNING);
  });

  it('refuses a wrong password, stays locked, and says how many tries are left', async () => {
    const { lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    lock.lock();
    const e = await errorOf(lock.unlock('完全不对的密码'));
    expect(e.code).toBe('app-locked');
    expect(e.details).toMatchObject({ reason: 'wrong-password', failures: 1, remaining: 4, until: 0 });
    expect(describeError(e).title).toBe('本机密码不正确');
    expect(lock.isLocked).toBe(true);
    expect((await errorOf(host.loadSecret({ name: SECRET_NAMES.signing }))).details.reason).toBe('locked');
    // Case matters, and so does a trailing space.
    await errorOf(lock.unlock(PASSWORD.toUpperCase()));
    await errorOf(lock.unlock(`${PASSWORD} `));
    await lock.unlock(PASSWORD);
    expect((await lock.status()).failures).toBe(0);
  });

  it('locks out after 5 wrong passwords for 30 s, doubling, even for the right password; the clock decides', async () => {
    const { lock, raw, clock } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    lock.lock();
    const t0 = clock.t;
    for (let i = 1; i <= 4; i++) expect((await errorOf(lock.unlock(`wrong-${i}-password`))).details.until).toBe(0);
    const fifth = await errorOf(lock.unlock('wrong-5-password'));
    expect(fifth.details).toMatchObject({ reason: 'wrong-password', failures: 5, remaining: 0, until: t0 + 30_000 });
    expect((await lock.status()).lockedUntil).toBe(t0 + 30_000);

    clock.t = t0 + 29_999;
    const early = await errorOf(lock.unlock(PASSWORD));
    expect(early.details).toMatchObject({ reason: 'lockout', until: t0 + 30_000 });
    expect(describeError(early).title).toBe('密码错误次数过多,请稍后再试');
    expect(lock.isLocked).toBe(true);

    clock.t = t0 + 30_000;
    const sixth = await errorOf(lock.unlock('wrong-6-password'));
    expect(sixth.details).toMatchObject({ failures: 6, until: t0 + 30_000 + 60_000 });
    clock.t = t0 + 30_000 + 59_000;
    expect((await errorOf(lock.unlock(PASSWORD))).details.reason).toBe('lockout');
    clock.t = t0 + 30_000 + 60_000;
    await lock.unlock(PASSWORD);
    expect(await lock.status()).toMatchObject({ unlocked: true, failures: 0, lockedUntil: 0 });
  });

  it('keeps the failure count and the lockout across closing and reopening the database', async () => {
    const { name, db, lock, raw, clock } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    for (let i = 1; i <= 5; i++) await errorOf(lock.unlock(`wrong-${i}-password`));
    const until = clock.t + 30_000;
    db.close();

    const reopened = await openTestDb(name);
    dbs.push(reopened);
    const again = new AppLock(reopened, { now: () => clock.t + 10_000, scrypt: FAST });
    expect(await again.status()).toMatchObject({ enabled: true, unlocked: false, failures: 5, lockedUntil: until });
    expect(again.snapshot()).toEqual({ enabled: true, locked: true });
    expect((await errorOf(again.unlock(PASSWORD))).details.reason).toBe('lockout');
    expect(await reopened.meta.get(APP_LOCK_ATTEMPTS_KEY)).toMatchObject({ value: { failures: 5, until } });
  });

  it('changing the password re-wraps the data key only: old password refused, new one opens the same keys', async () => {
    const { db, lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    const before = await storedRecord(db);
    const envelopes = new Map(raw.store);
    expect((await errorOf(lock.changePassword('不是当前密码的', '新的密码 2027'))).details.reason).toBe('wrong-password');
    await lock.changePassword(PASSWORD, '新的密码 2027', '新的密码 2027');
    const after = await storedRecord(db);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.wrap.ciphertext).not.toBe(before.wrap.ciphertext);
    expect(after.keyId).toBe(before.keyId);
    expect(raw.store).toEqual(envelopes);
    lock.lock();
    expect((await errorOf(lock.unlock(PASSWORD))).details.reason).toBe('wrong-password');
    await lock.unlock('新的密码 2027');
    expect(await host.loadSecret({ name: SECRET_NAMES.encryption })).toEqual(ENCRYPTION);
  });

  it('removing the password needs the current one and writes the keys back in the clear', async () => {
    const { db, lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    // A secret under a name the lock was never told about is wrapped and remembered.
    await host.storeSecret({ name: 'another-secret', secret: new Uint8Array([7, 7, 7, 7]) });
    expect(isLockedEnvelope(raw.store.get('another-secret')!)).toBe(true);
    expect((await storedRecord(db)).names).toContain('another-secret');
    // The backup key passes unwrapped, and stays readable while locked.
    await host.storeSecret({ name: BACKUP_KEY_NAME, secret: new Uint8Array(32).fill(9) });
    expect(raw.store.get(BACKUP_KEY_NAME)).toEqual(new Uint8Array(32).fill(9));
    lock.lock();
    expect(await host.loadSecret({ name: BACKUP_KEY_NAME })).toEqual(new Uint8Array(32).fill(9));
    await lock.unlock(PASSWORD);

    expect((await errorOf(lock.removePassword(raw.host, '不是当前密码的'))).details.reason).toBe('wrong-password');
    expect((await lock.status()).enabled).toBe(true);
    await lock.removePassword(raw.host, PASSWORD);
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();
    expect(raw.store.get(SECRET_NAMES.signing)).toEqual(SIGNING);
    expect(raw.store.get(SECRET_NAMES.encryption)).toEqual(ENCRYPTION);
    expect(raw.store.get('another-secret')).toEqual(new Uint8Array([7, 7, 7, 7]));
    expect(lock.snapshot()).toEqual({ enabled: false, locked: false });
    expect(await host.loadSecret({ name: SECRET_NAMES.signing })).toEqual(SIGNING);
  });

  it('unlocks with the parameters stored in the record, not the current defaults', async () => {
    const { db, lock, raw, clock } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    // A later version with other defaults still opens a record made with the old ones…
    const later = new AppLock(db, { now: () => clock.t, scrypt: { N: 2 ** 11, r: 4, p: 1 } });
    await later.unlock(PASSWORD);
    // …and the stored parameters are the ones used: change N in the record and the right password fails.
    const rec = await storedRecord(db);
    await db.meta.put({ key: APP_LOCK_META_KEY, value: { ...rec, kdf: { ...rec.kdf, N: 2 ** 11 } } });
    const fresh = new AppLock(db, { now: () => clock.t, scrypt: FAST });
    expect((await errorOf(fresh.unlock(PASSWORD))).details.reason).toBe('wrong-password');
    // Absurd parameters in a damaged row are refused before any work is done.
    await db.meta.put({ key: APP_LOCK_META_KEY, value: { ...rec, kdf: { ...rec.kdf, N: 2 ** 30 } } });
    expect((await errorOf(fresh.unlock(PASSWORD))).code).toBe('storage-corrupt');
  });

  it('a secret left in the clear (crash while setting) is wrapped on its next read', async () => {
    const { lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    await raw.host.storeSecret({ name: SECRET_NAMES.hrOrg, secret: new Uint8Array([1, 2, 3, 4]) });
    expect(await host.loadSecret({ name: SECRET_NAMES.hrOrg })).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(isLockedEnvelope(raw.store.get(SECRET_NAMES.hrOrg)!)).toBe(true);
  });

  it('refuses to hand out a wrapped secret when the lock record is gone (never returns ciphertext as a key)', async () => {
    const { db, lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    await db.meta.delete(APP_LOCK_META_KEY);
    const e = await errorOf(host.loadSecret({ name: SECRET_NAMES.signing }));
    expect(e.details.reason).toBe('lock-missing');
    expect(describeError(e).detail).toContain('密钥备份');
  });

  it('a forgotten password: forget() deletes the wrapped keys and the password; records stay', async () => {
    const { db, lock, raw, host } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    lock.lock();
    expect((await lock.forget(raw.host)).deleted.sort()).toEqual([SECRET_NAMES.encryption, SECRET_NAMES.signing].sort());
    expect(raw.store.size).toBe(0);
    expect((await lock.status()).enabled).toBe(false);
    expect(await host.loadSecret({ name: SECRET_NAMES.signing })).toBeNull();
    expect(await db.meta.get('deviceId')).toBeDefined();
  });

  it('in a browser: re-wrapping needs the passphrase vault open, and nothing changes when it is not', async () => {
    const { db, lock } = await setup();
    const vault = new PassphraseVault(freshName('vault'));
    await vault.unlock('vault-passphrase', 1_000);
    await vault.store(SECRET_NAMES.signing, SIGNING);
    vault.lock();
    const vaultHost = {
      keyStoreStatus: () => vault.status(),
      loadSecret: ({ name }: { name: string }) => vault.load(name),
      storeSecret: ({ name, secret }: { name: string; secret: Uint8Array }) => vault.store(name, secret),
      deleteSecret: ({ name }: { name: string }) => vault.delete(name),
    } as unknown as HostApi;
    expect((await errorOf(lock.setPassword(vaultHost, PASSWORD))).code).toBe('key-store-locked');
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();
    await vault.unlock('vault-passphrase', 1_000);
    await lock.setPassword(vaultHost, PASSWORD);
    const inVault = await vault.load(SECRET_NAMES.signing);
    expect(inVault && isLockedEnvelope(inVault)).toBe(true);
    expect(await lockedHost(vaultHost, lock).loadSecret({ name: SECRET_NAMES.signing })).toEqual(SIGNING);
    vault.close();
  });

  it('with a key store never set up (a browser before its first key) there is nothing to re-wrap either way', async () => {
    const { db, lock } = await setup();
    const refusing = {
      ...memoryHost({ available: true, unlocked: false, initialised: false }).host,
      loadSecret: () => Promise.reject(new DutyBookError('key-store-locked', 'locked', { reason: 'locked' })),
    } as HostApi;
    await lock.setPassword(refusing, PASSWORD);
    expect((await storedRecord(db)).names).toEqual([]);
    await lock.removePassword(refusing, PASSWORD);
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();
  });

  it('tells subscribers when it locks and unlocks, and keeps the idle time', async () => {
    const { lock, raw } = await setup();
    const seen: string[] = [];
    lock.subscribe(() => seen.push(JSON.stringify(lock.snapshot())));
    await lock.setPassword(raw.host, PASSWORD, { idleMinutes: 5 });
    lock.lock();
    await lock.unlock(PASSWORD);
    expect(seen).toEqual([
      '{"enabled":true,"locked":false}',
      '{"enabled":true,"locked":true}',
      '{"enabled":true,"locked":false}',
    ]);
    await lock.setIdleMinutes(30);
    expect((await lock.status()).idleMinutes).toBe(30);
    expect((await errorOf(lock.setIdleMinutes(0))).code).toBe('validation');
  });

  it('writes set, change, lockout and remove to the audit trail, and the chain verifies', async () => {
    const { db, lock, raw } = await setup();
    await lock.setPassword(raw.host, PASSWORD);
    await lock.changePassword(PASSWORD, '新的密码 2027');
    lock.lock();
    for (let i = 1; i <= 5; i++) await errorOf(lock.unlock(`wrong-${i}-password`));
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.action, e.summary])).toEqual([
      ['lock', '设置本机密码'],
      ['lock', '修改本机密码'],
      ['lock', '本机密码连续输错5次,暂停输入30秒'],
    ]);
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
