// HR's forms: the 年度考核工作表 (Word and Excel), the 统计分析 report and the 公示 notice. Read back
// from the packed .docx (page, fonts, rows, wording, file names), then rendered by LibreOffice like
// the other forms: A4, text inside the GB/T 9704 margins, the words present, a CJK font embedded.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAnnualWorksheetXlsx,
  buildDocument,
  buildStatisticsXlsx,
  fileNameFor,
  toBytes,
} from '../../../shared/documents';
import type { AnyFormData, PublicationNoticeForm } from '../../../shared/documents';
import {
  exampleAnnualWorksheet,
  exampleLinkage,
  examplePublicationNotice,
  exampleStatistics,
} from '../../../shared/documents/examples-hr';
import { FONT, MARGIN_MM, PAGE_MM } from '../../../shared/documents/layout';
import { attrsOf, docxParts, part, rowsOf, runsOf, tablesOf, textOf } from './docx-xml';

const run = promisify(execFile);

async function docOf(form: AnyFormData): Promise<string> {
  return part(docxParts(await toBytes(buildDocument(form))), 'word/document.xml');
}

const CHINESE_FONTS: readonly string[] = [
  FONT.title,
  FONT.body,
  FONT.heading1,
  FONT.heading2,
  FONT.pageNumber,
];

describe.each([
  ['2026年度考核工作表', exampleAnnualWorksheet],
  ['2026年度平时考核统计分析', exampleStatistics],
  ['关于2026年度考核优秀等次人选的公示', examplePublicationNotice],
] as const)('%s .docx', (heading, form) => {
  it('is A4 portrait with the GB/T 9704 margins, the title in 2号 方正小标宋简体, every run with a Chinese font', async () => {
    const doc = await docOf(form);
    expect(attrsOf(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrsOf(doc, 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
    const titleRun = runsOf(doc).find((r) => textOf(r) === heading) ?? '';
    expect(attrsOf(titleRun, 'w:rFonts')['w:eastAsia']).toBe(FONT.title);
    expect(attrsOf(titleRun, 'w:sz')).toEqual({ 'w:val': '44' });
    for (const r of runsOf(doc))
      expect(CHINESE_FONTS, textOf(r)).toContain(attrsOf(r, 'w:rFonts')['w:eastAsia']);
  });

  it('repeats the header row of its tables', async () => {
    const tables = tablesOf(await docOf(form));
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) expect(rowsOf(t)[0]).toContain('<w:tblHeader/>');
  });
});

describe('年度考核工作表', () => {
  it('ranks the candidates, prints grade over score, and gives each exclusion its reason', async () => {
    const doc = await docOf(exampleAnnualWorksheet);
    const [sheet, reasons] = tablesOf(doc);
    const rows = rowsOf(sheet ?? '');
    expect(textOf(rows[0] ?? '')).toBe('序号姓名职务职级一季度二季度三季度四季度平均分折算分优秀人选资格');
    expect(textOf(rows[1] ?? '')).toBe('1王建国副科长、二级主任科员好93.5好92好94好90.592.537第1名在名额内');
    expect(textOf(rows[2] ?? '')).toBe('2张三一级主任科员好92.05好91.5较好89好9391.3936.56第2名在名额内');
    // Same grades, one of them without a score (定性): 黄文斌, 刘晓燕 and 赵丽娟 tie (the ranking rule).
    expect(textOf(rows[6] ?? '')).toBe('6刘晓燕二级主任科员较好88好90.5好91较好8789.1335.65第5名名额外');
    expect(textOf(rows[7] ?? '')).toBe('7赵丽娟一级科员较好82较好85好90好918734.8第5名名额外');
    expect(textOf(rows[5] ?? '')).toBe('5黄文斌四级主任科员较好好好较好——第5名名额外');
    const text = textOf(doc);
    expect(text).toContain('一、荆楚市财政局预算科（确定等次12人，优秀名额2个）');
    expect(text).toContain('平时考核结果按40%计入年度考核量化分值');
    const why = rowsOf(reasons ?? '').map((r) => textOf(r));
    expect(why[0]).toBe('序号姓名不参加、不定等次或不能认定为优秀人选的原因');
    // Q4 is folded into the annual assessment (the default): 吴海涛's missing fourth quarter is no reason.
    expect(why.some((r) => r.includes('吴海涛'))).toBe(false);
    expect(why.some((r) => r.includes('杨帆2026年第3季度为“一般”'))).toBe(true);
    expect(
      why.some((r) => r.includes('朱慧敏2026年平时考核量化评鉴平均分77.5分,排第12名(共12人),属分值靠后')),
    ).toBe(true);
    expect(why.some((r) => r.includes('陈志强2026年评鉴的4个季度中“好”仅0个'))).toBe(true);
    expect(fileNameFor(exampleAnnualWorksheet)).toBe('2026年度考核工作表-荆楚市财政局.docx');
  });

  it('counts 张三’s corrected first quarter once, as its second version', () => {
    const zhang = exampleLinkage.units[0]!.rows.find((r) => r.name === '张三')!;
    expect(zhang.quarters[0]).toEqual({ quarter: 1, grade: 'good', score: 92.05, version: 2, served: true });
  });

  it('goes to Excel with the same rows, numbers as numbers', () => {
    const files = unzipSync(buildAnnualWorksheetXlsx(exampleAnnualWorksheet));
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('name="年度考核工作表"');
    expect(workbook).toContain('name="优秀名额"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<v>92.05</v>');
    expect(sheet).toContain('<v>36.56</v>');
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('朱慧敏');
  });
});

describe('统计分析', () => {
  it('prints a numbered section per table and goes to Excel one sheet per table', async () => {
    const text = textOf(await docOf(exampleStatistics));
    expect(text).toContain('一、2026年平时考核等次分布(按单位和季度)');
    expect(text).toContain('四、2026年平时考核记实簿提交情况(按月)');
    expect(text).toContain('12/12(100%)');
    const files = unzipSync(buildStatisticsXlsx(exampleStatistics));
    expect(Object.keys(files).filter((f) => f.startsWith('xl/worksheets/'))).toHaveLength(5);
  });
});

describe('公示', () => {
  it('has the red header, title, 主送, the list, the period, contact, 落款 and date in order', async () => {
    const doc = await docOf(examplePublicationNotice);
    const header = runsOf(doc)[0] ?? '';
    expect(textOf(header)).toBe('荆楚市财政局');
    expect(attrsOf(header, 'w:color')).toEqual({ 'w:val': 'FF0000' });
    expect(doc).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    const text = textOf(doc);
    const order = [
      '荆楚市财政局',
      '关于2026年度考核优秀等次人选的公示',
      '局机关各科室、各直属单位：',
      '拟确定以下2名同志为2026年度考核优秀等次人选',
      '王建国',
      '张三',
      '公示期为2026年12月29日至2027年1月4日',
      '向局人事科反映',
      '联系人：郑红',
      '联系电话：0716-8123456',
      '2026年12月28日',
    ].map((w) => text.indexOf(w));
    expect(
      order.every((p) => p >= 0),
      String(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(fileNameFor(examplePublicationNotice)).toBe(
      '关于2026年度考核优秀等次人选的公示-荆楚市财政局.docx',
    );
  });

  it('a quarterly notice without 红头 lists the 好 and titles the quarter', async () => {
    const quarterly: PublicationNoticeForm = {
      ...examplePublicationNotice,
      scope: { kind: 'quarter', year: 2026, quarter: 1 },
      redHeader: undefined,
      entries: [{ name: '张三', unit: '荆楚市财政局预算科', post: '一级主任科员', result: '好' }],
    };
    const doc = await docOf(quarterly);
    expect(doc).not.toContain('FF0000');
    const text = textOf(doc);
    expect(text).toContain('关于2026年第1季度平时考核结果的公示');
    expect(text).toContain('现将2026年第一季度平时考核结果为“好”等次的1名同志予以公示');
    expect(text).toContain('平时考核结果');
  });
});

// ---- Rendered by LibreOffice ----

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts'] as const;
const missing = TOOLS.filter((tool) => !onPath(tool));
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (missing.length > 0 && !required)
  console.warn(`documents/hr: LibreOffice checks skipped, not on PATH: ${missing.join(', ')}`);
if (missing.length > 0 && required) {
  it('has LibreOffice and poppler to render the forms with', () => {
    throw new Error(`CI must render the forms, but these are not on PATH: ${missing.join(', ')}`);
  });
}

const PT_PER_MM = 72 / 25.4;
const TOLERANCE_PT = 2 * PT_PER_MM;
const HANGING_PUNCTUATION_PT = 16;
const hangs = (word: string) => /[。，、；：！？）」』”]$/.test(word);

const cases = [
  {
    slug: 'annual-worksheet',
    form: exampleAnnualWorksheet as AnyFormData,
    words: [
      '年度考核工作表',
      '荆楚市财政局预算科',
      '王建国',
      '平均分',
      '折算分',
      '在名额内',
      '不参加、不定等次或不能认定为优秀人选的原因',
      '人事部门经办人',
    ],
  },
  {
    slug: 'statistics',
    form: exampleStatistics as AnyFormData,
    words: ['平时考核统计分析', '等次分布', '较好', '记实簿提交情况', '签署率'],
  },
  {
    slug: 'publication-notice',
    form: examplePublicationNotice as AnyFormData,
    words: [
      '荆楚市财政局',
      '关于2026年度考核优秀等次人选的公示',
      '局机关各科室',
      '王建国',
      '公示期为',
      '联系电话',
      '2026年12月28日',
    ],
  },
];

describe.skipIf(missing.length > 0)('HR forms rendered by LibreOffice', () => {
  let dir = '';
  const pdfOf = (slug: string) => join(dir, 'pdf', `${slug}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybook-hr-docs-'));
    const files = await Promise.all(
      cases.map(async (c) => {
        const file = join(dir, `${c.slug}.docx`);
        writeFileSync(file, await toBytes(buildDocument(c.form)));
        return file;
      }),
    );
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        join(dir, 'pdf'),
        ...files,
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

  describe.each(cases)('$slug', (c) => {
    it('is on A4 paper', async () => {
      const { stdout } = await run('pdfinfo', [pdfOf(c.slug)]);
      expect(stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
    });

    it('shows the words of the form', async () => {
      const { stdout } = await run('pdftotext', ['-layout', pdfOf(c.slug), '-']);
      const lines = stdout.split('\n').map((l) => l.replace(/\s+/g, ''));
      for (const word of c.words)
        expect(
          lines.some((l) => l.includes(word)),
          word,
        ).toBe(true);
    });

    it('keeps the text inside the margins', async () => {
      const { stdout } = await run('pdftotext', ['-bbox', pdfOf(c.slug), '-']);
      const words = [
        ...stdout.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? '',
      }));
      expect(words.length).toBeGreaterThan(20);
      const left = MARGIN_MM.left * PT_PER_MM - TOLERANCE_PT;
      const right = (PAGE_MM.width - MARGIN_MM.right) * PT_PER_MM + TOLERANCE_PT;
      const top = MARGIN_MM.top * PT_PER_MM - TOLERANCE_PT;
      const bottom = (PAGE_MM.height - MARGIN_MM.bottom) * PT_PER_MM + TOLERANCE_PT;
      for (const w of words.filter((x) => x.y1 <= bottom)) {
        expect(w.x0, w.text).toBeGreaterThanOrEqual(left);
        expect(w.x1 - (hangs(w.text) ? HANGING_PUNCTUATION_PT : 0), w.text).toBeLessThanOrEqual(right);
        expect(w.y0, w.text).toBeGreaterThanOrEqual(top);
      }
    });

    it('embeds a CJK font', async () => {
      const { stdout } = await run('pdffonts', [pdfOf(c.slug)]);
      expect(/NotoSerifCJK|NotoSansCJK|WenQuanYi/i.test(stdout), stdout).toBe(true);
    });
  });
});
