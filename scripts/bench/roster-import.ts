/**
 * `npm run bench` row: previewing a 5,000-person roster .xlsx — read (exceljs) and check every row
 * (shared/domain/roster-import.ts), what the import's worker does before the preview shows. Node, so
 * it measures the work, not the window (the window stays free: it runs in a Web Worker).
 */
import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, previewRosterImport, type OrgUnit, type Person } from '../../shared/domain';
import { readRosterFile } from '../../shared/documents/roster-xlsx';
import type { Row } from './node';

export async function rosterImportFile(people: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名册');
  ws.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (let i = 0; i < people; i++) {
    const lead = i % 25 === 0;
    const v: Record<string, string> = {
      name: `人员${i + 1}`,
      staffNo: `CZ${String(i + 1).padStart(5, '0')}`,
      unitPath: `某市财政局/第${Math.floor(i / 250) + 1}处/第${Math.floor(i / 25) + 1}科`,
      positionCategory: '综合管理类',
      rankLevel: lead ? '乡科级正职' : '一级科员',
      supervisor: lead ? '' : `CZ${String(Math.floor(i / 25) * 25 + 1).padStart(5, '0')}`,
      roles: lead ? '公务员、主管领导' : '公务员',
      gender: i % 2 ? '男' : '女',
      birthMonth: `19${70 + (i % 25)}年${(i % 12) + 1}月`,
      joinedOn: `20${10 + (i % 10)}-09-01`,
    };
    ws.addRow(ROSTER_COLUMNS.map((c) => v[c.field] ?? null));
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function runRosterImportBench(options: { runs: number; people?: number; log: (s: string) => void }): Promise<Row[]> {
  const n = options.people ?? 5000;
  const bytes = await rosterImportFile(n);
  const units: OrgUnit[] = [{ id: 'org', name: '某市财政局', parentId: null, code: '', sortOrder: 0, path: '/org/' }];
  const people: Person[] = [];
  const read: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    options.log(`node: roster import preview ${n} rows, run ${i + 1}/${options.runs}`);
    const t0 = performance.now();
    const sheet = await readRosterFile(bytes, 'roster.xlsx');
    const t1 = performance.now();
    const preview = previewRosterImport(sheet, { units, people });
    const t2 = performance.now();
    if (preview.counts.new !== n) throw new Error(`roster bench: expected ${n} new rows, got ${JSON.stringify(preview.counts)}`);
    read.push(t1 - t0);
    check.push(t2 - t1);
  }
  const group = `Node · roster import preview · ${n} rows, ${(bytes.byteLength / 1e6).toFixed(2)} MB .xlsx`;
  return [
    { group, figure: 'read (exceljs)', unit: 'ms', samples: read },
    { group, figure: 'check every row', unit: 'ms', samples: check },
    { group, figure: 'read + check (goal < 5 s)', unit: 'ms', samples: read.map((r, i) => r + check[i]!) },
  ];
}
