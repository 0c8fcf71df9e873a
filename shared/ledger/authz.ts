/**
 * Who may write what, and who may see what — always decided from the roster.
 *
 * Writing (one writer per record), always for the period the record is about (its record key's
 * year, quarter or month — roster-periods.ts): an official writes plans, record books, summaries and
 * acknowledgements only about themselves and only for periods they were in the unit; a supervisor's
 * approvals, returns, evaluations and feedback only about people they supervised in that period,
 * and their own quarterly register (whose subject is the supervisor, so HR covering them receives
 * it) only for a quarter they held the role, listing only people they supervised in it; HR writes
 * filing receipts and refusals (不予备案) for the people it files for (and signs the roster, which is not a fact). A
 * fact type this version does not know is kept and relayed (P14) when its author is the subject, the
 * subject's supervisor or HR covering the subject.
 *
 * Seeing (scope): a person sees facts they wrote and facts about them; a supervisor also sees facts
 * about their direct reports; HR sees everything about the people of the units it files for (every
 * unit unless `hrUnitIds` narrows it; unit paths are delimiter-terminated, so unit '1' never covers
 * unit '10').
 */
import { chineseDay, dayAfter, firstDay, leftOn, rangeOfPeriodKey, type DateRange } from '../domain/periods';
import { splitRecordKey } from './facts';
import { findPerson, hrCovers, whoHoldsKey } from './roster';
import {
  heldRoleDuring,
  hrCoversDuring,
  leftWords,
  memberDuring,
  periodsOf,
  supervisedDuring,
  supervisionEndedBefore,
} from './roster-periods';
import type { Fact, FactHead, Roster, RosterPerson } from './types';

export type WriterRule = 'self' | 'supervisor' | 'hr';
export type FactRule = {
  writer: WriterRule;
  /** first segment of the record key */ kind: string;
  label: string;
};

/** The fact types this version knows. Ids are stored in bundles: add, never rename. */
export const FACT_RULES: Readonly<Record<string, FactRule>> = {
  'plan.version': { writer: 'self', kind: 'plan', label: '个人年度工作计划' },
  'record.version': { writer: 'self', kind: 'record', label: '平时考核记实簿' },
  'summary.version': { writer: 'self', kind: 'summary', label: '季度个人工作小结' },
  'feedback.ack': { writer: 'self', kind: 'feedback', label: '评鉴结果反馈确认' },
  'plan.approval': { writer: 'supervisor', kind: 'plan-decision', label: '计划核准' },
  'plan.return': { writer: 'supervisor', kind: 'plan-decision', label: '计划退回' },
  'record.return': { writer: 'supervisor', kind: 'record-decision', label: '记实簿退回' },
  evaluation: { writer: 'supervisor', kind: 'evaluation', label: '领导评鉴' },
  feedback: { writer: 'supervisor', kind: 'feedback', label: '评鉴结果反馈' },
  'filing.receipt': { writer: 'hr', kind: 'filing', label: '备案回执' },
  /** HR's 不予备案 of one version of a plan or a register (domain/filing-refusal.ts). */
  'filing.refusal': { writer: 'hr', kind: 'filing-refusal', label: '不予备案(退回)' },
  register: { writer: 'self', kind: 'register', label: '平时考核备案登记表' },
  'annual.summary': { writer: 'self', kind: 'annual-summary', label: '年度个人总结' },
  'annual.comment': { writer: 'supervisor', kind: 'annual-comment', label: '主管领导评语和考核等次建议' },
  'annual.decision': { writer: 'hr', kind: 'annual-decision', label: '年度考核结果' },
  /** The official's 本人意见 shares the decision's record, as an acknowledgement shares its feedback's. */
  'annual.opinion': { writer: 'self', kind: 'annual-decision', label: '本人意见' },
};

export function factTypeLabel(type: string): string {
  return FACT_RULES[type]?.label ?? `其他记录(${type})`;
}

/** The days a fact is about: the period in its record key, else the body's year and quarter or month. */
export function factRange(fact: Pick<FactHead, 'recordKey'>, body?: unknown): DateRange | null {
  const { rest } = splitRecordKey(fact.recordKey);
  const key = rest.replace(/^(plan|register)-/, '');
  const fromKey = rangeOfPeriodKey(key);
  if (fromKey) return fromKey;
  if (body && typeof body === 'object') {
    const b = body as { year?: unknown; quarter?: unknown; month?: unknown };
    if (typeof b.year === 'number' && Number.isInteger(b.year) && b.year >= 1 && b.year <= 9999) {
      const y = String(b.year).padStart(4, '0');
      if (typeof b.quarter === 'number') return rangeOfPeriodKey(`${y}-Q${b.quarter}`);
      if (typeof b.month === 'number') return rangeOfPeriodKey(`${y}-${String(b.month).padStart(2, '0')}`);
      return rangeOfPeriodKey(y);
    }
  }
  return null;
}

/** Every day: what a fact whose period cannot be read is checked against (any period may allow it). */
const ALWAYS: DateRange = { from: '0000-01-01', to: '9999-12-31' };

function rangeWords(range: DateRange): string {
  if (range === ALWAYS) return '';
  const [fy, fm] = range.from.split('-').map(Number) as [number, number];
  const [ty, tm] = range.to.split('-').map(Number) as [number, number];
  if (fy === ty && fm === 1 && tm === 12) return `${fy}年度`;
  if (fy === ty && fm === tm) return `${fy}年${fm}月`;
  if (fy === ty && tm - fm === 2 && fm % 3 === 1) return `${fy}年第${tm / 3}季度`;
  return `${chineseDay(range.from)}至${chineseDay(range.to)}`;
}

function writerAllowed(
  rule: FactRule | undefined,
  writer: WriterRule,
  roster: Roster,
  author: RosterPerson,
  subject: RosterPerson,
  range: DateRange,
): boolean {
  switch (writer) {
    case 'self':
      return (
        author.id === subject.id &&
        // A register's subject is the supervisor who signs it: they held the role in its quarter.
        (rule?.kind !== 'register' || heldRoleDuring(roster, author, 'supervisor', range))
      );
    case 'supervisor':
      return supervisedDuring(roster, author.id, subject.id, range);
    case 'hr':
      return hrCoversDuring(roster, author, subject, range);
  }
}

/**
 * Why the fact's author may not have written it under this roster (a sentence for the clerk), or
 * null when they may: the key is listed for the author (a retired key only for facts up to its
 * cut-off), the record key names the subject and the type's kind, the subject was in the unit in
 * the period the record is about, and the writer rule held in that period (domain/periods.ts: a
 * former supervisor decides only about periods they supervised, HR files only while or after
 * holding the role). `body`, when given, supplies the period of records whose key has none
 * (feedback); without it such a record is checked against every period.
 */
export function authorProblem(roster: Roster, fact: FactHead, body?: unknown): string | null {
  const holder = whoHoldsKey(roster, fact.authorKey);
  if (!holder) return '作者的签名密钥不在人员名册中';
  if (holder.person.id !== fact.author) return `签名密钥属于“${holder.person.name}”,与记录所写作者不符`;
  const { retired } = holder.key;
  if (retired?.through) {
    const last = retired.through[fact.device];
    if (last === undefined || fact.counter > last) {
      const left = leftWords(roster, holder.person);
      if (left) return `“${holder.person.name}”${left},其密钥已停用,此后签署的记录不予接受`;
      return `“${holder.person.name}”的旧密钥已于${retired.at.slice(0, 10)}停用,此记录写于停用之后`;
    }
  }
  const subject = findPerson(roster, fact.subject);
  if (!subject) return '记录所涉人员不在人员名册中';
  const key = splitRecordKey(fact.recordKey);
  const rule = FACT_RULES[fact.type];
  if (key.subject !== fact.subject || (rule && key.kind !== rule.kind)) return '记录标识与记录内容不符';
  const author = holder.person;
  const range = factRange(fact, body) ?? ALWAYS;
  const when = rangeWords(range);
  const what = rule?.label ?? '记录';
  if (!memberDuring(roster, subject, range)) {
    const periods = periodsOf(roster, subject);
    const gone = leftOn(periods);
    const first = firstDay(periods);
    const why =
      gone !== null && gone <= range.from
        ? `自${chineseDay(gone)}起已离职(调出)`
        : first
          ? `自${chineseDay(first)}起才入职(调入)`
          : '不在本单位';
    return `“${subject.name}”${why},不能有${when}的${what}`;
  }
  const allowed = rule
    ? writerAllowed(rule, rule.writer, roster, author, subject, range)
    : (['self', 'supervisor', 'hr'] as const).some((w) =>
        writerAllowed(undefined, w, roster, author, subject, range),
      );
  if (allowed) return null;
  switch (rule?.writer) {
    case 'self':
      if (author.id === subject.id) return `“${author.name}”${when}不是主管领导,不能填报${what}`;
      return `“${author.name}”不能代“${subject.name}”填写${what}`;
    case 'supervisor': {
      const { ended, began } = supervisionEndedBefore(roster, author.id, subject.id, range);
      if (ended) {
        return `“${author.name}”自${chineseDay(dayAfter(ended))}起不再是“${subject.name}”的主管领导,不能作出${when}的${what}`;
      }
      if (began) {
        return `“${author.name}”自${chineseDay(began)}起才是“${subject.name}”的主管领导,不能作出${when}的${what}`;
      }
      return `“${author.name}”${when}不是“${subject.name}”的主管领导,不能作出${what}`;
    }
    case 'hr':
      return `“${author.name}”不是负责“${subject.name}”${when}考核材料的人事部门,不能出具${what}`;
    default:
      return `“${author.name}”无权写入关于“${subject.name}”的记录`;
  }
}

/** The fields of a record's body that name its signer: an id that must be the author's, names that must be theirs. */
const SIGNER_FIELDS: Readonly<Record<string, { id?: string; names: string[] }>> = {
  evaluation: { id: 'evaluator', names: ['evaluatorName'] },
  register: { id: 'supervisorId', names: ['supervisorName'] },
  feedback: { names: ['by'] },
  'plan.approval': { names: ['by'] },
  'plan.return': { names: ['by'] },
  'record.return': { names: ['by'] },
  'filing.receipt': { names: ['clerk'] },
  'filing.refusal': { names: ['clerk'] },
  'annual.comment': { id: 'supervisorId', names: ['supervisorName'] },
  'annual.decision': { id: 'hrId', names: ['hrName'] },
};

/** Whether `name` is the person's, now or before a change of name. */
function isNameOf(person: RosterPerson, name: unknown): boolean {
  return name === person.name || (typeof name === 'string' && !!person.profile?.formerNames?.includes(name));
}

/**
 * Why a record's body disagrees with its signer under this roster, or null: the author's check
 * again with the period the body names (feedback), the evaluator, supervisor, feedback author or
 * filing clerk it names is the signer, and a register lists only people the signer supervised in
 * its quarter, under their own names.
 */
export function bodyProblem(roster: Roster, fact: FactHead, body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const { kind } = splitRecordKey(fact.recordKey);
  if (kind === 'feedback') {
    const problem = authorProblem(roster, fact, body);
    if (problem) return problem;
  }
  const author = findPerson(roster, fact.author);
  const fields = SIGNER_FIELDS[fact.type];
  if (!author || !fields) return null;
  const b = body as Record<string, unknown>;
  const label = FACT_RULES[fact.type]?.label ?? '记录';
  if (fields.id && b[fields.id] !== author.id) {
    const named =
      typeof b[fields.id] === 'string' ? findPerson(roster, b[fields.id] as string)?.name : undefined;
    return `${label}写明的签署人${named ? `“${named}”` : ''}与签名人“${author.name}”不符`;
  }
  for (const f of fields.names) {
    if (!isNameOf(author, b[f])) {
      return `${label}写明的签署人“${String(b[f]).slice(0, 50)}”与签名人“${author.name}”不符`;
    }
  }
  if (fact.type === 'register' && Array.isArray(b.entries)) {
    const range = factRange(fact) ?? ALWAYS;
    for (const entry of b.entries as unknown[]) {
      const e = (entry ?? {}) as { personId?: unknown; name?: unknown };
      const listed = typeof e.personId === 'string' ? findPerson(roster, e.personId) : undefined;
      if (!listed) return '登记表所列人员不在人员名册中';
      if (!supervisedDuring(roster, author.id, listed.id, range)) {
        return `登记表所列“${listed.name}”${rangeWords(range)}不是“${author.name}”的下属人员,不能由其登记`;
      }
      if (!isNameOf(listed, e.name))
        return `登记表所列“${String(e.name).slice(0, 50)}”与人员名册中的姓名“${listed.name}”不符`;
    }
  }
  return null;
}

/** Whether `readerId` may see a fact about `subject` written by `author`. */
export function mayRead(roster: Roster, readerId: string, fact: Pick<Fact, 'subject' | 'author'>): boolean {
  if (fact.subject === readerId || fact.author === readerId) return true;
  const reader = findPerson(roster, readerId);
  const subject = findPerson(roster, fact.subject);
  if (!reader || !subject) return false;
  if (reader.roles.includes('supervisor') && subject.supervisorId === reader.id) return true;
  return hrCovers(roster, reader, subject);
}

/** The people whose facts a reader may see (themselves, direct reports, or HR's units), as ids. */
export function subjectsInScope(roster: Roster, readerId: string): Set<string> {
  return new Set(
    roster.people.filter((p) => mayRead(roster, readerId, { subject: p.id, author: '' })).map((p) => p.id),
  );
}
