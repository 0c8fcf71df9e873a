// @vitest-environment happy-dom
/**
 * Roles come from the roster once a device is enrolled (issue 20, finding 6): an official who ticks
 * 人事部门 in 设置 gets no HR workspace, not even by typing its address; a supervisor the roster lists
 * has the supervisor workspace with the tick off; HR's workspace needs the HR organisation key on
 * this PC. Real devices: each has its own keys, HR binds their enrollment requests into a roster it
 * signs with a real organisation key, and the roster reaches the officials in a real bundle.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src-renderer/app/App';
import { createProfile, getProfile, openDatabase, updateProfile, type DutyBookDb } from '../../shared/store';
import { SECRET_NAMES } from '../../shared/ledger/identity';
import type { Role } from '../../shared/domain';
import { distributeRoster, makeOrg, type Device, type Org } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

const staff = { positionCategory: 'comprehensive', rankLevel: 'staff1', presetId: 'hubei' } as const;

/** A key store that is open (as Electron's always is) and holds `secrets`; `locked` makes it ask for its passphrase first. */
function keyHost(secrets: Map<string, Uint8Array>, { locked = false } = {}) {
  let unlocked = !locked;
  return fakeHost({
    keyStoreStatus: () => Promise.resolve({ available: true, unlocked, initialised: true }),
    unlockKeyStore: () => {
      unlocked = true;
      return Promise.resolve({ unlocked: true });
    },
    loadSecret: ({ name }) => {
      const s = secrets.get(name);
      return Promise.resolve(s ? new Uint8Array(s) : null);
    },
    storeSecret: ({ name, secret }) => {
      secrets.set(name, new Uint8Array(secret));
      return Promise.resolve({ stored: true as const });
    },
  });
}

let org: Org;
const profiles = new Map<string, Role[]>();

/** The device's profile, made once: its person is the device's identity, its roles the local tick. */
async function withProfile(d: Device, name: string, roles: Role[]): Promise<DutyBookDb> {
  if (!profiles.has(d.personId)) {
    await createProfile(d.db, { name, unitName: '办公室', roles, ...staff }, { personId: d.personId });
    profiles.set(d.personId, roles);
  }
  return d.db;
}

const mainNav = () => screen.findByRole('navigation', { name: '主导航' });

beforeAll(async () => {
  org = await makeOrg();
  // The roster reaches 张三 and 王主任 the way it reaches everyone: in HR's bundle, imported and checked.
  await distributeRoster(org, ['O1', 'S1']);
}, 60_000);

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('an enrolled device works with the roster’s roles', () => {
  it('an official who ticks 人事部门 gets no 人事管理, and its address explains instead of opening', async () => {
    const db = await withProfile(org.devices.O1!, '张三', ['official']);
    // The tick, saved the way 设置 saved it before: the profile now says 人事部门.
    await updateProfile(db, { roles: ['official', 'hr'] });
    window.location.hash = '#/hr';
    render(<App services={{ db, host: keyHost(new Map()) }} />);
    const nav = await mainNav();
    expect(within(nav).getByRole('link', { name: '我的平时考核' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: '人事管理' })).toBeNull();
    expect(await screen.findByText('人员名册中您不具有“人事部门”角色')).toBeInTheDocument();
    expect(screen.getByText(/本机已登记在本单位人员名册\(第1版\)中,角色以名册为准。您在名册中的角色是:公务员。/)).toBeInTheDocument();
    // None of HR's workspace: no tabs, no organisation set-up, no buttons that would sign.
    expect(screen.queryByRole('navigation', { name: '人事管理分项' })).toBeNull();
    expect(screen.queryByRole('button', { name: /签发|建立单位/ })).toBeNull();
    // The home page offers only the roster's workspaces.
    await userEvent.click(within(nav).getByRole('link', { name: '首页' }));
    expect(await screen.findByRole('link', { name: '进入公务员工作区' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '进入人事部门工作区' })).toBeNull();
  });

  it('设置 shows the roster’s roles, cannot be ticked, says why, and saving leaves the tick as it was', async () => {
    const db = await withProfile(org.devices.O1!, '张三', ['official']);
    window.location.hash = '#/settings';
    render(<App services={{ db, host: keyHost(new Map()) }} />);
    const roles = await screen.findByRole('group', { name: '在平时考核中承担的角色(可多选)' });
    const hr = within(roles).getByRole('checkbox', { name: '人事部门' });
    expect(hr).not.toBeChecked();
    expect(hr).toBeDisabled();
    expect(within(roles).getByRole('checkbox', { name: '公务员' })).toBeChecked();
    expect(
      screen.getByText('角色由人事部门在人员名册中确定(第1版名册)。如需调整,请联系人事部门重新签发名册。'),
    ).toBeInTheDocument();
    const before = (await getProfile(db))!.roles;
    await userEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await screen.findByText('已保存');
    expect((await getProfile(db))!.roles).toEqual(before);
  });

  it('a supervisor the roster lists has 领导评鉴 with the local tick off', async () => {
    const db = await withProfile(org.devices.S1!, '王主任', ['official']);
    window.location.hash = '#/supervisor';
    render(<App services={{ db, host: keyHost(new Map()) }} />);
    const nav = await mainNav();
    expect(within(nav).getByRole('link', { name: '领导评鉴' })).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '领导评鉴', level: 1 })).toBeInTheDocument();
    expect(screen.queryByText(/不具有“主管领导”角色/)).toBeNull();
  });
});

describe('HR’s workspace on an enrolled device needs the HR organisation key', () => {
  it('listed as 人事部门 but without the key on this PC: a clear explanation, not a workspace whose 签发 fails', async () => {
    const db = await withProfile(org.hr, '人事科', ['official', 'hr']);
    window.location.hash = '#/hr';
    render(<App services={{ db, host: keyHost(new Map()) }} />);
    // The roster gives the role, so the workspace is offered; opening it says what is missing.
    expect(within(await mainNav()).getByRole('link', { name: '人事管理' })).toBeInTheDocument();
    expect(await screen.findByText('本机没有人事部门密钥')).toBeInTheDocument();
    expect(screen.getByText(/这台电脑上没有签发人员名册所用的人事部门密钥/)).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: '人事管理分项' })).toBeNull();
    expect(screen.getByRole('link', { name: '前往同步' })).toHaveAttribute('href', '#/sync');
  });

  it('a key of another organisation (or from before a rotation) is not the key', async () => {
    const db = await withProfile(org.hr, '人事科', ['official', 'hr']);
    const other = new Uint8Array(32).fill(7);
    window.location.hash = '#/hr';
    render(<App services={{ db, host: keyHost(new Map([[SECRET_NAMES.hrOrg, other]])) }} />);
    expect(await screen.findByText('本机没有人事部门密钥')).toBeInTheDocument();
  });

  it('with the key, HR’s workspace opens', async () => {
    const db = await withProfile(org.hr, '人事科', ['official', 'hr']);
    window.location.hash = '#/hr';
    render(<App services={{ db, host: keyHost(new Map([[SECRET_NAMES.hrOrg, org.orgKey.seed]])) }} />);
    expect(await screen.findByRole('navigation', { name: '人事管理分项' })).toBeInTheDocument();
    expect(screen.queryByText('本机没有人事部门密钥')).toBeNull();
  });

  it('a locked key store is unlocked first, then the key is looked for and the workspace opens', async () => {
    const db = await withProfile(org.hr, '人事科', ['official', 'hr']);
    window.location.hash = '#/hr';
    render(<App services={{ db, host: keyHost(new Map([[SECRET_NAMES.hrOrg, org.orgKey.seed]]), { locked: true }) }} />);
    expect(await screen.findByText('请先解锁密钥库')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '解锁密钥库' }));
    const dialog = await screen.findByRole('dialog', { name: '输入密钥库口令' });
    await userEvent.type(within(dialog).getByLabelText('口令'), 'kaohe-2026-pass');
    await userEvent.click(within(dialog).getByRole('button', { name: '解锁' }));
    expect(await screen.findByRole('navigation', { name: '人事管理分项' })).toBeInTheDocument();
  });
});

describe('before enrollment the local choice applies', () => {
  it('a fresh install that ticks 人事部门 opens HR’s workspace to set up the organisation; 设置 says the roster will decide', async () => {
    const db = await openDatabase(`roles-fresh-${Math.random().toString(36).slice(2, 8)}`);
    try {
      await createProfile(db, { name: '人事干部', unitName: '某厅', roles: ['official', 'hr'], ...staff });
      window.location.hash = '#/hr';
      render(<App services={{ db, host: keyHost(new Map()) }} />);
      expect(within(await mainNav()).getByRole('link', { name: '人事管理' })).toBeInTheDocument();
      expect(await screen.findByRole('button', { name: '建立单位并生成人事部门密钥' })).toBeInTheDocument();
      await userEvent.click(within(await mainNav()).getByRole('link', { name: '设置' }));
      const roles = await screen.findByRole('group', { name: '在平时考核中承担的角色(可多选)' });
      expect(within(roles).getByRole('checkbox', { name: '人事部门' })).toBeEnabled();
      expect(screen.getByText(/收到名册后,角色以名册为准,此处的勾选不再起作用/)).toBeInTheDocument();
    } finally {
      cleanup();
      db.close();
    }
  });
});
