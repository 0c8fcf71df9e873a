// The forms' OOXML, read back from the packed bytes: GB/T 9704 page and type, East Asian fonts,
// repeated header rows and odd/even page numbers. Fast; the LibreOffice tests check the rendering.
import { describe, expect, it } from 'vitest';
import {
  buildAnnualPlan,
  buildDocument,
  buildQuarterSummary,
  buildRecordBook,
  formatDate,
  toBytes,
} from '../../../shared/documents';
import type { AnnualPlanForm, FormData, MonthlyRecordForm } from '../../../shared/documents';
import {
  exampleAnnualPlan,
  exampleForms,
  exampleQuarterSummary,
  exampleRecordBook,
} from '../../../shared/documents/examples';
import {
  FONT,
  MARGIN_TWIPS,
  PAGE_TWIPS,
  TEXT_WIDTH_TWIPS,
  mmToTwips,
} from '../../../shared/documents/layout';
import { attrsOf, docxParts, part, rowsOf, runsOf, tablesOf, textOf } from './docx-xml';

async function partsOf(form: FormData): Promise<Record<string, string>> {
  return docxParts(await toBytes(buildDocument(form)));
}

const examples = [
  ['个人年度工作计划', exampleAnnualPlan],
  ['平时考核记实簿', exampleRecordBook],
  ['季度个人工作小结', exampleQuarterSummary],
] as const;

const CHINESE_FONTS: readonly string[] = [
  FONT.title,
  FONT.body,
  FONT.heading1,
  FONT.heading2,
  FONT.pageNumber,
];

describe('layout constants', () => {
  it('converts the GB/T 9704 millimetres to whole twips', () => {
    expect(PAGE_TWIPS).toEqual({ width: 11906, height: 16838 });
    expect(MARGIN_TWIPS).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(mmToTwips(25.4)).toBe(1440);
    // The text block is 156 mm wide, to the twip.
    expect(Math.abs(TEXT_WIDTH_TWIPS - (156 * 1440) / 25.4)).toBeLessThan(1);
  });

  it('writes dates as 2026年3月31日 and leaves blanks for a missing one', () => {
    expect(formatDate('2026-03-31')).toBe('2026年3月31日');
    expect(formatDate('2026-11-05')).toBe('2026年11月5日');
    expect(formatDate(undefined)).toBe('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
  });
});

describe.each(examples)('%s .docx', (_name, form) => {
  it('is A4 portrait with the GB/T 9704 margins', async () => {
    const doc = part(await partsOf(form), 'word/document.xml');
    const size = attrsOf(doc, 'w:pgSz');
    expect(size).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(size['w:orient'] ?? 'portrait').toBe('portrait');
    expect(attrsOf(doc, 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
  });

  it('names a Chinese font in the East Asian slot and Times New Roman for Latin in the default style', async () => {
    const styles = part(await partsOf(form), 'word/styles.xml');
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)?.[0] ?? '';
    expect(attrsOf(defaults, 'w:rFonts')).toMatchObject({
      'w:eastAsia': '仿宋_GB2312',
      'w:ascii': 'Times New Roman',
      'w:hAnsi': 'Times New Roman',
    });
    expect(attrsOf(defaults, 'w:sz')).toEqual({ 'w:val': '32' });
    expect(attrsOf(defaults, 'w:lang')).toMatchObject({ 'w:eastAsia': 'zh-CN' });
    // Heading and title styles carry fonts of their own rather than the theme's.
    for (const id of ['Title', 'Heading1', 'Heading2']) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? '';
      expect(attrsOf(style, 'w:rFonts')['w:eastAsia'], id).toBeTruthy();
    }
    const pPr = /<w:pPrDefault>[\s\S]*?<\/w:pPrDefault>/.exec(styles)?.[0] ?? '';
    expect(attrsOf(pPr, 'w:spacing')).toMatchObject({ 'w:line': '580', 'w:lineRule': 'exact' });
    // No punctuation hanging past the right margin, declared before w:spacing as the schema orders it.
    expect(pPr).toMatch(/<w:overflowPunct w:val="0"\/>[\s\S]*<w:spacing /);
  });

  it('sets w:eastAsia on every run of the body and the footers', async () => {
    const parts = await partsOf(form);
    const xmlParts = [
      'word/document.xml',
      ...Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n)),
    ];
    let checked = 0;
    for (const name of xmlParts) {
      for (const r of runsOf(part(parts, name))) {
        const fonts = attrsOf(r, 'w:rFonts');
        expect(CHINESE_FONTS, `${name}: ${textOf(r)}`).toContain(fonts['w:eastAsia']);
        expect(fonts['w:ascii'], textOf(r)).toBe(
          fonts['w:eastAsia'] === FONT.pageNumber ? FONT.pageNumber : FONT.latin,
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('sets the title in 2号 方正小标宋简体 and the body on a fixed 29 pt line', async () => {
    const doc = part(await partsOf(form), 'word/document.xml');
    const titleRun = runsOf(doc)[0] ?? '';
    expect(attrsOf(titleRun, 'w:rFonts')['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrsOf(titleRun, 'w:sz')).toEqual({ 'w:val': '44' });
    expect(doc).toMatch(/<w:spacing [^>]*w:line="580" w:lineRule="exact"/);
  });

  it('repeats the header row of every register on each page, with single borders', async () => {
    const doc = part(await partsOf(form), 'word/document.xml');
    const registers = tablesOf(doc).filter((t) => /序号|应出勤|纠正情况/.test(textOf(rowsOf(t)[0] ?? '')));
    expect(registers.length).toBeGreaterThan(0);
    for (const t of registers) {
      const [head, ...rest] = rowsOf(t);
      expect(head, textOf(head ?? '')).toContain('<w:tblHeader/>');
      for (const row of rest) expect(row).not.toContain('<w:tblHeader/>');
      expect(attrsOf(t, 'w:top')).toMatchObject({ 'w:val': 'single' });
      expect(attrsOf(t, 'w:insideV')).toMatchObject({ 'w:val': 'single' });
      // Table text is 小四 (12 pt).
      expect(attrsOf(runsOf(t)[0] ?? '', 'w:sz')).toEqual({ 'w:val': '24' });
    }
  });

  it('numbers pages "— 1 —" in 4号 宋体, odd pages on the right and even pages on the left', async () => {
    const parts = await partsOf(form);
    expect(part(parts, 'word/settings.xml')).toMatch(/<w:evenAndOddHeaders(?: w:val="(?:true|1)")?\/>/);
    const doc = part(parts, 'word/document.xml');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(doc)?.[1];
      const target =
        new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
        new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      return part(parts, `word/${target}`);
    };
    const odd = footer('default');
    const even = footer('even');
    for (const [xml, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      expect(attrsOf(xml, 'w:jc')).toEqual({ 'w:val': side });
      expect(xml).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
      expect(textOf(xml).replace(/\s/g, '')).toBe('——');
      expect(attrsOf(xml, 'w:sz')).toEqual({ 'w:val': '28' });
      expect(attrsOf(xml, 'w:rFonts')['w:eastAsia']).toBe('宋体');
    }
  });
});

describe('个人年度工作计划', () => {
  it('prints the header, every item in order and the sign-off', async () => {
    const text = textOf(part(await partsOf(exampleAnnualPlan), 'word/document.xml'));
    for (const word of [
      '个人年度工作计划',
      '姓名',
      '张三',
      '单位',
      '职务职级',
      '一级主任科员',
      '年度',
      '2026年',
      '主管领导',
      '核准意见',
      '人事部门',
      '备案',
    ]) {
      expect(text).toContain(word);
    }
    for (const header of ['序号', '工作任务', '目标要求', '完成时限', '能力席位标准', '权重'])
      expect(text).toContain(header);
    const positions = exampleAnnualPlan.items.map((i) => text.indexOf(i.task));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toContain('2026年11月30日'); // a date deadline, formatted
    expect(text).toContain('每月10日前'); // a text deadline, as written
    expect(text).toContain('20%');
    expect(text).toContain('（李明）');
    expect(text).toContain('2026年1月16日');
    expect(text).toContain('备案日期：2026年1月20日');
  });

  it('drops the 权重 column when no item has a weight, and leaves lines to sign when not yet approved', async () => {
    const draft: AnnualPlanForm = {
      ...exampleAnnualPlan,
      items: exampleAnnualPlan.items.map(({ weight: _weight, ...item }) => item),
      approval: undefined,
      filing: undefined,
    };
    const doc = part(docxParts(await toBytes(buildAnnualPlan(draft))), 'word/document.xml');
    const text = textOf(doc);
    expect(text).not.toContain('权重');
    expect(text).not.toContain('李明');
    expect(text).toContain('主管领导（签名）：');
    expect(text).toContain('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    // The line to sign on is an underlined gap.
    expect(runsOf(doc).some((r) => r.includes('<w:u ') && /^\u3000+$/.test(textOf(r)))).toBe(true);
  });
});

describe('平时考核记实簿', () => {
  it('prints work items with status and percent, attendance in days, the error register and signature lines', async () => {
    const text = textOf(
      part(docxParts(await toBytes(buildRecordBook(exampleRecordBook))), 'word/document.xml'),
    );
    for (const word of [
      '平时考核记实簿',
      '2026年3月',
      '工作内容',
      '工作进度',
      '完成情况',
      '已完成 100%',
      '进行中 45%',
    ]) {
      expect(text).toContain(word);
    }
    for (const word of ['应出勤', '实出勤', '事假', '病假', '年休假', '公差', '旷工'])
      expect(text).toContain(word);
    for (const word of ['差错登记', '日期', '事项', '原因', '纠正情况', '程度', '2026年3月12日', '一般'])
      expect(text).toContain(word);
    expect(text).toContain('本人签名：');
    expect(text).toContain('主管领导签名：');
    expect(text).toContain('2026年3月31日');
  });

  it('keeps ordinary rows whole but lets a row longer than half a page split, so Word never cuts it off', async () => {
    const long: MonthlyRecordForm = {
      ...exampleRecordBook,
      workItems: [
        { content: '短事项', progress: '已办结', status: 'completed', percent: 100 },
        { content: '长事项', progress: '审核资金支付申请。'.repeat(60), status: 'inProgress', percent: 50 },
      ],
    };
    const doc = part(docxParts(await toBytes(buildRecordBook(long))), 'word/document.xml');
    const register = tablesOf(doc).find((t) => textOf(t).includes('工作进度')) ?? '';
    const rows = rowsOf(register);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain('<w:cantSplit/>');
    expect(rows[2]).not.toContain('<w:cantSplit/>');
  });

  it('says so when the month has no errors', async () => {
    const clean: MonthlyRecordForm = { ...exampleRecordBook, errors: [] };
    const text = textOf(part(docxParts(await toBytes(buildRecordBook(clean))), 'word/document.xml'));
    expect(text).toContain('本月无差错登记');
  });
});

describe('季度个人工作小结', () => {
  it('prints the summary paragraphs and the quarter highlights under 黑体 and 楷体 headings', async () => {
    const doc = part(
      docxParts(await toBytes(buildQuarterSummary(exampleQuarterSummary))),
      'word/document.xml',
    );
    const text = textOf(doc);
    for (const p of exampleQuarterSummary.paragraphs) expect(text).toContain(p);
    for (const item of exampleQuarterSummary.highlights.completedItems) expect(text).toContain(item);
    expect(text).toContain('2026年第一季度');
    expect(text).toContain('未开始 0%');
    const fontOfRunWith = (s: string) =>
      attrsOf(runsOf(doc).find((r) => textOf(r).includes(s)) ?? '', 'w:rFonts')['w:eastAsia'];
    expect(fontOfRunWith('一、工作小结')).toBe('黑体');
    expect(fontOfRunWith('（一）完成事项')).toBe('楷体_GB2312');
    expect(fontOfRunWith('第一季度，本人')).toBe('仿宋_GB2312');
  });
});

describe('example data', () => {
  it('keeps attendance consistent: 应出勤 = 实出勤 + 事假 + 病假 + 年休假 + 旷工, 公差 inside 实出勤', () => {
    const all = [
      ...exampleForms.flatMap((f) => (f.kind === 'monthlyRecord' ? [f.attendance] : [])),
      exampleQuarterSummary.highlights.attendance,
    ];
    expect(all).toHaveLength(4);
    for (const a of all) {
      expect(a.present + a.personalLeave + a.sickLeave + a.annualLeave + a.absent).toBe(a.required);
      expect(a.businessTrip).toBeLessThanOrEqual(a.present);
    }
  });

  it('weights the plan to 100%', () => {
    expect(exampleAnnualPlan.items.reduce((sum, i) => sum + (i.weight ?? 0), 0)).toBe(100);
  });
});
