// The minimal .xlsx writer: its parts read back from the zip, and the workbook opened by LibreOffice Calc
// (converted to CSV, every sheet) to compare cell values — Chinese text, numbers, empty cells.
//
// The LibreOffice half needs soffice with Calc (libreoffice-calc-nogui); without it that half is
// skipped with the reason printed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx, type XlsxSheet } from '../../../shared/documents';
import { columnName, sheetNames, textWidth } from '../../../shared/documents/xlsx';

const run = promisify(execFile);

const sheets: XlsxSheet[] = [
  {
    name: '年度考核',
    title: '2026年度考核工作表（荆楚市财政局）',
    header: ['姓名', '分值', '等次', '说明'],
    rows: [
      ['张三', 92.05, '好', '含“引号”与<尖括号>&'],
      ['李四', null, '较好', ''],
      ['王五', 0, undefined, '=SUM(A1:A2)'],
      ['赵六', -3.5, '一般', '第一行\n第二行'],
    ],
  },
  { name: 'a/b:c*d?[e]', header: ['月份', '提交率'], rows: [['1月', 66.7]] },
  { name: '年度考核', header: ['重名'], rows: [[1]] },
];

describe('xlsx parts', () => {
  const files = unzipSync(buildXlsx(sheets, { title: '测试', created: new Date('2026-12-28T00:00:00Z') }));
  const text = (p: string) => strFromU8(files[p] ?? new Uint8Array());

  it('has the package parts, one worksheet per sheet', () => {
    for (const p of [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'docProps/core.xml',
    ])
      expect(files[p], p).toBeDefined();
    expect(text('docProps/core.xml')).toContain('<dc:title>测试</dc:title>');
  });

  it('names sheets as Excel allows: no []:*?/\\, unique', () => {
    expect(text('xl/workbook.xml')).toContain('name="年度考核"');
    expect(text('xl/workbook.xml')).toContain('name="a_b_c_d__e_"');
    expect(text('xl/workbook.xml')).toContain('name="年度考核(2)"');
    expect(sheetNames(['x'.repeat(40)])[0]).toHaveLength(31);
    expect(sheetNames([''])).toEqual(['Sheet1']);
  });

  it('writes numbers as numbers, text as shared strings, escapes, and empty cells without a value', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    // s="3": the bordered body style; an empty cell keeps its border but has no value.
    expect(sheet).toContain('<c r="B3" s="3"><v>92.05</v></c>');
    expect(sheet).toContain('<c r="B5" s="3"><v>0</v></c>');
    expect(sheet).toContain('<c r="B4" s="3"/>');
    expect(sheet).toContain('<c r="C5" s="3"/>');
    expect(sheet).not.toContain('<f>');
    const strings = text('xl/sharedStrings.xml');
    expect(strings).toContain('含“引号”与&lt;尖括号&gt;&amp;');
    expect(strings.match(/<si>/g)).toHaveLength(Number(/uniqueCount="(\d+)"/.exec(strings)?.[1]));
  });

  it('freezes the header, bolds it, merges the title and sets the widths', () => {
    const sheet = text('xl/worksheets/sheet1.xml');
    expect(sheet).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
    expect(sheet).toContain('<mergeCell ref="A1:D1"/>');
    expect(sheet).toMatch(/<c r="A2" s="1" t="s">/);
    expect(sheet).toMatch(/<c r="A1" s="2" t="s">/);
    expect(sheet).toMatch(/<col min="1" max="1" width="\d+" customWidth="1"\/>/);
    expect(text('xl/worksheets/sheet2.xml')).toContain('<pane ySplit="1" topLeftCell="A2"');
  });

  it('counts column letters and widths', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(textWidth('张三ab')).toBe(6);
  });

  it('refuses a workbook without sheets', () => {
    expect(() => buildXlsx([])).toThrow(RangeError);
  });
});

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}
const calc =
  onPath('soffice') &&
  ['/usr/lib/libreoffice/program/libsclo.so', '/opt/libreoffice/program/libsclo.so'].some((p) =>
    existsSync(p),
  );
if (!calc)
  console.warn('documents/xlsx: LibreOffice Calc not found, skipped (apt install libreoffice-calc-nogui)');

/** RFC 4180 rows: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe.skipIf(!calc)('xlsx opened by LibreOffice Calc', () => {
  let dir = '';
  const csv = (sheet: string) => parseCsv(readFileSync(join(dir, 'out', `book-${sheet}.csv`), 'utf8'));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybook-xlsx-'));
    writeFileSync(join(dir, 'book.xlsx'), buildXlsx(sheets));
    // 44 = comma, 34 = double quote, 76 = UTF-8; the last token -1 writes every sheet to book-<name>.csv.
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'book.xlsx'),
      ],
      {
        env: {
          ...process.env,
          FONTCONFIG_FILE: fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url)),
        },
        timeout: 110_000,
      },
    );
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('reads the title, header and every cell back: Chinese, numbers, empty cells, text that looks like a formula', () => {
    expect(csv('年度考核')).toEqual([
      ['2026年度考核工作表（荆楚市财政局）', '', '', ''],
      ['姓名', '分值', '等次', '说明'],
      ['张三', '92.05', '好', '含“引号”与<尖括号>&'],
      ['李四', '', '较好', ''],
      ['王五', '0', '', '=SUM(A1:A2)'],
      ['赵六', '-3.5', '一般', '第一行\n第二行'],
    ]);
  });

  it('opens every sheet under its name', () => {
    expect(csv('a_b_c_d__e_')).toEqual([
      ['月份', '提交率'],
      ['1月', '66.7'],
    ]);
    expect(csv('年度考核(2)')).toEqual([['重名'], ['1']]);
  });
});
