// The supervisor's 平时考核领导评鉴表 and HR's 平时考核备案登记表, read back from the packed .docx:
// page and type as the official's forms, the sections in order, the flattened indicator tree, the
// correction line, the register's rows and repeated header, file names, and the example data's bands.
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  buildEvaluationForm,
  buildFilingRegister,
  fileNameFor,
  toBytes,
} from '../../../shared/documents';
import type { AnyFormData, EvaluationForm, FilingRegisterForm, Grade } from '../../../shared/documents';
import { indicatorRows } from '../../../shared/documents/evaluation-form';
import { gradeCounts } from '../../../shared/documents/filing-register';
import {
  exampleEvaluation,
  exampleEvaluationRevised,
  exampleFilingRegister,
  exampleRecordBook,
} from '../../../shared/documents/examples';
import { FONT } from '../../../shared/documents/layout';
import { attrsOf, docxParts, part, rowsOf, runsOf, tablesOf, textOf } from './docx-xml';

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

const bandOf = (score: number): Grade =>
  score >= 90 ? '好' : score >= 80 ? '较好' : score >= 60 ? '一般' : '较差';

describe.each([
  ['平时考核领导评鉴表', exampleEvaluation],
  ['平时考核备案登记表', exampleFilingRegister],
] as const)('%s .docx', (name, form) => {
  it('is A4 portrait with the GB/T 9704 margins and the title in 2号 方正小标宋简体', async () => {
    const doc = await docOf(form);
    expect(attrsOf(doc, 'w:pgSz')).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(attrsOf(doc, 'w:pgMar')).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
    const titleRun = runsOf(doc)[0] ?? '';
    expect(textOf(titleRun)).toBe(name);
    expect(attrsOf(titleRun, 'w:rFonts')['w:eastAsia']).toBe('方正小标宋简体');
    expect(attrsOf(titleRun, 'w:sz')).toEqual({ 'w:val': '44' });
  });

  it('names a Chinese font in the East Asian slot of every run', async () => {
    const runs = runsOf(await docOf(form));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) {
      const fonts = attrsOf(r, 'w:rFonts');
      expect(CHINESE_FONTS, textOf(r)).toContain(fonts['w:eastAsia']);
      expect(fonts['w:ascii'], textOf(r)).toBe(FONT.latin);
    }
  });

  it('repeats the header row of its registers, in 小四 with single borders', async () => {
    const registers = tablesOf(await docOf(form)).filter((t) =>
      textOf(rowsOf(t)[0] ?? '').startsWith('序号'),
    );
    expect(registers.length).toBeGreaterThan(0);
    for (const t of registers) {
      const [head, ...rest] = rowsOf(t);
      expect(head).toContain('<w:tblHeader/>');
      for (const row of rest) expect(row).not.toContain('<w:tblHeader/>');
      expect(attrsOf(t, 'w:insideV')).toMatchObject({ 'w:val': 'single' });
      expect(attrsOf(runsOf(t)[0] ?? '', 'w:sz')).toEqual({ 'w:val': '24' });
    }
  });
});

describe('平时考核领导评鉴表', () => {
  it('prints the header, the sections in order, the result and the signature line', async () => {
    const text = textOf(await docOf(exampleEvaluation));
    for (const word of ['姓名', '张三', '单位', '荆楚市财政局预算科', '职务职级', '一级主任科员', '年度季度'])
      expect(text).toContain(word);
    expect(text).toContain('2026年第1季度');
    expect(text).toContain('（2026年第一季度）');
    expect(text).toContain('定量评鉴');
    const sections = [
      '一、考核指标及得分（定量评鉴）',
      '二、加分要素',
      '三、群众意见',
      '四、服务对象和社会反映',
      '五、评鉴意见',
      '六、评鉴结果',
      '主管领导签名：',
    ].map((s) => text.indexOf(s));
    expect(
      sections.every((p) => p >= 0),
      String(sections),
    ).toBe(true);
    expect([...sections].sort((a, b) => a - b)).toEqual(sections);
    for (const word of [
      '权重',
      '得分',
      '加权得分',
      '合计',
      '要素',
      '分值',
      '理由',
      '+1',
      '听取范围',
      '人数',
      '15人',
      '主要意见',
    ])
      expect(text).toContain(word);
    expect(text).toContain(exampleEvaluation.socialFeedback);
    expect(text).toContain('92.05');
    expect(text).toContain('等次');
    expect(text).toContain('2026年4月8日');
    expect(text).toContain('李明');
    expect(text).not.toContain('本表为第');
  });

  it('flattens the indicator tree: 1, 1.1, 1.2, …, children indented, and a 合计 of weights and weighted scores', async () => {
    const rows = indicatorRows(exampleEvaluation.indicators);
    expect(rows.map((r) => r[0])).toEqual([
      '1',
      '1.1',
      '1.2',
      '2',
      '2.1',
      '2.2',
      '2.3',
      '3',
      '3.1',
      '3.2',
      '4',
    ]);
    expect(rows[1]).toEqual(['1.1', '\u3000\u3000政治理论学习', '8%', '92', '7.36']);
    expect(rows[0]).toEqual(['1', '政治素质', '15%', '', '14.01']);
    const doc = await docOf(exampleEvaluation);
    const register = tablesOf(doc).find((t) => textOf(t).includes('加权得分')) ?? '';
    const last = rowsOf(register).at(-1) ?? '';
    expect(textOf(last)).toBe('合计100%91.05');
  });

  it('prints the 等次 alone for a 定性 evaluation, and says so when there are no bonuses', async () => {
    const qualitative: EvaluationForm = {
      ...exampleEvaluation,
      method: 'qualitative',
      indicators: [],
      bonuses: [],
      result: { grade: '较好' },
    };
    const text = textOf(
      part(docxParts(await toBytes(buildEvaluationForm(qualitative))), 'word/document.xml'),
    );
    expect(text).toContain('定性评鉴');
    expect(text).toContain('一、评鉴等次（定性评鉴）');
    expect(text).toContain('本季度平时考核等次为：较好。');
    expect(text).not.toContain('加权得分');
    expect(text).toContain('本季度无加分要素');
    expect(text).toContain('—');
  });

  it('says which version a correction is and why, under the title', async () => {
    const text = textOf(await docOf(exampleEvaluationRevised));
    expect(text).toContain(`本表为第2版，更正原因：${exampleEvaluationRevised.revision?.reason ?? ''}`);
    expect(text.indexOf('本表为第2版')).toBeLessThan(text.indexOf('姓名'));
    expect(fileNameFor(exampleEvaluationRevised)).toBe('2026年第1季度平时考核领导评鉴表-张三（第2版）.docx');
    expect(fileNameFor(exampleEvaluation)).toBe('2026年第1季度平时考核领导评鉴表-张三.docx');
  });
});

describe('平时考核备案登记表', () => {
  it('prints a row per person in order with every column, and the two sign-off blocks', async () => {
    const doc = await docOf(exampleFilingRegister);
    const register = tablesOf(doc).find((t) => textOf(rowsOf(t)[0] ?? '').startsWith('序号')) ?? '';
    const [head, ...rows] = rowsOf(register);
    expect(textOf(head ?? '')).toBe('序号姓名职务职级评鉴方式分值或等次加分反馈方式及日期备注');
    expect(rows).toHaveLength(12);
    expect(textOf(rows[0] ?? '')).toBe('1张三一级主任科员定量92.05好+1当面反馈2026年4月10日');
    expect(textOf(rows[6] ?? '')).toBe(
      '7黄文斌四级主任科员定性较好无当面反馈2026年4月11日借调期间由借调单位提供意见',
    );
    const text = textOf(doc);
    for (const word of ['荆楚市财政局预算科', '2026年第1季度', '12人', '好3人、较好6人、一般3人'])
      expect(text).toContain(word);
    for (const word of [
      '主管领导',
      '审核意见',
      '（李明）',
      '2026年4月14日',
      '人事部门',
      '备案',
      '经办人：郑红',
      '备案日期：2026年4月16日',
    ])
      expect(text).toContain(word);
    expect(fileNameFor(exampleFilingRegister)).toBe(
      '2026年第1季度平时考核备案登记表-荆楚市财政局预算科.docx',
    );
  });

  it('leaves lines to sign and blank dates before review and filing, and says so when no one is registered', async () => {
    const draft: FilingRegisterForm = {
      ...exampleFilingRegister,
      entries: [],
      review: undefined,
      filing: undefined,
    };
    const doc = part(docxParts(await toBytes(buildFilingRegister(draft))), 'word/document.xml');
    const text = textOf(doc);
    expect(text).toContain('（本季度无登记人员）');
    expect(text).toContain('主管领导（签名）：');
    expect(text).not.toContain('李明');
    expect(text).not.toContain('郑红');
    expect(text).toContain('备案日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日');
  });
});

describe('supervisor example data', () => {
  it('weights the indicators to 100%, children to their parent, and adds up the weighted scores', () => {
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.005);
    const top = exampleEvaluation.indicators;
    expect(top.reduce((s, i) => s + i.weight, 0)).toBe(100);
    for (const i of top) {
      const kids = i.children ?? [];
      if (kids.length > 0) {
        expect(kids.reduce((s, k) => s + k.weight, 0)).toBe(i.weight);
        close(
          kids.reduce((s, k) => s + (k.weighted ?? 0), 0),
          i.weighted ?? 0,
        );
      }
      for (const leaf of kids.length > 0 ? kids : [i])
        close(((leaf.score ?? 0) * leaf.weight) / 100, leaf.weighted ?? 0);
    }
    const total = top.reduce((s, i) => s + (i.weighted ?? 0), 0);
    const bonus = exampleEvaluation.bonuses.reduce((s, b) => s + b.points, 0);
    close(total + bonus, exampleEvaluation.result.score ?? 0);
    expect(bandOf(exampleEvaluation.result.score ?? 0)).toBe(exampleEvaluation.result.grade);
  });

  it('registers twelve people with a mix of 好/较好/一般, each score in its band, 张三 as in the evaluation', () => {
    const entries = exampleFilingRegister.entries;
    expect(entries).toHaveLength(12);
    expect(gradeCounts(entries)).toBe('好3人、较好6人、一般3人');
    for (const e of entries) {
      if (e.method === 'quantitative') expect(bandOf(e.score ?? -1), e.name).toBe(e.grade);
      else expect(e.score, e.name).toBeUndefined();
    }
    const zhang = entries.find((e) => e.name === exampleEvaluation.person.name);
    expect(zhang?.score).toBe(exampleEvaluation.result.score);
    expect(zhang?.grade).toBe(exampleEvaluation.result.grade);
    expect(exampleFilingRegister.unit).toBe(exampleRecordBook.person.unit);
  });
});
