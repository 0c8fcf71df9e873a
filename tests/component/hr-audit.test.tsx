// @vitest-environment happy-dom
/**
 * 操作日志 on HR's device, with entries a real exchange wrote: the count and the newest entries,
 * 核验日志 says the log is whole — and, after an entry is edited behind the app's back, which one.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <AuditPanel />
      </ServicesProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('共 4 条记录'));
    const rows = screen.getAllByTestId('audit-row');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toHaveTextContent('备案');
    expect(rows[0]).toHaveTextContent('备案 张三 2026年度个人工作计划 第1版');
    expect(rows[1]).toHaveTextContent('导入数据包');

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
    expect(text.split('\r\n')[0]).toBe('序号,时间,操作人,操作,对象,关联,内容,前一条哈希,哈希');
    expect(text.trimEnd().split('\r\n')).toHaveLength(5);
    expect(within(screen.getByRole('region', { name: '操作日志' })).getAllByTestId('audit-row')).toHaveLength(4);
  });
});
