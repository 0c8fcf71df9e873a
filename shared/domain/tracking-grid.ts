/**
 * 督促检查's grid for one year: a row per person (per person and unit, for a transfer) with the plan,
 * the twelve record books, and per quarter the summary, the supervisor's evaluation and the filing
 * register, each a cell against its deadline — or 不需报送 with the reason, for what the person's
 * dated periods say they do not owe (tracking-duties.ts).
 */
import { QUARTERS, type Quarter } from './calendar';
import type { PlanState } from './plan';
import type { PersonPeriod } from './periods';
import {
  dutyCell,
  notRequiredCell,
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
import { alwaysIn, elsewhere, unitsOfYear, yearDuties, type Duty } from './tracking-duties';

export type TrackedUnit = { id: string; name: string; path: string };
export type TrackedPerson = {
  id: string;
  name: string;
  /** The unit and supervisor shown when the person has no periods (and the roster's current ones). */
  unitId: string;
  supervisorId: string | null;
  /**
   * The roster's dated periods (periods.ts): who owes what each month, and in which unit, follows
   * them (tracking-duties.ts). Absent: owed everything, in `unitId`, under `supervisorId`.
   */
  periods?: readonly PersonPeriod[];
};

export type TrackingInput = {
  year: number;
  now: Date;
  rules?: TrackingRules;
  units: readonly TrackedUnit[];
  /** Everyone tracked, in display order; supervisors named by `supervisorId` should be among the roster names. */
  people: readonly TrackedPerson[];
  /** The units whose rows are shown (HR's scope); absent: all. A transferred person's other unit drops out. */
  unitsInScope?: readonly string[];
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
  /** Unique among the rows: the person's id, or `${personId}@${unitId}` for a person with a row per unit. */
  key: string;
  personId: string;
  name: string;
  unitId: string;
  unitName: string;
  supervisorId: string | null;
  supervisorName: string;
  /** The year's changes for this person ("2026年12月1日入职(调入),此前不需填报"), oldest first. */
  notes: string[];
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

/**
 * The year's rows: one per person, or — for a person who moved between units during the year — one
 * per unit, each holding the months and quarters that count there (the others say where they count).
 * Months and quarters a person does not owe (before their start, after their leaving, not a 公务员
 * then) are 不需报送 with the reason; people who were not a 公务员 on any day of the year have no row.
 */
export function buildTrackingRows(input: TrackingInput): TrackingRow[] {
  const rules = input.rules ?? DEFAULT_TRACKING_RULES;
  const { year, now } = input;
  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const unitName = (id: string) => unitNames.get(id) ?? '其他单位';
  const unitOrder = new Map(input.units.map((u, i) => [u.id, i]));
  const scope = input.unitsInScope ? new Set(input.unitsInScope) : null;
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
  for (const r of input.registers) {
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
  const na = (due: Deadline): Cell => ({ state: 'notApplicable', due: due.date });
  const out: { row: TrackingRow; order: number; index: number }[] = [];
  input.people.forEach((p, index) => {
    const duties = yearDuties(p.periods ?? alwaysIn(p.unitId, p.supervisorId), year, { rules, unitName });
    const stays = unitsOfYear(duties);
    for (const stay of stays) {
      if (scope && !scope.has(stay.unitId)) continue;
      // A slot owed in this row's unit; one owed elsewhere says where; one not owed says why.
      const here = (d: Duty, month: number): Duty =>
        !d.owed || d.unitId === stay.unitId
          ? d
          : elsewhere(duties, stay.unitId, d.unitId, month, stay.firstMonth, unitName);
      const months = monthDue.map((due, i): Cell => {
        const d = here(duties.months[i]!, i + 1);
        return d.owed
          ? submissionCell(records.get(`${p.id}/${i + 1}`), due, now)
          : notRequiredCell(due.date, d);
      });
      const quarters = QUARTERS.map((q, i) => here(duties.quarters[i]!, q * 3));
      const summaryCells = QUARTERS.map((q, i): Cell => {
        const d = quarters[i]!;
        return d.owed
          ? submissionCell(summaries.get(`${p.id}/${q}`), summaryDue[i]!, now)
          : notRequiredCell(summaryDue[i]!.date, d);
      });
      const duty = (i: number, due: Deadline, doneAt: string | undefined): Cell => {
        const d = quarters[i]!;
        if (!d.owed) return notRequiredCell(due.date, d);
        if (d.supervisorId === null) return na(due);
        const cell = dutyCell(doneAt, due, now);
        cell.by = d.supervisorId;
        cell.byName = input.names.get(d.supervisorId) ?? d.supervisorId;
        return cell;
      };
      const planDuty = here(duties.plan, 1);
      const plan: PlanCell = planDuty.owed
        ? planCell(plans.get(p.id), year, now, rules, duties.planDue)
        : { state: 'notRequired', due: duties.planDue.date, kind: planDuty.kind, reason: planDuty.reason };
      // The row's supervisor: the one of the latest quarter (or month) owed here.
      let supervisorId = p.supervisorId;
      if (p.periods !== undefined) {
        const slots = [...duties.quarters, ...duties.months];
        for (let k = slots.length - 1; k >= 0; k--) {
          const d = slots[k]!;
          if (d.owed && d.unitId === stay.unitId) {
            supervisorId = d.supervisorId;
            break;
          }
        }
      }
      const many = stays.length > 1;
      out.push({
        order: unitOrder.get(stay.unitId) ?? Infinity,
        index,
        row: {
          key: many ? `${p.id}@${stay.unitId}` : p.id,
          personId: p.id,
          name: p.name,
          unitId: stay.unitId,
          unitName: unitNames.get(stay.unitId) ?? '',
          supervisorId,
          supervisorName: supervisorId ? (input.names.get(supervisorId) ?? supervisorId) : '',
          notes: duties.notes,
          plan,
          months,
          summaries: summaryCells,
          evaluations: QUARTERS.map((q, i) => duty(i, evaluationDue[i]!, evaluated.get(`${p.id}/${q}`))),
          registers: QUARTERS.map((q, i) => duty(i, registerDue[i]!, registered.get(`${p.id}/${q}`))),
          spotChecks: spots.get(p.id) ?? [],
        },
      });
    }
  });
  // In unit order (a transferred person's second row goes to their second unit), then as given.
  return out.sort((a, b) => a.order - b.order || a.index - b.index).map((x) => x.row);
}
