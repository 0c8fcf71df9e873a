// The annual assessment's documents: the 公务员年度考核登记表, the 结果通知, the 统计表 and 花名册 (Word and
// Excel), and the 优秀 公示's five working days. Read back from the packed files, then rendered by
// LibreOffice and checked with poppler page by page: A4, the words, the margins, the 登记表 on one sheet
// (front: the person and the 个人总结; back: the other boxes), a long 个人总结 flowing on, the 落款 on the
// page of the last paragraph, the spreadsheets one page wide. Every page goes to test-results/documents.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../shared/errors/errors';
import {
  annualStatisticsFromRoster,
  buildAnnualRosterXlsx,
  buildAnnualStatisticsXlsx,
  buildDocument,
  countOutcomes,
  earliestPublicationEnd,
  fileNameFor,
  publicationPeriodProblem,
  publicationWorkingDays,
  resultNoticeParagraphs,
  shareOf,
  toBytes,
} from '../../../shared/documents';
import type { AnnualRegisterForm, AnyFormData, PublicationNoticeForm } from '../../../shared/documents';
import { buildBatchZip } from '../../../shared/documents/batch';
import {
  exampleAnnualRegister,
  exampleAnnualRegisterObjection,
  exampleAnnualRegisterProbation,
  exampleAnnualRoster,
  exampleAnnualStatistics,
  exampleAnnualSummaryText,
  exampleResultNotice,
  exampleResultNoticeBasic,
  exampleUnitRegisters,
} from '../../../shared/documents/examples-annual';
import { examplePublicationNotice } from '../../../shared/documents/examples-hr';
import { LANDSCAPE_MARGIN_MM, MARGIN_MM, PAGE_MM } from '../../../shared/documents/layout';
import { attrsOf, docxParts, part, tablesOf, textOf } from './docx-xml';

const run = promisify(execFile);

async function docOf(form: AnyFormData): Promise<string> {
  return part(docxParts(await toBytes(buildDocument(form))), 'word/document.xml');
}

// ---- 公示期: five working days on the holiday calendar ----

describe('公示期', () => {
  it('counts working days on the holiday calendar: holidays off, 调休 weekends on', () => {
    // 2026: 28–30 September, then 国庆 1–7 October, 8–9 October worked (10 October is a 调休 Saturday).
    expect(publicationWorkingDays('2026-09-28', '2026-10-09').workingDays).toBe(5);
    expect(earliestPublicationEnd('2026-09-30')).toBe('2026-10-12');
    expect(publicationPeriodProblem({ from: '2026-09-28', to: '2026-10-09' })).toBeNull();
  });

  it('refuses fewer than five working days, saying how many and the first end date that will do', () => {
    const problem = publicationPeriodProblem({ from: '2026-09-28', to: '2026-10-08' });
    expect(problem).toBe(
      '公示期2026年9月28日至2026年10月8日只有4个工作日。优秀等次公示时间不少于5个工作日，请把结束日期改为2026年10月9日或以后。',
    );
    expect(publicationPeriodProblem({ from: '2026-12-31', to: '2026-12-29' })).toBe(
      '公示期的结束日期早于开始日期，请改正。',
    );
  });

  it('does not count 元旦 as a working day in a year without a schedule yet, and says so', () => {
    const days = publicationWorkingDays('2026-12-29', '2027-01-04');
    expect(days).toEqual({ workingDays: 4, yearsWithoutSchedule: [2027] });
    expect(publicationPeriodProblem({ from: '2026-12-29', to: '2027-01-04' })).toContain(
      '（2027年的节假日安排尚未录入，按周一至周五并扣除元旦、劳动节、国庆节计算）',
    );
  });

  it('counts on the unit’s own schedule when the notice carries one', () => {
    const calendars = [
      {
        year: 2027,
        source: '本单位录入',
        periods: [{ name: '元旦', from: '2027-01-01', to: '2027-01-04', makeUpWorkdays: [] }],
      },
    ];
    expect(publicationWorkingDays('2026-12-29', '2027-01-05', calendars).workingDays).toBe(4);
    expect(() => buildDocument({ ...examplePublicationNotice, holidayCalendars: calendars })).toThrow(
      ValidationError,
    );
  });

  it('the annual 公示 refuses a short period with the rule in Chinese; a quarterly notice has no minimum', () => {
    const short: PublicationNoticeForm = {
      ...examplePublicationNotice,
      period: { from: '2026-12-29', to: '2027-01-04' },
    };
    let error: unknown;
    try {
      buildDocument(short);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ path: 'period.to' });
    expect((error as ValidationError).issues[0]?.message).toContain('请把结束日期改为2027年1月5日或以后');
    expect(() =>
      buildDocument({ ...short, scope: { kind: 'quarter', year: 2026, quarter: 4 } }),
    ).not.toThrow();
  });

  it('prints the number of working days and keeps the last paragraph and the 落款 together', async () => {
    const doc = await docOf(examplePublicationNotice);
    expect(textOf(doc)).toContain('公示期为2026年12月29日至2027年1月5日（5个工作日）');
    const paragraphs = [...doc.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const at = paragraphs.findIndex((p) => textOf(p).startsWith('联系人'));
    const tail = paragraphs.slice(at, -1);
    expect(tail.length).toBeGreaterThanOrEqual(4);
    for (const p of tail) expect(p, textOf(p)).toContain('<w:keepNext/>');
  });
});

// ---- The 登记表 ----

describe('公务员年度考核登记表', () => {
  it('is A4 portrait with the GB/T 9704 margins, the person and every box of the national form', async () => {
    const doc = await docOf(exampleAnnualRegister);
    expect(attrsOf(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrsOf(doc, 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
    const text = textOf(doc);
    const order = [
      '公务员年度考核登记表',
      '（2026年度）',
      '姓',
      '张三',
      '男',
      '出生年月',
      '1988.05',
      '政治面貌',
      '中共党员',
      '职务职级',
      '荆楚市财政局预算科一级主任科员',
      '职级时间',
      '2022.07',
      '分管工作',
      '部门预算编审',
      '结',
      '2026年，本人在科室领导下',
      '签名：',
      '2026年12月18日',
      '评语和考核',
      '考核等次建议：优秀。',
      '2026年12月22日',
      '或考核委员',
      '确定为优秀等次。',
      '签章：',
      '本人意见',
      '同意。',
      '核情况说明',
      '备',
    ].map((w) => text.indexOf(w));
    expect(
      order.every((p) => p >= 0),
      String(order),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Front and back: two tables, the back starting on a new page.
    expect(tablesOf(doc)).toHaveLength(2);
    expect(doc).toContain('<w:pageBreakBefore/>');
  });

  it('writes 不定等次 with its reason in 未确定等次或不参加考核情况说明, and a 复核 request in 本人意见', async () => {
    const probation = textOf(await docOf(exampleAnnualRegisterProbation));
    expect(probation).toContain('考核等次建议：不定等次。');
    expect(probation).toContain('不确定等次（情况见下栏说明）。');
    expect(probation).toContain(
      '不定等次。新录用公务员，2026年7月15日起试用期，试用期内参加年度考核，只写评语，不定等次。',
    );
    expect(probation).toContain('2026年7月15日新录用');
    const objection = textOf(await docOf(exampleAnnualRegisterObjection));
    expect(objection).toContain('与张三并列第2名，优秀名额已满，经考核委员会研究确定。');
    expect(objection).toContain('对考核结果有异议，申请复核。本人平时考核“好”等次季度数与张三相同');
  });

  it('leaves every box empty to fill in by hand when nothing is recorded', async () => {
    const blank: AnnualRegisterForm = {
      kind: 'annualRegister',
      year: 2026,
      person: { name: '', unit: '', post: '' },
    };
    const text = textOf(await docOf(blank));
    expect(text).toContain('本人意见');
    expect(text).not.toContain('确定为');
    expect(text.match(/年\u3000\u3000月\u3000\u3000日/g)).toHaveLength(4);
  });

  it('puts a unit’s registers in one .zip, one .docx each, under Chinese names', async () => {
    const progress: number[] = [];
    const zip = unzipSync(
      await buildBatchZip(exampleUnitRegisters, { onProgress: (p) => progress.push(p.done) }),
    );
    const names = Object.keys(zip);
    expect(names).toHaveLength(12);
    expect(names).toContain('2026年度公务员年度考核登记表-张三.docx');
    expect(names).toContain('2026年度公务员年度考核登记表-朱慧敏.docx');
    expect(progress).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(fileNameFor(exampleAnnualRegister)).toBe('2026年度公务员年度考核登记表-张三.docx');
  });
});

// ---- 结果通知 ----

describe('年度考核结果通知', () => {
  it('says the result, the day for 本人意见 and where a 复核 request goes', () => {
    expect(resultNoticeParagraphs(exampleResultNotice)).toEqual([
      '经个人总结、主管领导评鉴和考核委员会审核，你2026年度考核确定为优秀等次。',
      '请于2027年1月12日前在《公务员年度考核登记表》“本人意见”栏签署意见。如对考核结果有异议，可于2027年1月12日前向局人事科书面提出复核申请，说明理由。',
      '特此通知。',
    ]);
    expect(fileNameFor(exampleResultNotice)).toBe('2026年度考核结果通知-张三.docx');
  });

  it('adds the 复核 and 申诉 of 公务员法 第九十五条 for 不称职, and the reason for 不参加', () => {
    const incompetent = resultNoticeParagraphs({
      ...exampleResultNoticeBasic,
      outcome: { kind: 'graded', grade: 'incompetent' },
    });
    expect(incompetent[2]).toContain('依照《中华人民共和国公务员法》第九十五条');
    expect(incompetent[2]).toContain('自知道之日起三十日内向本机关申请复核');
    expect(resultNoticeParagraphs(exampleResultNoticeBasic).join('')).not.toContain('第九十五条');
    expect(
      resultNoticeParagraphs({
        ...exampleResultNotice,
        outcome: { kind: 'notParticipating', reason: '全年病假累计超过半年' },
      })[0],
    ).toBe('你不参加2026年度考核。原因：全年病假累计超过半年。');
  });
});

// ---- 统计表 and 花名册 ----

describe('统计表 and 花名册', () => {
  it('counts each result per unit and for the 机关, shares of those taking part (不参加: of everyone)', () => {
    const office = countOutcomes(exampleAnnualStatistics.units[0]!.outcomes);
    expect(office).toEqual({
      total: 4,
      participating: 3,
      excellent: 1,
      competent: 2,
      basicallyCompetent: 0,
      incompetent: 0,
      ungraded: 0,
      notParticipating: 1,
    });
    expect(shareOf(office, 'excellent')).toBeCloseTo(1 / 3);
    expect(shareOf(office, 'notParticipating')).toBe(0.25);
    const all = countOutcomes(exampleAnnualStatistics.units.flatMap((u) => u.outcomes));
    expect(all).toMatchObject({
      total: 16,
      participating: 15,
      excellent: 3,
      ungraded: 1,
      basicallyCompetent: 1,
    });
    expect(shareOf(all, 'excellent')).toBe(0.2);
    expect(annualStatisticsFromRoster(exampleAnnualRoster)).toEqual(exampleAnnualStatistics);
  });

  it('prints the 统计表 and 花名册 on A4 landscape with the text block turned, header rows repeated', async () => {
    for (const form of [exampleAnnualStatistics, exampleAnnualRoster]) {
      const doc = await docOf(form);
      expect(attrsOf(doc, 'w:pgSz')).toMatchObject({
        'w:w': '16838',
        'w:h': '11906',
        'w:orient': 'landscape',
      });
      expect(attrsOf(doc, 'w:pgMar')).toMatchObject({
        'w:top': '1587',
        'w:bottom': '1474',
        'w:left': '2098',
        'w:right': '1984',
      });
      expect(doc).toContain('<w:tblHeader/>');
    }
    const stats = textOf(await docOf(exampleAnnualStatistics));
    expect(stats).toContain('全机关合计16153');
    expect(stats).toContain('20.0%');
    const roster = textOf(await docOf(exampleAnnualRoster));
    expect(roster).toContain('14孙悦女2001.09共青团员荆楚市财政局预算科一级科员（试用期）'.slice(0, 8));
    expect(roster).toContain(
      '不定等次新录用公务员，试用期内参加年度考核，只写评语，不定等次；2026年7月15日新录用',
    );
    expect(roster).toContain('共16人：优秀3人，称职10人，基本称职1人，不称职0人，不定等次1人，不参加1人。');
  });

  it('goes to Excel with numbers and shares as numbers, A4 print setup, the header row as print titles', () => {
    const files = unzipSync(buildAnnualStatisticsXlsx(exampleAnnualStatistics));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    // Row 5 is the 机关's total: 16 people, 15 taking part, 3 优秀 = 0.2 formatted 0.0%.
    expect(sheet).toContain('<c r="B5" s="4"><v>16</v></c>');
    expect(sheet).toContain('<c r="D5" s="4"><v>3</v></c>');
    expect(sheet).toContain('<c r="E5" s="6"><v>0.2</v></c>');
    expect(sheet).toContain(
      '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    );
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'年度考核结果统计表'!$2:$2</definedName>`,
    );
    const roster = unzipSync(buildAnnualRosterXlsx(exampleAnnualRoster));
    expect(strFromU8(roster['xl/sharedStrings.xml']!)).toContain('全年病假累计超过半年');
  });
});

// ---- Rendered by LibreOffice ----

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}
const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'] as const;
const missing = TOOLS.filter((tool) => !onPath(tool));
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (missing.length > 0 && !required)
  console.warn(`documents/annual: LibreOffice checks skipped, not on PATH: ${missing.join(', ')}`);
if (missing.length > 0 && required) {
  it('has LibreOffice and poppler to render the forms with', () => {
    throw new Error(`CI must render the forms, but these are not on PATH: ${missing.join(', ')}`);
  });
}

const PT_PER_MM = 72 / 25.4;
const TOLERANCE_PT = 2 * PT_PER_MM;
const HANGING_PUNCTUATION_PT = 16;
const hangs = (word: string) => /[。，、；：！？）」』”]$/.test(word);
const PNG_DIR = resolve('test-results/documents');

/** A 个人总结 at the 3000-字 cap: far more than the front of the sheet holds. */
const longSummary = Array.from({ length: 6 }, () => exampleAnnualSummaryText)
  .join('\n')
  .slice(0, 3000);
const longRegister: AnnualRegisterForm = {
  ...exampleAnnualRegister,
  summary: { text: `${longSummary}\n总结到此为止。`, submittedOn: '2026-12-18' },
};

/**
 * Just more than the front holds: the 签名 must go over with the last paragraph, never alone (the
 * box's foot row takes the last paragraph when the text fills the box).
 */
const justOverRegister: AnnualRegisterForm = {
  ...exampleAnnualRegister,
  summary: {
    text: `${exampleAnnualSummaryText}\n${'此外，本人还积极参加单位组织的志愿服务和结对帮扶活动，全年累计参加志愿服务32小时。'.repeat(2)}\n以上为补充说明，请组织审阅。`,
    submittedOn: '2026-12-18',
  },
};

type Case = {
  slug: string;
  bytes: () => Promise<Uint8Array> | Uint8Array;
  ext: 'docx' | 'xlsx';
  landscape: boolean;
  words: string[];
};

const docx = (form: AnyFormData) => () => toBytes(buildDocument(form));
const cases: Case[] = [
  {
    slug: 'annual-register',
    bytes: docx(exampleAnnualRegister),
    ext: 'docx',
    landscape: false,
    words: [
      '公务员年度考核登记表',
      '张三',
      '1988.05',
      '个',
      '存在的不足',
      '主管领导',
      '考核等次建议：优秀。',
      '本人意见',
    ],
  },
  {
    slug: 'annual-register-probation',
    bytes: docx(exampleAnnualRegisterProbation),
    ext: 'docx',
    landscape: false,
    words: ['孙悦', '未确定等次', '不定等次。新录用公务员'],
  },
  {
    slug: 'annual-register-long',
    bytes: docx(longRegister),
    ext: 'docx',
    landscape: false,
    words: ['总结到此为止。', '本人意见'],
  },
  {
    slug: 'annual-register-just-over',
    bytes: docx(justOverRegister),
    ext: 'docx',
    landscape: false,
    words: ['以上为补充说明', '签名：'],
  },
  {
    slug: 'annual-register-blank',
    bytes: docx({ kind: 'annualRegister', year: 2026, person: { name: '', unit: '', post: '' } }),
    ext: 'docx',
    landscape: false,
    words: ['公务员年度考核登记表', '政治面貌', '从事或', '本人意见', '备注'],
  },
  {
    slug: 'annual-result-notice',
    bytes: docx(exampleResultNotice),
    ext: 'docx',
    landscape: false,
    words: ['2026年度考核结果通知', '张三同志：', '确定为优秀等次', '复核申请', '特此通知。', '本人签收'],
  },
  {
    slug: 'annual-statistics',
    bytes: docx(exampleAnnualStatistics),
    ext: 'docx',
    landscape: true,
    words: [
      '2026年度公务员年度考核结果统计表',
      '填报单位（盖章）',
      '全机关合计',
      '不定等次',
      '不参加',
      '33.3%',
    ],
  },
  {
    slug: 'annual-roster',
    bytes: docx(exampleAnnualRoster),
    ext: 'docx',
    landscape: true,
    words: ['2026年度公务员年度考核结果花名册', '单位及职务职级', '沈冰', '全年病假累计超', '共16人'],
  },
  {
    slug: 'publication-notice-annual',
    bytes: docx(examplePublicationNotice),
    ext: 'docx',
    landscape: false,
    words: ['关于2026年度考核优秀等次人选的公示', '（5个工作', '联系电话', '2026年12月28日'],
  },
  {
    slug: 'annual-statistics-xlsx',
    bytes: () => buildAnnualStatisticsXlsx(exampleAnnualStatistics),
    ext: 'xlsx',
    landscape: true,
    words: ['公务员年度考核结果统计表', '不参加比', '全机关合计', '20.0%'],
  },
  {
    slug: 'annual-roster-xlsx',
    bytes: () => buildAnnualRosterXlsx(exampleAnnualRoster),
    ext: 'xlsx',
    landscape: true,
    words: ['公务员年度考核结果花名册', '任现职务职级时间', '备注', '朱慧敏', '基本称职'],
  },
];

describe.skipIf(missing.length > 0)('annual documents rendered by LibreOffice', () => {
  let dir = '';
  const pdfOf = (slug: string) => join(dir, 'pdf', `${slug}.pdf`);
  const pageTexts = async (slug: string): Promise<string[]> => {
    const { stdout } = await run('pdftotext', ['-layout', pdfOf(slug), '-']);
    // pdftotext ends each page with a form feed; the words of a line lose LibreOffice's spacing.
    return stdout
      .split('\f')
      .slice(0, -1)
      .map((p) => p.replace(/[ \t]+/g, ''));
  };
  const pageOf = (pages: string[], word: string) => pages.findIndex((p) => p.includes(word)) + 1;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybook-annual-docs-'));
    const files = await Promise.all(
      cases.map(async (c) => {
        const file = join(dir, `${c.slug}.${c.ext}`);
        writeFileSync(file, await c.bytes());
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
        timeout: 170_000,
      },
    );
    mkdirSync(PNG_DIR, { recursive: true });
    await Promise.all(
      cases.map((c) => run('pdftoppm', ['-png', '-r', '60', pdfOf(c.slug), join(PNG_DIR, c.slug)])),
    );
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(cases)('$slug', (c) => {
    it('is on A4 paper, the right way round', async () => {
      const { stdout } = await run('pdfinfo', [pdfOf(c.slug)]);
      expect(stdout).toMatch(
        c.landscape ? /Page size:\s+841\.\d+ x 595\.\d+ pts/ : /Page size:\s+595\.\d+ x 841\.\d+ pts/,
      );
    });

    it('shows the words of the form', async () => {
      const text = (await pageTexts(c.slug)).join('\n');
      for (const word of c.words) expect(text, word).toContain(word);
    });

    it.skipIf(c.ext === 'xlsx')('keeps the text inside the margins', async () => {
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
      expect(words.length).toBeGreaterThan(10);
      const margin = c.landscape ? LANDSCAPE_MARGIN_MM : MARGIN_MM;
      const [width, height] = c.landscape ? [PAGE_MM.height, PAGE_MM.width] : [PAGE_MM.width, PAGE_MM.height];
      const left = margin.left * PT_PER_MM - TOLERANCE_PT;
      const right = (width - margin.right) * PT_PER_MM + TOLERANCE_PT;
      const top = margin.top * PT_PER_MM - TOLERANCE_PT;
      const bottom = (height - margin.bottom) * PT_PER_MM + TOLERANCE_PT;
      for (const w of words.filter((x) => x.y1 <= bottom)) {
        expect(w.x0, w.text).toBeGreaterThanOrEqual(left);
        expect(w.x1 - (hangs(w.text) ? HANGING_PUNCTUATION_PT : 0), w.text).toBeLessThanOrEqual(right);
        expect(w.y0, w.text).toBeGreaterThanOrEqual(top);
      }
    });
  });

  it('prints a 登记表 with a normal 个人总结 on one sheet: the person and the 个人总结 in front, the rest on the back', async () => {
    for (const slug of ['annual-register', 'annual-register-probation', 'annual-register-blank']) {
      const pages = await pageTexts(slug);
      expect(pages, slug).toHaveLength(2);
      const [front, back] = pages as [string, string];
      for (const w of ['姓名', '出生年月', '政治面貌', '单位及', '任现职务', '从事或', '签名：'])
        expect(front, w).toContain(w);
      for (const w of ['主管领导', '机关负责人', '签章：', '本人意见', '未确定等次', '备注'])
        expect(back, `${slug}: ${w}`).toContain(w);
      expect(front).not.toContain('主管领导');
    }
    const [front] = await pageTexts('annual-register');
    expect(front).toContain('今后将严格执行报表双人复核制度');
    expect(front).toContain('2026年12月18日');
  });

  it('lets a long 个人总结 flow on to the next page, its 签名 under the last line, the back after it', async () => {
    const pages = await pageTexts('annual-register-long');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const end = pageOf(pages, '总结到此为止。');
    expect(end).toBeGreaterThan(1);
    expect(pages[end - 1]).toContain('2026年12月18日');
    const back = pageOf(pages, '主管领导');
    expect(back).toBe(end + 1);
    expect(pages[back - 1]).toContain('备注');
  });

  it('takes the 签名 over with the last paragraph when the 个人总结 just overflows the front', async () => {
    const pages = await pageTexts('annual-register-just-over');
    const signed = pageOf(pages, '2026年12月18日');
    expect(signed).toBeGreaterThan(1);
    const page = pages[signed - 1] ?? '';
    expect(page).toContain('以上为补充说明');
    // The 签名 line stands after the paragraph's last words on that page.
    expect(page.indexOf('签名：')).toBeGreaterThan(page.indexOf('以上为补充说明'));
    expect(pageOf(pages, '主管领导')).toBe(signed + 1);
  });

  it('keeps the 公示’s 落款 and date on the page of its last paragraph', async () => {
    const pages = await pageTexts('publication-notice-annual');
    const last = pageOf(pages, '联系电话：0716-8123456');
    expect(last).toBeGreaterThan(0);
    // The issuer alone on a line: the 落款 (the 红头 is on page 1 above the title).
    const issuerPages = pages
      .map((p, i) => (p.split('\n').some((l) => l === '荆楚市财政局') ? i + 1 : 0))
      .filter((n) => n > 0);
    expect(issuerPages).toContain(last);
    expect(pageOf(pages, '2026年12月28日')).toBe(last);
  });

  it('keeps the 结果通知 on one page, its 落款 and 签收 with it', async () => {
    const pages = await pageTexts('annual-result-notice');
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('荆楚市财政局考核委员会');
  });

  it('prints each spreadsheet one page wide: every column on the first page', async () => {
    for (const [slug, lastColumn] of [
      // Header cells wrap: "不参加比 / 例".
      ['annual-statistics-xlsx', '不参加比'],
      ['annual-roster-xlsx', '备注'],
    ] as const) {
      const pages = await pageTexts(slug);
      expect(pages, slug).toHaveLength(1);
      expect(pages[0]).toContain(lastColumn);
      expect(pages[0]).toContain('第1页，共1页');
    }
  });
});
