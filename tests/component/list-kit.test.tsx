// @vitest-environment happy-dom
/**
 * The list kit on a page of people: the query bar filters (and keeps its query in the address),
 * a column header sorts, and 导出当前列表 writes the rows as filtered and sorted, in the columns
 * shown, to an Excel workbook — read back here with exceljs — and records it in the 操作日志.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import ExcelJS from 'exceljs';
import type { GridColDef } from '@mui/x-data-grid';
import { openDatabase, type DutyBookDb } from '../../shared/store';
import type { OrgUnit } from '../../shared/domain';
import { ServicesProvider } from '../../src-renderer/state/services';
import {
  DataList,
  QueryBar,
  describeQuery,
  matchesText,
  unitFilter,
  unitOrder,
  useListQuery,
} from '../../src-renderer/components/list';
import { fakeHost } from './fake-host';

afterEach(cleanup);

const units: OrgUnit[] = [
  { id: 'org', name: '某厅', parentId: null, code: '', sortOrder: 0, path: '/org/' },
  { id: 'u2', name: '人事处', parentId: 'org', code: '', sortOrder: 2, path: '/org/u2/' },
  { id: 'u1', name: '综合处', parentId: 'org', code: '', sortOrder: 1, path: '/org/u1/' },
  { id: 'u11', name: '文秘科', parentId: 'u1', code: '', sortOrder: 0, path: '/org/u1/u11/' },
];

type Row = { id: string; name: string; staffNo: string; unitId: string; age: number; active: boolean };
const people: Row[] = [
  { id: 'p1', name: '张三', staffNo: 'A003', unitId: 'u1', age: 41, active: true },
  { id: 'p2', name: '李四', staffNo: 'A001', unitId: 'u11', age: 29, active: true },
  { id: 'p3', name: '王五', staffNo: 'A002', unitId: 'u2', age: 35, active: false },
  { id: 'p4', name: '张小明', staffNo: 'A004', unitId: 'u2', age: 52, active: true },
];
const unitName = new Map(units.map((u) => [u.id, u.name]));
const order = unitOrder(units);
const columns: GridColDef<Row>[] = [
  { field: 'name', headerName: '姓名', width: 100 },
  { field: 'staffNo', headerName: '人员编号', width: 100 },
  {
    field: 'unitId',
    headerName: '单位',
    width: 120,
    valueFormatter: (v: string) => unitName.get(v) ?? '',
    sortComparator: (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0),
  },
  { field: 'age', headerName: '年龄', type: 'number', width: 80 },
  { field: 'active', headerName: '状态', width: 80, valueGetter: (v: boolean) => (v ? '在职' : '离职') },
];
const statusOptions = [
  { value: 'active', label: '在职' },
  { value: 'left', label: '离职' },
];

let where = '';
function Where() {
  const l = useLocation();
  where = l.search;
  return null;
}

function PeopleList() {
  const [query, setQuery] = useListQuery({ status: 'active' });
  const inUnit = unitFilter(units, query.unit, query.sub);
  const rows = people.filter(
    (p) =>
      inUnit(p.unitId) &&
      matchesText(query.q, p.name, p.staffNo) &&
      (query.status === null || (query.status === 'active') === p.active),
  );
  return (
    <>
      <Where />
      <QueryBar
        query={query}
        onChange={setQuery}
        fields={['q', 'unit', 'status']}
        units={units}
        statusOptions={statusOptions}
        qLabel="姓名或人员编号"
      />
      <DataList
        rows={rows}
        columns={columns}
        getRowId={(r) => r.id}
        title="人员名册"
        noun="人"
        exportName="人员名册"
        total={people.length}
        exportNotes={[describeQuery(query, { units, statusOptions, qLabel: '姓名或人员编号' })]}
        height={500}
      />
    </>
  );
}

let n = 0;
async function setup(at = '/hr/people') {
  const db: DutyBookDb = await openDatabase(`list-kit-${++n}-${Math.random().toString(36).slice(2, 8)}`);
  const saved: { name: string; data: Uint8Array }[] = [];
  const host = fakeHost({
    saveFile: ({ suggestedName, data }) => {
      saved.push({ name: suggestedName, data });
      return Promise.resolve({ path: `/docs/${suggestedName}`, bytes: data.byteLength });
    },
  });
  const router = createMemoryRouter([{ path: '/hr/people', element: <PeopleList /> }], { initialEntries: [at] });
  render(
    <ServicesProvider services={{ db, host }}>
      <RouterProvider router={router} />
    </ServicesProvider>,
  );
  return { db, saved, router };
}

const namesShown = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).queryAllByRole('gridcell')[0]?.textContent ?? '');

describe('the list kit', () => {
  it('unitFilter takes sub-units when asked; unitOrder follows the tree', () => {
    expect(people.filter((p) => unitFilter(units, 'u1', true)(p.unitId)).map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(people.filter((p) => unitFilter(units, 'u1', false)(p.unitId)).map((p) => p.id)).toEqual(['p1']);
    expect(people.filter((p) => unitFilter(units, null, true)(p.unitId))).toHaveLength(4);
    expect([...unitOrder(units).keys()]).toEqual(['org', 'u1', 'u11', 'u2']);
  });

  it('filters as the clerk types, keeps the query in the address, and opens a link already filtered', async () => {
    await setup();
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('共 4 人，显示 3 人'));
    fireEvent.change(screen.getByRole('searchbox', { name: '姓名或人员编号' }), { target: { value: '张' } });
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('共 4 人，显示 2 人'));
    expect(new URLSearchParams(where).get('q')).toBe('张');
    fireEvent.change(screen.getByRole('searchbox', { name: '姓名或人员编号' }), { target: { value: 'a001' } });
    await waitFor(() => expect(namesShown()).toEqual(['李四']));
    cleanup();

    // A link from a chart bar: 综合处 with its sub-units, every status.
    await setup('/hr/people?unit=u1&sub=1&status=');
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent('共 4 人，显示 2 人'));
    expect(screen.getByRole('combobox', { name: '单位' })).toHaveValue('综合处');
    fireEvent.click(screen.getByRole('checkbox', { name: '含下级单位' }));
    await waitFor(() => expect(namesShown()).toEqual(['张三']));
    expect(new URLSearchParams(where).get('sub')).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: '清除条件' }));
    await waitFor(() => expect(screen.getByTestId('list-count')).toHaveTextContent(/^共 4 人$/));
    expect(new URLSearchParams(where).has('unit')).toBe(false);
  });

  it('sorts by a column header, and exports the rows as sorted, in the columns shown, to .xlsx', async () => {
    const { db, saved } = await setup('/hr/people?status=');
    await waitFor(() => expect(namesShown()).toHaveLength(4));
    const header = (name: string) =>
      screen.getAllByRole('columnheader').find((h) => h.textContent?.includes(name))!;
    fireEvent.click(within(header('人员编号')).getByText('人员编号'));
    await waitFor(() => expect(namesShown()).toEqual(['李四', '王五', '张三', '张小明']));
    fireEvent.click(within(header('年龄')).getByText('年龄'));
    await waitFor(() => expect(namesShown()).toEqual(['李四', '王五', '张三', '张小明']));
    // 年龄 ascending: 29, 35, 41, 52 (the same order by chance): descending tells them apart.
    fireEvent.click(within(header('年龄')).getByText('年龄'));
    await waitFor(() => expect(namesShown()).toEqual(['张小明', '张三', '王五', '李四']));
    fireEvent.click(within(header('单位')).getByText('单位'));
    // In the tree's order: 综合处, its 文秘科, then 人事处 (not by the name's pinyin).
    await waitFor(() => expect(namesShown().slice(0, 2)).toEqual(['张三', '李四']));
    fireEvent.click(within(header('单位')).getByText('单位'));
    fireEvent.click(within(header('单位')).getByText('单位'));
    fireEvent.click(within(header('年龄')).getByText('年龄'));
    fireEvent.click(within(header('年龄')).getByText('年龄'));
    await waitFor(() => expect(namesShown()).toEqual(['张小明', '张三', '王五', '李四']));

    fireEvent.click(screen.getByRole('button', { name: '导出当前列表' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^人员名册_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved[0]!.data.buffer.slice(0) as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('人员名册');
    expect(ws.getCell('A2').text).toMatch(/^导出时间：\d{4}年/);
    const headerRow = ws.getRow(3).values as unknown[];
    expect(headerRow.slice(1)).toEqual(['姓名', '人员编号', '单位', '年龄', '状态']);
    const body = [4, 5, 6, 7].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(body).toEqual([
      ['张小明', 'A004', '人事处', 52, '在职'],
      ['张三', 'A003', '综合处', 41, '在职'],
      ['王五', 'A002', '人事处', 35, '离职'],
      ['李四', 'A001', '文秘科', 29, '在职'],
    ]);
    expect(typeof ws.getCell('D4').value).toBe('number');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    await waitFor(async () => {
      const audit = await db.audit.toArray();
      expect(audit.at(-1)).toMatchObject({ action: 'document' });
      expect(audit.at(-1)!.summary).toContain('人员名册');
      expect(audit.at(-1)!.summary).toContain('4条');
    });
    await act(() => Promise.resolve());
  });
});
