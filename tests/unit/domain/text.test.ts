// Text hygiene where records are made (issue 20, findings 7, 8, 11): what a schema keeps of pasted
// text, what it refuses, and the helpers the writers use on the way out.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  annualPlanSchema,
  charCount,
  cleanLine,
  cleanText,
  csvCell,
  evaluationInputSchema,
  feedbackAckSchema,
  feedbackSchema,
  filingReceiptSchema,
  isolate,
  journalEntryInputSchema,
  monthlyRecordSchema,
  orgUnitInputSchema,
  personInputSchema,
  planDecisionSchema,
  planItemsSchema,
  profileInputSchema,
  quarterSummarySchema,
  registerSchema,
  signedEvaluationSchema,
  signedName,
  xmlSafe,
} from '../../../shared/domain';

// Every character the issue names, and the ones of their kind.
const CONTROL = '\u0001';
const VT = '\u000B'; // Word's manual line break: comes with any text pasted from Word
const NONCHAR = '\uFFFF';
const LONE = '\uD800';
const RLO = '\u202E';
const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('cleanText / cleanLine', () => {
  it('keeps tab and newline, turns every other line break into a newline', () => {
    expect(cleanText('a\tb\nc')).toBe('a\tb\nc');
    expect(cleanText('a\r\nb\rc\u000Bd\u000Ce\u0085f\u2028g\u2029h')).toBe('a\nb\nc\nd\ne\nf\ng\nh');
  });

  it('removes control characters, noncharacters and unpaired surrogates', () => {
    expect(
      cleanText(`a${CONTROL}b\u0000c\u001Fd\u007Fe\u009Ff${NONCHAR}g\uFFFEh\uFDD0i${LONE}j\uDC00k`),
    ).toBe('abcdefghijk');
    expect(cleanText('a\u{1FFFF}b\u{10FFFE}c')).toBe('abc');
  });

  it('removes bidi controls and zero-width characters', () => {
    expect(cleanText(['办', ...BIDI, '公', ...ZERO_WIDTH, '室'].join(''))).toBe('办公室');
  });

  it('keeps what a clerk writes: CJK Extension B, emoji, full-width spaces, variation selectors', () => {
    const s = '　　𠈌字\u{1F600}葛\uE0100\uFE0F 张三';
    expect(cleanText(s)).toBe(s);
  });

  it('puts text in NFC and is idempotent', () => {
    expect(cleanText('e\u0301')).toBe('\u00E9');
    const dirty = `x\r\n${VT}${RLO}${CONTROL}y`;
    expect(cleanText(cleanText(dirty))).toBe(cleanText(dirty));
  });

  it('makes one line of a name', () => {
    expect(cleanLine(`张\t三\r\n${VT}科`)).toBe('张 三  科');
  });

  it('counts characters as a clerk does', () => {
    expect(charCount('𠈌字')).toBe(2);
    expect(charCount('工作')).toBe(2);
  });
});

describe('the schemas that make records', () => {
  const item = { id: 'w1', content: '', progress: '', status: 'inProgress', percent: 50 };
  const record = (workItems: unknown[], extra: Record<string, unknown> = {}) => ({
    id: 'r1',
    personId: 'p1',
    year: 2026,
    month: 3,
    state: 'editing',
    workItems,
    attendance: {
      due: 22,
      present: 22,
      personalLeave: 0,
      sickLeave: 0,
      annualLeave: 0,
      businessTrip: 0,
      absent: 0,
    },
    errors: [],
    version: 0,
    updatedAt: '2026-03-02T08:00:00.000Z',
    ...extra,
  });

  it('cleans a work item pasted from Word (U+000B, U+0001, U+FFFF, a lone surrogate)', () => {
    const r = monthlyRecordSchema.parse(
      record([{ ...item, content: `预算审核${VT}第二行${CONTROL}${NONCHAR}${LONE}`, progress: `a\r\nb` }]),
    );
    expect(r.workItems[0]!.content).toBe('预算审核\n第二行');
    expect(r.workItems[0]!.progress).toBe('a\nb');
  });

  it('refuses 100,010 characters of 工作内容 in Chinese, and does not cut it short', () => {
    const r = monthlyRecordSchema.safeParse(record([{ ...item, content: '字'.repeat(100_010) }]));
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['workItems.0.content: 工作内容不能超过2000个字']);
    expect(monthlyRecordSchema.safeParse(record([{ ...item, content: '字'.repeat(2000) }])).success).toBe(
      true,
    );
  });

  it('bounds how many work items a month can hold', () => {
    const many = Array.from({ length: 201 }, (_, i) => ({ ...item, id: `w${i}` }));
    expect(messages(monthlyRecordSchema.safeParse(record(many)))).toEqual([
      'workItems: 本月工作内容不能超过200项',
    ]);
  });

  it('cleans and bounds a plan item', () => {
    const plan = planItemsSchema.parse([
      { id: 'i1', task: `任务${RLO}一`, target: `目标${VT}要求`, deadline: '2026-12-31\u200B', duty: '职责' },
    ]);
    expect(plan[0]).toMatchObject({ task: '任务一', target: '目标\n要求', deadline: '2026-12-31' });
    const long = planItemsSchema.safeParse([
      { id: 'i1', task: '字'.repeat(501), target: '', deadline: '', duty: '' },
    ]);
    expect(messages(long)).toEqual(['0.task: 工作任务不能超过500个字']);
  });

  it('cleans a plan’s approval opinion and its return reasons', () => {
    const p = annualPlanSchema.parse({
      id: 'pl',
      personId: 'p1',
      year: 2026,
      state: 'approved',
      items: [],
      version: 1,
      returnReasons: [{ itemId: null, reason: `请补充${CONTROL}` }],
      updatedAt: '2026-01-02T08:00:00.000Z',
      approvalOpinion: `同意${NONCHAR}`,
    });
    expect(p.approvalOpinion).toBe('同意');
    expect(p.returnReasons[0]!.reason).toBe('请补充');
  });

  it('cleans and bounds the quarter summary', () => {
    const base = {
      id: 's1',
      personId: 'p1',
      year: 2026,
      quarter: 1,
      state: 'editing',
      highlights: {
        completedItems: [{ content: `完成${VT}事项`, month: 1 }],
        planProgress: [],
        attendance: {
          due: 0,
          present: 0,
          personalLeave: 0,
          sickLeave: 0,
          annualLeave: 0,
          businessTrip: 0,
          absent: 0,
        },
        errors: [],
        monthsMissing: [],
      },
      version: 0,
      updatedAt: '2026-03-02T08:00:00.000Z',
    };
    const s = quarterSummarySchema.parse({ ...base, text: `本季度${ZERO_WIDTH.join('')}小结` });
    expect(s.text).toBe('本季度小结');
    expect(s.highlights.completedItems[0]!.content).toBe('完成\n事项');
    expect(messages(quarterSummarySchema.safeParse({ ...base, text: '字'.repeat(20_001) }))).toEqual([
      'text: 季度个人工作小结不能超过20000个字',
    ]);
  });

  it('cleans an evaluation and its signer’s name', () => {
    const input = {
      id: 'e1',
      subject: 'p1',
      evaluator: 's1',
      year: 2026,
      quarter: 1,
      method: 'grade',
      grade: 'good',
      bonuses: [],
      peerOpinion: { consulted: 3, scope: `本科室${RLO}同事`, gist: `认真${CONTROL}` },
      publicFeedback: null,
      opinion: `工作扎实${VT}作风优良${NONCHAR}`,
      evidence: { recordVersions: [] },
      version: 1,
    };
    const e = evaluationInputSchema.parse(input);
    expect(e.opinion).toBe('工作扎实\n作风优良');
    expect(e.peerOpinion).toMatchObject({ scope: '本科室同事', gist: '认真' });
    const signed = signedEvaluationSchema.parse({
      ...input,
      resultGrade: 'good',
      evaluatorName: `王${RLO}主任`,
      signedAt: '2026-04-02T08:00:00.000Z',
    });
    expect(signed.evaluatorName).toBe('王主任');
    expect(messages(evaluationInputSchema.safeParse({ ...input, opinion: '字'.repeat(2001) }))).toEqual([
      'opinion: 评鉴意见不能超过2000个字',
    ]);
  });

  it('cleans feedback, the official’s acknowledgement and the decisions', () => {
    const f = feedbackSchema.parse({
      id: 'f1',
      personId: 'p1',
      year: 2026,
      quarter: 1,
      kind: 'talk',
      date: '2026-04-03',
      place: `会议室${VT}二`,
      participants: '王主任、张三',
      content: `反馈${CONTROL}`,
      improvements: '加强复核',
      by: `王主任${RLO}`,
      recordedAt: '2026-04-03T08:00:00.000Z',
    });
    expect(f).toMatchObject({ place: '会议室 二', content: '反馈', by: '王主任' });
    expect(
      feedbackAckSchema.parse({
        feedbackId: 'f1',
        personId: 'p1',
        text: `同意${NONCHAR}`,
        at: '2026-04-03T09:00:00.000Z',
      }).text,
    ).toBe('同意');
    const d = planDecisionSchema.parse({
      id: 'd1',
      personId: 'p1',
      year: 2026,
      version: 1,
      decision: 'approve',
      by: `王${ZERO_WIDTH[0]}主任`,
      opinion: `同意${LONE}`,
      reasons: [],
      decidedAt: '2026-01-05T08:00:00.000Z',
    });
    expect(d).toMatchObject({ by: '王主任', opinion: '同意' });
  });

  it('cleans a register and a filing receipt', () => {
    const r = registerSchema.parse({
      id: 'g1',
      supervisorId: 's1',
      supervisorName: `王主任${RLO}`,
      unitName: `办公室${ZERO_WIDTH[1]}`,
      year: 2026,
      quarter: 1,
      version: 1,
      entries: [
        {
          personId: 'p1',
          name: `张${RLO}三`,
          post: '一级主任科员',
          method: 'grade',
          grade: 'good',
          evaluationVersion: 1,
          feedbackWay: `个人谈话${CONTROL}`,
          remark: `无${NONCHAR}`,
        },
      ],
      opinion: '同意',
      signedAt: '2026-04-05T08:00:00.000Z',
    });
    expect(r).toMatchObject({ supervisorName: '王主任', unitName: '办公室' });
    expect(r.entries[0]).toMatchObject({ name: '张三', feedbackWay: '个人谈话', remark: '无' });
    const receipt = filingReceiptSchema.parse({
      id: 'x',
      personId: 'p1',
      what: 'plan',
      year: 2026,
      version: 1,
      filedAt: '2026-01-06T08:00:00.000Z',
      clerk: `人事科${RLO}`,
    });
    expect(receipt.clerk).toBe('人事科');
  });

  it('cleans and bounds a journal entry', () => {
    const j = journalEntryInputSchema.parse({
      personId: 'p1',
      date: '2026-03-02',
      kind: 'daily',
      content: `日记${VT}${CONTROL}`,
    });
    expect(j.content).toBe('日记');
    const long = journalEntryInputSchema.safeParse({
      personId: 'p1',
      date: '2026-03-02',
      kind: 'daily',
      content: '字'.repeat(2001),
    });
    expect(messages(long)).toEqual(['content: 记实内容不能超过2000个字']);
  });

  it('cleans names of units, people and the profile, and refuses a name that is only invisible characters', () => {
    const unit = orgUnitInputSchema.parse({ name: `预算科${RLO}` });
    expect(unit.name).toBe('预算科');
    const person = personInputSchema.parse({
      name: `张${RLO}三\u200B`,
      unitId: 'u1',
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      title: `科长${VT}`,
      roles: ['official'],
    });
    expect(person).toMatchObject({ name: '张三', title: '科长' });
    const profile = profileInputSchema.parse({
      name: `李四${CONTROL}`,
      unitName: `法规科${ZERO_WIDTH.join('')}`,
      positionCategory: 'comprehensive',
      rankLevel: 'staff1',
      roles: ['official'],
      presetId: 'national',
    });
    expect(profile).toMatchObject({ name: '李四', unitName: '法规科' });
    expect(messages(orgUnitInputSchema.safeParse({ name: ZERO_WIDTH.join('') + RLO }))).toEqual([
      'name: 请填写单位名称',
    ]);
    expect(messages(orgUnitInputSchema.safeParse({ name: '科'.repeat(101) }))).toEqual([
      'name: 单位名称不能超过100个字',
    ]);
  });
});

describe('signedName (the roster: refused, never changed under its signature)', () => {
  it('accepts a clean name and refuses one with a hidden character', () => {
    const s = signedName(50);
    expect(s.safeParse('张三').success).toBe(true);
    for (const bad of [
      `张${RLO}三`,
      `张三${ZERO_WIDTH[0]}`,
      `张${CONTROL}三`,
      '张\n三',
      ' 张三',
      'e\u0301',
      '字'.repeat(51),
      '',
    ])
      expect(s.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});

describe('on the way out', () => {
  it('isolates a name so it cannot turn the sentence around it', () => {
    expect(`来自 ${isolate(`预算科${RLO}张三`)} 发给 ${isolate('李四')}`).toBe(
      '来自 \u2068预算科张三\u2069 发给 \u2068李四\u2069',
    );
  });

  it('strips what XML 1.0 refuses, and only that', () => {
    expect(xmlSafe(`a${VT}b${CONTROL}c${NONCHAR}d\uFFFEe${LONE}f\tg\nh\ri`)).toBe('abcdef\tg\nh\ri');
    expect(xmlSafe('𠈌\u{1F600}')).toBe('𠈌\u{1F600}');
  });

  it('guards CSV cells that Excel or WPS would read as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])
      expect(csvCell(`${start}1+1`).replace(/^"/, ''), JSON.stringify(start)).toMatch(/^'/);
    expect(csvCell('张三')).toBe('张三');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });
});

// Types only: the helpers keep a schema's output a string, so forms keep their types.
type _Check = z.output<typeof monthlyRecordSchema>['workItems'][number]['content'] extends string
  ? true
  : never;
const _typed: _Check = true;
void _typed;
