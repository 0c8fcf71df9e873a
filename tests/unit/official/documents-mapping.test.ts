import { describe, expect, it } from 'vitest';
import { buildDocument, fileNameFor, toBytes } from '../../../shared/documents';
import type { AnnualPlan } from '../../../shared/domain/plan';
import type { MonthlyRecord } from '../../../shared/domain/record-book';
import { quarterHighlights, type QuarterSummary } from '../../../shared/domain/summary';
import {
  attendanceForm,
  paragraphsOf,
  personHeader,
  planForm,
  recordForm,
  summaryForm,
  yearForms,
} from '../../../src-renderer/features/official/documents';

const person = { name: '张三', unit: '财政局预算科', post: '一级科员' };

const plan: AnnualPlan = {
  id: 'P1',
  personId: 'ME',
  year: 2026,
  state: 'approved',
  items: [
    { id: 'I1', task: '编制部门预算草案', target: '按时完成', deadline: '2026-11-30', duty: '岗位职责:预算编审', weight: 60 },
    { id: 'I2', task: '预算执行分析', target: '每月报告', deadline: '2026-12-31', duty: '能力席位:预算执行', weight: 40 },
  ],
  version: 1,
  returnReasons: [],
  updatedAt: '2026-01-20T12:00:00.000Z',
  submittedAt: '2026-01-10T12:00:00.000Z',
  approvedAt: '2026-01-20T12:00:00.000Z',
  approvedBy: '李科长',
  approvalOpinion: '同意',
};

function record(month: number, patch: Partial<MonthlyRecord> = {}): MonthlyRecord {
  return {
    id: `R${month}`,
    personId: 'ME',
    year: 2026,
    month,
    state: 'submitted',
    workItems: [
      { id: `W${month}a`, content: `${month}月预算审核`, progress: '完成初审', status: 'completed', percent: 100, planItemId: 'I1' },
      { id: `W${month}b`, content: `${month}月执行分析`, progress: '初稿', status: 'inProgress', percent: 30 * month, planItemId: 'I2' },
    ],
    attendance: { due: 21, present: 20, personalLeave: 0, sickLeave: 1, annualLeave: 0, businessTrip: 2, absent: 0 },
    errors: [{ id: `E${month}`, date: `2026-0${month}-15`, matter: '金额笔误', cause: '未复核', correction: '已更正', severity: 'general' }],
    version: 1,
    updatedAt: '2026-02-01T12:00:00.000Z',
    submittedAt: `2026-0${month + 1}-01T12:00:00.000Z`,
    ...patch,
  };
}

describe('the mapping from what the official keeps to the Word forms', () => {
  it('prints 职务 and 职级 together, or the rank alone', () => {
    expect(personHeader({ name: '张三', unitName: '办公室', title: '科长', rankLevel: 'staff1' }).post).toMatch(/^科长、/);
    const plain = personHeader({ name: '张三', unitName: '办公室', rankLevel: 'staff1' });
    expect(plain).toEqual({ name: '张三', unit: '办公室', post: plain.post });
    expect(plain.post).not.toContain('、');
    expect(plain.post).not.toBe('staff1');
  });

  it('maps plan items with the duty as the form’s basis, and the approval with its day', () => {
    const form = planForm(plan, person);
    expect(form.items).toEqual([
      { task: '编制部门预算草案', target: '按时完成', deadline: '2026-11-30', basis: '岗位职责:预算编审', weight: 60 },
      { task: '预算执行分析', target: '每月报告', deadline: '2026-12-31', basis: '能力席位:预算执行', weight: 40 },
    ]);
    expect(form.approval).toEqual({ name: '李科长', date: '2026-01-20', opinion: '同意' });
    expect(form.filing).toBeUndefined();
  });

  it('leaves the approval and the weight off a draft plan without them', () => {
    const draft: AnnualPlan = { ...plan, state: 'draft', approvedAt: undefined, approvedBy: undefined, items: [{ ...plan.items[0]!, weight: undefined }] };
    const form = planForm(draft, person);
    expect(form.approval).toBeUndefined();
    expect('weight' in form.items[0]!).toBe(false);
  });

  it('calls 应出勤 `required` on the form and keeps every other day count', () => {
    expect(attendanceForm(record(1).attendance)).toEqual({
      required: 21,
      present: 20,
      personalLeave: 0,
      sickLeave: 1,
      annualLeave: 0,
      businessTrip: 2,
      absent: 0,
    });
  });

  it('maps a record book’s work, errors (severity in words) and the day it was submitted', () => {
    const form = recordForm(record(1), person);
    expect(form).toMatchObject({ kind: 'monthlyRecord', year: 2026, month: 1, signedOn: { official: '2026-02-01' } });
    expect(form.workItems[1]).toEqual({ content: '1月执行分析', progress: '初稿', status: 'inProgress', percent: 30 });
    expect(form.errors).toEqual([{ date: '2026-01-15', matter: '金额笔误', cause: '未复核', correction: '已更正', severity: '一般' }]);
    expect(recordForm(record(1, { state: 'editing' }), person).signedOn).toBeUndefined();
  });

  it('maps a summary: paragraphs per line, plan progress with a status, errors completed from the records', () => {
    const records = [record(1), record(2)];
    const highlights = quarterHighlights(plan, records, 2026, 1);
    const summary: QuarterSummary = {
      id: 'S1',
      personId: 'ME',
      year: 2026,
      quarter: 1,
      state: 'submitted',
      text: '第一段。\n\n  第二段。 \n',
      highlights,
      version: 1,
      updatedAt: '2026-04-02T12:00:00.000Z',
      submittedAt: '2026-04-02T12:00:00.000Z',
    };
    const form = summaryForm(summary, person, records);
    expect(form.paragraphs).toEqual(['第一段。', '第二段。']);
    expect(form.writtenOn).toBe('2026-04-02');
    expect(form.highlights.completedItems).toEqual(['1月预算审核', '2月预算审核']);
    expect(form.highlights.planProgress).toEqual([
      { task: '编制部门预算草案', status: 'completed', percent: 100 },
      { task: '预算执行分析', status: 'inProgress', percent: 60 },
    ]);
    expect(form.highlights.attendance.required).toBe(42);
    expect(form.highlights.errors[0]).toEqual({ date: '2026-01-15', matter: '金额笔误', cause: '未复核', correction: '已更正', severity: '一般' });
    expect(summaryForm({ ...summary, state: 'editing' }, person).writtenOn).toBeUndefined();
  });

  it('splits text into paragraphs without empty ones', () => {
    expect(paragraphsOf('')).toEqual([]);
    expect(paragraphsOf('一\n二\r\n\n三')).toEqual(['一', '二', '三']);
  });

  it('lists the year’s forms in filing order, and each builds a .docx with the expected name', async () => {
    const forms = yearForms({ plan, records: [record(2), record(1)], summaries: [] }, person);
    expect(forms.map(fileNameFor)).toEqual([
      '2026年个人年度工作计划-张三.docx',
      '2026年01月平时考核记实簿-张三.docx',
      '2026年02月平时考核记实簿-张三.docx',
    ]);
    const bytes = await toBytes(buildDocument(forms[1]!));
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
  });

  it('leaves an empty plan out of the year’s forms', () => {
    expect(yearForms({ plan: { ...plan, items: [] }, records: [], summaries: [] }, person)).toEqual([]);
  });
});
