// @vitest-environment happy-dom
/**
 * 设置 → 备份与恢复 on a real (fake-)IndexedDB with real crypto: 立即备份 lists a 手动 backup; after
 * a change, 恢复 from it brings the earlier state back; 备份到文件 refuses a short or mistyped
 * passphrase, then saves a .dbbak; 从文件恢复 says a wrong passphrase in the dialog and changes
 * nothing, then with the right one shows the verified summary and restores. A failing daily backup
 * is a warning text, not an error.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { serialize } from 'node:v8';
import { ServicesProvider } from '../../src-renderer/state/services';
import { BackupSection } from '../../src-renderer/backup/BackupSection';
import { runDailyCheck } from '../../src-renderer/backup/service';
import { createProfile, openDatabase, type DutyBookDb } from '../../shared/store';
import { inspectBackup, takeAutomaticBackup } from '../../shared/backup';
import { RecoveryRestore } from '../../src-renderer/backup/RecoveryRestore';
import { fakeHost } from './fake-host';

afterEach(cleanup);

let n = 0;
async function seededDb(): Promise<DutyBookDb> {
  const db = await openDatabase(`backup-ui-${++n}-${Math.random().toString(36).slice(2)}`);
  await createProfile(db, {
    name: '王五',
    unitName: '综合科',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    presetId: 'hubei',
  });
  await db.journalEntries.put({ id: 'J1', personId: 'p', date: '2026-11-02', text: '备份前的记录' } as never);
  return db;
}

/** The working tables (not audit/meta, which a restore extends by its own entry). */
async function state(db: DutyBookDb): Promise<Buffer> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (t.name !== 'audit' && t.name !== 'meta') out[t.name] = await t.toArray();
  return serialize(out);
}

function memorySecrets() {
  const secrets = new Map<string, Uint8Array<ArrayBuffer>>();
  return {
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: true }),
    storeSecret: ({ name, secret }: { name: string; secret: Uint8Array<ArrayBuffer> }) => {
      secrets.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
    loadSecret: ({ name }: { name: string }) => Promise.resolve(secrets.get(name) ?? null),
  };
}

describe('备份与恢复', () => {
  it('立即备份, then 恢复 from the automatic backup brings the earlier state back', async () => {
    const db = await seededDb();
    const host = fakeHost(memorySecrets());
    const onRestored = vi.fn();
    render(
      <ServicesProvider services={{ db, host }}>
        <BackupSection onRestored={onRestored} />
      </ServicesProvider>,
    );
    expect(await screen.findByText(/还没有自动备份/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '立即备份' }));
    const list = await screen.findByTestId('backup-list');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('手动');
    expect(rows[0]).toHaveTextContent(/共 \d+ 条/);
    const before = await state(db);

    await db.journalEntries.put({ id: 'J2', personId: 'p', date: '2026-11-03', text: '备份后的记录' } as never);
    await db.journalEntries.delete('J1');
    expect((await state(db)).equals(before)).toBe(false);

    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^恢复 .* 的备份$/ }));
    const summary = await screen.findByTestId('backup-summary');
    expect(summary).toHaveTextContent('备份文件已核验');
    expect(summary).toHaveTextContent('王五(综合科)');
    expect(summary).toHaveTextContent('恢复将用备份中的数据替换本机现有的全部数据');
    fireEvent.click(screen.getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    expect((await state(db)).equals(before)).toBe(true);
    // The state just replaced was backed up first (a second 手动 backup).
    expect((await host.listBackups()).length).toBe(2);
    expect((await db.audit.toArray()).at(-1)?.action).toBe('restore');
    db.close();
  });

  it('备份到文件 checks the passphrase; 从文件恢复 refuses a wrong one without changing anything, then restores', async () => {
    const db = await seededDb();
    const saved: { name: string; data: Uint8Array }[] = [];
    const secrets = memorySecrets();
    const host = fakeHost({
      ...secrets,
      saveFile: ({ suggestedName, data }) => {
        saved.push({ name: suggestedName, data });
        return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
      },
      openFiles: () => Promise.resolve(saved.map((s) => ({ name: s.name, path: `/docs/${s.name}`, data: new Uint8Array(s.data) }))),
    });
    const onRestored = vi.fn();
    render(
      <ServicesProvider services={{ db, host }}>
        <BackupSection onRestored={onRestored} />
      </ServicesProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '备份到文件' }));
    const dialog = await screen.findByRole('dialog');
    const [first, second] = within(dialog).getAllByLabelText(/备份口令/);
    fireEvent.change(first!, { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '备份到文件' }));
    expect(await within(dialog).findByText('备份口令至少需要8个字符。')).toBeInTheDocument();
    fireEvent.change(first!, { target: { value: 'Correct-Horse-2026' } });
    expect(within(dialog).getByText(/口令强度:强/)).toBeInTheDocument();
    fireEvent.change(second!, { target: { value: 'Correct-Horse-2025' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '备份到文件' }));
    expect(await within(dialog).findByText('两次输入的口令不一致。')).toBeInTheDocument();
    fireEvent.change(second!, { target: { value: 'Correct-Horse-2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '备份到文件' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 15_000 });
    expect(saved[0]!.name).toMatch(/^履责记实数据库备份-王五-\d{8}\.dbbak$/);
    expect((await inspectBackup(saved[0]!.data, { passphrase: 'Correct-Horse-2026' })).who.name).toBe('王五');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const before = await state(db);
    await db.journalEntries.put({ id: 'J3', personId: 'p', date: '2026-11-04', text: '之后' } as never);
    const changed = await state(db);

    fireEvent.click(screen.getByRole('button', { name: '从文件恢复' }));
    const restore = await screen.findByRole('dialog');
    fireEvent.change(within(restore).getByLabelText(/备份口令/), { target: { value: 'wrong-passphrase' } });
    fireEvent.click(within(restore).getByRole('button', { name: '核验备份' }));
    expect(await within(restore).findByTestId('backup-error', {}, { timeout: 15_000 })).toHaveTextContent('备份口令不正确');
    expect((await state(db)).equals(changed)).toBe(true);

    fireEvent.change(within(restore).getByLabelText(/备份口令/), { target: { value: 'Correct-Horse-2026' } });
    fireEvent.click(within(restore).getByRole('button', { name: '核验备份' }));
    expect(await within(restore).findByTestId('backup-summary', {}, { timeout: 15_000 })).toHaveTextContent('备份的是:王五(综合科)');
    fireEvent.click(within(restore).getByRole('button', { name: '恢复' }));
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1), { timeout: 15_000 });
    expect((await state(db)).equals(before)).toBe(true);
    db.close();
  });

  it('the recovery screen lists the automatic backups and restores one into a database by name', async () => {
    const db = await seededDb();
    const host = fakeHost(memorySecrets());
    await takeAutomaticBackup(db, host, 'daily');
    const before = await state(db);
    const name = `recovered-${Math.random().toString(36).slice(2)}`;
    const onRestored = vi.fn();
    render(<RecoveryRestore dbName={name} host={host} onRestored={onRestored} />);
    const button = await screen.findByRole('button', { name: /^恢复 .* 的备份$/ });
    expect(screen.getByTestId('recovery-restore')).toHaveTextContent('每日');
    fireEvent.click(button);
    await waitFor(() => expect(onRestored).toHaveBeenCalledTimes(1));
    const recovered = await openDatabase(name);
    expect((await state(recovered)).equals(before)).toBe(true);
    recovered.close();
    db.close();
  });

  it('a daily backup that fails gives a warning text (and the app goes on)', async () => {
    const db = await seededDb();
    const host = fakeHost({
      ...memorySecrets(),
      writeBackup: () => Promise.reject(new Error('disk full')),
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const text = await runDailyCheck({ db, host });
    warn.mockRestore();
    expect(text).toMatch(/^今天的自动备份没有完成:.*您的工作不受影响/);
    // Locked key store (browser preview before its passphrase): the check waits, no warning.
    const locked = fakeHost({ writeBackup: () => Promise.reject(new Error('never called')) });
    expect(await runDailyCheck({ db, host: locked })).toBeNull();
    db.close();
  });
});
