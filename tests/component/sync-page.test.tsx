// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src-renderer/app/App';
import { useSyncUi } from '../../src-renderer/bundles/syncState';
import {
  createProfile,
  getPinnedHr,
  getSelfIdentity,
  openDatabase,
  type DutyBookDb,
} from '../../shared/store';
import { validatedHost } from '../../shared/host/validate';
import type { HostApi } from '../../shared/host/contract';
import { toHex } from '../../shared/bundle/bytes';
import { detectSuite } from '../../shared/bundle/crypto';
import { fingerprintHex, generateDeviceKeys, generateOrgKey } from '../../shared/sync';
import { writeBundle } from '../../shared/bundle/container';

/** A host with secrets in memory; its key store is open (as Electron's is) unless overridden. */
function memoryHost(overrides: Partial<HostApi> = {}) {
  const secrets = new Map<string, Uint8Array<ArrayBuffer>>();
  return validatedHost({
    getAppInfo: () =>
      Promise.resolve({ kind: 'electron', version: 'test', platform: 'test', keyStore: 'os' }),
    saveFile: () => Promise.resolve(null),
    openFiles: () => Promise.resolve([]),
    chooseFolder: () => Promise.resolve(null),
    writeToFolder: () => Promise.resolve({ written: false, bytes: 0 }),
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked: true, initialised: true }),
    unlockKeyStore: () => Promise.resolve({ unlocked: true }),
    storeSecret: ({ name, secret }) => {
      secrets.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
    loadSecret: ({ name }) => Promise.resolve(secrets.get(name) ?? null),
    deleteSecret: ({ name }) => Promise.resolve({ deleted: secrets.delete(name) }),
    // Backups (taken before each import): accepted and dropped.
    writeBackup: ({ data }) => Promise.resolve({ bytes: data.byteLength }),
    listBackups: () => Promise.resolve([]),
    readBackup: () => Promise.resolve(null),
    deleteBackup: () => Promise.resolve({ deleted: false }),
    ...overrides,
  });
}

let n = 0;
const open: DutyBookDb[] = [];
async function officialDb(): Promise<DutyBookDb> {
  const db = await openDatabase(`sync-component-${++n}`);
  open.push(db);
  await createProfile(db, {
    name: '张三',
    unitName: '预算科',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official'],
    presetId: 'hubei',
  });
  return db;
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  useSyncUi.setState({ pendingHr: null, trustVersion: 0 });
  window.location.hash = '';
});

describe('the 同步 page', () => {
  it('is in every role’s navigation and asks for a key-store passphrase before making keys; cancelling says what is missing', async () => {
    const db = await officialDb();
    const unlocks: string[] = [];
    const host = memoryHost({
      keyStoreStatus: () => Promise.resolve({ available: true, unlocked: false, initialised: false }),
      unlockKeyStore: ({ passphrase }) => {
        unlocks.push(passphrase);
        return Promise.resolve({ unlocked: true });
      },
    });
    window.location.hash = '#/sync';
    render(<App services={{ db, host }} />);
    const dialog = await screen.findByRole('dialog', { name: '设置密钥库口令' });
    expect(within(dialog).getByText(/口令丢失后只能从密钥备份恢复/)).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('口令'), 'short');
    await userEvent.click(within(dialog).getByRole('button', { name: '设置并解锁' }));
    expect(within(dialog).getByText('口令至少需要8个字符')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('口令'), '-long-enough');
    await userEvent.type(within(dialog).getByLabelText('再次输入口令'), 'something-else');
    await userEvent.click(within(dialog).getByRole('button', { name: '设置并解锁' }));
    expect(within(dialog).getByText('两次输入的口令不一致')).toBeInTheDocument();
    expect(unlocks).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(await screen.findByText('密钥库尚未解锁,不能生成、签名或打开数据包。')).toBeInTheDocument();
    expect(await getSelfIdentity(db)).toBeUndefined();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '同步' })).toBeInTheDocument();
  });

  it('does not show the incoming fingerprint until the person has typed the one on HR’s paper notice', async () => {
    const db = await officialDb();
    const orgKey = await generateOrgKey(await detectSuite());
    const hrKey = toHex(orgKey.pub);
    const fp = fingerprintHex(hrKey);
    useSyncUi.getState().seeHrKey({ hrKey, fingerprint: fp, from: '王人事' });
    window.location.hash = '#/sync';
    render(<App services={{ db, host: memoryHost() }} />);
    const trust = await screen.findByRole('region', { name: '信任人事部门' });
    const input = within(trust).getByLabelText('请输入书面通知上的指纹');
    // Nowhere on the page, in any spelling, nor in an attribute a screen reader would read out.
    const shown = () => document.body.innerHTML.toUpperCase().replace(/[\s-]/g, '');
    const bare = fp.replaceAll('-', '');
    expect(shown()).not.toContain(bare);
    expect(within(trust).queryByTestId('seen-hr-fingerprint')).toBeNull();

    // Part of it is not enough to see it: the box asks for the whole fingerprint.
    await userEvent.type(input, fp.slice(0, 9));
    await userEvent.click(within(trust).getByRole('button', { name: '核对并确认' }));
    expect(await within(trust).findByTestId('pin-error')).toHaveTextContent('指纹是16个字符');
    expect(shown()).not.toContain(bare);
    expect(await getPinnedHr(db)).toBeUndefined();
  });

  it('pins the HR key when the typed fingerprint matches; a mismatch shows both, says to stop and call HR, and pins nothing', async () => {
    const db = await officialDb();
    const orgKey = await generateOrgKey(await detectSuite());
    const hrKey = toHex(orgKey.pub);
    const fp = fingerprintHex(hrKey);
    useSyncUi.getState().seeHrKey({ hrKey, fingerprint: fp, from: '王人事' });
    window.location.hash = '#/sync';
    render(<App services={{ db, host: memoryHost() }} />);
    const trust = await screen.findByRole('region', { name: '信任人事部门' });

    // A different fingerprint (one group changed): both are shown, the differing group marked.
    const wrong = `${fp.slice(0, 5)}${fp[5] === 'Z' ? 'Y' : 'Z'}${fp.slice(6)}`;
    await userEvent.type(within(trust).getByLabelText('请输入书面通知上的指纹'), wrong);
    await userEvent.click(within(trust).getByRole('button', { name: '核对并确认' }));
    const mismatch = await within(trust).findByTestId('pin-mismatch');
    expect(mismatch).toHaveTextContent('指纹不一致');
    expect(mismatch).toHaveTextContent('联系人事部门');
    expect(within(mismatch).getByTestId('typed-hr-fingerprint')).toHaveTextContent(wrong);
    expect(within(mismatch).getByTestId('seen-hr-fingerprint')).toHaveTextContent(fp);
    expect(mismatch).toHaveTextContent('第2组不同');
    expect(within(trust).queryByRole('button', { name: '核对并确认' })).toBeNull();
    expect(await getPinnedHr(db)).toBeUndefined();

    // Typing again hides the incoming one again.
    await userEvent.click(within(trust).getByRole('button', { name: '重新输入' }));
    expect(within(trust).queryByTestId('seen-hr-fingerprint')).toBeNull();
    const input = within(trust).getByLabelText('请输入书面通知上的指纹');
    expect(input).toHaveValue('');
    await userEvent.type(input, fp.toLowerCase().replaceAll('-', ' '));
    await userEvent.click(within(trust).getByRole('button', { name: '核对并确认' }));
    await waitFor(async () => expect((await getPinnedHr(db))?.key).toBe(hrKey));
    expect(await within(trust).findByTestId('pinned-hr-fingerprint')).toHaveTextContent(fp);
  });

  it('shows the readable hint with every name isolated: a U+202E in a name cannot turn “发给” around (issue 20, finding 8)', async () => {
    const db = await officialDb();
    const suite = await detectSuite();
    const [sender, recipient] = [await generateDeviceKeys(suite), await generateDeviceKeys(suite)];
    // Names as a crafted roster or a hand-made bundle may carry them: the hint is read before any check.
    const bytes = await writeBundle({
      suite,
      sender: { signingKey: sender.signing.seed, signingPub: sender.signing.pub, name: '预算科\u202E王人事' },
      recipient: { encryptionPub: recipient.encryption.pub, name: '李\u200B四\u2066' },
      entries: [],
      acks: null,
      sequence: 1,
    });
    const host = memoryHost({
      openFiles: () =>
        Promise.resolve([
          { name: '给李四.dutybook', path: '/u/给李四.dutybook', data: new Uint8Array(bytes) },
        ]),
    });
    window.location.hash = '#/sync';
    render(<App services={{ db, host }} />);
    await userEvent.click(await screen.findByRole('button', { name: '选择数据包文件' }));
    const hint = await screen.findByTestId('import-hint');
    // What a clerk reads, in this order, with nothing that reorders it…
    expect(hint.textContent).toBe('来自 预算科王人事 发给 李四');
    // …and each name in an isolate of its own, so that any name still holding a right-to-left letter
    // stays inside it.
    expect([...hint.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['预算科王人事', '李四']);
    const outcome = await screen.findByTestId('import-outcome');
    expect(outcome.textContent).toContain('此文件是发给 李四 的');
    expect(outcome.querySelector('bdi')?.textContent).toBe('李四');
  });
});
