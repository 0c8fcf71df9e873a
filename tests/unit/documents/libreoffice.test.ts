// Renders each form the way a clerk's Word would: LibreOffice converts the .docx to PDF (fonts mapped
// by tests/fonts/fonts.conf), then poppler checks the paper size, the words, that text stays inside the
// GB/T 9704 margins, and that a CJK font is embedded (a page of empty boxes still yields text). Page 1
// of each form goes to test-results/documents/*.png for a person to look at.
//
// Needs soffice (libreoffice-writer-nogui) and poppler-utils. Without them the tests fail on CI and are
// skipped, with the reason printed, elsewhere.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument, toBytes } from '../../../shared/documents';
import type { AnyFormData } from '../../../shared/documents';
import {
  exampleAnnualPlan,
  exampleEvaluationRevised,
  exampleFilingRegister,
  exampleQuarterSummary,
  exampleRecordBook,
} from '../../../shared/documents/examples';
import { MARGIN_MM, PAGE_MM } from '../../../shared/documents/layout';

const run = promisify(execFile);

const TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts', 'pdftoppm'] as const;
const missing = TOOLS.filter((tool) => !onPath(tool));
const required = Boolean(process.env.CI) && process.env.CI !== 'false';
if (missing.length > 0 && !required) {
  console.warn(
    `documents/libreoffice: skipped, not on PATH: ${missing.join(', ')} (apt install libreoffice-writer-nogui poppler-utils)`,
  );
}

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, cmd)));
}

const FONTCONFIG_FILE = fileURLToPath(new URL('../../fonts/fonts.conf', import.meta.url));
const PNG_DIR = resolve('test-results/documents');
const PT_PER_MM = 72 / 25.4;
/** Glyph boxes overhang the line a little (ascent), and table cell text sits a hair from the border. */
const TOLERANCE_PT = 2 * PT_PER_MM;

// 2026-11-23: the forms say w:overflowPunct="0" (no punctuation past the margin, as Word's 允许标点
// 溢出边界 unticked), but LibreOffice 7.4's DOCX import maps it the wrong way round
// (ParaIsHangingPunctuation = overflowPunct == 0), so in its PDF a closing mark at the end of a full
// line may hang one 3号 character into the right margin. Word keeps it inside.
const HANGING_PUNCTUATION_PT = 16;
const hangs = (word: string) => /[。，、；：！？）」』”]$/.test(word);

type Case = {
  slug: string;
  form: AnyFormData;
  words: string[];
  headingSans: boolean;
};

/** A month with thirty entries, so the work register runs over pages. */
const longRecordBook: AnyFormData = {
  ...exampleRecordBook,
  workItems: Array.from({ length: 30 }, (_, i) => ({
    content: `第${i + 1}项工作：预算单位资金支付申请审核`,
    progress: `审核支付申请${i + 3}笔，退回不合规申请1笔，按时办结并登记台账`,
    status: i % 3 === 0 ? ('inProgress' as const) : ('completed' as const),
    percent: i % 3 === 0 ? 50 : 100,
  })),
};
const cases: Case[] = [
  {
    slug: 'annual-plan',
    form: exampleAnnualPlan,
    words: [
      '个人年度工作计划',
      '姓名',
      '张三',
      '职务职级',
      '一级主任科员',
      '序号',
      '工作任务',
      '目标要求',
      '完成时限',
      '权重',
      '主管领导',
      '核准意见',
      '人事部门',
    ],
    headingSans: false,
  },
  {
    slug: 'record-book',
    form: exampleRecordBook,
    words: [
      '平时考核记实簿',
      '张三',
      '工作内容',
      '工作进度',
      '完成情况',
      '已完成100%',
      '应出勤',
      '实出勤',
      '年休假',
      '旷工',
      '差错登记',
      '纠正情况',
      '本人签名',
      '主管领导签名',
    ],
    headingSans: true,
  },
  {
    slug: 'record-book-long',
    form: longRecordBook,
    words: ['第30项工作', '差错登记', '主管领导签名'],
    headingSans: true,
  },
  {
    slug: 'quarter-summary',
    form: exampleQuarterSummary,
    words: [
      '季度个人工作小结',
      '张三',
      '一、工作小结',
      '二、本季度记实要点',
      '（一）完成事项',
      '年度计划推进情况',
      '预算绩效目标审核',
      '本人签名',
    ],
    headingSans: true,
  },
  {
    slug: 'evaluation',
    form: exampleEvaluationRevised,
    words: [
      '平时考核领导评鉴表',
      '本表为第2版',
      '更正原因',
      '张三',
      '评鉴方式',
      '定量评鉴',
      '考核指标',
      '权重',
      '加权得分',
      '遵守政治纪律和规矩',
      '合计',
      '加分要素',
      '群众意见',
      '听取范围',
      '服务对象和社会反映',
      '评鉴意见',
      '评鉴结果',
      '92.05',
      '主管领导签名',
    ],
    headingSans: true,
  },
  {
    slug: 'filing-register',
    form: exampleFilingRegister,
    words: [
      '平时考核备案登记表',
      '荆楚市财政局预算科',
      '2026年第1季度',
      '序号',
      '姓名',
      '职务职级',
      '王建国',
      '朱慧敏',
      '当面反馈',
      '书面反馈',
      '试用期',
      '主管领导',
      '审核意见',
      '人事部门',
      '经办人',
    ],
    headingSans: false,
  },
];

type Word = {
  page: number;
  pageWidth: number;
  pageHeight: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
};

function wordsOf(bboxHtml: string): Word[] {
  const words: Word[] = [];
  const pages = bboxHtml.split(/<page /).slice(1);
  pages.forEach((page, i) => {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    for (const m of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        page: i + 1,
        pageWidth: width,
        pageHeight: height,
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: m[5] ?? '',
      });
    }
  });
  return words;
}

// On CI the rendering is part of the proof: a missing tool is a failed test, not a skipped one.
if (missing.length > 0 && required) {
  it('has LibreOffice and poppler to render the forms with', () => {
    throw new Error(
      `CI must render the forms, but these are not on PATH: ${missing.join(', ')}. Install libreoffice-writer-nogui and poppler-utils.`,
    );
  });
}

describe.skipIf(missing.length > 0)('forms rendered by LibreOffice', () => {
  let dir = '';
  const pdfOf = (c: Case) => join(dir, 'pdf', `${c.slug}.pdf`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutybook-docs-'));
    const files = await Promise.all(
      cases.map(async (c) => {
        const file = join(dir, `${c.slug}.docx`);
        writeFileSync(file, await toBytes(buildDocument(c.form)));
        return file;
      }),
    );
    // One soffice for all files: it takes seconds to start. A profile of its own, so a desktop
    // LibreOffice that is open (or a parallel run) does not swallow the conversion.
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
      { env: { ...process.env, FONTCONFIG_FILE }, timeout: 110_000 },
    );
    for (const c of cases) expect(existsSync(pdfOf(c)), `soffice wrote no ${c.slug}.pdf`).toBe(true);
    mkdirSync(PNG_DIR, { recursive: true });
    await Promise.all(
      cases.map((c) =>
        run('pdftoppm', [
          '-png',
          '-r',
          '60',
          '-f',
          '1',
          '-l',
          '1',
          '-singlefile',
          pdfOf(c),
          join(PNG_DIR, c.slug),
        ]),
      ),
    );
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe.each(cases)('$slug', (c) => {
    it('is on A4 paper', async () => {
      const { stdout } = await run('pdfinfo', [pdfOf(c)]);
      expect(stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts/);
      expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeGreaterThanOrEqual(1);
    });

    it('shows the words of the form', async () => {
      const { stdout } = await run('pdftotext', ['-layout', pdfOf(c), '-']);
      // Words of one cell or line; LibreOffice puts a little space between Chinese and digits.
      const lines = stdout.split('\n').map((l) => l.replace(/\s+/g, ''));
      for (const word of c.words)
        expect(
          lines.some((l) => l.includes(word)),
          word,
        ).toBe(true);
    });

    it('keeps text inside the margins, and the page number odd-right, even-left below the text block', async () => {
      const { stdout } = await run('pdftotext', ['-bbox', pdfOf(c), '-']);
      const words = wordsOf(stdout);
      expect(words.length).toBeGreaterThan(20);
      const left = MARGIN_MM.left * PT_PER_MM - TOLERANCE_PT;
      const right = (PAGE_MM.width - MARGIN_MM.right) * PT_PER_MM + TOLERANCE_PT;
      const top = MARGIN_MM.top * PT_PER_MM - TOLERANCE_PT;
      const bottom = (PAGE_MM.height - MARGIN_MM.bottom) * PT_PER_MM + TOLERANCE_PT;
      const body = words.filter((w) => w.y1 <= bottom);
      const footer = words.filter((w) => w.y1 > bottom);
      for (const w of body) {
        expect(w.x0, `${w.text} on page ${w.page}`).toBeGreaterThanOrEqual(left);
        expect(
          w.x1 - (hangs(w.text) ? HANGING_PUNCTUATION_PT : 0),
          `${w.text} on page ${w.page}`,
        ).toBeLessThanOrEqual(right);
        expect(w.y0, `${w.text} on page ${w.page}`).toBeGreaterThanOrEqual(top);
      }
      const pages = Math.max(...words.map((w) => w.page));
      for (let page = 1; page <= pages; page += 1) {
        const number = footer.filter((w) => w.page === page);
        expect(number.map((w) => w.text).join(' '), `footer of page ${page}`).toBe(`— ${page} —`);
        const x0 = Math.min(...number.map((w) => w.x0));
        const x1 = Math.max(...number.map((w) => w.x1));
        const pageWidth = number[0]?.pageWidth ?? 0;
        if (page % 2 === 1) expect(x0).toBeGreaterThan(pageWidth / 2);
        else expect(x1).toBeLessThan(pageWidth / 2);
        expect(x0).toBeGreaterThanOrEqual(left);
        expect(x1).toBeLessThanOrEqual(right);
        expect(Math.max(...number.map((w) => w.y1))).toBeLessThan(
          (number[0]?.pageHeight ?? 0) - 15 * PT_PER_MM,
        );
      }
    });

    it('embeds a CJK font, and a sans one where a 黑体 heading is', async () => {
      const { stdout } = await run('pdffonts', [pdfOf(c)]);
      const embedded = stdout
        .split('\n')
        .filter((l) => /\s+yes\s+(?:yes|no)\s+(?:yes|no)\s+\d+\s+\d+\s*$/.test(l));
      expect(
        embedded.some((l) => /NotoSerifCJK|NotoSansCJK|WenQuanYi/i.test(l)),
        stdout,
      ).toBe(true);
      if (c.headingSans)
        expect(
          embedded.some((l) => /NotoSansCJK|WenQuanYi/i.test(l)),
          stdout,
        ).toBe(true);
    });

    it('renders page 1 to test-results/documents', () => {
      expect(statSync(join(PNG_DIR, `${c.slug}.png`)).size).toBeGreaterThan(5_000);
    });
  });

  it('repeats a register header row on each page the register runs over', async () => {
    const long = cases.find((c) => c.form === longRecordBook);
    if (!long) throw new Error('no long record book among the cases');
    const { stdout } = await run('pdftotext', ['-bbox', pdfOf(long), '-']);
    const words = wordsOf(stdout);
    const itemPages = new Set(words.filter((w) => w.text.includes('退回')).map((w) => w.page));
    const headerPages = new Set(words.filter((w) => w.text === '工作进度').map((w) => w.page));
    expect(itemPages.size).toBeGreaterThanOrEqual(2);
    expect([...headerPages].sort()).toEqual([...itemPages].sort());
  });
});
