/** What the supervisor's 年度考核 screens read and write, live from the database. */
import { useMemo } from 'react';
import {
  getAnnualComment,
  getAnnualSummary,
  listTeamOfYear,
  readPersonYear,
  signAnnualComment,
  type TeamMember,
} from '../../../../shared/store';
import {
  deleteAnnualCommentDraft,
  getAnnualCommentDraft,
  saveAnnualCommentDraft,
  type AnnualCommentDraft,
} from '../../../../shared/store/annual-comment-drafts';
import type { AnnualCommentRow, AnnualSummaryRow } from '../../../../shared/domain';
import { removeMirror } from '../../../components/draftMirror';
import { useLiveFor } from '../../../components/useLiveFor';
import { useServices } from '../../../state/services';
import { quarterResults, type CommentForm, type QuarterResult, type Suggestion } from './form';
import type { SummaryView } from './YearEvidence';

/** The localStorage mirror of the 评语 form (see useAutosave). */
export const commentMirrorKey = (personId: string, year: number) =>
  `dutybook.draft.annualComment.${personId}.${year}`;

export type SignedCommentView = Pick<
  AnnualCommentRow,
  'version' | 'comment' | 'suggestion' | 'signedOn' | 'supervisorName' | 'supervisorId'
>;

const summaryView = (row: AnnualSummaryRow | undefined): SummaryView | undefined =>
  row && row.version > 0 && row.submittedOn
    ? { text: row.text, submittedOn: row.submittedOn, version: row.version }
    : undefined;

export type AnnualPersonData = {
  summary: SummaryView | undefined;
  quarters: QuarterResult[];
  draft: AnnualCommentDraft | undefined;
  /** The signed 评语 in force (whoever of the year's 主管领导 signed it last). */
  signed: SignedCommentView | undefined;
};

async function readPerson(db: Parameters<typeof readPersonYear>[0], personId: string, year: number) {
  const [summary, py, draft, signed] = await Promise.all([
    getAnnualSummary(db, personId, year),
    readPersonYear(db, personId, year),
    getAnnualCommentDraft(db, personId, year),
    getAnnualComment(db, personId, year),
  ]);
  return {
    summary: summaryView(summary),
    quarters: quarterResults(py.evaluations, year),
    draft,
    signed,
  };
}

export function useAnnualPerson(personId: string, year: number): AnnualPersonData | undefined {
  const { db } = useServices();
  return useLiveFor(`${personId}-${year}`, () => readPerson(db, personId, year), [db, personId, year]);
}

export type AnnualTeamRow = {
  person: TeamMember;
  summaryVersion: number;
  quarters: QuarterResult[];
  signed: SignedCommentView | undefined;
  hasDraft: boolean;
};

export function useAnnualTeam(team: readonly TeamMember[], year: number): AnnualTeamRow[] | undefined {
  const { db } = useServices();
  const ids = team.map((p) => p.id).join(',');
  const people = useMemo(() => [...team], [team]);
  return useLiveFor(
    `${ids}|${year}`,
    () =>
      Promise.all(
        people.map(async (person) => {
          const d = await readPerson(db, person.id, year);
          return {
            person,
            summaryVersion: d.summary?.version ?? 0,
            quarters: d.quarters,
            signed: d.signed,
            hasDraft: d.draft !== undefined,
          };
        }),
      ),
    [db, people, year],
  );
}

/** Saving the draft, signing (the draft and its mirror go once signed), dropping a correction. */
export function useCommentActions(subject: TeamMember, year: number) {
  const { db } = useServices();
  return useMemo(
    () => ({
      saveDraft: (form: CommentForm) => saveAnnualCommentDraft(db, subject.id, year, form),
      sign: async (form: { comment: string; suggestion: Suggestion }) => {
        const row = await signAnnualComment(db, { personId: subject.id, year, ...form });
        await deleteAnnualCommentDraft(db, subject.id, year);
        removeMirror(commentMirrorKey(subject.id, year));
        return row.version;
      },
      discardDraft: async () => {
        await deleteAnnualCommentDraft(db, subject.id, year);
        removeMirror(commentMirrorKey(subject.id, year));
      },
    }),
    [db, subject.id, year],
  );
}

/**
 * Everyone the supervisor supervised on some day of the year (a report who moved on in July is still
 * theirs to write the year's 评语 for); undefined while loading.
 */
export function useYearTeam(year: number): readonly TeamMember[] | undefined {
  const { db } = useServices();
  return useLiveFor(String(year), () => listTeamOfYear(db, year), [db, year]);
}
