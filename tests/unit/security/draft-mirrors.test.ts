/**
 * The mirrors of half-typed drafts under the local password lock: with a password set, no draft text
 * is in the storage in the clear; locked, a mirror cannot be read; unlocked again (after a power cut,
 * on a new AppLock over the same database), the draft comes back. Setting a password seals the mirrors
 * already there, removing it opens them back, forgetting it deletes them. Real scrypt (small N) and
 * AES-GCM; the storage is a Map with Web Storage's methods — what it holds is what a reader of the disk
 * would find.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../../../shared/host/contract';
import { AppLock, DraftMirrors, isSealedDraft, type DraftStorage } from '../../../shared/security/app-lock';
import { draftKeyOf, openDraft, sealDraft } from '../../../shared/security/draft-mirrors';
import type { DutyBookDb } from '../../../shared/store';
import { freshName, openTestDb } from '../store/helpers';

const FAST = { N: 2 ** 10, r: 8, p: 1 };
const PASSWORD = '共用电脑的密码 2026';
const DRAFT_KEY = 'dutybook.draft.record.P1.2026-03';
const TEXT = '三月:起草预算执行情况分析报告(未完';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

/** A key store that is empty and open: setting a password has no private key to wrap here. */
const host = {
  keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: false }),
  loadSecret: () => Promise.resolve(null),
  storeSecret: () => Promise.resolve({ stored: true as const }),
  deleteSecret: () => Promise.resolve({ deleted: false }),
} as unknown as HostApi;

const dbs: DutyBookDb[] = [];
afterEach(() => {
  dbs.splice(0).forEach((db) => db.close());
});

async function setUp() {
  const name = freshName('draft-mirrors');
  const db = await openTestDb(name);
  dbs.push(db);
  const storage = memoryStorage();
  const lock = new AppLock(db, { scrypt: FAST });
  await lock.status();
  const mirrors = new DraftMirrors(() => storage, () => lock.draftMirrorMode());
  lock.attachMirrors(mirrors);
  return { name, db, storage, lock, mirrors };
}

const draftJson = JSON.stringify({ savedAt: '2026-03-20T02:00:00.000Z', value: { items: [{ text: TEXT }] } });
const inClear = (storage: { map: Map<string, string> }) => [...storage.map.values()].some((v) => v.includes('起草预算'));

describe('draft mirrors under the password lock', () => {
  it('without a password, a mirror is the plain JSON it always was', async () => {
    const { storage, mirrors } = await setUp();
    expect(mirrors.writeRaw(DRAFT_KEY, draftJson)).toBe(true);
    expect(storage.map.get(DRAFT_KEY)).toBe(draftJson);
    expect(mirrors.readRaw(DRAFT_KEY)).toBe(draftJson);
  });

  it('with the lock on, the text is never in the storage in the clear; locked it cannot be read; unlocked (after a power cut) it comes back', async () => {
    const { name, storage, lock, mirrors } = await setUp();
    await lock.setPassword(host, PASSWORD);
    expect(mirrors.writeRaw(DRAFT_KEY, draftJson)).toBe(true);
    const stored = storage.map.get(DRAFT_KEY)!;
    expect(isSealedDraft(stored)).toBe(true);
    expect(inClear(storage)).toBe(false);
    expect(mirrors.readRaw(DRAFT_KEY)).toBe(draftJson);

    // Locked: unreadable, and nothing new is written (in the clear or at all).
    lock.lock();
    expect(mirrors.readRaw(DRAFT_KEY)).toBeNull();
    expect(mirrors.writeRaw('dutybook.draft.summary.P1.2026-Q1', JSON.stringify({ savedAt: 'x', value: '起草预算 while locked' }))).toBe(false);
    expect(storage.map.has('dutybook.draft.summary.P1.2026-Q1')).toBe(false);
    expect(storage.map.get(DRAFT_KEY)).toBe(stored);

    // Power cut: a new window, a new lock over the same database and the same storage.
    const db2 = await openTestDb(name);
    dbs.push(db2);
    const lock2 = new AppLock(db2, { scrypt: FAST });
    const mirrors2 = new DraftMirrors(() => storage, () => lock2.draftMirrorMode());
    // Before the lock's record is read, nothing is known: mirrors are neither read nor written.
    expect(mirrors2.readRaw(DRAFT_KEY)).toBeNull();
    await lock2.status();
    expect(mirrors2.readRaw(DRAFT_KEY)).toBeNull();
    await expect(lock2.unlock('不是这个密码 123')).rejects.toMatchObject({ code: 'app-locked' });
    expect(mirrors2.readRaw(DRAFT_KEY)).toBeNull();
    await lock2.unlock(PASSWORD);
    expect(mirrors2.readRaw(DRAFT_KEY)).toBe(draftJson);
  });

  it('a sealed mirror opens only under its own storage key and lock, and not after a byte is changed', async () => {
    const { storage, lock, mirrors } = await setUp();
    await lock.setPassword(host, PASSWORD);
    mirrors.writeRaw(DRAFT_KEY, draftJson);
    const stored = storage.map.get(DRAFT_KEY)!;
    // Moved under another record's key: does not open.
    storage.map.set('dutybook.draft.record.P2.2026-03', stored);
    expect(mirrors.readRaw('dutybook.draft.record.P2.2026-03')).toBeNull();
    // One character of the ciphertext changed: does not open.
    const flipped = stored.slice(0, -6) + (stored.at(-6) === 'A' ? 'B' : 'A') + stored.slice(-5);
    storage.map.set(DRAFT_KEY, flipped);
    expect(mirrors.readRaw(DRAFT_KEY)).toBeNull();
    // Another lock's key (same key id, other data key): does not open.
    const other = draftKeyOf({ keyId: '0011223344556677', dataKey: new Uint8Array(32).fill(7) });
    expect(openDraft(other, DRAFT_KEY, sealDraft(draftKeyOf({ keyId: '0011223344556677', dataKey: new Uint8Array(32).fill(8) }), DRAFT_KEY, 'x'))).toBeNull();
  });

  it('setting a password seals the mirrors already there; removing it opens them back', async () => {
    const { storage, lock, mirrors } = await setUp();
    mirrors.writeRaw(DRAFT_KEY, draftJson);
    storage.map.set('dutybook.hr.enrollments', '{"not":"a draft"}');
    await lock.setPassword(host, PASSWORD);
    expect(isSealedDraft(storage.map.get(DRAFT_KEY)!)).toBe(true);
    expect(inClear(storage)).toBe(false);
    // Other keys of the window are not drafts and are left as they are.
    expect(storage.map.get('dutybook.hr.enrollments')).toBe('{"not":"a draft"}');

    await lock.removePassword(host, PASSWORD);
    expect(storage.map.get(DRAFT_KEY)).toBe(draftJson);
    expect(lock.draftMirrorMode()).toEqual({ kind: 'clear' });
    expect(mirrors.readRaw(DRAFT_KEY)).toBe(draftJson);
  });

  it('a clear mirror found while unlocked (a crash while the password was being set) is sealed when read', async () => {
    const { storage, lock, mirrors } = await setUp();
    await lock.setPassword(host, PASSWORD);
    storage.map.set(DRAFT_KEY, draftJson);
    expect(mirrors.readRaw(DRAFT_KEY)).toBe(draftJson);
    expect(isSealedDraft(storage.map.get(DRAFT_KEY)!)).toBe(true);
  });

  it('a forgotten password deletes the sealed mirrors, which nobody can open any more', async () => {
    const { storage, lock, mirrors } = await setUp();
    await lock.setPassword(host, PASSWORD);
    mirrors.writeRaw(DRAFT_KEY, draftJson);
    lock.lock();
    await lock.forget(host);
    expect(storage.map.has(DRAFT_KEY)).toBe(false);
    expect(lock.draftMirrorMode()).toEqual({ kind: 'clear' });
  });

  it('changing the password keeps the mirrors readable (the data key is the same)', async () => {
    const { lock, mirrors } = await setUp();
    await lock.setPassword(host, PASSWORD);
    mirrors.writeRaw(DRAFT_KEY, draftJson);
    await lock.changePassword(PASSWORD, '新的共用电脑密码 2027');
    lock.lock();
    await lock.unlock('新的共用电脑密码 2027');
    expect(mirrors.readRaw(DRAFT_KEY)).toBe(draftJson);
  });
});
