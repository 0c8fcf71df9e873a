// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { App } from '../../src-renderer/app/App';
import { ROSTER_COLUMNS } from '../../shared/domain';
import { type DutyBookDb } from '../../shared/store';
import { host, hrDb } from './hr-setup';

const H = ROSTER_COLUMNS.map((c) => c.header);
const cells = (r: Record<string, string | number | null>) => ROSTER_COLUMNS.map((c) => r[c.field] ?? null);
const ok = { positionCategory: '综合管理类', rankLevel: '一级科员', roles: '公务员' };

async function xlsx(rows: (string | number | null)[][], opts: { header?: string[]; merge?: string } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  ws.addRow(opts.header ?? H);
  rows.forEach((r) => ws.addRow(r));
  if (opts.merge) ws.mergeCells(opts.merge);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function openImport(db: DutyBookDb) {
  window.location.hash = '#/hr/people';
  render(<App services={{ db, host }} />);
  fireEvent.click(await screen.findByRole('button', { name: '从Excel导入…' }, { timeout: 15_000 }));
  return screen.findByRole('dialog', { name: '从Excel导入人员名册' });
}

function choose(bytes: Uint8Array, name: string) {
  const input = screen.getByTestId<HTMLInputElement>('roster-import-file');
  const file = new File([new Uint8Array(bytes)], name);
  fireEvent.change(input, { target: { files: [file] } });
}

describe('从Excel导入人员名册: the preview', () => {
  it('shows every 有误 reason with its row number, filters by status, and imports only the good rows', async () => {
    const db = await hrDb('roster-import');
    const dialog = await openImport(db);
    const bytes = await xlsx(
      [
        cells({ name: '新人甲', staffNo: 'N1', unitPath: '某厅/综合处', ...ok, supervisor: '处长' }),
        cells({ name: '新人乙', staffNo: 'N1', unitPath: '某厅/综合处', ...ok }),
        cells({ name: '新人丙', staffNo: 'N3', unitPath: '某厅/综和处', ...ok }),
        cells({ name: '新人丁', staffNo: 'N4', unitPath: '某厅/综合处', ...ok, supervisor: '不存在的人' }),
        cells({ name: '新人戊', staffNo: 'N5', unitPath: '某厅/综合处', ...ok, birthMonth: '八五年三月' }),
        cells({ name: '新人己', staffNo: 'N6', unitPath: '某厅/综合处', ...ok, joinedOn: '2019年9月' }),
        cells({ name: '新人庚', staffNo: 'N7', unitPath: '某厅/综合处', ...ok, rankLevel: '二级巡视员', positionCategory: '行政执法类' }),
        cells({ name: '新人辛', staffNo: 'N8', unitPath: '某厅/综合处', ...ok }),
        cells({ name: '新人\u0007壬', staffNo: 'N9', unitPath: '某厅/人事处', ...ok, birthMonth: '1985年3月' }),
      ],
      { merge: 'D9:E9' },
    );
    choose(bytes, '名册.xlsx');
    await within(dialog).findByText('文件:名册.xlsx', {}, { timeout: 15_000 });
    expect(within(dialog).getByTestId('roster-import-count-error')).toHaveTextContent('有误 8');
    expect(within(dialog).getByTestId('roster-import-count-new')).toHaveTextContent('新增 1');
    // Opened on the 有误 rows, each with its row number and reason.
    const grid = within(dialog).getByRole('grid');
    for (const [row, reason] of [
      ['第2行', '人员编号“N1”在文件中重复(另见第3行)'],
      ['第4行', '单位“某厅/综和处”不存在,是否应为“某厅/综合处”?'],
      ['第5行', '主管领导“不存在的人”既不在本文件中,也不在人员名册中'],
      ['第6行', '出生年月“八五年三月”不是年月'],
      ['第7行', '入职(调入)日期“2019年9月”只写到月'],
      ['第8行', '“二级巡视员”不是行政执法类公务员的职级'],
      ['第9行', '有合并单元格(D9:E9)'],
    ] as const) {
      const r = within(grid).getByText(row).closest('[role="row"]') as HTMLElement;
      expect(r).toHaveTextContent(reason);
    }
    fireEvent.click(within(dialog).getByRole('button', { name: /^新增 1/ }));
    await waitFor(() => expect(within(grid).queryByText('第2行')).toBeNull());
    expect(within(grid).getByText('新人壬')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '确认导入' })).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('button', { name: '只导入无误的行' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: '从Excel导入人员名册' })).toBeNull());
    const people = await db.people.toArray();
    expect(people.filter((p) => p.staffNo?.startsWith('N')).map((p) => p.name).sort()).toEqual(['新人壬']);
    expect(await screen.findByTestId('roster-pending')).toHaveTextContent('新增人员新人壬');
  });

  it('refuses a file that is not a roster, saying what and what to do, and changes nothing', async () => {
    const db = await hrDb('roster-import-bad');
    const before = await db.people.count();
    const dialog = await openImport(db);
    choose(zipSync({ 'word/document.xml': strToU8('<w/>') }), '名册.xlsx');
    expect(await within(dialog).findByTestId('roster-import-refusal')).toHaveTextContent('这不是Excel文件(它是Word文档)');
    choose(new Uint8Array(0), '空.xlsx');
    await waitFor(() => expect(within(dialog).getByTestId('roster-import-refusal')).toHaveTextContent('是空的'));
    choose(await xlsx([cells({ name: '甲', staffNo: 'X1' })], { header: ['姓名', '人员编号'] }), '缺列.xlsx');
    await waitFor(() =>
      expect(within(dialog).getByTestId('roster-import-refusal')).toHaveTextContent('文件缺少必填的列:“单位”、“职位类别”、“职级”'),
    );
    expect(within(dialog).getByRole('button', { name: '确认导入' })).toBeDisabled();
    expect(await db.people.count()).toBe(before);
  });
});
