/**
 * What one line of the 年度考核结果 screen shows: the linkage row beside the supervisor's 建议, HR's
 * current decision and the official's 本人意见 on it; searched, sorted and counted here, not in the page.
 */
import {
  annualOutcomeLabel,
  annualSuggestionLabels,
  type AnnualOutcome,
  type AnnualSuggestion,
  type AnnualRow,
  type AnnualUnitResult,
} from '../../../../shared/domain';
import { compareChinese } from '../../../../shared/domain/collate';

export type Outcome = AnnualOutcome;

export type LinkageRow = AnnualRow;

export type CommentView = {
  version: number;
  supervisorName: string;
  comment: string;
  suggestion: AnnualSuggestion;
  signedOn: string;
};

export type DecisionView = {
  version: number;
  factId: string;
  outcome: Outcome;
  committeeOpinion: string;
  tieNote?: string | undefined;
  opinionDueOn: string;
  decidedOn: string;
};

export type OpinionView = { decisionFactId: string; agree: boolean; text: string; signedOn: string };

export type DeskRow = {
  unit: AnnualUnitResult;
  row: LinkageRow;
  comment?: CommentView | undefined;
  decision?: DecisionView | undefined;
  /** The latest 本人意见 of the person for the year (it may answer an older decision). */
  opinion?: OpinionView | undefined;
};

export type OpinionState =
  | { kind: 'none' }
  | { kind: 'waiting'; due: string }
  | { kind: 'overdue'; due: string }
  | { kind: 'agree' | 'disagree'; current: boolean };

export const outcomeLabel = annualOutcomeLabel;

export const suggestionText = (s: AnnualSuggestion): string => annualSuggestionLabels[s];

export function opinionState(r: Pick<DeskRow, 'decision' | 'opinion'>, today: string): OpinionState {
  const d = r.decision;
  if (!d) return { kind: 'none' };
  const o = r.opinion;
  if (o) {
    const current = o.decisionFactId === d.factId;
    if (current || o.agree === false) return { kind: o.agree ? 'agree' : 'disagree', current };
  }
  return today > d.opinionDueOn
    ? { kind: 'overdue', due: d.opinionDueOn }
    : { kind: 'waiting', due: d.opinionDueOn };
}

/** A 复核 request: 有异议 on the person's current decision, not yet answered by a new version. */
export const awaitingReview = (r: DeskRow): boolean =>
  !!r.decision && !!r.opinion && !r.opinion.agree && r.opinion.decisionFactId === r.decision.factId;

/** What HR still has to do for the line: decide, or answer a 复核 request. */
export const needsWork = (r: DeskRow): boolean => !r.decision || awaitingReview(r);

/** 优秀 decided in the group, leaving out `exceptPersonId` (the one being decided). */
export function excellentGiven(rows: readonly DeskRow[], unitId: string, exceptPersonId?: string): number {
  return rows.filter(
    (r) =>
      r.unit.unitId === unitId &&
      r.row.personId !== exceptPersonId &&
      r.decision?.outcome.kind === 'graded' &&
      r.decision.outcome.grade === 'excellent',
  ).length;
}

export type SortKey = 'rank' | 'name' | 'status';

/** Rows matching the typed words (name, post or unit; all the words, any order). */
export function filterRows(rows: readonly DeskRow[], query: string, pendingOnly: boolean): DeskRow[] {
  const words = query.trim().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (pendingOnly && !needsWork(r)) return false;
    const hay = `${r.row.name} ${r.row.post} ${r.unit.unitName}`;
    return words.every((w) => hay.includes(w));
  });
}

const statusOrder = (r: DeskRow) => (awaitingReview(r) ? 0 : !r.decision ? 1 : 2);

/** Sorted within each unit; the linkage's own order (ranked candidates first) is 'rank'. */
export function sortRows(rows: readonly DeskRow[], key: SortKey): DeskRow[] {
  const index = new Map(rows.map((r, i) => [r, i]));
  const base = (a: DeskRow, b: DeskRow) => index.get(a)! - index.get(b)!;
  const cmp =
    key === 'name'
      ? (a: DeskRow, b: DeskRow) => compareChinese(a.row.name, b.row.name) || base(a, b)
      : key === 'status'
        ? (a: DeskRow, b: DeskRow) => statusOrder(a) - statusOrder(b) || base(a, b)
        : base;
  return [...rows].sort(cmp);
}

/** Rows grouped by unit, in the linkage's unit order. */
export function byUnit(rows: readonly DeskRow[]): { unit: AnnualUnitResult; rows: DeskRow[] }[] {
  const groups = new Map<string, { unit: AnnualUnitResult; rows: DeskRow[] }>();
  for (const r of rows) {
    const g = groups.get(r.unit.unitId) ?? { unit: r.unit, rows: [] };
    g.rows.push(r);
    groups.set(r.unit.unitId, g);
  }
  return [...groups.values()];
}
