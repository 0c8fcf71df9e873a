// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { getPerson } from '../../shared/store';
import { host, hrDb, pick } from './hr-setup';

describe('单位和人员: organisation changes through the UI', () => {
  it('marks a person as left after confirming, refuses a supervisor with people under them, and lists the change for the roster', async () => {
    const db = await hrDb('hr-org');
    window.location.hash = '#/hr/people';
    render(<App services={{ db, host }} />);
    // The people list (a data grid) is a chunk of its own: its first load in a test worker is slow.
    expect(await screen.findByTestId('roster-up-to-date', {}, { timeout: 60_000 })).toBeInTheDocument();

    fireEvent.click(await screen.findByRole('button', { name: '离职(调出):处长' }, { timeout: 60_000 }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认离职(调出)' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '“处长”仍是副处长、科员甲的主管领导,请先为他们另选主管领导,再办理离职(调出)',
    );
    expect((await getPerson(db, 'boss'))?.active).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '离职(调出):科员甲' }));
    dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('为“科员甲”办理离职(调出)?');
    fireEvent.change(within(dialog).getByLabelText(/离职\(调出\)日期/), { target: { value: '2026-09-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认离职(调出)' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: '离职(调出):科员甲' })).toBeNull());
    expect((await getPerson(db, 'a'))?.active).toBe(false);
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('科员甲离职(调出)');

    await pick('状态', '离职');
    fireEvent.click(await screen.findByRole('button', { name: '恢复在职:科员甲' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/返回日期/), { target: { value: '2026-10-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认恢复在职' }));
    await waitFor(async () => expect((await getPerson(db, 'a'))?.active).toBe(true));
    // Left on 9月1日 and back on 10月1日: the gap is news for the roster, though 在职 again.
    await waitFor(() =>
      expect(screen.getByTestId('roster-pending')).toHaveTextContent('科员甲的任职经历已修改'),
    );
  }, 120_000);

  it('moves a person to another unit and refuses a supervisor loop beside the field', async () => {
    const db = await hrDb('hr-org');
    window.location.hash = '#/hr/people';
    render(<App services={{ db, host }} />);

    fireEvent.click(await screen.findByRole('button', { name: '编辑:处长' }, { timeout: 60_000 }));
    await screen.findByRole('dialog');
    await pick('主管领导', '副处长');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(
      await screen.findByText('“副处长”的主管领导关系中已包含本人,不能互为主管领导'),
    ).toBeInTheDocument();
    expect((await getPerson(db, 'boss'))?.supervisorId).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '编辑:副处长' }));
    await screen.findByRole('dialog');
    await pick('所在单位', '人事处');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await getPerson(db, 'deputy'))?.unitId).toBe('u2');
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('副处长调至“人事处”');
    expect(screen.getByRole('button', { name: '签发人员名册' })).toBeEnabled();
  }, 120_000);

  it('refuses deleting a unit that still has people, and a duplicate unit name', async () => {
    const db = await hrDb('hr-org');
    window.location.hash = '#/hr/people';
    render(<App services={{ db, host }} />);

    fireEvent.click(await screen.findByRole('button', { name: '删除:综合处' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认删除' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('“综合处”下还有3名人员,不能删除');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '添加下级单位:某厅' }));
    await screen.findByRole('dialog');
    fireEvent.change(screen.getByLabelText('单位名称'), { target: { value: '人事处' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('“某厅”下已有名为“人事处”的单位,请换一个名称')).toBeInTheDocument();
    expect(await db.orgUnits.count()).toBe(3);
  }, 120_000);
});
