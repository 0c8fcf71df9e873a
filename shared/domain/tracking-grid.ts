/**
 * 督促检查's grid for one year: a row per person with the plan, the twelve record books, and per
 * quarter the summary, the supervisor's evaluation and the filing register, each a cell against its
 * deadline.
 */
import { QUARTERS, type Quarter } from './calendar';
import type { PlanState } from './plan';
import {
  dutyCell,
  planCell,
  submissionCell,
  type Cell,
  type PlanCell,
  type Submittable,
} from './tracking-cells';
import {
  DEFAULT_TRACKING_RULES,
  quarterDeadline,
  recordDeadline,
  type Deadline,
  type TrackingRules,
} from './tracking-deadlines';

export type TrackedUnit = { id: string; name: string; path: string };
export type TrackedPerson = {
  id: string;
  name: string;
  unitId: string;
  supervisorId: string | null;
};

export type TrackingInput = {
  year: number;
  now: Date;
  rules?: TrackingRules;
  units: readonly TrackedUnit[];
  /** Everyone tracked, in display order; supervisors named by `supervisorId` should be among the roster names. */
  people: readonly TrackedPerson[];
  /** Names of every person on the roster (supervisors outside HR's scope included). */
  names: ReadonlyMap<string, string>;
  plans: readonly { personId: string; state: PlanState; version: number; filedAt?: string | undefined }[];
  records: readonly (Submittable & { personId: string; month: number })[];
  summaries: readonly (Submittable & { personId: string; quarter: Quarter })[];
  /** Signed evaluations (any version); the first signing counts for lateness. */
  evaluations: readonly { subject: string; quarter: Quarter; signedAt: string }[];
  /** Signed registers (any version). */
  registers: readonly {
    supervisorId: string;
    quarter: Quarter;
    version: number;
    signedAt: string;
    entries: readonly { personId: string }[];
  }[];
  spotChecks: readonly { personId: string; month: number | null; state: 'open' | 'corrected' | 'closed' }[];
};

export type TrackingRow = {
  personId: string;
  name: string;
  unitId: string;
  unitName: string;
  supervisorId: string | null;
  supervisorName: string;
  plan: PlanCell;
  months: Cell[];
  summaries: Cell[];
  /** The supervisor's evaluation of this person, per quarter. */
  evaluations: Cell[];
  /** Whether the supervisor's signed register of the quarter lists this person. */
  registers: Cell[];
  /** Spot checks of a month (1–12) or the whole year (0), by state. */
  spotChecks: { month: number; state: 'open' | 'corrected' | 'closed' }[];
};

function earliest(a: string | undefined, b: string): string {
  return a === undefined || b < a ? b : a;
}

export function buildTrackingRows(input: TrackingInput): TrackingRow[] {
  const rules = input.rules ?? DEFAULT_TRACKING_RULES;
  const { year, now } = input;
  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const plans = new Map(input.plans.map((p) => [p.personId, p]));
  const records = new Map(input.records.map((r) => [`${r.personId}/${r.month}`, r]));
  const summaries = new Map(input.summaries.map((s) => [`${s.personId}/${s.quarter}`, s]));
  const evaluated = new Map<string, string>();
  for (const e of input.evaluations) {
    const key = `${e.subject}/${e.quarter}`;
    evaluated.set(key, earliest(evaluated.get(key), e.signedAt));
  }
  // The register's first signing that lists the person.
  const registered = new Map<string, string>();
  const registerSigned = new Set<string>();
  for (const r of input.registers) {
    registerSigned.add(`${r.supervisorId}/${r.quarter}`);
    for (const e of r.entries) {
      const key = `${e.personId}/${r.quarter}`;
      registered.set(key, earliest(registered.get(key), r.signedAt));
    }
  }
  const spots = new Map<string, TrackingRow['spotChecks']>();
  for (const s of input.spotChecks) {
    const list = spots.get(s.personId);
    const spot = { month: s.month ?? 0, state: s.state };
    if (list) list.push(spot);
    else spots.set(s.personId, [spot]);
  }
  // The deadlines are the same for everyone: computed once, not once per person and cell.
  const monthDue = Array.from({ length: 12 }, (_, i) => recordDeadline(year, i + 1, rules));
  const summaryDue = QUARTERS.map((q) => quarterDeadline('summary', year, q, rules));
  const evaluationDue = QUARTERS.map((q) => quarterDeadline('evaluation', year, q, rules));
  const registerDue = QUARTERS.map((q) => quarterDeadline('register', year, q, rules));
  return input.people.map((p) => {
    const hasSupervisor = p.supervisorId !== null;
    const na = (due: Deadline): Cell => ({ state: 'notApplicable', due: due.date });
    return {
      personId: p.id,
      name: p.name,
      unitId: p.unitId,
      unitName: unitNames.get(p.unitId) ?? '',
      supervisorId: p.supervisorId,
      supervisorName: p.supervisorId ? (input.names.get(p.supervisorId) ?? p.supervisorId) : '',
      plan: planCell(plans.get(p.id), year, now, rules),
      months: monthDue.map((due, i) => submissionCell(records.get(`${p.id}/${i + 1}`), due, now)),
      summaries: QUARTERS.map((q, i) => submissionCell(summaries.get(`${p.id}/${q}`), summaryDue[i]!, now)),
      evaluations: QUARTERS.map((q, i) => {
        const due = evaluationDue[i]!;
        return hasSupervisor ? dutyCell(evaluated.get(`${p.id}/${q}`), due, now) : na(due);
      }),
      registers: QUARTERS.map((q, i) => {
        const due = registerDue[i]!;
        return hasSupervisor ? dutyCell(registered.get(`${p.id}/${q}`), due, now) : na(due);
      }),
      spotChecks: spots.get(p.id) ?? [],
    };
  });
}
