// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Dexie from 'dexie';
import { App } from '../../src-renderer/app/App';
import { RecoveryScreen } from '../../src-renderer/features/recovery/RecoveryScreen';
import { readMarker } from '../../src-renderer/features/recovery/marker';
import { StorageError } from '../../shared/errors/errors';
import { createProfile, openDatabase, type DutyBookDb } from '../../shared/store';
import { fakeHost } from './fake-host';

const host = fakeHost();
let n = 0;
const open: DutyBookDb[] = [];
async function fresh(): Promise<DutyBookDb> {
  const db = await openDatabase(`recovery-${++n}`);
  open.push(db);
  return db;
}
const profile = {
  name: '王五',
  unitName: '综合科',
  positionCategory: 'comprehensive',
  rankLevel: 'staff1',
  roles: ['official'],
  presetId: 'hubei',
} as const;

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('a database that was lost or cannot open', () => {
  it('notes outside the database that a profile lives here, and an emptied database then shows recovery, not the wizard', async () => {
    const db = await fresh();
    await createProfile(db, { ...profile, roles: [...profile.roles] });
    render(<App services={{ db, host }} />);
    expect(await screen.findByRole('heading', { name: '王五,您好' })).toBeInTheDocument();
    await waitFor(() => expect(readMarker(db.name)).toMatchObject({ name: '王五', unitName: '综合科' }));
    cleanup();

    // What Chromium does to a store it finds damaged: the next start gets an empty database.
    await db.profile.clear();
    render(<App services={{ db, host }} />);
    expect(await screen.findByRole('heading', { name: '本机的履责记实数据无法读取' })).toBeInTheDocument();
    expect(screen.getByText(/综合科 · 王五/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '欢迎使用履责记实' })).toBeNull();

    // Starting over is a deliberate choice, asked once; then the wizard, and the note is gone.
    await userEvent.click(screen.getByRole('button', { name: '清除并重新开始' }));
    const confirm = await screen.findByRole('dialog', { name: '清除本地数据并重新开始?' });
    await userEvent.click(within(confirm).getByRole('button', { name: '清除并重新开始' }));
    expect(await screen.findByRole('heading', { name: '欢迎使用履责记实' })).toBeInTheDocument();
    expect(readMarker(db.name)).toBeNull();
  });

  it('a device that never held a profile starts with the wizard', async () => {
    render(<App services={{ db: await fresh(), host }} />);
    expect(await screen.findByRole('heading', { name: '欢迎使用履责记实' })).toBeInTheDocument();
  });

  it('a database that failed to open offers opening again and starting over, and starting over deletes only that database', async () => {
    const broken = await fresh();
    await createProfile(broken, { ...profile, roles: [...profile.roles] });
    const other = await fresh();
    broken.close();
    const onStartedOver = vi.fn();
    const error = new StorageError('storage-corrupt', 'open database: DataError: corrupt');
    render(<RecoveryScreen dbName={broken.name} error={error} marker={null} onStartedOver={onStartedOver} />);
    expect(screen.getByRole('heading', { name: '程序未能启动:本地数据已损坏' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新打开' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '清除并重新开始' }));
    const confirm = await screen.findByRole('dialog', { name: '清除本地数据并重新开始?' });
    await userEvent.click(within(confirm).getByRole('button', { name: '清除并重新开始' }));
    await waitFor(() => expect(onStartedOver).toHaveBeenCalledTimes(1));
    expect(await Dexie.exists(broken.name)).toBe(false);
    expect(await Dexie.exists(other.name)).toBe(true);
  });

  it('a database written by a newer version is left alone: only opening again is offered', () => {
    const error = new StorageError('storage-unavailable', 'newer', undefined, { reason: 'newer-version', found: 99, supported: 8 });
    render(<RecoveryScreen dbName="whatever" error={error} marker={null} onStartedOver={() => undefined} />);
    expect(screen.getByRole('heading', { name: /本地数据由较新版本的履责记实写入/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重新打开' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '清除并重新开始' })).toBeNull();
  });
});
