// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ServicesProvider } from '../../src-renderer/state/services';
import { SupervisorWorkspace } from '../../src-renderer/features/supervisor/SupervisorWorkspace';
import { useNotifications } from '../../src-renderer/state/notifications';
import type { DutyBookDb } from '../../shared/store';
import {
  distributeRoster,
  makeDevice,
  makeOrg,
  receive,
  send,
  writePlan,
  writeRecord,
  type Org,
} from '../unit/sync/model/harness';
import { freshName, openTestDb } from '../unit/store/helpers';
import { fakeHost } from './fake-host';

const host = fakeHost();

function renderWorkspace(db: DutyBookDb, at = '/supervisor?year=2026') {
  return render(
    <ServicesProvider services={{ db, host }}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route path="supervisor/*" element={<SupervisorWorkspace />} />
          <Route path="sync" element={<p>同步页</p>} />
        </Routes>
      </MemoryRouter>
    </ServicesProvider>,
  );
}

const planOf = (db: DutyBookDb, personId: string) =>
  db.plans.where('[personId+year]').equals([personId, 2026]).first();
const recordOf = (db: DutyBookDb, personId: string, month: number) =>
  db.monthlyRecords.where('[personId+year+month]').equals([personId, 2026, month]).first();

let org: Org;

beforeAll(async () => {
  org = await makeOrg();
  await distributeRoster(org, ['O1', 'O2', 'S1']);
  const o1 = org.devices.O1!;
  await writePlan(o1, ['完成年度调研报告', '整理业务档案']);
  await writeRecord(o1, 10, '起草调研提纲');
  await writeRecord(o1, 11, '开展实地调研');
  await receive(org.devices.S1!, (await send(o1, org.devices.S1!)).bytes);
  const o2 = org.devices.O2!;
  await writePlan(o2, ['编制预算', '组织培训']);
  await receive(org.devices.S1!, (await send(o2, org.devices.S1!)).bytes);
}, 60_000);

afterEach(() => {
  cleanup();
  useNotifications.setState({ current: null });
});

afterAll(() => {
  for (const d of Object.values(org.devices)) d.db.close();
});

describe('the supervisor workspace before a roster', () => {
  it('explains why and links to 同步 when this device has no keys', async () => {
    const lone = await openTestDb(freshName('lone'));
    renderWorkspace(lone);
    expect(await screen.findByText('暂时不能进行领导评鉴')).toBeInTheDocument();
    expect(screen.getByTestId('team-unavailable')).toHaveTextContent('本机尚未生成密钥');
    expect(screen.getByRole('heading', { level: 1, name: '领导评鉴' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '前往“同步”' }));
    expect(await screen.findByText('同步页')).toBeInTheDocument();
    lone.close();
  });

  it('asks for the roster when the keys exist but no roster was imported', async () => {
    const device = await makeDevice('new', 'X2');
    renderWorkspace(device.db);
    expect(await screen.findByTestId('team-unavailable')).toHaveTextContent('尚未收到人事部门签发的人员名册');
    device.db.close();
  });

  it('says so when the roster names no reports of this person', async () => {
    renderWorkspace(org.devices.O1!.db);
    expect(await screen.findByText('人员名册中没有您的下属')).toBeInTheDocument();
  });
});

describe('the supervisor reviews what arrived', () => {
  it('the overview lists 核准计划 for the submitted plans first, and the grid shows every report', async () => {
    renderWorkspace(org.devices.S1!.db);
    const todo = await screen.findByTestId('team-todo');
    const items = within(todo).getAllByRole('link');
    // Both submitted plans come first (by name), then the record books to review.
    expect(items.slice(0, 2).map((a) => a.textContent)).toEqual([
      '核准计划李四 2026年度个人工作计划待核准',
      '核准计划张三 2026年度个人工作计划待核准',
    ]);
    expect(
      within(todo).getByRole('link', { name: /审阅记实簿.*张三 2026年10月记实簿已提交/ }),
    ).toBeInTheDocument();

    const grid = screen.getByRole('table', { name: '团队平时考核情况' });
    const rows = within(grid).getAllByRole('row');
    // Those with a plan to approve first (by name), then 王五 with nothing to do.
    expect(rows.map((r) => within(r).queryAllByRole('rowheader')[0]?.textContent ?? '')).toEqual([
      '',
      '李四',
      '张三',
      '王五',
    ]);
    expect(within(grid).getByRole('link', { name: '张三 个人年度工作计划:待核准' })).toBeInTheDocument();
    expect(within(grid).getByRole('link', { name: '张三 10月记实簿:已提交' })).toBeInTheDocument();
    expect(within(rows[1]!).getByTitle('李四 3月记实簿:未收到')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '第1季度备案登记表' })).toBeInTheDocument();
  });

  it('returning the plan with no reason shows the Chinese error and changes nothing', async () => {
    const db = org.devices.S1!.db;
    const factsBefore = await db.facts.count();
    renderWorkspace(db, '/supervisor/person/O1?year=2026&tab=plan');
    expect(await screen.findByText('完成年度调研报告')).toBeInTheDocument();
    expect(screen.getByTestId('person-facts')).toHaveTextContent('单位:办公室');
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('textbox', { name: '第1项 退回原因' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: '第2项 退回原因' })).toBeInTheDocument();
    fireEvent.change(within(dialog).getByRole('textbox', { name: '对整个计划的退回原因' }), {
      target: { value: '   ' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByTestId('return-issues')).toHaveTextContent('请填写退回原因');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect((await planOf(db, 'O1'))!.state).toBe('submitted');
    expect(await db.facts.count()).toBe(factsBefore);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('approving from the 待办 list signs the plan: 已核准 in the database and on screen', async () => {
    const db = org.devices.S1!.db;
    renderWorkspace(db);
    fireEvent.click(await screen.findByRole('link', { name: /核准计划.*张三/ }));
    expect(await screen.findByText('完成年度调研报告')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '核准' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('核准张三的2026年度个人工作计划');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '核准意见(选填)' }), {
      target: { value: '同意,按计划推进' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '核准' }));
    await waitFor(async () => expect((await planOf(db, 'O1'))!.state).toBe('approved'));
    const plan = (await planOf(db, 'O1'))!;
    expect(plan.approvalOpinion).toBe('同意,按计划推进');
    expect(plan.approvedBy).toBe('王主任');
    expect(await screen.findByTestId('plan-decision')).toHaveTextContent('核准意见:同意,按计划推进');
    expect(screen.getByTestId('exchange-note')).toHaveTextContent('导出数据包给本人');
    expect(screen.queryByRole('button', { name: '核准' })).toBeNull();
  });

  it('returns a record book with its reason; the month then waits for the official', async () => {
    const db = org.devices.S1!.db;
    renderWorkspace(db, '/supervisor/person/O1?year=2026&tab=record&month=10');
    const detail = await screen.findByTestId('record-detail');
    expect(detail).toHaveTextContent('起草调研提纲');
    expect(within(detail).getByRole('table', { name: '2026年10月记实簿 出勤情况(天)' })).toHaveTextContent(
      '0.5',
    );

    // An empty reason is refused beside the field, and nothing is signed.
    fireEvent.click(within(detail).getByRole('button', { name: '退回' }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument();
    expect((await recordOf(db, 'O1', 10))!.state).toBe('submitted');

    fireEvent.change(within(dialog).getByRole('textbox', { name: '退回原因' }), {
      target: { value: '请补充调研进度' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(async () => expect((await recordOf(db, 'O1', 10))!.state).toBe('returned'));
    expect((await recordOf(db, 'O1', 10))!.returnReason).toBe('请补充调研进度');
    const returned = await screen.findByTestId('record-returned');
    expect(returned).toHaveTextContent('等待本人修改后重新提交');
    expect(returned).toHaveTextContent('请补充调研进度');
    // November is untouched.
    expect((await recordOf(db, 'O1', 11))!.state).toBe('submitted');
    dialog = screen.queryByRole('dialog')!;
    expect(dialog).toBeNull();
  });

  it('returns a plan with a reason for one item and one for the whole plan', async () => {
    const db = org.devices.S1!.db;
    renderWorkspace(db, '/supervisor/person/O2?year=2026&tab=plan');
    expect(await screen.findByText('组织培训')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '退回' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '第2项 退回原因' }), {
      target: { value: '请写明培训人次' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '对整个计划的退回原因' }), {
      target: { value: '请补充权重' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(async () => expect((await planOf(db, 'O2'))!.state).toBe('returned'));
    expect((await planOf(db, 'O2'))!.returnReasons).toEqual([
      { itemId: 'i1', reason: '请写明培训人次' },
      { itemId: null, reason: '请补充权重' },
    ]);
    const shown = await screen.findByTestId('plan-decision');
    expect(shown).toHaveTextContent('已退回,等待本人修改后重新提交');
    expect(shown).toHaveTextContent('第2项“组织培训”:请写明培训人次');
    expect(shown).toHaveTextContent('整个计划:请补充权重');
    expect(screen.getByTestId('exchange-note')).toBeInTheDocument();
  });

  it('the overview no longer asks for what was decided', async () => {
    renderWorkspace(org.devices.S1!.db);
    const todo = await screen.findByTestId('team-todo');
    expect(within(todo).queryByRole('link', { name: /核准计划/ })).toBeNull();
    expect(within(todo).queryByRole('link', { name: /10月记实簿/ })).toBeNull();
    expect(within(todo).getByRole('link', { name: /11月记实簿/ })).toBeInTheDocument();
    const grid = screen.getByRole('table', { name: '团队平时考核情况' });
    expect(within(grid).getByRole('link', { name: '张三 个人年度工作计划:已核准' })).toBeInTheDocument();
    expect(within(grid).getByRole('link', { name: '张三 10月记实簿:已退回' })).toBeInTheDocument();
  });
});
