import Dexie, { liveQuery } from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { DutyBookError, NotFoundError, StorageError, ValidationError } from '../../../shared/errors/errors';
import type { ProfileInput } from '../../../shared/domain';
import { createProfile, getProfile, getSetting, updateProfile } from '../../../shared/store';
import { freshName, openTestDb, snapshot } from './helpers';

const input: ProfileInput = {
  name: '张三',
  unitName: '湖北省某厅办公室',
  title: '科长',
  positionCategory: 'comprehensive',
  rankLevel: 'principalStaff1',
  roles: ['official', 'supervisor'],
  presetId: 'national',
};
const created = new Date('2026-11-23T08:00:00.000Z');

describe('profile repository', () => {
  it('has no profile before the first-run wizard', async () => {
    const db = await openTestDb();
    expect(await getProfile(db)).toBeUndefined();
    db.close();
  });

  it('creates the profile, which reads back the same after the database is closed and reopened', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    const p = await createProfile(db, input, { now: created, personId: 'P-001' });
    expect(p).toEqual({
      id: 'local',
      personId: 'P-001',
      ...input,
      createdAt: created.toISOString(),
      updatedAt: created.toISOString(),
    });
    db.close();

    const again = await openTestDb(name);
    expect(await getProfile(again)).toEqual(p);
    expect(await getSetting(again, 'activePresetId')).toBe('national');
    again.close();
  });

  it('makes a person id when none is given', async () => {
    const db = await openTestDb();
    const p = await createProfile(db, { ...input, title: undefined });
    expect(p.personId).toMatch(/^[0-9A-Z]{26}$/);
    expect('title' in p).toBe(false);
    db.close();
  });

  it('rejects invalid input with every field’s message and writes nothing', async () => {
    const db = await openTestDb();
    const before = await snapshot(db);
    const err = await createProfile(db, { ...input, name: ' ', roles: [] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).issues).toEqual([
      { path: 'name', message: '请填写姓名' },
      { path: 'roles', message: '请至少选择一个角色' },
    ]);
    expect(await snapshot(db)).toEqual(before);
    expect(await getProfile(db)).toBeUndefined();
    db.close();
  });

  it('refuses a second profile on the same device and keeps the first', async () => {
    const db = await openTestDb();
    const first = await createProfile(db, input, { now: created });
    const err = await createProfile(db, { ...input, name: '李四', presetId: 'hubei' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DutyBookError);
    expect((err as DutyBookError).code).toBe('conflict');
    expect(await getProfile(db)).toEqual(first);
    expect(await getSetting(db, 'activePresetId')).toBe('national');
    db.close();
  });

  it('updates some fields, keeps the rest and the creation time, and persists', async () => {
    const name = freshName();
    const db = await openTestDb(name);
    await createProfile(db, input, { now: created });
    const later = new Date('2026-12-01T09:30:00.000Z');
    const p = await updateProfile(db, { name: '张三丰', title: undefined }, { now: later });
    expect(p).toMatchObject({
      name: '张三丰',
      unitName: input.unitName,
      createdAt: created.toISOString(),
      updatedAt: later.toISOString(),
    });
    expect('title' in p).toBe(false);
    db.close();
    const again = await openTestDb(name);
    expect(await getProfile(again)).toEqual(p);
    again.close();
  });

  it('makes a changed preset the active one', async () => {
    const db = await openTestDb();
    await createProfile(db, input);
    await updateProfile(db, { presetId: 'hubei' });
    expect(await getSetting(db, 'activePresetId')).toBe('hubei');
    db.close();
  });

  it('checks the merged profile: a new category must fit the stored rank level, else nothing changes', async () => {
    const db = await openTestDb();
    await createProfile(db, input, { now: created });
    const before = await snapshot(db);
    const err = await updateProfile(db, { positionCategory: 'enforcement', presetId: 'hubei' }).catch(
      (e: unknown) => e,
    );
    expect((err as ValidationError).issues).toEqual([
      { path: 'rankLevel', message: '“一级主任科员”不是行政执法类公务员的职级,请重新选择' },
    ]);
    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('cannot update a profile that does not exist', async () => {
    const db = await openTestDb();
    await expect(updateProfile(db, { name: '王五' })).rejects.toBeInstanceOf(NotFoundError);
    db.close();
  });

  it('reports a stored profile that no longer parses as corrupt storage', async () => {
    const db = await openTestDb();
    await db.profile.put({ id: 'local', name: '' } as never);
    const err = await getProfile(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('storage-corrupt');
    db.close();
  });

  it('works inside a live query, so the app leaves the first-run wizard as soon as the profile exists', async () => {
    // liveQuery only runs when Dexie's global dependencies have an IndexedDB (browsers always do).
    Object.assign(Dexie.dependencies, { indexedDB, IDBKeyRange });
    const db = await openTestDb();
    const seen: (string | null)[] = [];
    let resolveSecond: () => void = () => {};
    const second = new Promise<void>((r) => (resolveSecond = r));
    const sub = liveQuery(async () => (await getProfile(db))?.name ?? null).subscribe({
      next: (v) => {
        seen.push(v);
        if (seen.length === 2) resolveSecond();
      },
      error: (e: unknown) => {
        throw e;
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    await createProfile(db, input);
    await second;
    sub.unsubscribe();
    expect(seen).toEqual([null, '张三']);
    db.close();
  });
});
