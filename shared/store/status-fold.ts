/**
 * One summary row per person and year (`personYears`), kept up to date in the same transaction as
 * every write that changes what organisation-wide screens show: imports (through the materialisers),
 * this device's own signed decisions (`materialiseOwn`), and an official's own submissions. The team
 * overview, HR's completeness grid and the annual worksheet read these rows — one indexed query for a
 * year — and never scan or count the record tables on render (IndexedDB costs about 35 µs a record).
 *
 * Each update is computed from the rows just written plus the status row itself: no other reads.
 */
import type { Table } from 'dexie';
import type {
  AnnualPlan,
  FeedbackRow,
  FilingReceipt,
  FilingRefusal,
  MonthlyRecord,
  QuarterGrade,
  QuarterSummary,
  Register,
  SignedEvaluation,
} from '../domain';

export type PeriodStatus = { state: string; version: number; submittedAt?: string; returnedAt?: string };

export type PersonYearStatus = {
  /** `${personId}/${year}` */
  id: string;
  personId: string;
  year: number;
  plan?: PeriodStatus & { approvedAt?: string; filedAt?: string; refusedAt?: string };
  /** By month 1–12. */
  months: Record<string, PeriodStatus>;
  /** By quarter 1–4. */
  summaries: Record<string, PeriodStatus>;
  /** The latest signed evaluation version per quarter. */
  evaluations: Record<
    string,
    {
      version: number;
      method: string;
      grade: QuarterGrade;
      score?: number;
      signedAt: string;
      firstSignedAt: string;
    }
  >;
  /** Feedback ids per quarter, and those the official has signed. */
  feedback: Record<string, { ids: string[]; acked: string[] }>;
  /**
   * A supervisor's own registers per quarter: the latest version, the versions filed, and for each
   * person any version lists, when a version first listed them (HR's grid reads this instead of
   * the registers themselves, which carry every entry's evaluation and run to kilobytes each).
   */
  registers: Record<
    string,
    {
      version: number;
      signedAt: string;
      filed: number[];
      filedAt?: string;
      listed?: Record<string, string>;
      /** Versions HR refused to file (不予备案), and when the last was refused. */
      refused?: number[];
      refusedAt?: string;
    }
  >;
};

export const statusId = (personId: string, year: number) => `${personId}/${year}`;

/**
 * What HR's organisation-wide screens (督促检查, 备案, 年度考核, 统计分析) read of a status row: the
 * states, versions and times they show, without what only folding needs (feedback ids, evaluation
 * methods, register filings). Kept beside each status row as one JSON string (`statusDigests`),
 * written with it in the same transaction: reading a year of 5,000 people reads 5,000 short strings
 * instead of 5,000 nested objects of about 2 KB — the structured clone of those was most of each
 * screen's time.
 */
export type StatusView = {
  id: string;
  personId: string;
  year: number;
  plan?: PersonYearStatus['plan'];
  months: Record<string, PeriodStatus>;
  summaries: Record<string, PeriodStatus>;
  evaluations: Record<string, { version: number; grade: QuarterGrade; score?: number; firstSignedAt: string }>;
  /** A supervisor's registers: the latest version, and when a version first listed each person. */
  registers: Record<string, { version: number; listed?: Record<string, string> }>;
};
export type StatusDigestRow = { id: string; year: number; d: string };

/** The digest of a status row (what `statusDigests` keeps). */
export function digestOf(s: PersonYearStatus): StatusDigestRow {
  const view: StatusView = {
    id: s.id,
    personId: s.personId,
    year: s.year,
    ...(s.plan ? { plan: s.plan } : {}),
    months: s.months,
    summaries: s.summaries,
    evaluations: Object.fromEntries(
      Object.entries(s.evaluations).map(([q, e]) => [
        q,
        {
          version: e.version,
          grade: e.grade,
          ...(e.score !== undefined ? { score: e.score } : {}),
          firstSignedAt: e.firstSignedAt,
        },
      ]),
    ),
    registers: Object.fromEntries(
      Object.entries(s.registers).map(([q, r]) => [
        q,
        { version: r.version, ...(r.listed ? { listed: r.listed } : {}) },
      ]),
    ),
  };
  return { id: s.id, year: s.year, d: JSON.stringify(view) };
}

/** A digest read back. */
export const viewOfDigest = (row: StatusDigestRow): StatusView => JSON.parse(row.d) as StatusView;

export function emptyStatus(personId: string, year: number): PersonYearStatus {
  return {
    id: statusId(personId, year),
    personId,
    year,
    months: {},
    summaries: {},
    evaluations: {},
    feedback: {},
    registers: {},
  };
}

/** The tables whose rows feed the status, by name, with the person and year each row belongs to. */
export const FEEDS: Record<string, (row: never) => { personId: string; year: number }> = {
  plans: (r: AnnualPlan) => r,
  monthlyRecords: (r: MonthlyRecord) => r,
  summaries: (r: QuarterSummary) => r,
  evaluations: (r: SignedEvaluation) => ({ personId: r.subject, year: r.year }),
  feedback: (r: FeedbackRow) => r,
  registers: (r: Register) => ({ personId: r.supervisorId, year: r.year }),
  filings: (r: FilingReceipt) => r,
  filingRefusals: (r: FilingRefusal) => r,
};

function period(row: {
  state: string;
  version: number;
  submittedAt?: string | undefined;
  returnedAt?: string | undefined;
}): PeriodStatus {
  return {
    state: row.state,
    version: row.version,
    ...(row.submittedAt ? { submittedAt: row.submittedAt } : {}),
    ...(row.returnedAt ? { returnedAt: row.returnedAt } : {}),
  };
}

/** Folds one written row into its status row (pure; the row's table says what it is). */
export function foldRow(status: PersonYearStatus, table: string, row: unknown): void {
  switch (table) {
    case 'plans': {
      const r = row as AnnualPlan;
      status.plan = {
        ...period(r),
        ...(r.approvedAt ? { approvedAt: r.approvedAt } : {}),
        ...(r.filedAt ? { filedAt: r.filedAt } : {}),
        ...(r.filingRefusal ? { refusedAt: r.filingRefusal.refusedAt } : {}),
      };
      return;
    }
    case 'monthlyRecords': {
      const r = row as MonthlyRecord;
      status.months[r.month] = period(r);
      return;
    }
    case 'summaries': {
      const r = row as QuarterSummary;
      status.summaries[r.quarter] = period(r);
      return;
    }
    case 'evaluations': {
      const r = row as SignedEvaluation;
      const seen = status.evaluations[r.quarter];
      const firstSignedAt = seen && seen.firstSignedAt < r.signedAt ? seen.firstSignedAt : r.signedAt;
      if (seen && seen.version >= r.version) {
        seen.firstSignedAt = firstSignedAt;
        return;
      }
      status.evaluations[r.quarter] = {
        version: r.version,
        method: r.method,
        grade: r.resultGrade,
        ...(r.resultScore !== undefined ? { score: r.resultScore } : {}),
        signedAt: r.signedAt,
        firstSignedAt,
      };
      return;
    }
    case 'feedback': {
      const r = row as FeedbackRow;
      const f = (status.feedback[r.quarter] ??= { ids: [], acked: [] });
      if (!f.ids.includes(r.id)) f.ids.push(r.id);
      if (r.ack && !f.acked.includes(r.id)) f.acked.push(r.id);
      return;
    }
    case 'registers': {
      const r = row as Register;
      const seen = status.registers[r.quarter];
      // Every version counts for who was listed when, whatever order the versions arrive in.
      const listed = { ...seen?.listed };
      for (const e of r.entries) {
        const at = listed[e.personId];
        if (at === undefined || r.signedAt < at) listed[e.personId] = r.signedAt;
      }
      if (seen && seen.version >= r.version) {
        seen.listed = listed;
        return;
      }
      status.registers[r.quarter] = {
        version: r.version,
        signedAt: r.signedAt,
        filed: seen?.filed ?? [],
        ...(seen?.filedAt ? { filedAt: seen.filedAt } : {}),
        ...(seen?.refused ? { refused: seen.refused } : {}),
        ...(seen?.refusedAt ? { refusedAt: seen.refusedAt } : {}),
        listed,
      };
      return;
    }
    case 'filings': {
      const r = row as FilingReceipt;
      if (r.what !== 'register' || r.quarter === undefined) return; // a plan's filing shows on the plan row
      const reg = (status.registers[r.quarter] ??= { version: 0, signedAt: '', filed: [] });
      if (!reg.filed.includes(r.version)) reg.filed.push(r.version);
      reg.filedAt = r.filedAt;
      return;
    }
    case 'filingRefusals': {
      const r = row as FilingRefusal;
      if (r.what !== 'register' || r.quarter === undefined) return; // a plan's refusal shows on the plan row
      const reg = (status.registers[r.quarter] ??= { version: 0, signedAt: '', filed: [] });
      if (!(reg.refused ??= []).includes(r.version)) reg.refused.push(r.version);
      if (!reg.refusedAt || r.refusedAt > reg.refusedAt) reg.refusedAt = r.refusedAt;
      return;
    }
  }
}

type Tables = { table(name: string): Table<unknown, unknown> };

/** Writes every status row's digest again (schema version 12's upgrade, and after a rebuild). */
export async function rebuildDigests(db: Tables): Promise<number> {
  const rows = (await db.table('personYears').toArray()) as PersonYearStatus[];
  await db.table('statusDigests').clear();
  await db.table('statusDigests').bulkPut(rows.map(digestOf));
  return rows.length;
}

/** Whether the database (or upgrade transaction) has the table: the older upgrade steps run before it exists. */
function hasTable(db: Tables, name: string): boolean {
  try {
    db.table(name);
    return true;
  } catch {
    return false;
  }
}

/** Recomputes every status row from the tables (the schema upgrade, and a repair), and their digests. */
export async function rebuildStatus(db: Tables): Promise<number> {
  const rows = new Map<string, PersonYearStatus>();
  for (const table of [
    'plans',
    'monthlyRecords',
    'summaries',
    'evaluations',
    'feedback',
    'registers',
    'filings',
    'filingRefusals',
  ]) {
    // An older schema step's upgrade (v5, v7) runs before later tables (filingRefusals, v11) exist.
    let source: Table<unknown, unknown>;
    try {
      source = db.table(table);
    } catch {
      continue;
    }
    const all = await source.toArray();
    all.sort(
      (a, b) => ((a as { version?: number }).version ?? 0) - ((b as { version?: number }).version ?? 0),
    );
    for (const r of all) {
      const { personId, year } = FEEDS[table]!(r as never);
      const id = statusId(personId, year);
      let s = rows.get(id);
      if (!s) rows.set(id, (s = emptyStatus(personId, year)));
      foldRow(s, table, r);
    }
  }
  await db.table('personYears').clear();
  await db.table('personYears').bulkPut([...rows.values()]);
  if (hasTable(db, 'statusDigests')) await rebuildDigests(db);
  return rows.size;
}
