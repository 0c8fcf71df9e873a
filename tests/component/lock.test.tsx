// @vitest-environment happy-dom
/**
 * The local password lock in the whole app: it starts locked when a password is set, locks itself
 * after the idle time (fake clock), hides everything behind an inert opaque screen while keeping
 * half-typed text, counts down a lockout, and is set up from 设置 → 本机密码锁.
 * Passwords are set through the core with small scrypt parameters; unlocking uses the stored ones.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { AppLock, APP_LOCK_META_KEY } from '../../shared/security/app-lock';
import { createProfile, openDatabase, type DutyBookDb } from '../../shared/store';
import { fakeHost } from './fake-host';
import { readMirror } from '../../src-renderer/components/draftMirror';

const PASSWORD = '共用电脑 pass 2026';
const host = fakeHost({ keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: false }) });

let n = 0;
const open: DutyBookDb[] = [];
async function dbWithProfile(password: string | null): Promise<DutyBookDb> {
  const db = await openDatabase(`component-lock-${++n}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  await createProfile(db, {
    name: '王五',
    unitName: '综合科',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    presetId: 'hubei',
  });
  if (password) await new AppLock(db, { scrypt: { N: 2 ** 10, r: 8, p: 1 } }).setPassword(host, password, { idleMinutes: 10 });
  return db;
}

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  window.location.hash = '';
});

async function unlock(password = PASSWORD) {
  const dialog = await screen.findByRole('dialog', { name: '履责记实已锁定' });
  fireEvent.change(within(dialog).getByLabelText('本机密码'), { target: { value: password } });
  fireEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
}

describe('the local password lock', () => {
  it('starts locked with a password set: the app is not mounted until the right password', async () => {
    render(<App services={{ db: await dbWithProfile(PASSWORD), host }} />);
    const dialog = await screen.findByRole('dialog', { name: '履责记实已锁定' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(await within(dialog).findByTestId('lock-profile')).toHaveTextContent('综合科 · 王五');
    expect(screen.queryByTestId('app-content')).toBeNull();
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();

    await unlock('不对的密码 123');
    expect(await within(dialog).findByText('密码不正确。再输错 4 次,需等待30秒后才能再试。')).toBeInTheDocument();
    expect(screen.queryByTestId('app-content')).toBeNull();

    await unlock();
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    expect(screen.getByRole('button', { name: '锁定' })).toBeInTheDocument();
  });

  it('locks after the idle time, hides the screen, keeps a half-typed draft, and gives it back on unlock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], shouldAdvanceTime: true });
    window.location.hash = '#/settings';
    render(<App services={{ db: await dbWithProfile(PASSWORD), host }} />);
    await unlock();
    const nameField = await screen.findByRole('textbox', { name: '姓名' });
    fireEvent.change(nameField, { target: { value: '王五(尚未保存' } });

    // 9 minutes idle: still open; a key press starts the 10 minutes again.
    act(() => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    fireEvent.keyDown(nameField, { key: 'a' });
    act(() => {
      vi.advanceTimersByTime(9 * 60_000);
    });
    expect(screen.queryByTestId('lock-screen')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(61_000);
    });

    const dialog = await screen.findByRole('dialog', { name: '履责记实已锁定' });
    // Hidden and inert, not just covered: nothing behind the lock can be read or reached.
    const content = screen.getByTestId('app-content');
    expect(content).toHaveAttribute('inert');
    expect(content).toHaveStyle({ visibility: 'hidden' });
    expect(content.closest('[inert]')).not.toBeNull();
    expect(dialog.closest('[inert]')).toBeNull();
    expect(screen.queryByRole('textbox', { name: '姓名' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: '主导航' })).toBeNull();
    // …but still mounted, with the typed text where it was.
    expect(nameField).toBeInTheDocument();

    vi.useRealTimers();
    await unlock();
    await waitFor(() => expect(screen.queryByTestId('lock-screen')).toBeNull());
    expect(screen.getByRole('textbox', { name: '姓名' })).toHaveValue('王五(尚未保存');
    expect(content).not.toHaveAttribute('inert');
    expect(content.closest('[inert]')).toBeNull();
  });

  it('keeps a half-typed draft’s mirror out of localStorage in the clear; locked it is unreadable; after a power cut and the password, the draft comes back', async () => {
    const db = await dbWithProfile(PASSWORD);
    const name = db.name;
    window.location.hash = '#/official/summary/2026-Q1';
    const first = render(<App services={{ db, host }} />);
    await unlock();
    const box = await screen.findByRole('textbox', { name: '个人工作小结' }, { timeout: 20_000 });
    const typed = '一季度完成预算执行分析报告三份(尚未保存,断电前的文字)';
    fireEvent.change(box, { target: { value: typed } });
    const inClear = () =>
      Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('断电前的文字'));
    // The mirror is written at once (before any save), but not as readable text.
    const mirrors = Object.keys(localStorage).filter((k) => k.startsWith('dutybook.draft.summary.'));
    expect(mirrors).toHaveLength(1);
    expect(inClear()).toBe(false);

    // Power cut before the database got the text: the database is gone from under the window.
    db.close();
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    await screen.findByTestId('lock-screen');
    // Locked: the mirror is there but cannot be read by the app (nor by anyone reading the disk).
    expect(readMirror(mirrors[0]!)).toBeNull();
    expect(inClear()).toBe(false);
    first.unmount();

    // The PC comes back: a new window on the same database starts locked; the password brings the text back.
    const db2 = await openDatabase(name);
    open.push(db2);
    expect((await db2.summaries.toArray()).map((r) => (r as { text?: string }).text)).not.toContain(typed);
    render(<App services={{ db: db2, host }} />);
    await unlock();
    expect(await screen.findByRole('textbox', { name: '个人工作小结' }, { timeout: 20_000 })).toHaveValue(typed);
    expect(screen.getByText('已恢复未保存的内容')).toBeInTheDocument();
    expect(inClear()).toBe(false);
  });

  it('locks on Ctrl+L and on the app bar button', async () => {
    render(<App services={{ db: await dbWithProfile(PASSWORD), host }} />);
    await unlock();
    await screen.findByRole('navigation', { name: '主导航' });
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    expect(await screen.findByTestId('lock-screen')).toBeInTheDocument();
    await unlock();
    fireEvent.click(await screen.findByRole('button', { name: '锁定' }));
    expect(await screen.findByTestId('lock-screen')).toBeInTheDocument();
  });

  it('after five wrong passwords shows the lockout and counts it down; a reload keeps it', async () => {
    const db = await dbWithProfile(PASSWORD);
    const view = render(<App services={{ db, host }} />);
    const dialog = await screen.findByRole('dialog', { name: '履责记实已锁定' });
    for (let i = 1; i <= 5; i++) {
      await unlock(`错误的密码-${i}`);
      await within(dialog).findByText(i < 5 ? new RegExp(`再输错 ${5 - i} 次`) : '已连续输错 5 次密码,暂停输入。');
    }
    const countdown = within(dialog).getByTestId('lockout-countdown');
    expect(countdown).toHaveTextContent(/请在 0:(30|29) 后重试/);
    expect(within(dialog).getByLabelText('本机密码')).toBeDisabled();
    await waitFor(() => expect(countdown).toHaveTextContent(/请在 0:2[0-8] 后重试/), { timeout: 4_000 });

    // A reload (a new app on the same database) still waits.
    view.unmount();
    render(<App services={{ db, host }} />);
    expect(await screen.findByTestId('lockout-countdown')).toHaveTextContent(/请在 0:\d\d 后重试/);
  });

  it('a forgotten password: the lock screen explains, clears the password and the wrapped keys, and opens', async () => {
    const db = await dbWithProfile(PASSWORD);
    const deleted: string[] = [];
    const forgetful = fakeHost({
      keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: false }),
      deleteSecret: ({ name }) => {
        deleted.push(name);
        return Promise.resolve({ deleted: true });
      },
    });
    render(<App services={{ db, host: forgetful }} />);
    const dialog = await screen.findByRole('dialog', { name: '履责记实已锁定' });
    fireEvent.click(within(dialog).getByRole('button', { name: '忘记密码?' }));
    const forget = await screen.findByRole('dialog', { name: '忘记本机密码' });
    expect(forget).toHaveTextContent('考核记录仍在本机,不受影响');
    expect(forget).toHaveTextContent('密钥备份文件');
    fireEvent.click(within(forget).getByRole('button', { name: '我已了解,清除本机密码和本机私钥' }));
    expect(await screen.findByRole('navigation', { name: '主导航' })).toBeInTheDocument();
    expect(await screen.findByText(/本机密码已清除/)).toBeInTheDocument();
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();
    expect(deleted).toEqual(expect.arrayContaining(['dutybook-signing-seed', 'dutybook-encryption-seed']));
    expect((await db.audit.toArray()).map((e) => e.summary)).toContain('忘记本机密码:已清除本机密码和本机私钥');
    expect(screen.queryByRole('button', { name: '锁定' })).toBeNull();
  });

  it('设置 → 本机密码锁: checks both entries, hints at strength, sets the password and shows the lock button', async () => {
    window.location.hash = '#/settings';
    const db = await dbWithProfile(null);
    render(<App services={{ db, host }} />);
    const section = await screen.findByTestId('app-lock-settings');
    expect(within(section).getByTestId('app-lock-status')).toHaveTextContent('未设置本机密码');
    expect(screen.queryByRole('button', { name: '锁定' })).toBeNull();

    fireEvent.change(within(section).getByLabelText('新密码'), { target: { value: 'abc' } });
    expect(within(section).getByTestId('password-strength')).toHaveTextContent('强度:弱');
    fireEvent.change(within(section).getByLabelText('新密码'), { target: { value: PASSWORD } });
    expect(within(section).getByTestId('password-strength')).toHaveTextContent('强度:好');
    fireEvent.change(within(section).getByLabelText('再次输入新密码'), { target: { value: `${PASSWORD}x` } });
    fireEvent.click(within(section).getByRole('button', { name: '设置密码' }));
    expect(await within(section).findByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(await db.meta.get(APP_LOCK_META_KEY)).toBeUndefined();

    fireEvent.change(within(section).getByLabelText('再次输入新密码'), { target: { value: PASSWORD } });
    fireEvent.change(within(section).getByLabelText('不操作多久后自动锁定'), { target: { value: '5' } });
    fireEvent.click(within(section).getByRole('button', { name: '设置密码' }));
    // Production scrypt parameters here (N = 2^17): about a second.
    await waitFor(() => expect(within(section).getByTestId('app-lock-status')).toHaveTextContent('已设置本机密码,5 分钟不操作自动锁定'), {
      timeout: 15_000,
    });
    expect(((await db.meta.get(APP_LOCK_META_KEY))?.value as { kdf: { N: number } }).kdf.N).toBe(2 ** 17);
    expect(screen.getByRole('button', { name: '锁定' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: '修改密码' })).toBeInTheDocument();
  });
});
