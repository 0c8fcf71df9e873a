// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src-renderer/app/App';
import { createProfile, openDatabase, type DutyBookDb } from '../../shared/store';
import { fakeHost } from './fake-host';
import type { Role } from '../../shared/domain';

const host = fakeHost();

let n = 0;
const open: DutyBookDb[] = [];
async function dbWithProfile(roles: Role[] | null): Promise<DutyBookDb> {
  const db = await openDatabase(`component-${++n}`);
  open.push(db);
  if (roles) {
    await createProfile(db, {
      name: '王五',
      unitName: '综合科',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles,
      presetId: 'hubei',
    });
  }
  return db;
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  localStorage.clear();
  window.location.hash = '';
});

describe('the renderer shell', () => {
  it('shows the first-run wizard when the device has no profile', async () => {
    render(<App services={{ db: await dbWithProfile(null), host }} />);
    expect(await screen.findByRole('heading', { name: '欢迎使用履责记实' })).toBeInTheDocument();
  });

  it('stops at the first step and names every missing field', async () => {
    render(<App services={{ db: await dbWithProfile(null), host }} />);
    await userEvent.click(await screen.findByRole('button', { name: '下一步' }));
    for (const msg of ['请填写姓名', '请填写所在单位', '请选择职位类别', '请选择职级']) {
      expect(screen.getByText(msg)).toBeInTheDocument();
    }
  });

  it('shows only the workspaces whose role the profile holds', async () => {
    render(<App services={{ db: await dbWithProfile(['official', 'hr']), host }} />);
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    expect(within(nav).getByRole('link', { name: '我的平时考核' })).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: '人事管理' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: '领导评鉴' })).toBeNull();
  });

  it('explains itself when a workspace is opened by address without its role', async () => {
    window.location.hash = '#/supervisor';
    render(<App services={{ db: await dbWithProfile(['official']), host }} />);
    await waitFor(() => expect(screen.getByText('当前档案不具有“主管领导”角色')).toBeInTheDocument());
  });
});
