/**
 * The 年度考核's store rows mapped to the Word and Excel forms' plain models (shared/documents/models.ts):
 * the 登记表 and the 结果通知 of a person, the 花名册 and the 统计表 of the 机关. HR's 年度考核结果 page
 * and the official's 年度考核 tab both print the 登记表 from here, so the two agree line for line.
 */
import type {
  AnnualPersonProfile,
  AnnualRegisterForm,
  AnnualResultNoticeForm,
  AnnualRosterEntry,
  AnnualRosterForm,
  AnnualStatisticsForm,
  FilingPreparer,
  PersonHeader,
} from '../../shared/documents/models';
import { annualStatisticsFromRoster } from '../../shared/documents/annual-roster';
import type { AnnualCommentRow, AnnualDecisionRow, AnnualSummaryRow } from '../../shared/domain';

/** The person's own details, from HR's people table or the roster's profile (both carry these names). */
export type ProfileSource = {
  gender?: 'male' | 'female' | undefined;
  birthMonth?: string | undefined;
  politicalStatus?: string | undefined;
  rankSince?: string | undefined;
  duties?: string | undefined;
};

export function annualProfile(header: PersonHeader, p: ProfileSource | undefined): AnnualPersonProfile {
  return {
    ...header,
    ...(p?.gender ? { gender: p.gender } : {}),
    ...(p?.birthMonth ? { birthMonth: p.birthMonth } : {}),
    ...(p?.politicalStatus ? { politicalStatus: p.politicalStatus } : {}),
    ...(p?.rankSince ? { rankSince: p.rankSince } : {}),
    ...(p?.duties ? { duties: p.duties } : {}),
  };
}

/** The text of a submitted 个人总结 (a reopened one being retyped is not the one in force: left out). */
export function submittedSummary(row: AnnualSummaryRow | undefined): AnnualRegisterForm['summary'] {
  if (!row || row.version < 1 || row.state !== 'submitted') return undefined;
  return { text: row.text, ...(row.submittedOn ? { submittedOn: row.submittedOn } : {}) };
}

type DecisionOf = Pick<
  AnnualDecisionRow,
  'factId' | 'outcome' | 'committeeOpinion' | 'tieNote' | 'opinionDueOn' | 'decidedOn'
>;
type OpinionOf = { decisionFactId: string; agree: boolean; text: string; signedOn: string };

export type AnnualRecordsOf = {
  summary?: AnnualSummaryRow | undefined;
  comment?: Pick<AnnualCommentRow, 'comment' | 'suggestion' | 'signedOn'> | undefined;
  decision?: DecisionOf | undefined;
  /** The person's latest 本人意见 (it may answer an earlier version of the decision). */
  opinion?: OpinionOf | undefined;
  /** 备注, e.g. a transfer during the year. */
  remark?: string | undefined;
};

/**
 * 公务员年度考核登记表: what is recorded so far; the boxes of what is not yet signed print empty. The
 * 本人意见 is printed only when it answers the decision in force (one on a corrected decision is not).
 */
export function registerForm(
  year: number,
  person: AnnualPersonProfile,
  r: AnnualRecordsOf,
): AnnualRegisterForm {
  const d = r.decision;
  const opinion = d && r.opinion?.decisionFactId === d.factId ? r.opinion : undefined;
  return {
    kind: 'annualRegister',
    year,
    person,
    summary: submittedSummary(r.summary),
    comment: r.comment
      ? { comment: r.comment.comment, suggestion: r.comment.suggestion, signedOn: r.comment.signedOn }
      : undefined,
    decision: d
      ? {
          outcome: d.outcome,
          committeeOpinion: d.committeeOpinion,
          tieNote: d.tieNote,
          opinionDueOn: d.opinionDueOn,
          decidedOn: d.decidedOn,
        }
      : undefined,
    opinion: opinion ? { agree: opinion.agree, text: opinion.text, signedOn: opinion.signedOn } : undefined,
    remark: r.remark,
  };
}

/** 年度考核结果通知 of a decided person: the result, the 本人意见 deadline and where a 复核 request goes. */
export function resultNoticeForm(
  year: number,
  person: PersonHeader,
  d: Pick<AnnualDecisionRow, 'outcome' | 'opinionDueOn' | 'decidedOn'>,
  from: { office: string; issuer: string },
): AnnualResultNoticeForm {
  return {
    kind: 'annualResultNotice',
    year,
    person,
    outcome: d.outcome,
    opinionDueOn: d.opinionDueOn,
    office: from.office,
    issuer: from.issuer,
    date: d.decidedOn,
  };
}

/** 花名册 (every decided person, in the order given) and the 统计表 counted from it. */
export function rosterForms(
  organisation: string,
  year: number,
  entries: AnnualRosterEntry[],
  prepared: FilingPreparer,
): { roster: AnnualRosterForm; statistics: AnnualStatisticsForm } {
  const roster: AnnualRosterForm = { kind: 'annualRoster', organisation, year, entries, prepared };
  return { roster, statistics: annualStatisticsFromRoster(roster) };
}

/**
 * 单位 as the 登记表 prints it: it stands alone in the personnel file, so the 机关 is named before the
 * 内设机构 ("某厅综合处"); a unit that already names it, or is the 机关 itself, prints as it is.
 */
export function registerUnit(organisation: string, unit: string): string {
  if (!organisation || !unit) return unit || organisation;
  return unit.startsWith(organisation) ? unit : `${organisation}${unit}`;
}
