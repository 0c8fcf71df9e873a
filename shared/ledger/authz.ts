/**
 * Who may write what, and who may see what — always decided from the roster.
 *
 * Writing (one writer per record): an official writes plans, record books, summaries and
 * acknowledgements only about themselves; a supervisor's approvals, returns, evaluations and feedback
 * only about their direct reports (or former reports, for decisions made before a reassignment) and
 * their own quarterly register (whose subject is the supervisor, so HR covering them receives it); HR
 * writes filing receipts for the people it files for (and signs the roster, which is not a fact). A
 * fact type this version does not know is kept and relayed (P14) when its author is the subject, the
 * subject's supervisor or HR covering the subject.
 *
 * Seeing (scope): a person sees facts they wrote and facts about them; a supervisor also sees facts
 * about their direct reports; HR sees everything about the people of the units it files for (every
 * unit unless `hrUnitIds` narrows it; unit paths are delimiter-terminated, so unit '1' never covers
 * unit '10').
 */
import { splitRecordKey } from './facts';
import { findPerson, hrCovers, whoHoldsKey } from './roster';
import type { Fact, FactHead, Roster, RosterPerson } from './types';

export type WriterRule = 'self' | 'supervisor' | 'hr';
export type FactRule = { writer: WriterRule; /** first segment of the record key */ kind: string; label: string };

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
  register: { writer: 'self', kind: 'register', label: '平时考核备案登记表' },
};

export function factTypeLabel(type: string): string {
  return FACT_RULES[type]?.label ?? `其他记录(${type})`;
}

function maySuperviseFor(author: RosterPerson, subject: RosterPerson): boolean {
  return (
    author.roles.includes('supervisor') &&
    (subject.supervisorId === author.id || subject.formerSupervisorIds.includes(author.id))
  );
}

function writerAllowed(rule: WriterRule, roster: Roster, author: RosterPerson, subject: RosterPerson): boolean {
  switch (rule) {
    case 'self':
      return author.id === subject.id;
    case 'supervisor':
      return maySuperviseFor(author, subject);
    case 'hr':
      return hrCovers(roster, author, subject);
  }
}

/**
 * Why the fact's author may not have written it under this roster (a sentence for the clerk), or
 * null when they may: the key is listed for the author (a retired key only for facts up to its
 * cut-off), the record key names the subject and the type's kind, and the writer rule holds.
 */
export function authorProblem(roster: Roster, fact: FactHead): string | null {
  const holder = whoHoldsKey(roster, fact.authorKey);
  if (!holder) return '作者的签名密钥不在人员名册中';
  if (holder.person.id !== fact.author) return `签名密钥属于“${holder.person.name}”,与记录所写作者不符`;
  const { retired } = holder.key;
  if (retired?.through) {
    const last = retired.through[fact.device];
    if (last === undefined || fact.counter > last) {
      return `“${holder.person.name}”的旧密钥已于${retired.at.slice(0, 10)}停用,此记录写于停用之后`;
    }
  }
  const subject = findPerson(roster, fact.subject);
  if (!subject) return '记录所涉人员不在人员名册中';
  const key = splitRecordKey(fact.recordKey);
  const rule = FACT_RULES[fact.type];
  if (key.subject !== fact.subject || (rule && key.kind !== rule.kind)) return '记录标识与记录内容不符';
  const author = holder.person;
  const allowed = rule
    ? writerAllowed(rule.writer, roster, author, subject)
    : (['self', 'supervisor', 'hr'] as const).some((w) => writerAllowed(w, roster, author, subject));
  if (allowed) return null;
  switch (rule?.writer) {
    case 'self':
      return `“${author.name}”不能代“${subject.name}”填写${rule.label}`;
    case 'supervisor':
      return `“${author.name}”不是“${subject.name}”的主管领导,不能作出${rule.label}`;
    case 'hr':
      return `“${author.name}”不是负责“${subject.name}”的人事部门,不能出具${rule.label}`;
    default:
      return `“${author.name}”无权写入关于“${subject.name}”的记录`;
  }
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
