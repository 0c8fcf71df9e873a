/**
 * 个人年度工作计划 in the example history: the official submits the year's plan, the supervisor
 * 核准 it or (now and then) 退回 it with a reason, and the official resubmits it amended. Bodies are
 * built as plan-repo's `submitPlan` and supervision-repo's `decidePlan` build them.
 */
import {
  jsonSnapshot,
  parseOrThrow,
  planDecisionSchema,
  planItemIssues,
  planVersionSchema,
  type PlanDecision,
  type PlanItem,
  type PlanVersion,
} from '../domain';
import { ValidationError } from '../errors/errors';
import { recordKeys } from '../ledger/facts';
import * as words from './content';
import { iso, type PersonYearRun } from './history-context';
import type { FactDraft } from './history-drafts';
import { beijing, planItems } from './forms';

export type PlanOfYear = {
  /** The items first submitted. */
  items: PlanItem[];
  /** The items of the plan in force (amended after a return). */
  currentItems: PlanItem[];
  /** The versions submitted, oldest first. */
  versions: { body: PlanVersion; draft: FactDraft }[];
};

/** The year's plan and the supervisor's decisions; null when not even its first version is before today. */
export function writePlan(run: PersonYearRun): PlanOfYear | null {
  const { ctx, writer, person, year, rng, supervisor, field, id } = run;
  const { later } = ctx;
  const stats = writer.stats;

  const items = planItems(rng, year, field);
  const planId = id(beijing(year, 1, 2));
  const planKey = recordKeys.plan(person.id, year);
  const decisionKey = recordKeys.planDecision(person.id, year);
  const planVersions: { body: PlanVersion; draft: FactDraft }[] = [];
  const submitPlan = (at: number, planItemsNow: PlanItem[]) => {
    const issues = planItemIssues(planItemsNow, year);
    if (issues.length > 0) throw new ValidationError(issues);
    const body = parseOrThrow(
      planVersionSchema,
      jsonSnapshot({
        id: id(at),
        planId,
        personId: person.id,
        year,
        version: planVersions.length + 1,
        items: planItemsNow,
        submittedAt: iso(at),
      }),
    );
    const prev = planVersions[planVersions.length - 1];
    const draft = writer.add({
      at,
      author: person.id,
      type: 'plan.version',
      subject: person.id,
      recordKey: planKey,
      body,
      parents: prev ? [prev.draft] : [],
    });
    if (draft) planVersions.push({ body, draft });
    return draft;
  };
  let decisionHead: FactDraft | null = null;
  const decide = (at: number, decision: 'approve' | 'return', reasons: PlanDecision['reasons']) => {
    const v = planVersions[planVersions.length - 1]!;
    const body: PlanDecision = parseOrThrow(
      planDecisionSchema,
      jsonSnapshot({
        id: id(at),
        personId: person.id,
        year,
        version: v.body.version,
        decision,
        by: supervisor!.name,
        opinion: decision === 'approve' ? rng.pick(words.APPROVAL_OPINIONS) : '',
        reasons,
        decidedAt: iso(at),
      }),
    );
    const draft = writer.add({
      at,
      author: supervisor!.id,
      type: decision === 'approve' ? 'plan.approval' : 'plan.return',
      subject: person.id,
      recordKey: decisionKey,
      body,
      parents: [...(decisionHead ? [decisionHead] : []), v.draft],
    });
    if (draft) decisionHead = draft;
    return draft;
  };

  let t = later(rng, beijing(year, 1, 3), 0, 14);
  if (!submitPlan(t, items)) return null;
  stats.plans += 1;
  let currentItems = items;
  if (supervisor) {
    t = later(rng, t, 1, 6);
    if (rng.chance(0.1)) {
      const item = rng.chance(0.5) ? rng.pick(items) : null;
      const reason = rng.pick(words.PLAN_RETURN_REASONS);
      if (decide(t, 'return', [{ itemId: item?.id ?? null, reason }])) {
        stats.planReturns += 1;
        currentItems = items.map((i) =>
          item === null || i.id === item.id ? { ...i, target: `${i.target},按季度分解落实` } : i,
        );
        t = later(rng, t, 1, 4);
        if (submitPlan(t, currentItems)) {
          t = later(rng, t, 1, 3);
          decide(t, 'approve', []);
        }
      }
    } else decide(t, 'approve', []);
  }
  return { items, currentItems, versions: planVersions };
}
