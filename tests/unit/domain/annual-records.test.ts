import { describe, expect, it } from 'vitest';
import {
  annualCommentBodySchema,
  annualDecisionBodySchema,
  annualOpinionBodySchema,
  annualSummaryBodySchema,
  annualSummaryDraftText,
  annualSummaryIssues,
  asksReview,
  decisionProblems,
  excellentGivenAmong,
  opinionLateProblem,
  type AnnualDecisionRowInput,
  type AnnualOutcome,
  type QuarterSummary,
} from '../../../shared/domain';

const row = (over: Partial<AnnualDecisionRowInput> = {}): AnnualDecisionRowInput => ({
  name: '张三',
  eligible: true,
  reasons: [],
  participation: { kind: 'graded' },
  standing: 'within',
  ...over,
});
const body = (outcome: AnnualOutcome, committeeOpinion = '') => ({ outcome, committeeOpinion });
const excellent: AnnualOutcome = { kind: 'graded', grade: 'excellent' };
const quota = (given: number, q: number) => ({ excellentGivenInGroup: given, quota: q });

describe('decisionProblems: a decision against the annual linkage', () => {
  it('an eligible person within the quota may be 优秀; 称职 needs nothing', () => {
    expect(decisionProblems(body(excellent), row(), quota(0, 1))).toEqual([]);
    expect(decisionProblems(body({ kind: 'graded', grade: 'competent' }), row({ eligible: false, standing: null }), quota(5, 0))).toEqual([]);
  });

  it('优秀 for someone the rules exclude quotes their reasons', () => {
    expect(
      decisionProblems(body(excellent), row({ eligible: false, reasons: ['第1季度评鉴为“较差”。', '属分值靠后'] }), quota(0, 2)),
    ).toEqual(['“张三”不能评为优秀:第1季度评鉴为“较差”;属分值靠后。平时考核结果不符合优秀条件的,年度考核不能评为优秀。']);
  });

  it('优秀 beyond the quota, and with a quota of 0', () => {
    expect(decisionProblems(body(excellent), row(), quota(2, 2))).toEqual([
      '本单位优秀名额为2名,已确定优秀2名,不能再评“张三”为优秀。',
    ]);
    expect(decisionProblems(body(excellent), row(), quota(0, 0))).toEqual(['本单位优秀名额为0名,不能评“张三”为优秀。']);
  });

  it('a tie at the quota edge settled as 优秀 needs the committee’s opinion', () => {
    expect(decisionProblems(body(excellent), row({ standing: 'tie' }), quota(0, 1))).toEqual([
      '“张三”与他人并列于优秀名额的边缘,评为优秀须填写机关负责人或考核委员会意见。',
    ]);
    expect(decisionProblems(body(excellent, '经考核委员会研究,确定张三为优秀'), row({ standing: 'tie' }), quota(0, 1))).toEqual([]);
  });

  it('no 等次 for someone in 试用期 or not taking part', () => {
    expect(
      decisionProblems(body({ kind: 'graded', grade: 'competent' }), row({ participation: { kind: 'ungraded', reason: '新录用人员试用期内' } }), quota(0, 1)),
    ).toEqual(['“张三”本年度只写评语、不定等次(新录用人员试用期内),不能确定为“称职”;请改为“不定等次”并写明原因。']);
    expect(
      decisionProblems(body(excellent), row({ participation: { kind: 'notParticipating', reason: '2026年3月调出' } }), quota(0, 1)),
    ).toEqual(['“张三”本年度不参加年度考核(2026年3月调出),不能确定等次;请改为“不参加”并写明原因。']);
  });

  it('counts the 优秀 already given in the group, the person’s own left out', () => {
    const d = (personId: string, outcome: AnnualOutcome) => ({ personId, outcome });
    const decisions = [d('A', excellent), d('B', excellent), d('C', { kind: 'graded', grade: 'competent' }), d('X', excellent)];
    expect(excellentGivenAmong(decisions, ['A', 'B', 'C'], 'C')).toBe(2);
    expect(excellentGivenAmong(decisions, ['A', 'B', 'C'], 'A')).toBe(1);
  });

  it('不定等次 and 不参加 must say why', () => {
    expect(decisionProblems(body({ kind: 'ungraded', reason: ' ' }), row(), quota(0, 1))).toEqual([
      '“张三”不定等次,请写明原因(如新录用人员试用期内、病假事假超过规定期限)。',
    ]);
    expect(decisionProblems(body({ kind: 'notParticipating', reason: '' }), row(), quota(0, 1))).toEqual([
      '“张三”不参加年度考核,请写明原因。',
    ]);
    expect(decisionProblems(body({ kind: 'ungraded', reason: '试用期' }), row(), quota(0, 1))).toEqual([]);
  });
});

describe('the body schemas', () => {
  it('clean the text and refuse what is too long or missing, in Chinese', () => {
    expect(annualSummaryBodySchema.parse({ year: 2026, text: 'a\u200Bb\r\nc', submittedOn: '2026-12-20' }).text).toBe('ab\nc');
    const long = annualSummaryBodySchema.safeParse({ year: 2026, text: '字'.repeat(3001), submittedOn: '2026-12-20' });
    expect(long.success ? '' : long.error.issues[0]!.message).toBe('年度个人总结不能超过3000个字');
    const noReason = annualDecisionBodySchema.safeParse({
      year: 2026,
      outcome: { kind: 'notParticipating', reason: '' },
      committeeOpinion: '',
      opinionDueOn: '2027-01-10',
      decidedOn: '2026-12-28',
      hrId: 'H',
      hrName: '人事科',
    });
    expect(noReason.success ? '' : noReason.error.issues[0]!.message).toBe('请写明不参加年度考核的原因');
    const noWords = annualOpinionBodySchema.safeParse({ year: 2026, decisionFactId: 'a'.repeat(64), agree: false, text: '', signedOn: '2027-01-02' });
    expect(noWords.success ? '' : noWords.error.issues[0]!.message).toBe('有异议时请写明异议的内容和理由');
    const noComment = annualCommentBodySchema.safeParse({
      year: 2026, supervisorId: 'S1', supervisorName: '王主任', comment: ' ', suggestion: 'ungraded', signedOn: '2026-12-20',
    });
    expect(noComment.success ? '' : noComment.error.issues[0]!.message).toBe('请填写评语');
  });

  it('the summary must be long enough; the deadline is said in words', () => {
    expect(annualSummaryIssues('')[0]!.message).toBe('年度个人总结未填写');
    expect(annualSummaryIssues('太短')[0]!.message).toBe('年度个人总结内容过短,请至少填写20个字');
    expect(opinionLateProblem('2027-01-10', '2027-01-10')).toBeNull();
    expect(opinionLateProblem('2027-01-10', '2027-01-11')).toContain('2027年1月10日前');
  });

  it('a 复核 request is 有异议 on the version in force only', () => {
    const opinion = { id: 'o', personId: 'P', year: 2026, decisionFactId: 'f1', agree: false, text: '异议', signedOn: '2027-01-02', signedAt: '2027-01-02T00:00:00.000Z' };
    expect(asksReview({ factId: 'f1', opinion })).toBe(true);
    expect(asksReview({ factId: 'f2', opinion })).toBe(false);
    expect(asksReview({ factId: 'f1', opinion: { ...opinion, agree: true } })).toBe(false);
  });
});

describe('the first draft of the 年度个人总结', () => {
  it('reads the plan and the submitted quarterly summaries’ highlights', () => {
    const q = (quarter: 1 | 2 | 3 | 4, done: string[], percent: number): QuarterSummary => ({
      id: `s${quarter}`, personId: 'P', year: 2026, quarter, state: 'submitted', text: 'x', version: 1, updatedAt: '2026-04-01T00:00:00.000Z',
      highlights: {
        completedItems: done.map((content) => ({ content, month: quarter * 3 })),
        planProgress: [{ planItemId: 'p1', task: '起草年度工作要点', percent }],
        attendance: { due: 60, present: 59, personalLeave: 1, sickLeave: 0, annualLeave: 0, businessTrip: 0, absent: 0 },
        errors: [],
        monthsMissing: [],
      },
    });
    const text = annualSummaryDraftText(
      2026,
      { year: 2026, items: [{ id: 'p1', task: '起草年度工作要点', target: '', deadline: '2026-03-31', duty: '' }] },
      [q(2, ['完成半年总结'], 80), q(1, ['印发工作要点'], 50), { ...q(3, ['不算'], 90), state: 'editing' }],
    );
    expect(text).toContain('2026年度个人工作计划共1项:“起草年度工作要点”完成80%。');
    expect(text).toContain('全年完成主要工作2项:印发工作要点;完成半年总结。');
    expect(text).toContain('已提交季度小结的2个季度应出勤120天,实出勤118天,请假2天;无差错登记。');
    expect(text).toContain('(第3、4季度小结尚未提交,以上情况未含该季度。)');
  });
});
