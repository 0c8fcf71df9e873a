/**
 * The 台账's rows: one per record HR holds — a plan, a month's 记实簿, a 季度小结, a quarter's
 * 领导评鉴, its 评鉴结果反馈, a supervisor's 备案登记表 — each with the version in force ("第2版"),
 * its state and period in words, built from the status rows (status-fold.ts) without reading a
 * record table. Pure, so the filters are tested without a screen.
 */
import {
  planStateLabels,
  quarterGradeLabels,
  recordStateLabels,
  summaryStateLabels,
  type OrgUnit,
  type Person,
  type QuarterGrade,
} from '../../../../shared/domain';
import type { PersonYearStatus } from '../../../../shared/store/status-fold';
import {
  materialKindLabels,
  materialPeriodKey,
  periodInWords,
  type MaterialKind,
  type MaterialRef,
} from '../../../records/materials';

export type ReceivedRow = {
  /** `kind/personId/period`: one row per record. */
  id: string;
  ref: MaterialRef;
  personId: string;
  name: string;
  unitId: string;
  unitName: string;
  kind: MaterialKind;
  kindLabel: string;
  /** '2026-03', '2026-Q2', '2026': for sorting and the period filter. */
  period: string;
  periodText: string;
  version: number;
  versionText: string;
  state: string;
  /** When the version in force was submitted or signed (ISO), if known. */
  at?: string;
};

/** The kinds the 台账 lists (a 备案回执 shows on its plan's or register's row; 年度考核 has its own tabs). */
export const RECEIVED_KINDS: readonly MaterialKind[] = [
  'plan',
  'record',
  'summary',
  'evaluation',
  'feedback',
  'register',
];

const gradeText = (g: QuarterGrade) => quarterGradeLabels[g];
const label = (labels: Readonly<Record<string, string>>, state: string) => labels[state] ?? state;

/** Every row of a year's status rows. People not in the table still show, by their 人员编号. */
export function receivedRows(
  year: number,
  statuses: readonly PersonYearStatus[],
  people: readonly Person[],
  units: readonly OrgUnit[],
): ReceivedRow[] {
  const personOf = new Map(people.map((p) => [p.id, p]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const rows: ReceivedRow[] = [];
  for (const s of statuses) {
    if (s.year !== year) continue;
    const p = personOf.get(s.personId);
    const base = {
      personId: s.personId,
      name: p?.name ?? s.personId,
      unitId: p?.unitId ?? '',
      unitName: p ? (unitName.get(p.unitId) ?? '') : '',
    };
    const add = (
      kind: MaterialKind,
      period: Pick<MaterialRef, 'quarter' | 'month'>,
      version: number,
      state: string,
      at: string | undefined,
      corrected = false,
    ) => {
      const ref: MaterialRef = { kind, personId: s.personId, year, ...period };
      const key = materialPeriodKey(ref);
      rows.push({
        ...base,
        id: `${kind}/${s.personId}/${key}`,
        ref,
        kind,
        kindLabel: materialKindLabels[kind],
        period: key,
        periodText: periodInWords(ref),
        version,
        versionText: `第${version}版${corrected ? '(更正)' : ''}`,
        state,
        ...(at ? { at } : {}),
      });
    };
    if (s.plan && s.plan.version > 0)
      add('plan', {}, s.plan.version, label(planStateLabels, s.plan.state), s.plan.submittedAt);
    for (const [m, st] of Object.entries(s.months)) {
      if (st.version > 0)
        add('record', { month: Number(m) }, st.version, label(recordStateLabels, st.state), st.submittedAt);
    }
    for (const q of [1, 2, 3, 4] as const) {
      const sum = s.summaries[q];
      if (sum && sum.version > 0)
        add('summary', { quarter: q }, sum.version, label(summaryStateLabels, sum.state), sum.submittedAt);
      const ev = s.evaluations[q];
      if (ev && ev.version > 0) {
        const result = ev.score !== undefined ? `${ev.score}分,${gradeText(ev.grade)}` : gradeText(ev.grade);
        add('evaluation', { quarter: q }, ev.version, `已签署 · ${result}`, ev.signedAt, ev.version > 1);
      }
      const fb = s.feedback[q];
      if (fb && fb.ids.length > 0) {
        const state =
          fb.acked.length === fb.ids.length
            ? '本人已签署意见'
            : `本人已签署${fb.acked.length}/${fb.ids.length}次`;
        add('feedback', { quarter: q }, fb.ids.length, state, undefined);
      }
      const reg = s.registers[q];
      if (reg && reg.version > 0) {
        const filed = reg.filed.includes(reg.version);
        add(
          'register',
          { quarter: q },
          reg.version,
          filed ? '已备案' : '已签署,待备案',
          reg.signedAt,
          reg.version > 1,
        );
      }
    }
  }
  // Feedback counts sessions, not versions: say so.
  for (const r of rows) if (r.kind === 'feedback') r.versionText = `${r.version}次`;
  return rows;
}

export type ReceivedFilter = {
  /** 姓名 or 人员编号, any part. */
  q: string;
  /** Whether a unit is within the chosen unit (and its sub-units); null: every unit. */
  unitOk: ((unitId: string) => boolean) | null;
  kind: MaterialKind | null;
  /** '2026', '2026-Q2' or '2026-03'; a quarter keeps its months, a year everything. */
  period: string | null;
};

/** Whether a row's period lies within the filter's. */
export function periodWithin(rowPeriod: string, period: string | null): boolean {
  if (!period) return true;
  if (rowPeriod === period) return true;
  const year = period.slice(0, 4);
  if (/^\d{4}$/.test(period)) return rowPeriod.startsWith(year);
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) {
    const m = /^\d{4}-(\d{2})$/.exec(rowPeriod);
    return rowPeriod.startsWith(year) && m !== null && Math.ceil(Number(m[1]) / 3) === Number(q[1]);
  }
  return false;
}

export function filterReceived(rows: readonly ReceivedRow[], f: ReceivedFilter): ReceivedRow[] {
  const q = f.q.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (q === '' || r.name.toLowerCase().includes(q) || r.personId.toLowerCase().includes(q)) &&
      (!f.unitOk || f.unitOk(r.unitId)) &&
      (!f.kind || r.kind === f.kind) &&
      periodWithin(r.period, f.period),
  );
}

/** Units within a unit (itself included), by the tree's paths; `sub` false: the unit alone. */
export function unitWithin(
  units: readonly OrgUnit[],
  unitId: string,
  sub: boolean,
): (unitId: string) => boolean {
  if (!sub) return (id) => id === unitId;
  const inside = new Set(units.filter((u) => u.path.includes(`/${unitId}/`)).map((u) => u.id));
  inside.add(unitId);
  return (id) => inside.has(id);
}

/** Periods to choose from for a year: the year, its quarters, its months — in words. */
export function periodOptions(year: number): { value: string; label: string }[] {
  const out = [{ value: String(year), label: `${year}年全年` }];
  for (const q of [1, 2, 3, 4] as const) {
    out.push({ value: `${year}-Q${q}`, label: periodInWords({ year, quarter: q }) });
    for (let m = q * 3 - 2; m <= q * 3; m++)
      out.push({ value: `${year}-${String(m).padStart(2, '0')}`, label: periodInWords({ year, month: m }) });
  }
  return out;
}

/** The year a period names ('2026-Q2' → 2026), or undefined. */
export function yearOfPeriod(period: string | null): number | undefined {
  const m = /^(\d{4})/.exec(period ?? '');
  return m ? Number(m[1]) : undefined;
}
