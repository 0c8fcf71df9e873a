// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import {
  createProfile,
  getConfigDraft,
  getSetting,
  listConfigVersions,
  openDatabase,
  putPerson,
  putUnit,
  type DutyBookDb,
} from '../../shared/store';
import { fakeHost } from './fake-host';
import { useNotifications } from '../../src-renderer/state/notifications';

const host = fakeHost();
let n = 0;
const open: DutyBookDb[] = [];

/** An HR officer's device with the organisation set up (a top-level unit and their own person). */
async function hrDb(): Promise<DutyBookDb> {
  const db = await openDatabase(`hr-rules-${++n}-${Math.random().toString(36).slice(2, 8)}`);
  open.push(db);
  const profile = await createProfile(db, {
    name: '人事干部',
    unitName: '某厅',
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official', 'hr'],
    presetId: 'hubei',
  });
  const org = await putUnit(db, { name: '某厅', parentId: null });
  await putPerson(db, {
    id: profile.personId,
    name: profile.name,
    unitId: org.id,
    positionCategory: 'comprehensive',
    rankLevel: 'staff1',
    roles: ['official', 'hr'],
  });
  return db;
}

afterEach(() => {
  cleanup();
  open.splice(0).forEach((db) => db.close());
  window.location.hash = '';
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('考核办法: the indicator system', () => {
  it('adds a nested indicator, refuses to save while weights do not add up, then saves version 2', async () => {
    const db = await hrDb();
    window.location.hash = '#/hr/rules';
    render(<App services={{ db, host }} />);
    await screen.findByText('分级分类量化考核指标体系');
    expect(screen.getByText('没有发现问题,可以保存。')).toBeInTheDocument();

    // 2.1 is 岗位指标 › 工作数量 in the 综合管理类 template: give it two sub-indicators.
    expect(screen.getByLabelText('指标2.1 名称')).toHaveValue('工作数量');
    fireEvent.click(screen.getByRole('button', { name: '添加下级:指标2.1' }));
    type('指标2.1.1 名称', '办理公文数量');
    expect(screen.getByLabelText('指标2.1.1 权重')).toHaveValue('100');
    fireEvent.click(screen.getByRole('button', { name: '添加同级:指标2.1.1' }));
    type('指标2.1.2 名称', '会议筹备次数');
    type('指标2.1.2 权重', '30');

    const issues = await screen.findByTestId('rules-issues');
    expect(issues).toHaveTextContent('“工作数量”下各项指标权重之和应为100,当前为130');
    expect(issues).toHaveTextContent('指标体系 › 综合管理类 › 岗位指标 › 工作数量');
    expect(screen.getByText(/“工作数量”下各项指标权重合计 130/)).toBeInTheDocument();

    // The kept draft holds what was typed, problems and all.
    await waitFor(
      async () => expect(JSON.stringify((await getConfigDraft(db))?.config)).toContain('会议筹备次数'),
      { timeout: 5000 },
    );

    fireEvent.click(screen.getByRole('button', { name: '保存为新版本' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('还有1个问题,改正后才能保存');
    expect(await listConfigVersions(db)).toEqual([]);

    // The link focuses the level whose weights are wrong.
    fireEvent.click(
      within(issues).getByRole('button', { name: '指标体系 › 综合管理类 › 岗位指标 › 工作数量' }),
    );
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('aria-label')).toBe('“工作数量”下各项指标'),
    );

    type('指标2.1.1 权重', '70');
    expect(await screen.findByText('没有发现问题,可以保存。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '保存为新版本' }));

    await waitFor(() => expect(useNotifications.getState().current?.text).toContain('第2版'), {
      timeout: 5000,
    });
    const rows = await screen.findAllByTestId('rules-version');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('第2版');
    expect(rows[0]).toHaveTextContent('人事干部');
    expect(rows[0]).toHaveTextContent('新增“办理公文数量”');
    expect(rows[1]).toHaveTextContent('第1版');
    expect(rows[1]).toHaveTextContent('采用预设“湖北省平时考核意见”');

    const stored = await getSetting(db, 'config');
    const post = stored?.config.indicatorTemplates[0]?.indicators[1];
    expect(post?.children[0]?.children.map((c) => [c.name, c.weight])).toEqual([
      ['办理公文数量', 70],
      ['会议筹备次数', 30],
    ]);
    await waitFor(async () => expect(await getConfigDraft(db)).toBeUndefined(), { timeout: 5000 });
  });

  it('keeps what was typed when the page is left and shows it again', async () => {
    const db = await hrDb();
    window.location.hash = '#/hr/rules';
    const first = render(<App services={{ db, host }} />);
    await screen.findByText('分级分类量化考核指标体系');
    fireEvent.click(screen.getByLabelText('周记'));
    type('平时考核结果在年度考核中的权重(%)', '');
    expect(await screen.findByTestId('rules-issues')).toHaveTextContent(
      '平时考核结果在年度考核中的权重应为数字',
    );
    first.unmount();
    await waitFor(
      async () => expect((await getConfigDraft(db))?.config).toMatchObject({ recordMode: 'weekly' }),
      { timeout: 5000 },
    );

    render(<App services={{ db, host }} />);
    expect(await screen.findByText('已恢复上次未保存的修改。')).toBeInTheDocument();
    expect(screen.getByLabelText('周记')).toBeChecked();
    expect(screen.getByLabelText('平时考核结果在年度考核中的权重(%)')).toHaveValue('');
    expect(screen.getByTestId('rules-issues')).toHaveTextContent('平时考核结果在年度考核中的权重应为数字');
  });

  it('deletes an indicator with undo, and starts again from the national preset after confirming', async () => {
    const db = await hrDb();
    window.location.hash = '#/hr/rules';
    render(<App services={{ db, host }} />);
    await screen.findByText('分级分类量化考核指标体系');
    fireEvent.click(screen.getByRole('button', { name: '删除:指标1.1' }));
    expect(screen.getByLabelText('指标1.1 名称')).toHaveValue('职业道德');
    expect(await screen.findByTestId('rules-issues')).toHaveTextContent(
      '“共性指标”下各项指标权重之和应为100,当前为75',
    );
    fireEvent.click(await screen.findByRole('button', { name: '撤销' }));
    await waitFor(() => expect(screen.getByLabelText('指标1.1 名称')).toHaveValue('政治品质'));

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '从预设开始' }));
    fireEvent.click(await screen.findByRole('option', { name: '全国通行做法' }));
    fireEvent.click(screen.getByRole('button', { name: '使用此预设' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('以预设“全国通行做法”重新开始?');
    fireEvent.click(within(dialog).getByRole('button', { name: '使用此预设' }));
    await waitFor(() => expect(screen.getByLabelText('“好”等次比例上限(%)')).toHaveValue('40'));
  });
});
