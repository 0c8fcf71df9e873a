// @vitest-environment happy-dom
/**
 * 督促检查 and 备案 on HR's device, with data that arrived in real bundles: the grid shows each cell's
 * state against the deadlines, and filing a plan on the 备案 page flips its cell to 已备案.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { decodeMaterialRef } from '../../src-renderer/records/materials';
import { ServicesProvider } from '../../src-renderer/state/services';
import { FilingPage } from '../../src-renderer/features/hr/filing/FilingPage';
import { TrackingPage } from '../../src-renderer/features/hr/tracking/TrackingPage';
import { decidePlan, listSpotChecks } from '../../shared/store';
import {
  distributeRoster,
  makeOrg,
  receive,
  send,
  writePlan,
  writeRecord,
  type Device,
} from '../unit/sync/model/harness';
import { fakeHost } from './fake-host';

afterEach(cleanup);

async function exchange(from: Device, to: Device) {
  await receive(to, (await send(from, to)).bytes);
}

async function setup() {
  const org = await makeOrg();
  await distributeRoster(org);
  const { O1, O2, S1 } = org.devices;
  await writePlan(O1!, ['编制部门预算'], 1);
  await writeRecord(O1!, 1, '预算编制', 20); // 21 January: on time
  await writeRecord(O1!, 2, '预算调整', 70); // 12 March: after the 5 March deadline
  await writePlan(O2!, ['政策研究'], 2);
  await exchange(O1!, S1!);
  await exchange(O2!, S1!);
  await decidePlan(S1!.db, { personId: 'O1', year: 2026, version: 1, decision: 'approve', opinion: '同意' });
  await exchange(S1!, org.hr);
  return org;
}

const NOW = new Date(2026, 4, 1, 9); // 1 May 2026

const cell = (id: string) => screen.getByTestId(id);

/** The address's query, as the page left it. */
function Address() {
  return <output data-testid="address">{useLocation().search}</output>;
}
const address = () => new URLSearchParams(screen.getByTestId('address').textContent ?? '');
const rowIds = () =>
  screen.getAllByTestId(/^row-/).map((r) => r.getAttribute('data-testid')!.slice('row-'.length));

describe('督促检查', () => {
  it('shows every cell’s state; filing the plan on the 备案 page flips it to 已备案; the reminder list names who owes what', async () => {
    const org = await setup();
    const saved: { name: string; data: Uint8Array }[] = [];
    const host = fakeHost({
      saveFile: ({ suggestedName, data }) => {
        saved.push({ name: suggestedName, data });
        return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
      },
    });
    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <MemoryRouter initialEntries={['/hr/filing']}>
          <FilingPage now={NOW} />
        </MemoryRouter>
        <MemoryRouter initialEntries={['/hr/tracking']}>
          <TrackingPage now={NOW} />
        </MemoryRouter>
      </ServicesProvider>,
    );
    await screen.findByTestId('tracking-grid');
    expect(screen.getByTestId('tracking-rules')).toHaveTextContent('记实簿次月5日前');
    await waitFor(() => expect(cell('cell-O1-m1')).toHaveAttribute('data-state', 'submitted'));
    expect(cell('cell-O1-m1')).toHaveTextContent('已报送');
    expect(cell('cell-O1-m2')).toHaveAttribute('data-state', 'late');
    expect(cell('cell-O1-m2')).toHaveTextContent('逾期');
    expect(cell('cell-O1-m3')).toHaveTextContent('缺报');
    expect(cell('cell-O1-m4')).toHaveTextContent('未到期');
    expect(cell('cell-O1-plan')).toHaveTextContent('已核准');
    expect(cell('cell-O2-plan')).toHaveTextContent('待核准');
    expect(cell('cell-O4-plan')).toHaveTextContent('未报送');
    expect(within(screen.getByTestId('reminder-O4')).getByText(/1月记实簿\(缺报\)/)).toBeInTheDocument();

    // The 备案 page lists O1's approved plan; filing asks first, then signs the receipt.
    const row = await screen.findByTestId('pending-plan-O1');
    fireEvent.click(within(row).getByRole('button', { name: /^备案:/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('张三的个人年度工作计划(第1版)')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认备案' }));
    await waitFor(() => expect(cell('cell-O1-plan')).toHaveAttribute('data-state', 'filed'));
    expect(cell('cell-O1-plan')).toHaveTextContent(/已备案\(2026-\d\d-\d\d\)/);
    await waitFor(() => expect(screen.queryByTestId('pending-plan-O1')).toBeNull());
    expect(screen.getAllByTestId('filed-row')[0]).toHaveTextContent('人事科');
    // The confirm dialog fades out (the page stays hidden from assistive technology until it is gone).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    // The quarterly view: evaluations and the register are owed by the supervisor.
    fireEvent.click(screen.getByRole('button', { name: '小结·评鉴·登记表(按季度)' }));
    expect(cell('cell-O1-e1')).toHaveTextContent('未评鉴');
    expect(cell('cell-O1-r1')).toHaveTextContent('未登记');
    expect(
      within(screen.getByTestId('reminder-S1')).getByText(/第1季度领导评鉴\(未评鉴:李四、王五、张三\)/),
    ).toBeInTheDocument();

    // The reminder list as Word and Excel files (both zip packages).
    const list = screen.getByTestId('reminder-list');
    fireEvent.click(within(list).getByRole('button', { name: '导出 Word' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 30_000 });
    // The first export is written to the 操作日志 before the buttons are enabled again.
    await waitFor(() => expect(within(list).getByRole('button', { name: '导出 Excel' })).toBeEnabled());
    fireEvent.click(within(list).getByRole('button', { name: '导出 Excel' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved.map((f) => f.name)).toEqual([
      '2026年度平时考核督促名单-2026-05-01.docx',
      '2026年度平时考核督促名单-2026-05-01.xlsx',
    ]);
    for (const f of saved) expect([...f.data.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('filters by unit, and records a spot check by hand that then marks the grid', async () => {
    const org = await setup();
    render(
      <ServicesProvider services={{ db: org.hr.db, host: fakeHost() }}>
        <MemoryRouter initialEntries={['/hr/tracking']}>
          <TrackingPage now={NOW} />
        </MemoryRouter>
      </ServicesProvider>,
    );
    await screen.findByTestId('tracking-grid');
    await waitFor(() => expect(screen.getByTestId('row-O4')).toBeInTheDocument());
    // Choose 法规科 (unit '10'): only its people remain.
    fireEvent.change(screen.getByRole('combobox', { name: '单位' }), { target: { value: '法规' } });
    fireEvent.click(await screen.findByRole('option', { name: '法规科' }));
    await waitFor(() => expect(screen.queryByTestId('row-O1')).toBeNull());
    expect(screen.getByTestId('row-O4')).toBeInTheDocument();

    // Draw everyone of the unit (100 %), then record a finding for 赵六.
    const panel = screen.getByTestId('spot-panel');
    fireEvent.mouseDown(within(panel).getByLabelText('数量方式'));
    fireEvent.click(await screen.findByRole('option', { name: '按比例(%)' }));
    fireEvent.change(within(panel).getByLabelText('比例(%)'), { target: { value: '100' } });
    fireEvent.click(within(panel).getByRole('button', { name: '抽取' }));
    const chip = await within(panel).findByRole('button', { name: '记录结果:赵六' });
    fireEvent.click(chip);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(
      await within(dialog).findByText('请填写检查发现的问题;没有问题的请选择“无问题”'),
    ).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('检查发现的问题'), { target: { value: '考勤记录不全' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(async () =>
      expect((await listSpotChecks(org.hr.db, 2026)).map((c) => c.personId)).toEqual(['O4']),
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('row-O4')).getByTestId('spot-marker')).toBeInTheDocument(),
    );

    // Delete, then undo.
    fireEvent.click(within(screen.getByTestId('spot-checks')).getByRole('button', { name: '删除:赵六' }));
    await waitFor(async () => expect(await listSpotChecks(org.hr.db, 2026)).toEqual([]));
    fireEvent.click(within(panel).getByRole('button', { name: '撤销' }));
    await waitFor(async () => expect(await listSpotChecks(org.hr.db, 2026)).toHaveLength(1));
  });

  it('opens filtered from a link’s address, sorts by a column, and a cell opens its material', async () => {
    const org = await setup();
    const saved: { name: string; data: Uint8Array }[] = [];
    const host = fakeHost({
      saveFile: ({ suggestedName, data }) => {
        saved.push({ name: suggestedName, data });
        return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
      },
    });
    render(
      <ServicesProvider services={{ db: org.hr.db, host }}>
        <MemoryRouter initialEntries={['/hr/tracking?unit=1&sub=1&period=2026-01&status=missing']}>
          <TrackingPage now={NOW} />
          <Address />
        </MemoryRouter>
      </ServicesProvider>,
    );
    // January's 缺报 in unit 1 and below: 张三 sent January on time, 李四 and 王五 did not; 赵六 is elsewhere.
    await waitFor(() => expect(rowIds()).toEqual(expect.arrayContaining(['O2', 'O3'])));
    expect(rowIds()).not.toContain('O1');
    expect(rowIds()).not.toContain('O4');
    const grid = screen.getByTestId('tracking-grid');
    expect(within(grid).getByRole('columnheader', { name: /1月/ })).toBeInTheDocument();
    expect(within(grid).queryByRole('columnheader', { name: /2月/ })).toBeNull();
    expect(screen.getByTestId('tracking-count')).toHaveTextContent(new RegExp(`^共 \\d+ 人，显示 ${rowIds().length} 人$`));
    // 导出当前列表: the rows shown, as an Excel workbook, recorded in the 操作日志.
    fireEvent.click(screen.getByRole('button', { name: '导出当前列表' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 30_000 });
    expect(saved[0]!.name).toMatch(/^督促检查报送情况（2026年1月）.*\.xlsx$/);
    expect([...saved[0]!.data.slice(0, 2)]).toEqual([0x50, 0x4b]);
    await waitFor(async () =>
      expect((await org.hr.db.audit.toArray()).some((e) => e.action === 'document')).toBe(true),
    );

    // The whole year, everyone: sorted by February, 缺报 first, then 张三's 逾期; again, the other way.
    fireEvent.mouseDown(screen.getByLabelText('状态'));
    fireEvent.click(await screen.findByRole('option', { name: '全部状态' }));
    fireEvent.mouseDown(screen.getByLabelText('期间'));
    fireEvent.click(await screen.findByRole('option', { name: '2026年全年' }));
    // The current year is the default: the address no longer names a period.
    await waitFor(() => expect(address().get('period')).toBeNull());
    expect(within(grid).getByRole('columnheader', { name: /12月/ })).toBeInTheDocument();
    await waitFor(() => expect(rowIds()).toContain('O1'));
    fireEvent.click(within(grid).getByRole('button', { name: '2月' }));
    await waitFor(() => expect(rowIds().at(-1)).toBe('O1'));
    fireEvent.click(within(grid).getByRole('button', { name: '2月' }));
    await waitFor(() => expect(rowIds()[0]).toBe('O1'));

    // 张三's January record book opens beside the grid (the address says which).
    fireEvent.click(screen.getByRole('button', { name: '查看张三的1月记实簿' }));
    await waitFor(() =>
      expect(decodeMaterialRef(address().get('m'))).toMatchObject({
        personId: 'O1',
        kind: 'record',
        year: 2026,
        month: 1,
      }),
    );
    // A month not sent opens nothing.
    expect(within(screen.getByTestId('cell-O2-m1')).queryByRole('button')).toBeNull();
  }, 120_000);
});
