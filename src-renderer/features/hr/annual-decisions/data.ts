/** What HR's 年度考核结果 screen reads (the linkage, the 建议, the decisions and 本人意见) and signs. */
import { useMemo } from 'react';
import {
  annualOutcomeLabel,
  decisionProblems,
  excellentGivenAmong,
  type AnnualDecisionContext,
  type AnnualDecisionRow,
  type AnnualDecisionRowInput,
} from '../../../../shared/domain';
import { describeError } from '../../../../shared/errors/messages.zh';
import {
  listAnnualComments,
  listAnnualDecisions,
  readAnnualReport,
  signAnnualDecision,
} from '../../../../shared/store';
import { useLiveFor } from '../../../components/useLiveFor';
import { useServices } from '../../../state/services';
import { readOrg } from '../org-service';
import { outcomeOf, type DecisionForm } from './form';
import type { DecisionView, DeskRow } from './rows';

export type Desk = { ok: true; noRoster: boolean; rows: DeskRow[] } | { ok: false; error: string };

const decisionView = (d: AnnualDecisionRow): DecisionView => ({
  version: d.version,
  factId: d.factId,
  outcome: d.outcome,
  committeeOpinion: d.committeeOpinion,
  tieNote: d.tieNote,
  opinionDueOn: d.opinionDueOn,
  decidedOn: d.decidedOn,
});

/** Everyone taking part in the year, per group in the linkage's order, with what is recorded of them. */
export function useDesk(year: number): Desk | undefined {
  const { db } = useServices();
  return useLiveFor<Desk>(
    String(year),
    async () => {
      try {
        const org = (await readOrg(db))?.name ?? '';
        const [report, comments, decisions] = await Promise.all([
          readAnnualReport(db, year, { organisationName: org || '本机关' }),
          listAnnualComments(db, year),
          listAnnualDecisions(db, year),
        ]);
        if (!report) return { ok: true, noRoster: true, rows: [] };
        const commentOf = new Map(comments.map((c) => [c.personId, c]));
        const decisionOf = new Map(decisions.map((d) => [d.personId, d]));
        const rows = report.linkage.units.flatMap((unit) =>
          unit.rows.map((row): DeskRow => {
            const c = commentOf.get(row.personId);
            const d = decisionOf.get(row.personId);
            return {
              unit,
              row,
              comment: c,
              decision: d ? decisionView(d) : undefined,
              opinion: d?.opinion,
            };
          }),
        );
        return { ok: true, noRoster: false, rows };
      } catch (e) {
        return { ok: false, error: describeError(e).title };
      }
    },
    [db, year],
  );
}

/** What decisionProblems and the store read of the person's linkage row and group. */
function linkageOf(
  r: DeskRow,
  all: readonly DeskRow[],
): { row: AnnualDecisionRowInput; context: AnnualDecisionContext } {
  return {
    row: {
      name: r.row.name,
      eligible: r.row.eligible,
      reasons: r.row.reasons,
      participation: r.row.participation,
      standing: r.row.standing,
    },
    context: {
      // The quota's rule in one place (annual-records.ts): the group's 优秀 in force, this person's left out.
      excellentGivenInGroup: excellentGivenAmong(
        all.flatMap((x) => (x.decision ? [{ personId: x.row.personId, outcome: x.decision.outcome }] : [])),
        all.filter((x) => x.unit.unitId === r.unit.unitId).map((x) => x.row.personId),
        r.row.personId,
      ),
      quota: r.unit.quota,
    },
  };
}

export function useDeskActions(year: number) {
  const { db } = useServices();
  return useMemo(
    () => ({
      /** The policy's refusals of the form as it would be signed (empty: it can be). */
      check: (r: DeskRow, all: readonly DeskRow[], form: DecisionForm): string[] => {
        const outcome = outcomeOf(form);
        if (!outcome) return [];
        const { row, context } = linkageOf(r, all);
        return decisionProblems({ outcome, committeeOpinion: form.committeeOpinion }, row, context);
      },
      /** Signs; the store checks again and refuses with a ValidationError in Chinese. */
      sign: async (r: DeskRow, all: readonly DeskRow[], form: DecisionForm) => {
        const outcome = outcomeOf(form);
        if (!outcome) throw new Error('no outcome chosen');
        const tie = r.row.standing === 'tie' ? form.tieNote.trim() : '';
        const signed = await signAnnualDecision(
          db,
          {
            personId: r.row.personId,
            year,
            outcome,
            committeeOpinion: form.committeeOpinion.trim(),
            ...(tie ? { tieNote: tie } : {}),
            opinionDueOn: form.opinionDueOn.trim(),
          },
          linkageOf(r, all),
        );
        return { version: signed.version, label: annualOutcomeLabel(signed.outcome) };
      },
    }),
    [db, year],
  );
}
