// @vitest-environment happy-dom
/**
 * 操作日志 on HR's device, with entries a real exchange wrote: the count and the entries with names
 * and local times, filters by person, action and date kept in the address, 核验日志 says the log is
 * whole — and, after an entry is edited behind the app's back, which one; 导出日志 writes a CSV a
 * clerk can read (hashes last) and is itself recorded, as the screen promises of every export.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { AuditPanel } from '../../src-renderer/features/hr/AuditPanel';
import { fileRecord, decidePlan } from '../../shared/store';
import { makeOrg, receive, send, writePlan, type Device } from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

afterEach(cleanup);

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

describe('操作日志', () => {
  it('lists the newest entries, verifies the chain, finds an edited entry and exports CSV', async () => {
    const org = await makeOrg();
    const { O1, S1 } = org.devices;
    await exchange(org.hr, O1!);
    await exchange(org.hr, S1!);
    await writePlan(O1!, ['编制部门预算']);
    await exchange(O1!, S1!);
    await decidePlan(S1!.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
    await exchange(S1!, org.hr);
    await fileRecord(org.hr.db, { what: 'plan', personId: 'O1', year: 2026, version: 1 });
    // HR: two exports (roster), one import, one filing.
    const saved: { name: string; data: Uint8Array }[] = [];
    const host = fakeHost({
      saveFile: ({ suggestedName, data }) => {
        saved.push({ name: suggestedName, data });
        return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
      },
    });
    const router = createMemoryRouter([{ path: '/hr/audit', element: <AuditPanel /> }], {
      initialEntries: ['/hr/audit'],
    });
    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <RouterProvider router={router} />
      </ServicesProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('共 4 条记录'));
    const gridRows = () => screen.getAllByRole('row').slice(1);
    await waitFor(() => expect(gridRows()).toHaveLength(4));
    const rows = gridRows();
    expect(rows[0]).toHaveTextContent('备案 张三 2026年度个人工作计划 第1版');
    expect(rows[1]).toHaveTextContent('导入数据包');
    // Names and the machine's own time, never an id or a "Z".
    const filed = (await org.hr.db.audit.get(4))!;
    const d = new Date(filed.at);
    const p = (n: number) => String(n).padStart(2, '0');
    expect(rows[0]).toHaveTextContent(`${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`);
    expect(rows[0]).toHaveTextContent('人事科');
    expect(rows[0]).not.toHaveTextContent(/Z\b|\bH\b/);

    // Filters: the action from the address (a link such as /hr/audit?action=import), then a person.
    await router.navigate('/hr/audit?action=import');
    await waitFor(() => expect(gridRows()).toHaveLength(1));
    expect(gridRows()[0]).toHaveTextContent('导入数据包');
    await router.navigate('/hr/audit?q=张三');
    await waitFor(() => expect(gridRows()).toHaveLength(1));
    await router.navigate('/hr/audit?to=2000-01-01');
    await waitFor(() => expect(screen.queryAllByRole('row').slice(1)).toHaveLength(0));
    await router.navigate('/hr/audit');
    await waitFor(() => expect(gridRows()).toHaveLength(4));

    fireEvent.click(screen.getByRole('button', { name: '核验日志' }));
    await waitFor(() => expect(screen.getByTestId('audit-verdict')).toHaveTextContent('日志完整,共4条'));

    await org.hr.db.audit.update(2, { summary: '导出 发给 张三 的数据包:0条记录' });
    fireEvent.click(screen.getByRole('button', { name: '核验日志' }));
    await waitFor(() => expect(screen.getByTestId('audit-verdict')).toHaveTextContent('日志已被改动'));
    const problems = screen.getAllByTestId('audit-problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toHaveTextContent('第2条 · 内容被改动');

    fireEvent.click(screen.getByRole('button', { name: '导出日志(CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^操作日志-\d{8}-\d{4}\.csv$/);
    const text = new TextDecoder().decode(saved[0]!.data);
    expect(text.split('\r\n')[0]).toBe('序号,时间,操作人,操作,对象,内容,关联,前一条哈希,哈希');
    expect(text.trimEnd().split('\r\n')).toHaveLength(5);
    expect(text).not.toMatch(/\dZ,/);
    // The export itself is in the log (导出文件), and the log is still whole.
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('共 5 条记录'));
    const last = (await org.hr.db.audit.get(5))!;
    expect(last.action).toBe('document');
    expect(last.summary).toContain(saved[0]!.name);
    expect(within(screen.getByRole('region', { name: '操作日志' })).getAllByRole('row').slice(1)).toHaveLength(5);
  }, 180_000);
});
