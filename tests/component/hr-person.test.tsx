// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src-renderer/app/App';
import { getPerson, type DutyBookDb } from '../../shared/store';
import { host, hrDb, pick } from './hr-setup';

async function openHr(db: DutyBookDb) {
  window.location.hash = '#/hr/people';
  render(<App services={{ db, host }} />);
  // The people list (a data grid) is a chunk of its own: its first load in a test worker is slow.
  await screen.findByTestId('roster-up-to-date', {}, { timeout: 60_000 });
  await screen.findByRole('button', { name: '编辑:科员甲' }, { timeout: 60_000 });
}

const type = (dialog: HTMLElement, label: string | RegExp, value: string) =>
  fireEvent.change(within(dialog).getByLabelText(label), { target: { value } });

describe('人员信息: the person record in full, and changes on a date', () => {
  it('saves every field of a new person and lists 人员编号, 性别, 职务, 入职日期 and the masked 身份证号', async () => {
    const db = await hrDb('hr-person');
    await openHr(db);
    fireEvent.click(screen.getByRole('button', { name: '添加人员' }));
    const dialog = await screen.findByRole('dialog', { name: '添加人员' });
    expect(within(dialog).getByRole('group', { name: '基本信息' })).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: '职务职级' })).toBeInTheDocument();
    expect(within(dialog).getByRole('group', { name: '在本单位' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('只保存在本机,不随人员名册发送');

    type(dialog, /^姓名/, '王小丽');
    await pick('性别', '女');
    type(dialog, /^出生年月/, '1990-04');
    type(dialog, /^民族/, '汉族');
    fireEvent.change(within(dialog).getByRole('combobox', { name: '政治面貌' }), {
      target: { value: '中共党员' },
    });
    fireEvent.change(within(dialog).getByRole('combobox', { name: '学历' }), {
      target: { value: '在职研究生' },
    });
    type(dialog, /^人员编号/, 'SJ-2019-007');
    type(dialog, /^身份证号/, '11010519491231002x');
    type(dialog, /^职务/, '副科长');
    await pick('职位类别', '综合管理类');
    await pick('职级', '一级主任科员');
    type(dialog, /^任现职务职级时间/, '2023-01-15');
    type(dialog, /^从事或分管工作/, '分管预算编制');
    await pick('所在单位', '综合处');
    await pick('主管领导', '处长');
    type(dialog, /^入职\(调入\)日期/, '2019-07-01');
    type(dialog, /^试用期满日期/, '2020-06-30');
    // A new person has no change to date: the first period starts on the 入职 date.
    expect(within(dialog).queryByTestId('change-date')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const saved = (await db.people.toArray()).find((p) => p.name === '王小丽')!;
    expect(saved).toMatchObject({
      gender: 'female',
      birthMonth: '1990-04',
      ethnicity: '汉族',
      politicalStatus: '中共党员',
      education: '在职研究生',
      staffNo: 'SJ-2019-007',
      idNumber: '11010519491231002X',
      title: '副科长',
      positionCategory: 'comprehensive',
      rankLevel: 'principalStaff1',
      rankSince: '2023-01-15',
      duties: '分管预算编制',
      unitId: 'u1',
      supervisorId: 'boss',
      joinedOn: '2019-07-01',
      probationEnd: '2020-06-30',
    });
    expect(saved.periods).toEqual([
      {
        from: '2019-07-01',
        to: null,
        unitId: 'u1',
        supervisorId: 'boss',
        roles: ['official'],
        hrUnitIds: [],
      },
    ]);
    // 性别, 入职日期 and the masked 身份证号 are columns to show from the list's column menu.
    let row: HTMLElement | undefined;
    await waitFor(() => {
      row = screen.getAllByRole('row').find((r) => r.textContent?.includes('王小丽'));
      expect(row).toBeDefined();
    });
    expect(row).toHaveTextContent('SJ-2019-007');
    expect(row).toHaveTextContent('副科长');
    expect(row).not.toHaveTextContent('11010519491231002X');
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('新增人员王小丽');
  }, 120_000);

  it('asks for the date of a change of 主管领导 and keeps the two periods, shown in 任职经历 newest first', async () => {
    const db = await hrDb('hr-person');
    await openHr(db);
    fireEvent.click(screen.getByRole('button', { name: '编辑:科员甲' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑人员' });
    expect(within(dialog).queryByTestId('change-date')).toBeNull();
    await pick('主管领导', '副处长');
    const prompt = within(dialog).getByTestId('change-date');
    expect(prompt).toHaveTextContent('主管领导有变动,请填写变动生效日期');
    expect(prompt).toHaveTextContent(
      '自该日起由新的主管领导(副处长)评鉴;此前的季度仍由原主管领导(处长)评鉴。',
    );
    type(dialog, /^变动生效日期/, '2026-08-15');
    expect(prompt).toHaveTextContent('2026年第3季度原、新主管领导均可评鉴');
    type(dialog, /^变动生效日期/, '2026-07-01');
    expect(prompt).not.toHaveTextContent('均可评鉴');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    const a = await getPerson(db, 'a');
    expect(a?.supervisorId).toBe('deputy');
    expect(a?.periods).toEqual([
      {
        from: null,
        to: '2026-06-30',
        unitId: 'u1',
        supervisorId: 'boss',
        roles: ['official'],
        hrUnitIds: [],
      },
      {
        from: '2026-07-01',
        to: null,
        unitId: 'u1',
        supervisorId: 'deputy',
        roles: ['official'],
        hrUnitIds: [],
      },
    ]);
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('科员甲的主管领导改为副处长');

    // An earlier date than the change just recorded would rewrite history: refused beside the field.
    fireEvent.click(screen.getByRole('button', { name: '编辑:科员甲' }));
    let again = await screen.findByRole('dialog', { name: '编辑人员' });
    await pick('主管领导', '处长');
    type(again, /^变动生效日期/, '2026-05-01');
    fireEvent.click(within(again).getByRole('button', { name: '保存' }));
    expect(
      await within(again).findByText('变动日期不能早于上一次变动的日期(2026年7月1日)'),
    ).toBeInTheDocument();
    expect((await getPerson(db, 'a'))?.supervisorId).toBe('deputy');

    fireEvent.click(within(again).getByRole('tab', { name: '任职经历' }));
    const table = within(again).getByRole('table', { name: '科员甲的任职经历(最近的在前)' });
    const rows = within(table).getAllByTestId('period-row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      ['2026年7月1日—至今', '综合处', '副处长', '公务员'],
      ['此前—2026年6月30日', '综合处', '处长', '公务员'],
    ]);
    fireEvent.click(within(again).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    again = screen.getByRole('grid', { name: '人员名册' });
    expect(again).toBeInTheDocument();
  }, 120_000);

  it('takes 离职(调出) and 恢复在职 on the dates given, saying what they mean', async () => {
    const db = await hrDb('hr-person');
    await openHr(db);
    fireEvent.click(screen.getByRole('button', { name: '离职(调出):科员甲' }));
    let dialog = await screen.findByRole('dialog', { name: '为“科员甲”办理离职(调出)?' });
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(within(dialog).getByLabelText(/离职\(调出\)日期/)).toHaveValue(iso);
    expect(dialog).toHaveTextContent('自该日起,此人提交的材料不再被接受,其密钥在签发下一版名册时停用。');
    type(dialog, /离职\(调出\)日期/, '2026-09-01');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认离职(调出)' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    let a = await getPerson(db, 'a');
    expect(a?.active).toBe(false);
    expect(a?.periods).toEqual([
      {
        from: null,
        to: '2026-08-31',
        unitId: 'u1',
        supervisorId: 'boss',
        roles: ['official'],
        hrUnitIds: [],
      },
    ]);

    await pick('状态', '离职');
    const row = (await screen.findAllByRole('row')).find((r) => r.textContent?.includes('科员甲'))!;
    expect(row).toHaveTextContent('2026年9月1日起离职');

    fireEvent.click(within(row).getByRole('button', { name: '任职经历:科员甲' }));
    dialog = await screen.findByRole('dialog', { name: '科员甲的任职经历' });
    expect(within(dialog).getByTestId('periods-left')).toHaveTextContent('自2026年9月1日起离职(调出)。');
    expect(within(dialog).getByTestId('period-row')).toHaveTextContent('此前—2026年8月31日');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: '恢复在职:科员甲' }));
    dialog = await screen.findByRole('dialog', { name: '为“科员甲”办理恢复在职?' });
    expect(dialog).toHaveTextContent('此人自2026年9月1日起离职(调出)。');
    type(dialog, /返回日期/, '2026-08-01');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认恢复在职' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      '返回日期不能早于离职(调出)日期(2026年9月1日)',
    );
    expect((await getPerson(db, 'a'))?.active).toBe(false);
    type(dialog, /返回日期/, '2026-11-02');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认恢复在职' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    a = await getPerson(db, 'a');
    expect(a?.active).toBe(true);
    expect(a?.periods?.map((p) => [p.from, p.to])).toEqual([
      [null, '2026-08-31'],
      ['2026-11-02', null],
    ]);
  }, 120_000);

  it('refuses a wrong 身份证号 and a 试用期 ending before 入职, in Chinese beside the fields, saving nothing', async () => {
    const db = await hrDb('hr-person');
    await openHr(db);
    fireEvent.click(screen.getByRole('button', { name: '编辑:科员甲' }));
    const dialog = await screen.findByRole('dialog', { name: '编辑人员' });
    type(dialog, /^身份证号/, '110105194912310021');
    type(dialog, /^入职\(调入\)日期/, '2020-03-01');
    type(dialog, /^试用期满日期/, '2019-12-31');
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('身份证号不正确(应为18位,末位校验码不符)')).toBeInTheDocument();
    expect(within(dialog).getByText('试用期满日期不能早于入职(调入)日期')).toBeInTheDocument();
    const a = await getPerson(db, 'a');
    expect(a?.idNumber).toBeUndefined();
    expect(a?.joinedOn).toBeUndefined();
    // Correcting the field clears its message.
    type(dialog, /^身份证号/, '11010519491231002X');
    expect(within(dialog).queryByText('身份证号不正确(应为18位,末位校验码不符)')).toBeNull();
  }, 120_000);
});
