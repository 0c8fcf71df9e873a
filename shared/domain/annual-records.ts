/**
 * The four signed records of the 年度考核 (公务员考核规定 第四章): the official's 年度个人总结 (述职),
 * the 主管领导's 评语和考核等次建议, the unit's decision — the 等次, or 不定等次 / 不参加 with the
 * reason, with the 机关负责人或考核委员会意见 — and the official's 本人意见 on it (同意, or 有异议 in
 * their own words, which HR reads as a 复核 request).
 *
 * The `*BodySchema`s are the shapes the issue fixes; the `*RecordSchema`s add what the store signs with
 * them (the record's id, subject and version, the signing instant) and are what a fact carries.
 * `decisionProblems` is the check of a decision against the annual linkage (who may be 优秀, the quota,
 * ties), in sentences for HR. Pure.
 */
import { z } from 'zod';
import type { ValidationIssue } from '../errors/errors';
import { isoDateSchema, type IsoDate } from './dates';
import { entityIdSchema } from './org';
import { timestampSchema, versionNumberSchema, yearSchema, type AnnualPlan } from './plan';
import { formatDays, sumAttendance } from './record-book';
import type { QuarterSummary } from './summary';
import { charCount, lineField, textField } from './text';
import { ANNUAL_GRADES, annualGradeLabels, annualGradeSchema, type AnnualGrade } from './vocabulary';

// ---- Limits ----

export const ANNUAL_SUMMARY_MAX = 3000;
export const ANNUAL_SUMMARY_MIN = 20;
const COMMENT_MAX = 1000;
const COMMITTEE_MAX = 1000;
const REASON_MAX = 300;
const TIE_NOTE_MAX = 300;
const OPINION_MAX = 1000;

/** A reason a decision or an objection must give: cleaned, not blank. */
function requiredText(what: string, max: number, empty: string) {
  return textField(what, max).refine((s) => s.trim() !== '', { error: empty });
}

// ---- 年度个人总结 ----

const annualSummaryShape = {
  year: yearSchema,
  /** 个人总结 (述职), as the 登记表 prints it. */
  text: textField('年度个人总结', ANNUAL_SUMMARY_MAX),
  submittedOn: isoDateSchema,
};
export const annualSummaryBodySchema = z.object(annualSummaryShape);
export type AnnualSummaryBody = z.output<typeof annualSummaryBodySchema>;

/** One submitted version of the 年度个人总结, as its fact carries it (resubmitting makes the next). */
export const annualSummaryRecordSchema = z.object({
  ...annualSummaryShape,
  id: entityIdSchema,
  personId: entityIdSchema,
  version: versionNumberSchema.min(1),
  submittedAt: timestampSchema,
});
export type AnnualSummaryRecord = z.output<typeof annualSummaryRecordSchema>;

export const ANNUAL_SUMMARY_STATES = ['editing', 'submitted'] as const;
export type AnnualSummaryState = (typeof ANNUAL_SUMMARY_STATES)[number];
export const annualSummaryStateLabels: Readonly<Record<AnnualSummaryState, string>> = {
  editing: '填写中',
  submitted: '已提交',
};

/**
 * The working row of a person's 年度个人总结 (table annualSummaries): on the official's own device the
 * draft being typed; elsewhere the submitted version in force. `version` is the last submitted one (0:
 * never submitted); while a resubmission is being typed, `state` is 'editing' and `version` stays.
 */
export const annualSummaryRowSchema = z.object({
  id: entityIdSchema,
  personId: entityIdSchema,
  year: yearSchema,
  state: z.enum(ANNUAL_SUMMARY_STATES),
  text: textField('年度个人总结', ANNUAL_SUMMARY_MAX),
  version: versionNumberSchema,
  updatedAt: timestampSchema,
  /** The last submitted version's id, day and instant (absent before the first submission). */
  versionId: entityIdSchema.optional(),
  submittedOn: isoDateSchema.optional(),
  submittedAt: timestampSchema.optional(),
});
export type AnnualSummaryRow = z.output<typeof annualSummaryRowSchema>;

/** The working row's id: one per person and year, the same on every device. */
export const annualSummaryRowId = (personId: string, year: number) => `${personId}-${year}`;

/** What keeps the text from being submitted (length counts characters, a Chinese one is one). */
export function annualSummaryIssues(text: string): ValidationIssue[] {
  const n = charCount(text.trim());
  if (n === 0) return [{ path: 'text', message: '年度个人总结未填写' }];
  if (n < ANNUAL_SUMMARY_MIN)
    return [{ path: 'text', message: `年度个人总结内容过短,请至少填写${ANNUAL_SUMMARY_MIN}个字` }];
  if (n > ANNUAL_SUMMARY_MAX)
    return [{ path: 'text', message: `年度个人总结不能超过${ANNUAL_SUMMARY_MAX}个字,现有${n}个字` }];
  return [];
}

/**
 * A first draft of the 年度个人总结 from the year's highlights: the plan's tasks with the progress the
 * latest submitted quarterly summary froze, the work each quarterly summary listed as completed, and
 * the year's attendance and 差错 summed over those summaries. The official rewrites it in their words.
 */
export function annualSummaryDraftText(
  year: number,
  plan: Pick<AnnualPlan, 'year' | 'items'> | undefined,
  summaries: readonly Pick<QuarterSummary, 'year' | 'quarter' | 'state' | 'highlights'>[],
): string {
  const submitted = summaries
    .filter((s) => s.year === year && s.state === 'submitted')
    .sort((a, b) => a.quarter - b.quarter);
  const parts: string[] = [];
  const latest = submitted[submitted.length - 1];
  const progress = new Map((latest?.highlights.planProgress ?? []).map((p) => [p.planItemId, p.percent]));
  const items = plan && plan.year === year ? plan.items : [];
  if (items.length > 0) {
    parts.push(
      `${year}年度个人工作计划共${items.length}项:` +
        items
          .map((i) => {
            const p = progress.get(i.id);
            return p === undefined ? `“${i.task.trim()}”` : `“${i.task.trim()}”完成${p}%`;
          })
          .join(',') +
        '。',
    );
  }
  const done = submitted.flatMap((s) => s.highlights.completedItems.map((c) => c.content.trim())).filter((c) => c);
  parts.push(done.length > 0 ? `全年完成主要工作${done.length}项:${done.join(';')}。` : '');
  if (submitted.length > 0) {
    const a = sumAttendance(submitted.map((s) => s.highlights.attendance));
    const errors = submitted.reduce((n, s) => n + s.highlights.errors.length, 0);
    const leave = a.personalLeave + a.sickLeave + a.annualLeave;
    parts.push(
      `已提交季度小结的${submitted.length}个季度应出勤${formatDays(a.due)}天,实出勤${formatDays(a.present)}天` +
        (leave > 0 ? `,请假${formatDays(leave)}天` : ',无请假') +
        (errors > 0 ? `;差错登记${errors}次。` : ';无差错登记。'),
    );
  }
  const missing = [1, 2, 3, 4].filter((q) => !submitted.some((s) => s.quarter === q));
  if (missing.length > 0 && missing.length < 4) {
    parts.push(`(第${missing.join('、')}季度小结尚未提交,以上情况未含该季度。)`);
  }
  parts.push('\n\n一、思想政治表现:\n\n二、履职尽责和工作实绩:\n\n三、存在的不足和改进方向:\n');
  return parts.filter((p) => p !== '').join('');
}

// ---- 主管领导评语和考核等次建议 ----

export const annualSuggestionSchema = z.enum([...ANNUAL_GRADES, 'ungraded'], {
  error: '请选择考核等次建议',
});
export type AnnualSuggestion = z.output<typeof annualSuggestionSchema>;
export const annualSuggestionLabels: Readonly<Record<AnnualSuggestion, string>> = {
  ...annualGradeLabels,
  ungraded: '不定等次',
};

const annualCommentShape = {
  year: yearSchema,
  supervisorId: entityIdSchema,
  supervisorName: lineField('主管领导姓名', 40),
  /** 评语 */
  comment: requiredText('评语', COMMENT_MAX, '请填写评语'),
  /** 考核等次建议 */
  suggestion: annualSuggestionSchema,
  signedOn: isoDateSchema,
};
export const annualCommentBodySchema = z.object(annualCommentShape);
export type AnnualCommentBody = z.output<typeof annualCommentBodySchema>;

/** A signed 评语和考核等次建议 (a later version replaces an earlier one). */
export const annualCommentRecordSchema = z.object({
  ...annualCommentShape,
  id: entityIdSchema,
  personId: entityIdSchema,
  version: versionNumberSchema.min(1),
  signedAt: timestampSchema,
});
export type AnnualCommentRecord = z.output<typeof annualCommentRecordSchema>;
/** The row of table annualComments: the version in force of a person's year, and the fact that signs it. */
export type AnnualCommentRow = AnnualCommentRecord & { factId: string };

// ---- 年度考核结果 ----

export const annualOutcomeSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('graded'), grade: annualGradeSchema }),
    z.object({
      kind: z.literal('ungraded'),
      reason: requiredText('不定等次的原因', REASON_MAX, '请写明不定等次的原因'),
    }),
    z.object({
      kind: z.literal('notParticipating'),
      reason: requiredText('不参加考核的原因', REASON_MAX, '请写明不参加年度考核的原因'),
    }),
  ],
  { error: '请选择考核结果' },
);
export type AnnualOutcome = z.output<typeof annualOutcomeSchema>;

const annualDecisionShape = {
  year: yearSchema,
  outcome: annualOutcomeSchema,
  /** 机关负责人或考核委员会意见: required for a tie at the quota's edge (decisionProblems). */
  committeeOpinion: textField('机关负责人或考核委员会意见', COMMITTEE_MAX),
  tieNote: textField('并列情况说明', TIE_NOTE_MAX).optional(),
  /** The last day the official may sign 本人意见. */
  opinionDueOn: isoDateSchema,
  decidedOn: isoDateSchema,
  hrId: entityIdSchema,
  hrName: lineField('经办人姓名', 40),
};
export const annualDecisionBodySchema = z.object(annualDecisionShape);
export type AnnualDecisionBody = z.output<typeof annualDecisionBodySchema>;

/** A signed decision (a correction is the next version, in force from then on). */
export const annualDecisionRecordSchema = z.object({
  ...annualDecisionShape,
  id: entityIdSchema,
  personId: entityIdSchema,
  version: versionNumberSchema.min(1),
  decidedAt: timestampSchema,
});
export type AnnualDecisionRecord = z.output<typeof annualDecisionRecordSchema>;

/** '优秀', '不定等次', '不参加年度考核'. */
export function annualOutcomeLabel(outcome: AnnualOutcome): string {
  switch (outcome.kind) {
    case 'graded':
      return annualGradeLabels[outcome.grade];
    case 'ungraded':
      return '不定等次';
    case 'notParticipating':
      return '不参加年度考核';
  }
}

// ---- 本人意见 ----

const annualOpinionShape = {
  year: yearSchema,
  /** The decision version answered (its fact id). */
  decisionFactId: z.string().regex(/^[0-9a-f]{64}$/, { error: '所答复的考核结果编号不正确' }),
  agree: z.boolean({ error: '请选择同意或有异议' }),
  /** Required when the official disagrees: the 复核 request in their words. */
  text: textField('本人意见', OPINION_MAX),
  signedOn: isoDateSchema,
};
const objectionNeedsWords = (o: { agree: boolean; text: string }) => o.agree || o.text.trim() !== '';
const objectionWords = { error: '有异议时请写明异议的内容和理由', path: ['text'] };
export const annualOpinionBodySchema = z.object(annualOpinionShape).refine(objectionNeedsWords, objectionWords);
export type AnnualOpinionBody = z.output<typeof annualOpinionBodySchema>;

export const annualOpinionRecordSchema = z
  .object({
    ...annualOpinionShape,
    id: entityIdSchema,
    personId: entityIdSchema,
    signedAt: timestampSchema,
  })
  .refine(objectionNeedsWords, objectionWords);
export type AnnualOpinionRecord = z.output<typeof annualOpinionRecordSchema>;

/**
 * The row of table annualDecisions: the decision version in force, the fact that signs it (what
 * an opinion names), and the official's latest 本人意见 — which may answer an earlier version.
 */
export type AnnualDecisionRow = AnnualDecisionRecord & { factId: string; opinion?: AnnualOpinionRecord };

/** Whether the opinion on the row answers the version in force (not one a correction replaced). */
export function opinionOnCurrent(row: Pick<AnnualDecisionRow, 'factId' | 'opinion'>): boolean {
  return row.opinion !== undefined && row.opinion.decisionFactId === row.factId;
}

/** A 复核 request: 有异议 on the decision in force. */
export function asksReview(row: Pick<AnnualDecisionRow, 'factId' | 'opinion'>): boolean {
  return opinionOnCurrent(row) && row.opinion?.agree === false;
}

/** Why 本人意见 cannot be signed on `today` (the unit's deadline has passed), or null. */
export function opinionLateProblem(dueOn: IsoDate, today: IsoDate): string | null {
  if (today <= dueOn) return null;
  const [y, m, d] = dueOn.split('-').map(Number);
  return `本人意见应于${y}年${m}月${d}日前签署,已过期限,不能再签署。如有异议,请直接与人事部门联系。`;
}

// ---- The decision against the linkage ----

export type DecisionParticipation =
  | { kind: 'graded' }
  | { kind: 'ungraded'; reason: string }
  | { kind: 'notParticipating'; reason: string };

/** What `decisionProblems` reads of the annual linkage's row of the person. */
export type AnnualDecisionRowInput = {
  name: string;
  /** May be an 优秀 candidate. */
  eligible: boolean;
  /** Why not, when not eligible. */
  reasons: readonly string[];
  participation: DecisionParticipation;
  standing: 'within' | 'tie' | 'outside' | null;
};

export type AnnualDecisionContext = {
  /** 优秀 already decided for OTHER people of the quota's group (this person's own earlier decision not counted). */
  excellentGivenInGroup: number;
  quota: number;
};

/**
 * How many of the quota's group (`groupIds`) already hold an 优秀 decision in force, this person's own
 * left out (a correction of their decision does not count against itself): `excellentGivenInGroup`.
 */
export function excellentGivenAmong(
  decisions: readonly Pick<AnnualDecisionRecord, 'personId' | 'outcome'>[],
  groupIds: Iterable<string>,
  personId: string,
): number {
  const group = new Set(groupIds);
  return decisions.filter(
    (d) => d.personId !== personId && group.has(d.personId) && d.outcome.kind === 'graded' && d.outcome.grade === 'excellent',
  ).length;
}

const reasonOf = (o: AnnualOutcome) => (o.kind === 'graded' ? '' : o.reason);

/**
 * Why this decision cannot be signed, in sentences for HR (empty: it can). The rules: 优秀 only for
 * someone the rules allow (their reasons quoted), and within the quota; a tie at the quota's edge
 * settled as 优秀 needs the 机关负责人或考核委员会意见; a person who takes part without a 等次 (试用期 …)
 * or does not take part gets no 等次; 不定等次 and 不参加 say why.
 */
export function decisionProblems(
  body: Pick<AnnualDecisionBody, 'outcome' | 'committeeOpinion'>,
  row: AnnualDecisionRowInput,
  context: AnnualDecisionContext,
): string[] {
  const out: string[] = [];
  const who = `“${row.name}”`;
  const { outcome } = body;
  if (outcome.kind !== 'graded') {
    if (reasonOf(outcome).trim() === '') {
      out.push(
        outcome.kind === 'ungraded'
          ? `${who}不定等次,请写明原因(如新录用人员试用期内、病假事假超过规定期限)。`
          : `${who}不参加年度考核,请写明原因。`,
      );
    }
    return out;
  }
  const grade: AnnualGrade = outcome.grade;
  if (row.participation.kind !== 'graded') {
    const why = row.participation.reason.trim();
    out.push(
      row.participation.kind === 'ungraded'
        ? `${who}本年度只写评语、不定等次${why ? `(${why})` : ''},不能确定为“${annualGradeLabels[grade]}”;请改为“不定等次”并写明原因。`
        : `${who}本年度不参加年度考核${why ? `(${why})` : ''},不能确定等次;请改为“不参加”并写明原因。`,
    );
    return out;
  }
  if (grade !== 'excellent') return out;
  if (!row.eligible) {
    const reasons = row.reasons.map((r) => r.trim().replace(/[。;;]+$/, '')).filter((r) => r);
    out.push(
      `${who}不能评为优秀${reasons.length > 0 ? `:${reasons.join(';')}` : ''}。平时考核结果不符合优秀条件的,年度考核不能评为优秀。`,
    );
  }
  if (context.excellentGivenInGroup + 1 > context.quota) {
    out.push(
      context.quota === 0
        ? `本单位优秀名额为0名,不能评${who}为优秀。`
        : `本单位优秀名额为${context.quota}名,已确定优秀${context.excellentGivenInGroup}名,不能再评${who}为优秀。`,
    );
  }
  if (row.standing === 'tie' && body.committeeOpinion.trim() === '') {
    out.push(`${who}与他人并列于优秀名额的边缘,评为优秀须填写机关负责人或考核委员会意见。`);
  }
  return out;
}
