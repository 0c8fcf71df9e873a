import { describe, expect, it } from 'vitest';
import type { DutyBookError } from '../../../shared/errors/errors';
import { NotFoundError, StorageError, ValidationError } from '../../../shared/errors/errors';
import { describeError } from '../../../shared/errors/messages.zh';
import { createProfile, getProfile, toStorageError, wrapStorageErrors } from '../../../shared/store';
import { openTestDb } from './helpers';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, ...extra });
const codeOf = (e: unknown) => (e as DutyBookError).code;

describe('toStorageError', () => {
  it('maps a full disk to storage-quota, even when a transaction abort wraps it', () => {
    expect(codeOf(toStorageError(new DOMException('disk full', 'QuotaExceededError')))).toBe('storage-quota');
    expect(
      codeOf(
        toStorageError(named('AbortError', { inner: new DOMException('disk full', 'QuotaExceededError') })),
      ),
    ).toBe('storage-quota');
  });

  it('maps a failed open to the reason inside it', () => {
    expect(codeOf(toStorageError(named('OpenFailedError', { inner: named('VersionError') })))).toBe(
      'storage-corrupt',
    );
    expect(codeOf(toStorageError(named('OpenFailedError', { inner: named('UnknownError') })))).toBe(
      'storage-unavailable',
    );
    expect(codeOf(toStorageError(named('DatabaseClosedError')))).toBe('storage-unavailable');
  });

  it("recognises Chromium's words for damaged LevelDB files as a corrupt database", () => {
    // Seen in tests/e2e/storage-faults.spec.ts after overwriting the files of a closed profile.
    const damaged = new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
    expect(codeOf(toStorageError(damaged))).toBe('storage-corrupt');
    expect(codeOf(toStorageError(named('OpenFailedError', { inner: damaged })))).toBe('storage-corrupt');
    expect(describeError(toStorageError(damaged)).title).toBe('本地数据已损坏');
  });

  it('maps a duplicate key to a conflict', () => {
    expect(codeOf(toStorageError(named('ConstraintError')))).toBe('conflict');
  });

  it('keeps the original as the cause and names the operation in the technical message', () => {
    const original = named('QuotaExceededError');
    const mapped = toStorageError(original, 'save plan') as StorageError;
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped.message).toBe('save plan: QuotaExceededError: QuotaExceededError happened');
    expect(mapped.cause).toBe(original);
  });

  it('passes the core’s own errors and plain bugs through unchanged', () => {
    const v = new ValidationError([{ path: 'name', message: '请填写姓名' }]);
    const bug = new TypeError('x is undefined');
    expect(toStorageError(v)).toBe(v);
    expect(toStorageError(bug)).toBe(bug);
    const ours = new NotFoundError('profile', 'local');
    expect(toStorageError(named('NotFoundError', { inner: ours }))).toBe(ours);
  });

  it('gives the clerk the Chinese words for a full disk', () => {
    expect(describeError(toStorageError(new DOMException('disk full', 'QuotaExceededError'))).title).toBe(
      '磁盘空间不足,未能保存',
    );
  });
});

describe('wrapStorageErrors', () => {
  it('returns the value of an operation that succeeds', async () => {
    expect(await wrapStorageErrors('x', () => 42)).toBe(42);
  });

  it('turns a write that runs out of space into storage-quota', async () => {
    const err = await wrapStorageErrors('save', () =>
      Promise.reject(new DOMException('disk full', 'QuotaExceededError')),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(codeOf(err)).toBe('storage-quota');
  });

  it('reports a real closed database as storage-unavailable', async () => {
    const db = await openTestDb();
    db.close();
    const err = await getProfile(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(codeOf(err)).toBe('storage-unavailable');
    expect(((err as StorageError).cause as Error).name).toBe('DatabaseClosedError');
  });

  it('reports a real duplicate key as a conflict', async () => {
    const db = await openTestDb();
    await createProfile(db, {
      name: '张三',
      unitName: '办公室',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official'],
      presetId: 'hubei',
    });
    const row = await db.profile.get('local');
    const err = await wrapStorageErrors('add', () => db.profile.add(row!)).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('conflict');
    db.close();
  });
});
